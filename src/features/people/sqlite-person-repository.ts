import type { NewPerson, Person, PersonChanges, PersonRepository } from '../store.js';
import { ACCOUNT_ONLY, PERSON_COLUMNS, toPerson, type PersonRow } from '../rows.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

export class SqlitePersonRepository implements PersonRepository {
  readonly #db: SqliteDatabase;
  readonly #byUid;
  readonly #byEmail;
  readonly #many;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    // json_each keeps this one prepared statement however many uids are asked for.
    this.#many = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE uid IN (SELECT value FROM json_each(?))');
    this.#byUid = db.prepare<[number], PersonRow>('SELECT * FROM people WHERE uid = ?');
    this.#byEmail = db.prepare<[string], PersonRow>('SELECT * FROM people WHERE email = ?');
  }

  create(person: NewPerson): Promise<Person> {
    return guarded(() => {
      const info = this.#db
        .prepare('INSERT INTO people (email, password_hash, first_name, last_name, picture_url, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(person.email, person.passwordHash, person.firstName, person.lastName, person.pictureUrl ?? null, Date.now());
      return toPerson(this.#byUid.get(Number(info.lastInsertRowid))!);
    });
  }

  findByUid(uid: number): Promise<Person | undefined> {
    return guarded(() => {
      const row = this.#byUid.get(uid);
      return row && toPerson(row);
    });
  }

  findByEmail(email: string): Promise<Person | undefined> {
    return guarded(() => {
      const row = this.#byEmail.get(email);
      return row && toPerson(row);
    });
  }

  findMany(uids: readonly number[]): Promise<Person[]> {
    return guarded(() => {
      if (uids.length === 0) return [];
      return this.#many.all(JSON.stringify(uids)).map(toPerson);
    });
  }

  list(): Promise<Person[]> {
    return guarded(() => this.#db.prepare<[], PersonRow>('SELECT * FROM people ORDER BY uid').all().map(toPerson));
  }

  update(uid: number, changes: PersonChanges, now: Date): Promise<Person | undefined> {
    return guarded(() => {
      const given = (Object.keys(changes) as Array<keyof PersonChanges>).filter((key) => changes[key] !== undefined);
      const assignments: Record<string, unknown> = {};
      for (const key of given) assignments[PERSON_COLUMNS[key]] = changes[key];
      if (given.some((key) => !ACCOUNT_ONLY.has(key))) assignments.profile_updated_at = now.getTime();
      const names = Object.keys(assignments);
      if (names.length > 0) {
        this.#db.prepare(`UPDATE people SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE uid = @uid`).run({ ...assignments, uid });
      }
      const row = this.#byUid.get(uid);
      return row && toPerson(row);
    });
  }
}
