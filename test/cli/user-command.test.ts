/** `hearth user create|list`. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectSuccess, tempDatabase, type CliResult, type TempDatabase } from '../support/cli.js';

interface PersonJson {
  uid: number;
  email: string;
  first_name: string;
  last_name: string;
  picture_url: string | null;
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
      { uid: 500000002, email: 'charles@example.com', first_name: 'Charles', last_name: 'Babbage Jr', picture_url: null, created_at: expect.any(String) },
    ]);
    expect(JSON.stringify(json)).not.toMatch(/password|hash|scrypt|analytical/i);
  });
});
