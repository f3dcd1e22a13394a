import { appChangeColumns, toApp, type AppRow } from '../rows.js';
import type { App, AppChanges, AppRepository, NewApp } from '../store.js';
import type { PostgresConnection } from '../../db/postgres/postgres-connection.js';

export class PostgresAppRepository implements AppRepository {
  readonly #db: PostgresConnection;

  constructor(db: PostgresConnection) {
    this.#db = db;
  }

  async create(app: NewApp): Promise<App> {
    const { rows } = await this.#db.query<AppRow>(
      `INSERT INTO apps (api_key, secret, name, type, callback_url, allowed_addresses, rate_limit_requests, rate_limit_window_seconds,
         post_authorize_url, post_remove_url, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        app.apiKey,
        app.secret,
        app.name,
        app.type,
        app.callbackUrl,
        (app.allowedAddresses ?? []).join(','),
        app.rateLimit?.requests ?? null,
        app.rateLimit?.windowSeconds ?? null,
        app.postAuthorizeUrl ?? null,
        app.postRemoveUrl ?? null,
        Date.now(),
      ],
    );
    return toApp(rows[0]!);
  }

  async findById(appId: number): Promise<App | undefined> {
    const { rows } = await this.#db.query<AppRow>('SELECT * FROM apps WHERE app_id = $1', [appId]);
    return rows[0] && toApp(rows[0]);
  }

  async findByApiKey(apiKey: string): Promise<App | undefined> {
    const { rows } = await this.#db.query<AppRow>('SELECT * FROM apps WHERE api_key = $1', [apiKey]);
    return rows[0] && toApp(rows[0]);
  }

  async list(): Promise<App[]> {
    return (await this.#db.query<AppRow>('SELECT * FROM apps ORDER BY app_id')).rows.map(toApp);
  }

  async update(appId: number, changes: AppChanges): Promise<App | undefined> {
    const columns = appChangeColumns(changes);
    const names = Object.keys(columns);
    if (names.length === 0) return this.findById(appId);
    const { rows } = await this.#db.query<AppRow>(
      `UPDATE apps SET ${names.map((name, index) => `${name} = $${index + 2}`).join(', ')} WHERE app_id = $1 RETURNING *`,
      [appId, ...Object.values(columns)],
    );
    return rows[0] && toApp(rows[0]);
  }
}
