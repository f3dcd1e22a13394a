/** `hearth user create|list|show|update|invite|signup`: people who can sign in, and who may sign up. */
import { Command, Option } from 'commander';
import { isSignupMode, SIGNUP_MODES } from '../../features/accounts/signup-service.js';
import { SIGNUP_PATH } from '../../features/accounts/account-paths.js';
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
    .option('--password <password>', 'at least 8 characters; without it, asked for (typed twice) or read from standard input')
    .requiredOption('--name <name>', 'first and last name, e.g. "Ada Lovelace"')
    .option('--picture-url <url>', 'profile picture')
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) => {
      // Asked before the database is opened: a prompt must not hold the database open.
      const password: string = options.password ?? (await readNewPassword());
      return withStore(options.db, async (_store, services) => {
        const person = await services.people.register({
          email: options.email,
          password,
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
      });
    });

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

  command
    .command('invite')
    .description('print a sign-up link with a one-time invitation code (for --signup invite)')
    .option('--email <email>', 'the only address the invitation may sign up')
    .addOption(new Option('--url <url>', 'the address people reach this server at').default('http://127.0.0.1:8080'))
    .addOption(jsonOption())
    .addOption(dbOption())
    .action(async (options) => {
      const base = parseBaseUrl(options.url);
      return withStore(options.db, async (_store, services) => {
        const invitation = await services.signUps.invite(options.email);
        const link = `${base}${SIGNUP_PATH}?invite=${invitation.code}`;
        if (options.json) return printJson({ link, email: options.email?.trim().toLowerCase() ?? null, expires_at: invitation.expiresAt.toISOString() });
        const mode = await services.signUps.mode();
        const note = mode === 'invite' ? '' : `\n(sign-up is ${mode} now: the link works once it is invite or open, e.g. with hearth user signup invite)`;
        process.stdout.write(`${link}\nIt works once, until ${invitation.expiresAt.toISOString()}${options.email ? `, for ${options.email.trim().toLowerCase()} only` : ''}.${note}\n`);
      });
    });

  command
    .command('signup [mode]')
    .description(`show or set who may sign up at /r.php: ${SIGNUP_MODES.join(', ')} (closed until set)`)
    .addOption(dbOption())
    .action(async (mode: string | undefined, options) => {
      if (mode !== undefined && !isSignupMode(mode)) throw new CliError(`sign-up must be one of ${SIGNUP_MODES.join(', ')}, not ${JSON.stringify(mode)}`);
      return withStore(options.db, async (_store, services) => {
        if (mode !== undefined) await services.signUps.setMode(mode);
        process.stdout.write(`sign-up is ${await services.signUps.mode()}\n`);
      });
    });

  return command;
}

function parseBaseUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`--url must be a web address such as https://hearth.example.org, not ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`--url must start with http:// or https://, not ${JSON.stringify(text)}`);
  return url.origin;
}

/**
 * The password of `user create` without `--password`: typed twice at a prompt that does not echo
 * on a terminal, or the first line of standard input otherwise (`echo "$PW" | hearth user create …`),
 * so it never shows in the process list or the shell's history.
 */
async function readNewPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = firstLine(await readAll(process.stdin));
    if (password === '') throw new CliError('no password: give --password, or one line on standard input');
    return password;
  }
  const password = await promptHidden('Password: ');
  if (password === '') throw new CliError('no password typed');
  if ((await promptHidden('Password again: ')) !== password) throw new CliError('the two passwords are not the same');
  return password;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').replace(/\r$/, '');
}

/** Reads one line from the terminal with echo off; Ctrl-C cancels. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(question);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let typed: string[] = [];
    const finish = (outcome: () => void) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      outcome();
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(() => resolve(typed.join('')));
        if (char === '\u0003') return finish(() => reject(new CliError('cancelled')));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else if (char >= ' ') typed.push(char);
      }
    };
    input.on('data', onData);
  });
}
