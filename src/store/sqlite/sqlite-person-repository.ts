import type { NewPerson, Person, PersonRepository } from '../store.js';
import { guarded, type SqliteDatabase } from './sqlite-connection.js';

interface PersonRow {
  uid: number;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  picture_url: string | null;
  created_at: number;
}

function toPerson(row: PersonRow): Person {
  return {
    uid: row.uid,
    email: row.email,
    passwordHash: row.password_hash,
    firstName: row.first_name,
    lastName: row.last_name,
    pictureUrl: row.picture_url,
    createdAt: new Date(row.created_at),
  };
}

export class SqlitePersonRepository implements PersonRepository {
  readonly #db: SqliteDatabase;
  readonly #byUid;
  readonly #byEmail;

  constructor(db: SqliteDatabase) {
    this.#db = db;
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

  list(): Promise<Person[]> {
    return guarded(() => this.#db.prepare<[], PersonRow>('SELECT * FROM people ORDER BY uid').all().map(toPerson));
  }
}
