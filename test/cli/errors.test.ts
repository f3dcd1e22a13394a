/**
 * Input an operator can fix gets exactly one line on stderr starting with `hearth: `, no stack
 * trace, exit status 1 — and changes nothing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOperatorError, hearth, tempDatabase, type TempDatabase } from '../support/cli.js';

describe.concurrent('hearth refuses bad input in one line', () => {
  let db: TempDatabase;
  let app: { app_id: number; api_key: string; secret: string; name: string };
  beforeAll(async () => {
    db = await tempDatabase();
    // The first command creates the database; the second may then run alongside the tests.
    app = await db.json('app', 'create', '--name', 'Existing', '--type', 'web', '--callback-url', 'http://existing.test/');
    await db.json('user', 'create', '--email', 'taken@example.com', '--password', 'long enough', '--name', 'Taken Person');
  });
  afterAll(() => db.remove());

  const user = (email: string, password: string, name: string) => ['user', 'create', '--email', email, '--password', password, '--name', name];
  const newApp = (...args: string[]) => ['app', 'create', '--name', 'Refused', ...args];
  /** `app update` of the existing app; its app_id is only known once beforeAll has run. */
  const APP = '{app}';

  it.each<[string, string[], string | RegExp]>([
    ['user create with an e-mail already registered', user('taken@example.com', 'another password', 'Other Person'), 'hearth: e-mail taken@example.com is already registered'],
    ['user create with an e-mail differing only in case', user('TAKEN@Example.Com', 'another password', 'Other Person'), 'hearth: e-mail taken@example.com is already registered'],
    ['user create with a 7-character password', user('short@example.com', 'seven77', 'Short Password'), 'hearth: a password needs at least 8 characters, not all spaces'],
    ['user create with a one-word name', user('cher@example.com', 'long enough', 'Cher'), /^hearth: a name needs a first and a last name.*; got "Cher"$/],
    ['app show of an unknown app_id', ['app', 'show', '999999'], 'hearth: no app with app_id or api_key "999999"'],
    ['app update of an unknown api_key', ['app', 'update', 'nosuchkey', '--new-secret'], 'hearth: no app with app_id or api_key "nosuchkey"'],
    ['app create with an ftp: callback URL', newApp('--type', 'web', '--callback-url', 'ftp://x'), 'hearth: callback URL must start with http:// or https://, not "ftp://x"'],
    ['app create with a callback URL that is no URL', newApp('--type', 'web', '--callback-url', 'notaurl'), 'hearth: callback URL is not a URL: "notaurl"'],
    ['app update with an empty callback URL', ['app', 'update', APP, '--callback-url', ''], 'hearth: callback URL is not a URL: ""'],
    ['app update with nothing to change', ['app', 'update', APP], /^hearth: nothing to change: /],
    ['user create with a picture URL that is no URL', [...user('pic@example.com', 'long enough', 'Pic Ture'), '--picture-url', 'notaurl'], 'hearth: picture URL is not a URL: "notaurl"'],
    ['user create with a password of spaces', user('spaces@example.com', '        ', 'Space Person'), 'hearth: a password needs at least 8 characters, not all spaces'],
    ['app create with a /33 CIDR block', newApp('--type', 'web', '--allowed-ips', '10.0.0.0/33'), 'hearth: not an IP address or CIDR block: "10.0.0.0/33"'],
    ['app update with a fruit among the addresses', ['app', 'update', APP, '--allowed-ips', '10.0.0.1,banana'], 'hearth: not an IP address or CIDR block: "banana"'],
    ['app create with an unknown --type', newApp('--type', 'mobile'), 'hearth: app type must be web or desktop, not "mobile"'],
    ['app update with a malformed --rate-limit', ['app', 'update', APP, '--rate-limit', 'fast'], 'hearth: rate limit must be REQUESTS/SECONDS such as 1000/3600, or none; got "fast"'],
    ['app create without the required --type', newApp(), "hearth: required option '--type <type>' not specified"],
    ['an unknown option', newApp('--type', 'web', '--colour', 'red'), "hearth: unknown option '--colour'"],
  ])('%s', async (_, args, message) => {
    const result = await db.run(...args.map((arg) => (arg === APP ? String(app.app_id) : arg)));
    expectOperatorError(result, message);
  });

  it('an unknown command', async () => {
    expectOperatorError(await hearth(['frobnicate'], { cwd: db.dir }), "hearth: unknown command 'frobnicate'");
  });

  it('--db with an unsupported location', async () => {
    expectOperatorError(await hearth(['app', 'list', '--db', 'mysql://x'], { cwd: db.dir }), 'hearth: unsupported database location "mysql://x": use sqlite:PATH or postgres://USER@HOST/DB');
  });

  it('--db at a path that cannot be created (below a regular file)', async () => {
    const file = join(db.dir, 'regular-file');
    await writeFile(file, 'not a directory\n');
    const result = await hearth(['maintenance', 'status', '--db', `sqlite:${join(file, 'sub', 'hearth.db')}`], { cwd: db.dir });
    expectOperatorError(result, /^hearth: cannot open SQLite database .*regular-file.*: its folder cannot be created \(a file is in the way\)$/);
  });

  it('--db naming a file that is not a database, or a folder', async () => {
    const file = join(db.dir, 'notes.txt');
    await writeFile(file, 'not a database\n'.repeat(400));
    expectOperatorError(await hearth(['app', 'list', '--db', `sqlite:${file}`], { cwd: db.dir }), /: the file is not a SQLite database$/);
    expectOperatorError(await hearth(['app', 'list', '--db', `sqlite:${db.dir}`], { cwd: db.dir }), /: the file cannot be opened \(is it a folder, or is its folder read-only\?\)$/);
  });

  it('a refused update changes nothing, not even the parts that were valid', async () => {
    const refused = await db.run('app', 'update', app.api_key, '--name', 'Renamed', '--new-secret', '--callback-url', 'ftp://x');
    expectOperatorError(refused, 'hearth: callback URL must start with http:// or https://, not "ftp://x"');
    expect(await db.json('app', 'show', String(app.app_id))).toEqual(app);
  });
});
