import { ACCOUNT_ONLY, PERSON_COLUMNS, toPerson, type PersonRow } from '../rows.js';
import type { NewPerson, Person, PersonChanges, PersonRepository } from '../store.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

export class PostgresPersonRepository implements PersonRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async create(person: NewPerson): Promise<Person> {
    const { rows } = await this.#db.query<PersonRow>(
      'INSERT INTO people (email, password_hash, first_name, last_name, picture_url, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
      [person.email, person.passwordHash, person.firstName, person.lastName, person.pictureUrl ?? null, Date.now()],
    );
    return toPerson(rows[0]!);
  }

  async findByUid(uid: number): Promise<Person | undefined> {
    const { rows } = await this.#db.query<PersonRow>('SELECT * FROM people WHERE uid = $1', [uid]);
    return rows[0] && toPerson(rows[0]);
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const { rows } = await this.#db.query<PersonRow>('SELECT * FROM people WHERE email = $1', [email]);
    return rows[0] && toPerson(rows[0]);
  }

  async findMany(uids: readonly number[]): Promise<Person[]> {
    if (uids.length === 0) return [];
    return (await this.#db.query<PersonRow>('SELECT * FROM people WHERE uid = ANY($1::bigint[])', [uids])).rows.map(toPerson);
  }

  async list(): Promise<Person[]> {
    return (await this.#db.query<PersonRow>('SELECT * FROM people ORDER BY uid')).rows.map(toPerson);
  }

  async update(uid: number, changes: PersonChanges, now: Date): Promise<Person | undefined> {
    const given = (Object.keys(changes) as Array<keyof PersonChanges>).filter((key) => changes[key] !== undefined);
    const assignments: Record<string, unknown> = {};
    for (const key of given) assignments[PERSON_COLUMNS[key]] = changes[key];
    if (given.some((key) => !ACCOUNT_ONLY.has(key))) assignments.profile_updated_at = now.getTime();
    const names = Object.keys(assignments);
    if (names.length === 0) return this.findByUid(uid);
    const { rows } = await this.#db.query<PersonRow>(
      `UPDATE people SET ${names.map((name, index) => `${name} = $${index + 2}`).join(', ')} WHERE uid = $1 RETURNING *`,
      [uid, ...Object.values(assignments)],
    );
    return rows[0] && toPerson(rows[0]);
  }
}
