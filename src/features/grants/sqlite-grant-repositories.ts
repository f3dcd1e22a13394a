/** Authorizations and extended permissions: small link tables between people and apps. */
import type { AuthorizationRepository, PermissionRepository } from '../store.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

export class SqliteAuthorizationRepository implements AuthorizationRepository {
  readonly #insert;
  readonly #exists;
  readonly #listApps;
  readonly #revoke;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[number, number, number]>('INSERT OR IGNORE INTO app_authorizations (uid, app_id, authorized_at) VALUES (?, ?, ?)');
    this.#exists = db.prepare<[number, number], number>('SELECT 1 FROM app_authorizations WHERE uid = ? AND app_id = ?').pluck();
    this.#listApps = db.prepare<[number], number>('SELECT app_id FROM app_authorizations WHERE uid = ? ORDER BY authorized_at, app_id').pluck();
    const statements = ['app_authorizations', 'extended_permissions', 'api_sessions', 'profile_fbml'].map((table) =>
      db.prepare<[number, number]>(`DELETE FROM ${table} WHERE uid = ? AND app_id = ?`),
    );
    this.#revoke = db.transaction((uid: number, appId: number) => {
      const [authorization, ...dependents] = statements;
      const existed = authorization!.run(uid, appId).changes > 0;
      for (const statement of dependents) statement.run(uid, appId);
      return existed;
    });
  }

  authorize(uid: number, appId: number): Promise<void> {
    return guarded(() => void this.#insert.run(uid, appId, Date.now()));
  }

  isAuthorized(uid: number, appId: number): Promise<boolean> {
    return guarded(() => this.#exists.get(uid, appId) !== undefined);
  }

  listApps(uid: number): Promise<number[]> {
    return guarded(() => this.#listApps.all(uid));
  }

  revoke(uid: number, appId: number): Promise<boolean> {
    return guarded(() => this.#revoke.immediate(uid, appId));
  }
}

export class SqlitePermissionRepository implements PermissionRepository {
  readonly #insert;
  readonly #list;
  readonly #delete;

  constructor(db: SqliteDatabase) {
    this.#insert = db.prepare<[number, number, string, number]>(
      'INSERT OR IGNORE INTO extended_permissions (uid, app_id, permission, granted_at) VALUES (?, ?, ?, ?)',
    );
    this.#list = db.prepare<[number, number], string>('SELECT permission FROM extended_permissions WHERE uid = ? AND app_id = ? ORDER BY permission').pluck();
    this.#delete = db.prepare<[number, number, string]>('DELETE FROM extended_permissions WHERE uid = ? AND app_id = ? AND permission = ?');
  }

  grant(uid: number, appId: number, permission: string): Promise<void> {
    return guarded(() => void this.#insert.run(uid, appId, permission, Date.now()));
  }

  list(uid: number, appId: number): Promise<string[]> {
    return guarded(() => this.#list.all(uid, appId));
  }

  revoke(uid: number, appId: number, permission: string): Promise<boolean> {
    return guarded(() => this.#delete.run(uid, appId, permission).changes > 0);
  }
}
