/**
 * `hearth group create|add`: groups, as an operator seeds them (the API only reads groups). People
 * are named by uid or e-mail address; the creator is the group's first member and its admin.
 *
 *   hearth group create --name "Analytical Engine Fans" --creator ada@example.org --members 500000002,bob@example.org --privacy closed
 *   hearth group add 600000001 cleo@example.org --officer
 */
import { Command, Option } from 'commander';
import type { Services } from '../../features/feature.js';
import { GROUP_PRIVACIES, type GroupPrivacy } from '../../features/groups/records.js';
import type { Person } from '../../features/people/records.js';
import { CliError, dbOption, findPerson, formatFields, jsonOption, printJson, withStore } from '../cli-support.js';

const label = (person: Person) => `${person.firstName} ${person.lastName} (${person.uid})`;

function privacyOf(given: string): GroupPrivacy {
  const privacy = given.trim().toUpperCase();
  if (!(GROUP_PRIVACIES as readonly string[]).includes(privacy)) throw new CliError(`--privacy: ${JSON.stringify(given)} is not open, closed or secret`);
  return privacy as GroupPrivacy;
}

async function findGroup(services: Services, given: string) {
  const group = /^\d{1,15}$/.test(given) ? await services.groups.find(Number(given)) : undefined;
  if (group === undefined) throw new CliError(`no group with gid ${JSON.stringify(given)}`);
  return group;
}

export function groupCommand(): Command {
  const command = new Command('group').description('make groups and put people in them');

  command
    .command('create')
    .description('make a group; prints its gid')
    .requiredOption('--name <name>', "the group's name")
    .requiredOption('--creator <person>', 'who makes it (uid or e-mail); its first member and admin')
    .addOption(new Option('--members <people>', 'more members, comma-separated (uids or e-mails)'))
    .addOption(new Option('--privacy <privacy>', 'open (anyone sees who is in it), closed (anyone sees the group, only members who is in it) or secret (only members see it)').default('open'))
    .addOption(new Option('--description <text>', 'what the group is about').default(''))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options: { name: string; creator: string; members?: string; privacy: string; description: string; json?: boolean; db: string }) =>
      withStore(options.db, async (_store, services) => {
        const name = options.name.trim();
        if (name === '') throw new CliError('--name: the group needs a name');
        const privacy = privacyOf(options.privacy);
        const creator = await findPerson(services, options.creator);
        const named = (options.members ?? '').split(',').map((who) => who.trim()).filter((who) => who !== '');
        // Everyone is found before anything is made, so a typo leaves no half-made group.
        const members: Person[] = [];
        for (const who of named) members.push(await findPerson(services, who));
        const group = await services.groups.create({ name, creator: creator.uid, privacy, description: options.description });
        for (const member of members) if (member.uid !== creator.uid) await services.groups.addMember(group.gid, member.uid);
        const uids = [...new Set([creator.uid, ...members.map((member) => member.uid)])];
        if (options.json) return printJson({ gid: group.gid, name: group.name, privacy: group.privacy, creator: creator.uid, members: uids });
        process.stdout.write(`${group.gid}\n`);
      }),
    );

  command
    .command('add <group> <person>')
    .description('put a person (uid or e-mail) in a group (gid), as a member unless --invited')
    .addOption(new Option('--officer', 'the person is one of its officers'))
    .addOption(new Option('--admin', 'the person administers it'))
    .addOption(new Option('--invited', 'invited, not yet joined (not_replied)').conflicts(['officer', 'admin']))
    .addOption(dbOption())
    .action(async (given: string, who: string, options: { officer?: boolean; admin?: boolean; invited?: boolean; db: string }) =>
      withStore(options.db, async (_store, services) => {
        const group = await findGroup(services, given);
        const person = await findPerson(services, who);
        await services.groups.addMember(group.gid, person.uid, { officer: options.officer, admin: options.admin, invited: options.invited });
        const roles = [options.officer ? 'officer' : '', options.admin ? 'admin' : ''].filter((role) => role !== '');
        const place = options.invited ? 'invited' : roles.length > 0 ? `a member (${roles.join(', ')})` : 'a member';
        process.stdout.write(`${formatFields([['group', `${group.name} (${group.gid})`], ['person', label(person)], ['position', place]])}\n`);
      }),
    );

  return command;
}
