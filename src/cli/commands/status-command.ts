/**
 * `hearth status set|clear|list`: a person's status, as an operator seeds it (people set their own
 * on the home page; apps with status.set). People are named by uid or e-mail address. A status set
 * here is a post on the person's wall made on Hearth itself (source 0).
 *
 *   hearth status set ada@example.org "is computing Bernoulli numbers" --json
 *   hearth status clear 500000001
 *   hearth status list ada@example.org
 */
import { Command } from 'commander';
import type { Person } from '../../features/people/records.js';
import { postStatus } from '../../features/status/post-status.js';
import { CliError, dbOption, findPerson, formatFields, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

const label = (person: Person) => `${person.firstName} ${person.lastName} (${person.uid})`;

export function statusCommand(): Command {
  const command = new Command('status').description("set, clear and list a person's status");

  command
    .command('set <person> <text>')
    .description('set the status of a person (uid or e-mail); prints the status_id and the post_id')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, text: string, options) =>
      withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        if (text.trim() === '') throw new CliError('the status text is empty; to remove a status use: hearth status clear PERSON');
        const posted = await postStatus(services, { uid: person.uid, appId: null, text });
        if (options.json) return printJson({ uid: person.uid, status_id: posted.statusId, post_id: posted.postId });
        process.stdout.write(`${formatFields([['person', label(person)], ['status_id', String(posted.statusId)], ['post_id', posted.postId]])}\n`);
      }),
    );

  command
    .command('clear <person>')
    .description('remove the current status of a person (uid or e-mail); the history stays')
    .addOption(dbOption())
    .action(async (who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        await services.status.clear(person.uid);
        process.stdout.write(`${label(person)} has no current status now\n`);
      }),
    );

  command
    .command('list <person>')
    .description("a person's statuses, newest first (uid or e-mail)")
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (who: string, options) =>
      withStore(options.db, async (_store, services) => {
        const person = await findPerson(services, who);
        const [history, current] = await Promise.all([services.status.historyOf([person.uid], 100), services.status.current(person.uid)]);
        const rows = history.map((entry) => ({ status_id: entry.statusId, message: entry.message, time: entry.createdAt.toISOString(), current: entry.statusId === current?.statusId }));
        if (options.json) return printJson(rows);
        if (rows.length === 0) return void process.stdout.write(`${label(person)} has set no status yet. Set one with: hearth status set ${person.uid} TEXT\n`);
        process.stdout.write(`${formatTable(['STATUS_ID', 'TIME', 'CURRENT', 'MESSAGE'], rows.map((row) => [String(row.status_id), row.time, row.current ? 'yes' : '', row.message]))}\n`);
      }),
    );

  return command;
}
