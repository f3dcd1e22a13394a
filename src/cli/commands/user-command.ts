/** `hearth user create|list|show|update`: people who can sign in. */
import { Command, Option } from 'commander';
import { parseTimezone } from '../../features/people/people-service.js';
import type { Person } from '../../features/people/records.js';
import { CliError, dbOption, findPerson, formatFields, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

function personJson(person: Person) {
  return {
    uid: person.uid,
    email: person.email,
    first_name: person.firstName,
    last_name: person.lastName,
    picture_url: person.pictureUrl,
    sex: person.sex,
    birthday: person.birthday,
    locale: person.locale,
    timezone: person.timezone,
    profile_updated_at: person.profileUpdatedAt?.toISOString() ?? null,
    created_at: person.createdAt.toISOString(),
  };
}

function describePerson(person: Person): string {
  return formatFields([
    ['uid', String(person.uid)],
    ['name', `${person.firstName} ${person.lastName}`],
    ['email', person.email],
    ['picture_url', person.pictureUrl ?? '(none)'],
    ['sex', person.sex ?? '(not given)'],
    ['birthday', person.birthday ?? '(not given)'],
    ['locale', person.locale],
    ['timezone', person.timezone === null ? '(not given)' : String(person.timezone)],
  ]);
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

  command
    .command('show <person>')
    .description('show one person, named by uid or e-mail')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        if (options.json) printJson(personJson(person));
        else process.stdout.write(`${describePerson(person)}\n`);
      }),
    );

  command
    .command('update <person>')
    .description('change a person, named by uid or e-mail')
    .option('--email <email>', 'a new sign-in address')
    .option('--password <password>', 'a new password (at least 8 characters)')
    .option('--name <name>', 'first and last name')
    .option('--picture-url <url>', 'profile picture')
    .option('--no-picture-url', 'remove the picture')
    .option('--sex <sex>', 'male or female; "none" clears it')
    .option('--birthday <date>', 'e.g. "November 3" or "November 3, 1985"; "none" clears it')
    .option('--locale <locale>', 'e.g. en_US')
    .addOption(new Option('--timezone <hours>', 'hours from GMT, e.g. -8; "none" clears it'))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, options) => {
      const fields = ['email', 'password', 'name', 'pictureUrl', 'sex', 'birthday', 'locale', 'timezone'];
      if (!fields.some((field) => options[field] !== undefined)) {
        throw new CliError('nothing to change: give at least one of --email, --password, --name, --picture-url, --no-picture-url, --sex, --birthday, --locale, --timezone');
      }
      const orNull = (value: string | undefined) => (value === undefined ? undefined : value.toLowerCase() === 'none' ? null : value);
      const timezone = orNull(options.timezone);
      return withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        const updated = await services.people.update(person.uid, {
          email: options.email,
          password: options.password,
          name: options.name,
          // Commander sets pictureUrl to false for --no-picture-url.
          pictureUrl: options.pictureUrl === false ? null : options.pictureUrl,
          sex: orNull(options.sex),
          birthday: orNull(options.birthday),
          locale: options.locale,
          timezone: typeof timezone === 'string' ? parseTimezone(timezone) : timezone,
        });
        if (options.json) printJson(personJson(updated));
        else process.stdout.write(`${describePerson(updated)}\n`);
      });
    });

  return command;
}
