/**
 * `hearth message send`: a message as the operator types it, starting a thread in the sender's
 * Sent Messages and each recipient's Inbox, as if written on /inbox/. People are named by uid or
 * e-mail address; the recipients, comma-separated, must be the sender's friends (the rules of the
 * inbox: mailbox-service.ts). Prints the thread id.
 *
 *   hearth message send --from ada@example.org --to bob@example.org --subject "Engine plans" --body "Shall we build it?"
 *   hearth message send --from 500000001 --to 500000002,500000003 --body "Tea at four?" --json
 */
import { Command } from 'commander';
import type { Person } from '../../features/people/records.js';
import { CliError, dbOption, findPerson, jsonOption, printJson, withStore } from '../cli-support.js';

export function messageCommand(): Command {
  const command = new Command('message').description('send messages between friends, as on the Inbox');

  command
    .command('send')
    .description('start a thread from one person to friends of theirs; prints the thread id')
    .requiredOption('--from <person>', 'who writes it: uid or e-mail')
    .requiredOption('--to <people>', 'friends of theirs it goes to: uids or e-mails, comma-separated')
    .option('--subject <text>', 'the subject (one line; none when not given)')
    .requiredOption('--body <text>', 'the message, plain text')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options: { from: string; to: string; subject?: string; body: string; json?: boolean; db: string }) =>
      withStore(options.db, async (_store, services) => {
        const from = await findPerson(services, options.from);
        const names = options.to.split(',').map((name) => name.trim()).filter((name) => name !== '');
        if (names.length === 0) throw new CliError('--to names nobody; give uids or e-mails, comma-separated');
        const to: Person[] = [];
        for (const name of names) to.push(await findPerson(services, name));
        const threadId = await services.mailbox.send({ from: from.uid, to: to.map((person) => person.uid), subject: options.subject ?? '', body: options.body });
        if (options.json) return printJson({ thread_id: threadId, from: from.uid, to: [...new Set(to.map((person) => person.uid))] });
        process.stdout.write(`${threadId}\n`);
      }),
    );

  return command;
}
