/** Authorizations and extended permissions: link tables between people and apps. */
import type { AuthorizationRepository, PermissionRepository } from '../store.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

const DEPENDENT_TABLES = ['extended_permissions', 'api_sessions', 'profile_fbml'];

export class PostgresAuthorizationRepository implements AuthorizationRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async authorize(uid: number, appId: number): Promise<void> {
    await this.#db.query('INSERT INTO app_authorizations (uid, app_id, authorized_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [uid, appId, Date.now()]);
  }

  async isAuthorized(uid: number, appId: number): Promise<boolean> {
    return (await this.#db.query('SELECT 1 FROM app_authorizations WHERE uid = $1 AND app_id = $2', [uid, appId], 'is-authorized')).rowCount! > 0;
  }

  async listApps(uid: number): Promise<number[]> {
    const { rows } = await this.#db.query<{ app_id: number }>('SELECT app_id FROM app_authorizations WHERE uid = $1 ORDER BY authorized_at, app_id', [uid]);
    return rows.map((row) => row.app_id);
  }

  revoke(uid: number, appId: number): Promise<boolean> {
    return this.#db.transaction(async (client) => {
      const removed = await client.query('DELETE FROM app_authorizations WHERE uid = $1 AND app_id = $2', [uid, appId]);
      for (const table of DEPENDENT_TABLES) await client.query(`DELETE FROM ${table} WHERE uid = $1 AND app_id = $2`, [uid, appId]);
      return removed.rowCount! > 0;
    });
  }
}

export class PostgresPermissionRepository implements PermissionRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async grant(uid: number, appId: number, permission: string): Promise<void> {
    await this.#db.query('INSERT INTO extended_permissions (uid, app_id, permission, granted_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      uid,
      appId,
      permission,
      Date.now(),
    ]);
  }

  async list(uid: number, appId: number): Promise<string[]> {
    const { rows } = await this.#db.query<{ permission: string }>(
      'SELECT permission FROM extended_permissions WHERE uid = $1 AND app_id = $2 ORDER BY permission COLLATE "C"',
      [uid, appId],
    );
    return rows.map((row) => row.permission);
  }

  async revoke(uid: number, appId: number, permission: string): Promise<boolean> {
    return (await this.#db.query('DELETE FROM extended_permissions WHERE uid = $1 AND app_id = $2 AND permission = $3', [uid, appId, permission])).rowCount! > 0;
  }
}
