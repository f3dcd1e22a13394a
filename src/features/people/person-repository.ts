/** People in the database, for both dialects. */
import type { Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import type { NewPerson, Person, PersonChanges, PersonRepository } from './records.js';
import type { PeopleTable } from './tables.js';

function toPerson(row: Selectable<PeopleTable>): Person {
  return {
    uid: row.uid,
    email: row.email,
    passwordHash: row.password_hash,
    firstName: row.first_name,
    lastName: row.last_name,
    pictureUrl: row.picture_url,
    sex: row.sex,
    birthday: row.birthday,
    locale: row.locale,
    timezone: row.timezone,
    profileUpdatedAt: row.profile_updated_at === null ? null : new Date(row.profile_updated_at),
    createdAt: new Date(row.created_at),
  };
}

/** The column each changeable field is stored in. */
const COLUMNS = {
  email: 'email',
  passwordHash: 'password_hash',
  firstName: 'first_name',
  lastName: 'last_name',
  pictureUrl: 'picture_url',
  sex: 'sex',
  birthday: 'birthday',
  locale: 'locale',
  timezone: 'timezone',
} as const satisfies Record<keyof PersonChanges, keyof PeopleTable>;

/** Changes to these are account settings, not profile changes that apps hear about. */
const ACCOUNT_ONLY = new Set<keyof PersonChanges>(['email', 'passwordHash']);

/** Most uids one statement asks for; longer lists are read in several. */
const UIDS_PER_STATEMENT = 500;

export class StoredPersonRepository implements PersonRepository {
  readonly #db: Executor;

  constructor(db: Executor) {
    this.#db = db;
  }

  async create(person: NewPerson): Promise<Person> {
    const row = await this.#db
      .insertInto('people')
      .values({
        email: person.email,
        password_hash: person.passwordHash,
        first_name: person.firstName,
        last_name: person.lastName,
        picture_url: person.pictureUrl ?? null,
        created_at: Date.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPerson(row);
  }

  async findByUid(uid: number): Promise<Person | undefined> {
    const row = await this.#db.selectFrom('people').selectAll().where('uid', '=', uid).executeTakeFirst();
    return row && toPerson(row);
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const row = await this.#db.selectFrom('people').selectAll().where('email', '=', email).executeTakeFirst();
    return row && toPerson(row);
  }

  async findMany(uids: readonly number[]): Promise<Person[]> {
    const people: Person[] = [];
    for (let start = 0; start < uids.length; start += UIDS_PER_STATEMENT) {
      const rows = await this.#db.selectFrom('people').selectAll().where('uid', 'in', uids.slice(start, start + UIDS_PER_STATEMENT)).execute();
      people.push(...rows.map(toPerson));
    }
    return people;
  }

  async list(): Promise<Person[]> {
    return (await this.#db.selectFrom('people').selectAll().orderBy('uid').execute()).map(toPerson);
  }

  async update(uid: number, changes: PersonChanges, now: Date): Promise<Person | undefined> {
    const given = (Object.keys(changes) as Array<keyof PersonChanges>).filter((key) => changes[key] !== undefined);
    if (given.length === 0) return this.findByUid(uid);
    const columns: Record<string, unknown> = {};
    for (const key of given) columns[COLUMNS[key]] = changes[key];
    if (given.some((key) => !ACCOUNT_ONLY.has(key))) columns.profile_updated_at = now.getTime();
    const row = await this.#db
      .updateTable('people')
      .set(columns as Updateable<PeopleTable>)
      .where('uid', '=', uid)
      .returningAll()
      .executeTakeFirst();
    return row && toPerson(row);
  }
}
