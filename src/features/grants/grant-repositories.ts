/** Authorizations and extended permissions in the database, for both dialects: small link tables between people and apps. */
import type { Database, Tx } from '../../db/database.js';
import type { AuthorizationRepository, PermissionRepository } from './records.js';

export class StoredAuthorizationRepository implements AuthorizationRepository {
  readonly #db: Database;
  readonly #appRemoved: (trx: Tx, uid: number, appId: number) => Promise<void>;

  /** @param appRemoved what every feature deletes with an authorization, run in the same transaction */
  constructor(db: Database, appRemoved: (trx: Tx, uid: number, appId: number) => Promise<void>) {
    this.#db = db;
    this.#appRemoved = appRemoved;
  }

  async authorize(uid: number, appId: number): Promise<void> {
    await this.#db.query
      .insertInto('app_authorizations')
      .values({ uid, app_id: appId, authorized_at: Date.now() })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }

  async isAuthorized(uid: number, appId: number): Promise<boolean> {
    const row = await this.#db.query.selectFrom('app_authorizations').select('uid').where('uid', '=', uid).where('app_id', '=', appId).executeTakeFirst();
    return row !== undefined;
  }

  async listApps(uid: number): Promise<number[]> {
    const rows = await this.#db.query.selectFrom('app_authorizations').select('app_id').where('uid', '=', uid).orderBy('authorized_at').orderBy('app_id').execute();
    return rows.map((row) => row.app_id);
  }

  revoke(uid: number, appId: number): Promise<boolean> {
    return this.#db.transaction(async (trx) => {
      const removed = await trx.deleteFrom('app_authorizations').where('uid', '=', uid).where('app_id', '=', appId).executeTakeFirst();
      await this.#appRemoved(trx, uid, appId);
      return removed.numDeletedRows > 0n;
    });
  }
}

export class StoredPermissionRepository implements PermissionRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async grant(uid: number, appId: number, permission: string): Promise<void> {
    await this.#db.query
      .insertInto('extended_permissions')
      .values({ uid, app_id: appId, permission, granted_at: Date.now() })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
  }

  async list(uid: number, appId: number): Promise<string[]> {
    const rows = await this.#db.query
      .selectFrom('extended_permissions')
      .select('permission')
      .where('uid', '=', uid)
      .where('app_id', '=', appId)
      .orderBy('permission')
      .execute();
    return rows.map((row) => row.permission);
  }

  async revoke(uid: number, appId: number, permission: string): Promise<boolean> {
    const result = await this.#db.query
      .deleteFrom('extended_permissions')
      .where('uid', '=', uid)
      .where('app_id', '=', appId)
      .where('permission', '=', permission)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
