/**
 * `hearth friend add|remove|list`: friendships set by the operator, at once and without a
 * request (people ask each other on /friends.php). People are named by uid or e-mail address.
 *
 *   hearth friend add ada@example.org 500000002
 *   hearth friend remove 500000001 500000002
 *   hearth friend list ada@example.org --json
 */
import { Command } from 'commander';
import type { Services } from '../../features/feature.js';
import type { Person } from '../../features/people/records.js';
import { CliError, dbOption, findPerson, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';


/** Two different people; naming one person twice is refused before anything changes. */
async function findPair(services: Services, a: string, b: string): Promise<[Person, Person]> {
  const first = await findPerson(services, a);
  const second = await findPerson(services, b);
  if (first.uid === second.uid) throw new CliError(`${JSON.stringify(a)} and ${JSON.stringify(b)} are the same person (uid ${first.uid}); nobody is their own friend`);
  return [first, second];
}

const label = (person: Person) => `${person.firstName} ${person.lastName} (${person.uid})`;

export function friendCommand(): Command {
  const command = new Command('friend').description('make people friends, end friendships, list friends');

  command
    .command('add <person> <other>')
    .description('make two people friends at once, without a request (uids or e-mails)')
    .addOption(dbOption())
    .action(async (a: string, b: string, options) =>
      withStore(options.db, async (_store, services) => {
        const [first, second] = await findPair(services, a, b);
        const added = await services.friends.addDirectly(first.uid, second.uid);
        process.stdout.write(`${label(first)} and ${label(second)} ${added ? 'are now friends' : 'were already friends'}\n`);
      }),
    );

  command
    .command('remove <person> <other>')
    .description('end a friendship (uids or e-mails)')
    .addOption(dbOption())
    .action(async (a: string, b: string, options) =>
      withStore(options.db, async (_store, services) => {
        const [first, second] = await findPair(services, a, b);
        const removed = await services.friends.remove(first.uid, second.uid);
        process.stdout.write(`${label(first)} and ${label(second)} ${removed ? 'are no longer friends' : 'were not friends; nothing changed'}\n`);
      }),
    );

  command
    .command('list <person>')
    .description("list a person's friends in uid order (the person by uid or e-mail)")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        const uids = await services.friends.friendsOf(person.uid);
        const byUid = new Map((await services.people.findMany(uids)).map((friend) => [friend.uid, friend]));
        const friends = uids.flatMap((uid) => (byUid.has(uid) ? [byUid.get(uid)!] : []));
        if (options.json) {
          return printJson(friends.map((friend) => ({ uid: friend.uid, email: friend.email, first_name: friend.firstName, last_name: friend.lastName })));
        }
        if (friends.length === 0) return void process.stdout.write(`${label(person)} has no friends yet. Add one with: hearth friend add ${person.uid} OTHER\n`);
        process.stdout.write(
          `${formatTable(
            ['UID', 'EMAIL', 'NAME'],
            friends.map((friend) => [String(friend.uid), friend.email, `${friend.firstName} ${friend.lastName}`]),
          )}\n`,
        );
      }),
    );

  return command;
}
