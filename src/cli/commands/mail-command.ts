/**
 * `hearth mail`: the outbox, for the operator (docs/mail.md, "The outbox"). `list` shows the
 * newest mails and whether they went — with `--json` also their text, which is how a deployment
 * without a relay reads a sign-up confirmation. `send-pending` hands what waits to a relay now, also
 * mails the server gave up retrying, and prints how many went.
 *
 *   hearth mail list --unsent
 *   hearth mail list --json --limit 5
 *   hearth mail send-pending --smtp smtp://relay.example.org:25
 */
import { Command, Option } from 'commander';
import { createServices, openStore } from '../../platform.js';
import { MailSettingError, parseSmtpUrl } from '../../features/mail/mail-settings.js';
import type { OutboxMail } from '../../features/mail/records.js';
import { CliError, dbOption, formatTable, jsonOption, printJson, withStore } from '../cli-support.js';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;

function parseLimit(text: string): number {
  const limit = Number(text);
  if (!/^\d+$/.test(text) || limit < 1 || limit > MAX_LIMIT) throw new CliError(`--limit must be a whole number from 1 to ${MAX_LIMIT}`);
  return limit;
}

function status(mail: OutboxMail): string {
  if (mail.sentAt) return `sent ${mail.sentAt.toISOString()}`;
  if (mail.attempts === 0) return 'waiting';
  return `waiting, ${mail.attempts} ${mail.attempts === 1 ? 'try' : 'tries'}: ${mail.lastError ?? ''}`;
}

function mailJson(mail: OutboxMail) {
  return {
    id: mail.id,
    kind: mail.kind,
    app_id: mail.appId,
    to_uid: mail.toUid,
    to: mail.toAddress,
    from: `${mail.fromName} <${mail.fromAddress}>`,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    created_at: mail.createdAt.toISOString(),
    sent_at: mail.sentAt?.toISOString() ?? null,
    attempts: mail.attempts,
    last_error: mail.lastError,
  };
}

export function mailCommand(): Command {
  const command = new Command('mail').description('the e-mail Hearth sends: the outbox and the relay');

  command
    .command('list')
    .description('the newest mails in the outbox, and whether each went')
    .option('--unsent', 'only the mails still waiting')
    .addOption(new Option('--limit <n>', 'how many, newest first').default(String(DEFAULT_LIMIT)))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options: { unsent?: boolean; limit: string; json?: boolean; db: string }) => {
      const limit = parseLimit(options.limit);
      await withStore(options.db, async (_store, services) => {
        const mails = await services.mail.list({ unsent: options.unsent === true, limit });
        if (options.json) return printJson(mails.map(mailJson));
        if (mails.length === 0) return void process.stdout.write(options.unsent ? 'No mail is waiting.\n' : 'The outbox is empty.\n');
        const rows = mails.map((mail) => [String(mail.id), mail.kind, mail.toAddress, mail.subject, mail.createdAt.toISOString(), status(mail)]);
        process.stdout.write(`${formatTable(['ID', 'KIND', 'TO', 'SUBJECT', 'WRITTEN', 'STATUS'], rows)}\n`);
      });
    });

  command
    .command('send-pending')
    .description('hand every waiting mail to the relay now (also those the server stopped retrying); prints how many went')
    .addOption(new Option('--smtp <url>', 'the relay: smtp://host:25 or smtps://user:password@host:465').env('HEARTH_SMTP_URL').makeOptionMandatory())
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options: { smtp: string; json?: boolean; db: string }) => {
      let relay;
      try {
        relay = parseSmtpUrl(options.smtp);
      } catch (error) {
        if (error instanceof MailSettingError) throw new CliError(error.message);
        throw error;
      }
      const store = await openStore(options.db);
      const services = createServices(store, { mail: { relay } });
      try {
        const run = await services.mail.deliverPending({ everything: true, limit: MAX_LIMIT });
        const waiting = (await services.mail.list({ unsent: true, limit: MAX_LIMIT })).length;
        if (options.json) printJson({ sent: run.sent, failed: run.failed, waiting, relay_unreachable: run.stopped });
        else process.stdout.write(`${run.sent} sent, ${run.failed} not taken, ${waiting} waiting\n`);
        if (run.stopped) throw new CliError(`the relay ${services.mail.relay} cannot be reached; the mail waits (see hearth mail list --unsent)`);
      } finally {
        await services.mail.close();
        await store.close();
      }
    });

  return command;
}
