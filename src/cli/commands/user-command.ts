/** `hearth user create|list`: people who can sign in. */
import { Command } from 'commander';
import type { Person } from '../../store/store.js';
import { dbOption, formatFields, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

function personJson(person: Person) {
  return {
    uid: person.uid,
    email: person.email,
    first_name: person.firstName,
    last_name: person.lastName,
    picture_url: person.pictureUrl,
    created_at: person.createdAt.toISOString(),
  };
}

export function userCommand(): Command {
  const command = new Command('user').description('administer the people who can sign in');

  command
    .command('create')
    .description('create a person and print their uid')
    .requiredOption('--email <email>', 'the address they sign in with')
    .requiredOption('--password <password>', 'at least 8 characters')
    .requiredOption('--name <name>', 'first and last name, e.g. "Ada Lovelace"')
    .option('--picture-url <url>', 'profile picture')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const person = await services.people.register({
          email: options.email,
          password: options.password,
          name: options.name,
          pictureUrl: options.pictureUrl ?? null,
        });
        if (options.json) return printJson(personJson(person));
        process.stdout.write(
          `${formatFields([
            ['uid', String(person.uid)],
            ['name', `${person.firstName} ${person.lastName}`],
            ['email', person.email],
          ])}\n`,
        );
      }),
    );

  command
    .command('list')
    .description('list everyone')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) =>
      withStore(options.db, async (_store, services) => {
        const people = await services.people.list();
        if (options.json) return printJson(people.map(personJson));
        if (people.length === 0) return void process.stdout.write('Nobody yet. Add someone with: hearth user create --email E --password P --name "First Last"\n');
        process.stdout.write(
          `${formatTable(
            ['UID', 'EMAIL', 'NAME'],
            people.map((person) => [String(person.uid), person.email, `${person.firstName} ${person.lastName}`]),
          )}\n`,
        );
      }),
    );

  return command;
}
