/**
 * `hearth friendlist create|add|remove|list`: a person's friend lists, as the operator sets them
 * (people make their own on /friends.php). People are named by uid or e-mail address, lists by
 * flid; the list's owner is the one whose friends may be on it.
 *
 *   hearth friendlist create ada@example.org "Engine Club" --json
 *   hearth friendlist add 300000001 500000002
 *   hearth friendlist remove 300000001 bob@example.org
 *   hearth friendlist list ada@example.org --json
 */
import { Command } from 'commander';
import type { Services } from '../../features/feature.js';
import type { FriendList } from '../../features/friends/friend-list-service.js';
import type { Person } from '../../features/people/records.js';
import { CliError, dbOption, findPerson, formatFields, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

const label = (person: Person) => `${person.firstName} ${person.lastName} (${person.uid})`;
const listLabel = (list: FriendList) => `${JSON.stringify(list.name)} (${list.flid})`;

async function findList(services: Services, flid: string): Promise<FriendList> {
  const list = /^[1-9]\d{0,15}$/.test(flid) ? await services.friendLists.find(Number(flid)) : undefined;
  if (!list) throw new CliError(`no friend list with flid ${JSON.stringify(flid)}`);
  return list;
}

export function friendlistCommand(): Command {
  const command = new Command('friendlist').description("make a person's friend lists, put friends on them, list them");

  command
    .command('create <owner> <name>')
    .description('make a friend list for a person (uid or e-mail); prints its flid')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, name: string, options) =>
      withStore(options.db, async (_store, services) => {
        const owner = await findPerson(services, who);
        const list = await services.friendLists.create(owner.uid, name);
        if (options.json) return printJson({ flid: list.flid, name: list.name, owner: list.owner, created_at: list.createdAt.toISOString() });
        process.stdout.write(`${formatFields([['flid', String(list.flid)], ['name', list.name], ['owner', label(owner)]])}\n`);
      }),
    );

  command
    .command('add <flid> <person>')
    .description("put one of the list owner's friends on the list (uid or e-mail)")
    .addOption(dbOption())
    .action(async (flid: string, who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const list = await findList(services, flid);
        const person = await findPerson(services, who);
        if (person.uid === list.owner) throw new CliError(`${label(person)} owns the list ${listLabel(list)}; nobody is on their own friend list`);
        const outcome = await services.friendLists.addMember(list.owner, list.flid, person.uid);
        if (outcome === 'not-a-friend') throw new CliError(`${label(person)} is not a friend of the list's owner (uid ${list.owner}); only friends can be on a friend list`);
        // The list may have been deleted since it was looked up.
        if (outcome === 'no-such-list') throw new CliError(`no friend list with flid ${JSON.stringify(flid)}`);
        process.stdout.write(`${label(person)} ${outcome === 'added' ? 'is now on' : 'was already on'} the list ${listLabel(list)}\n`);
      }),
    );

  command
    .command('remove <flid> <person>')
    .description('take a person off a friend list (uid or e-mail)')
    .addOption(dbOption())
    .action(async (flid: string, who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const list = await findList(services, flid);
        const person = await findPerson(services, who);
        const removed = await services.friendLists.removeMember(list.owner, list.flid, person.uid);
        process.stdout.write(`${label(person)} ${removed ? 'is no longer on' : 'was not on'} the list ${listLabel(list)}${removed ? '' : '; nothing changed'}\n`);
      }),
    );

  command
    .command('list <owner>')
    .description("list a person's friend lists with their members, in flid order (the person by uid or e-mail)")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const owner = await findPerson(services, who);
        const lists = await services.friendLists.withMembers(owner.uid);
        if (options.json) return printJson(lists.map((list) => ({ flid: list.flid, name: list.name, members: list.members })));
        if (lists.length === 0) {
          return void process.stdout.write(`${label(owner)} has no friend lists yet. Make one with: hearth friendlist create ${owner.uid} NAME\n`);
        }
        process.stdout.write(
          `${formatTable(
            ['FLID', 'NAME', 'MEMBERS'],
            lists.map((list) => [String(list.flid), list.name, list.members.length === 0 ? '-' : list.members.join(',')]),
          )}\n`,
        );
      }),
    );

  return command;
}
