/** Authorizations and extended permissions in the database, for both dialects: small link tables between people and apps. */
import { sql } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { AuthorizationRepository, PermissionRepository } from './records.js';

type Pair = { uid: number; appId: number };

export class StoredAuthorizationRepository implements AuthorizationRepository {
  readonly #db: Database;
  readonly #appRemoved: (trx: Tx, uid: number, appId: number) => Promise<void>;
  readonly #insert;
  readonly #exists;
  readonly #listApps;
  readonly #delete;
  readonly #among;
  readonly #uids: ValueList<number>;

  /** @param appRemoved what every feature deletes with an authorization, run in the same transaction */
  constructor(db: Database, appRemoved: (trx: Tx, uid: number, appId: number) => Promise<void>) {
    this.#db = db;
    this.#appRemoved = appRemoved;
    this.#insert = prepareQuery(db, (q, p: Placeholders<Pair & { now: number }>) =>
      q
        .insertInto('app_authorizations')
        .values({ uid: p.uid, app_id: p.appId, authorized_at: p.now })
        .onConflict((conflict) => conflict.doNothing()),
    );
    this.#exists = prepareQuery(db, (q, p: Placeholders<Pair>) => q.selectFrom('app_authorizations').select('uid').where('uid', '=', p.uid).where('app_id', '=', p.appId));
    this.#listApps = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q.selectFrom('app_authorizations').select('app_id').where('uid', '=', p.uid).orderBy('authorized_at').orderBy('app_id'),
    );
    this.#delete = prepareQuery(db, (q, p: Placeholders<Pair>) => q.deleteFrom('app_authorizations').where('uid', '=', p.uid).where('app_id', '=', p.appId));
    this.#uids = valueList(db, 'bigint');
    this.#among = prepareQuery(db, (q, p: Placeholders<{ appId: number; uids: unknown }>) =>
      q.selectFrom('app_authorizations').select('uid').where('app_id', '=', p.appId).where(this.#uids.contains(sql.ref('uid'), p.uids)),
    );
  }

  async authorizedAmong(appId: number, uids: readonly number[]): Promise<Set<number>> {
    if (uids.length === 0) return new Set();
    return new Set((await this.#among.all({ appId, uids: this.#uids.bind(uids) })).map((row) => row.uid));
  }

  async authorize(uid: number, appId: number): Promise<void> {
    await this.#insert.run({ uid, appId, now: Date.now() });
  }

  async isAuthorized(uid: number, appId: number): Promise<boolean> {
    return (await this.#exists.first({ uid, appId })) !== undefined;
  }

  async listApps(uid: number): Promise<number[]> {
    return (await this.#listApps.all({ uid })).map((row) => row.app_id);
  }

  revoke(uid: number, appId: number): Promise<boolean> {
    return this.#db.transaction(async (trx) => {
      const removed = await this.#delete.changed({ uid, appId }, trx);
      await this.#appRemoved(trx, uid, appId);
      return removed > 0;
    });
  }
}

export class StoredPermissionRepository implements PermissionRepository {
  readonly #insert;
  readonly #list;
  readonly #delete;
  readonly #grantedAmong;
  readonly #uids: ValueList<number>;

  constructor(db: Database) {
    this.#uids = valueList(db, 'bigint');
    this.#grantedAmong = prepareQuery(db, (q, p: Placeholders<{ appId: number; permission: string; uids: unknown }>) =>
      q
        .selectFrom('extended_permissions')
        .select('uid')
        .where('app_id', '=', p.appId)
        .where('permission', '=', p.permission)
        .where(this.#uids.contains(sql.ref('uid'), p.uids)),
    );
    this.#insert = prepareQuery(db, (q, p: Placeholders<Pair & { permission: string; now: number }>) =>
      q
        .insertInto('extended_permissions')
        .values({ uid: p.uid, app_id: p.appId, permission: p.permission, granted_at: p.now })
        .onConflict((conflict) => conflict.doNothing()),
    );
    this.#list = prepareQuery(db, (q, p: Placeholders<Pair>) =>
      q.selectFrom('extended_permissions').select('permission').where('uid', '=', p.uid).where('app_id', '=', p.appId).orderBy('permission'),
    );
    this.#delete = prepareQuery(db, (q, p: Placeholders<Pair & { permission: string }>) =>
      q.deleteFrom('extended_permissions').where('uid', '=', p.uid).where('app_id', '=', p.appId).where('permission', '=', p.permission),
    );
  }

  async grant(uid: number, appId: number, permission: string): Promise<void> {
    await this.#insert.run({ uid, appId, permission, now: Date.now() });
  }

  async list(uid: number, appId: number): Promise<string[]> {
    return (await this.#list.all({ uid, appId })).map((row) => row.permission);
  }

  async revoke(uid: number, appId: number, permission: string): Promise<boolean> {
    return (await this.#delete.changed({ uid, appId, permission })) > 0;
  }

  async grantedAmong(appId: number, permission: string, uids: readonly number[]): Promise<Set<number>> {
    if (uids.length === 0) return new Set();
    return new Set((await this.#grantedAmong.all({ appId, permission, uids: this.#uids.bind(uids) })).map((row) => row.uid));
  }
}
