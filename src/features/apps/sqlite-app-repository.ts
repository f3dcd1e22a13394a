import type { App, AppChanges, AppRepository, NewApp } from '../store.js';
import { appChangeColumns, toApp, type AppRow } from '../rows.js';
import { guarded, type SqliteDatabase } from '../../db/sqlite/sqlite-connection.js';

export class SqliteAppRepository implements AppRepository {
  readonly #db: SqliteDatabase;
  readonly #byId;
  readonly #byApiKey;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#byId = db.prepare<[number], AppRow>('SELECT * FROM apps WHERE app_id = ?');
    this.#byApiKey = db.prepare<[string], AppRow>('SELECT * FROM apps WHERE api_key = ?');
  }

  create(app: NewApp): Promise<App> {
    return guarded(() => {
      const info = this.#db
        .prepare(
          `INSERT INTO apps (api_key, secret, name, type, callback_url, allowed_addresses, rate_limit_requests, rate_limit_window_seconds,
             post_authorize_url, post_remove_url, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
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
        );
      return toApp(this.#byId.get(Number(info.lastInsertRowid))!);
    });
  }

  findById(appId: number): Promise<App | undefined> {
    return guarded(() => {
      const row = this.#byId.get(appId);
      return row && toApp(row);
    });
  }

  findByApiKey(apiKey: string): Promise<App | undefined> {
    return guarded(() => {
      const row = this.#byApiKey.get(apiKey);
      return row && toApp(row);
    });
  }

  list(): Promise<App[]> {
    return guarded(() => this.#db.prepare<[], AppRow>('SELECT * FROM apps ORDER BY app_id').all().map(toApp));
  }

  update(appId: number, changes: AppChanges): Promise<App | undefined> {
    return guarded(() => {
      const columns = appChangeColumns(changes);
      const names = Object.keys(columns);
      if (names.length > 0) {
        this.#db
          .prepare(`UPDATE apps SET ${names.map((name) => `${name} = @${name}`).join(', ')} WHERE app_id = @app_id`)
          .run({ ...columns, app_id: appId });
      }
      const row = this.#byId.get(appId);
      return row && toApp(row);
    });
  }
}
