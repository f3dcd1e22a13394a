/** People in the database, for both dialects. */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Database, Executor } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
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

/** At most this many people answer a lookup by name: a common name must not read the whole table. */
export const FULL_NAME_MATCHES = 1000;

/** Changes to these are account settings, not profile changes that apps hear about. */
const ACCOUNT_ONLY = new Set<keyof PersonChanges>(['email', 'passwordHash']);

export class StoredPersonRepository implements PersonRepository {
  readonly #db: Executor;
  readonly #byUid;
  readonly #byEmail;
  readonly #many;
  readonly #byFullName;
  readonly #uids: ValueList<number>;
  readonly #names: ValueList<string>;

  constructor(database: Database) {
    const db = database.query;
    this.#db = db;
    this.#byUid = prepareQuery(database, (q, p: Placeholders<{ uid: number }>) => q.selectFrom('people').selectAll().where('uid', '=', p.uid));
    this.#byEmail = prepareQuery(database, (q, p: Placeholders<{ email: string }>) => q.selectFrom('people').selectAll().where('email', '=', p.email));
    this.#uids = valueList(database, 'bigint');
    this.#names = valueList(database, 'text');
    this.#many = prepareQuery(database, (q, p: Placeholders<{ uids: unknown }>) => q.selectFrom('people').selectAll().where(this.#uids.contains(sql.ref('uid'), p.uids)));
    // The same expression as the people_full_name index (migration 10), so that the index serves it.
    this.#byFullName = prepareQuery(database, (q, p: Placeholders<{ names: unknown }>) =>
      q.selectFrom('people').selectAll().where(this.#names.contains(sql`(first_name || ' ' || last_name)`, p.names)).orderBy('uid').limit(FULL_NAME_MATCHES),
    );
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
    const row = await this.#byUid.first({ uid });
    return row && toPerson(row);
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    const row = await this.#byEmail.first({ email });
    return row && toPerson(row);
  }

  async findMany(uids: readonly number[]): Promise<Person[]> {
    if (uids.length === 0) return [];
    return (await this.#many.all({ uids: this.#uids.bind(uids) })).map(toPerson);
  }

  async findByFullNames(names: readonly string[]): Promise<Person[]> {
    if (names.length === 0) return [];
    return (await this.#byFullName.all({ names: this.#names.bind(names) })).map(toPerson);
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
