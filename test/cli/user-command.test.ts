/** `hearth user create|list|show|update`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSuccess, tempDatabase, type CliResult, type TempDatabase } from '../support/cli.js';

interface PersonJson {
  uid: number;
  email: string;
  first_name: string;
  last_name: string;
  picture_url: string | null;
  sex: string | null;
  birthday: string | null;
  locale: string;
  timezone: number | null;
  profile_updated_at: string | null;
  created_at: string;
}

describe.concurrent('hearth user', () => {
  let db: TempDatabase;
  let emptyTable: CliResult;
  let adaCreated: CliResult;
  let charlesCreated: CliResult;
  beforeAll(async () => {
    db = await tempDatabase();
    // In order: the uids depend on it.
    emptyTable = await db.run('user', 'list');
    adaCreated = await db.run('user', 'create', '--email', 'Ada.Lovelace@Example.COM', '--password', 'analytical engine', '--name', 'Ada Lovelace', '--json');
    charlesCreated = await db.run('user', 'create', '--email', 'charles@example.com', '--password', 'difference', '--name', ' Charles  Babbage Jr ');
  });
  afterAll(() => db.remove());

  it('user list on an empty database says nobody is there yet', () => {
    expectSuccess(emptyTable);
    expect(emptyTable.stdout).toBe('Nobody yet. Add someone with: hearth user create --email E --password P --name "First Last"\n');
  });

  it('user create --json prints the first uid, 500000001, with the e-mail in lower case', () => {
    expectSuccess(adaCreated);
    const ada: PersonJson = JSON.parse(adaCreated.stdout);
    expect(ada).toEqual({
      uid: 500000001,
      email: 'ada.lovelace@example.com',
      first_name: 'Ada',
      last_name: 'Lovelace',
      picture_url: null,
      sex: null,
      birthday: null,
      locale: 'en_US',
      timezone: null,
      profile_updated_at: null,
      created_at: expect.any(String),
    });
    expect(new Date(ada.created_at).toISOString()).toBe(ada.created_at);
  });

  it('user create without --json shows uid, name and e-mail; everything after the first word is the last name', () => {
    expectSuccess(charlesCreated);
    expect(charlesCreated.stdout).toBe(['uid    500000002', 'name   Charles Babbage Jr', 'email  charles@example.com', ''].join('\n'));
  });

  it('user list shows everyone as a table and as JSON, without password hashes', async () => {
    const [table, json] = await Promise.all([db.run('user', 'list'), db.json<PersonJson[]>('user', 'list')]);
    expectSuccess(table);
    expect(table.stdout).toBe(
      [
        'UID        EMAIL                     NAME',
        '500000001  ada.lovelace@example.com  Ada Lovelace',
        '500000002  charles@example.com       Charles Babbage Jr',
        '',
      ].join('\n'),
    );
    expect(json).toEqual([
      JSON.parse(adaCreated.stdout),
      {
        uid: 500000002,
        email: 'charles@example.com',
        first_name: 'Charles',
        last_name: 'Babbage Jr',
        picture_url: null,
        sex: null,
        birthday: null,
        locale: 'en_US',
        timezone: null,
        profile_updated_at: null,
        created_at: expect.any(String),
      },
    ]);
    expect(JSON.stringify(json)).not.toMatch(/password|hash|scrypt|analytical/i);
  });
});

// Own database: these add people, which the exact tables above must not see.
describe.concurrent('hearth user show and update', () => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await tempDatabase();
    await db.json('user', 'create', '--email', 'charles@example.com', '--password', 'difference', '--name', 'Charles Babbage');
  });
  afterAll(() => db.remove());

  it('user update changes profile fields, stamps the update time, and user show reads them by uid or e-mail', async () => {
    const created = await db.json<PersonJson>('user', 'create', '--email', 'grace@example.com', '--password', 'compilers', '--name', 'Grace Hopper');
    const updated = await db.json<PersonJson>(
      'user', 'update', 'GRACE@example.com',
      '--name', 'Grace Brewster Hopper', '--picture-url', 'https://pics.test/grace.png', '--sex', 'Female',
      '--birthday', 'december 9, 1906', '--locale', 'en_GB', '--timezone', '-5',
    );
    expect(updated).toEqual({
      ...created,
      first_name: 'Grace',
      last_name: 'Brewster Hopper',
      picture_url: 'https://pics.test/grace.png',
      sex: 'female',
      birthday: 'December 9, 1906',
      locale: 'en_GB',
      timezone: -5,
      profile_updated_at: expect.any(String),
    });
    expect(await db.json('user', 'show', String(created.uid))).toEqual(updated);
    const shown = await db.run('user', 'show', 'grace@example.com');
    expectSuccess(shown);
    expect(shown.stdout).toContain('birthday     December 9, 1906\n');
    const cleared = await db.json<PersonJson>('user', 'update', String(created.uid), '--no-picture-url', '--sex', 'none', '--timezone', 'none');
    expect(cleared).toMatchObject({ picture_url: null, sex: null, timezone: null, birthday: 'December 9, 1906' });
  });

  it('user update takes a new password, and refuses bad input with one line', async () => {
    await db.json('user', 'create', '--email', 'alan@example.com', '--password', 'enigma machine', '--name', 'Alan Turing');
    const changed = await db.run('user', 'update', 'alan@example.com', '--password', 'bombe!!!');
    expectSuccess(changed);
    for (const [args, message] of [
      [['--sex', 'robot'], 'hearth: sex must be male or female, not "robot"\n'],
      [['--birthday', 'yesterday'], 'hearth: birthday must look like "November 3" or "November 3, 1985", not "yesterday"\n'],
      [['--timezone', '99'], 'hearth: timezone must be hours from GMT between -12 and 14, such as -8 or 5.5, not "99"\n'],
      [['--email', 'charles@example.com'], 'hearth: e-mail charles@example.com is already registered\n'],
      [[], /^hearth: nothing to change: /],
    ] as const) {
      const refused = await db.run('user', 'update', 'alan@example.com', ...args);
      expect(refused.code).toBe(1);
      if (typeof message === 'string') expect(refused.stderr).toBe(message);
      else expect(refused.stderr).toMatch(message);
    }
    const unknown = await db.run('user', 'show', 'nobody@example.com');
    expect(unknown.stderr).toBe('hearth: no person with uid or e-mail "nobody@example.com"\n');
  });
});
