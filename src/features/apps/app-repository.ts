/** Apps in the database, for both dialects. Every call reads its app: the cached wrapper (cached-app-repository.ts) sits in front. */
import { sql, type Selectable, type Updateable } from 'kysely';
import type { Database, Executor, Tx } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import type { App, AppChanges, AppRepository, NewApp } from './records.js';
import type { AppsTable } from './tables.js';

function toApp(row: Selectable<AppsTable>): App {
  return {
    appId: row.app_id,
    apiKey: row.api_key,
    secret: row.secret,
    name: row.name,
    type: row.type,
    callbackUrl: row.callback_url,
    allowedAddresses: row.allowed_addresses === '' ? [] : row.allowed_addresses.split(','),
    rateLimit:
      row.rate_limit_requests === null || row.rate_limit_window_seconds === null
        ? null
        : { requests: row.rate_limit_requests, windowSeconds: row.rate_limit_window_seconds },
    postAuthorizeUrl: row.post_authorize_url,
    postRemoveUrl: row.post_remove_url,
    canvasName: row.canvas_name,
    createdAt: new Date(row.created_at),
  };
}

/** The columns an update writes: only those whose field was given. */
function changedColumns(changes: AppChanges): Updateable<AppsTable> {
  const columns: Updateable<AppsTable> = {};
  if (changes.name !== undefined) columns.name = changes.name;
  if (changes.type !== undefined) columns.type = changes.type;
  if (changes.callbackUrl !== undefined) columns.callback_url = changes.callbackUrl;
  if (changes.allowedAddresses !== undefined) columns.allowed_addresses = changes.allowedAddresses.join(',');
  if (changes.secret !== undefined) columns.secret = changes.secret;
  if (changes.postAuthorizeUrl !== undefined) columns.post_authorize_url = changes.postAuthorizeUrl;
  if (changes.postRemoveUrl !== undefined) columns.post_remove_url = changes.postRemoveUrl;
  if (changes.canvasName !== undefined) columns.canvas_name = changes.canvasName;
  if (changes.rateLimit !== undefined) {
    columns.rate_limit_requests = changes.rateLimit?.requests ?? null;
    columns.rate_limit_window_seconds = changes.rateLimit?.windowSeconds ?? null;
  }
  return columns;
}

export class StoredAppRepository implements AppRepository {
  readonly #db: Executor;
  readonly #byId;
  readonly #byApiKey;
  readonly #byCanvasName;

  constructor(db: Database) {
    this.#db = db.query;
    this.#byId = prepareQuery(db, (q, p: Placeholders<{ appId: number }>) => q.selectFrom('apps').selectAll().where('app_id', '=', p.appId));
    this.#byApiKey = prepareQuery(db, (q, p: Placeholders<{ apiKey: string }>) => q.selectFrom('apps').selectAll().where('api_key', '=', p.apiKey));
    this.#byCanvasName = prepareQuery(db, (q, p: Placeholders<{ canvasName: string }>) => q.selectFrom('apps').selectAll().where('canvas_name', '=', p.canvasName));
  }

  async create(app: NewApp): Promise<App> {
    const row = await this.#db
      .insertInto('apps')
      .values({
        api_key: app.apiKey,
        secret: app.secret,
        name: app.name,
        type: app.type,
        callback_url: app.callbackUrl,
        allowed_addresses: (app.allowedAddresses ?? []).join(','),
        rate_limit_requests: app.rateLimit?.requests ?? null,
        rate_limit_window_seconds: app.rateLimit?.windowSeconds ?? null,
        post_authorize_url: app.postAuthorizeUrl ?? null,
        post_remove_url: app.postRemoveUrl ?? null,
        canvas_name: app.canvasName ?? null,
        created_at: Date.now(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApp(row);
  }

  async findById(appId: number): Promise<App | undefined> {
    const row = await this.#byId.first({ appId });
    return row && toApp(row);
  }

  async findByApiKey(apiKey: string): Promise<App | undefined> {
    const row = await this.#byApiKey.first({ apiKey });
    return row && toApp(row);
  }

  async findByCanvasName(canvasName: string): Promise<App | undefined> {
    const row = await this.#byCanvasName.first({ canvasName });
    return row && toApp(row);
  }

  async list(): Promise<App[]> {
    return (await this.#db.selectFrom('apps').selectAll().orderBy('app_id').execute()).map(toApp);
  }

  async withCallbackContaining(fragment: string): Promise<App[]> {
    // The fragment matched as written: LIKE's wildcards in it are escaped.
    const pattern = `%${fragment.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
    const rows = await this.#db.selectFrom('apps').selectAll().where(sql<boolean>`callback_url LIKE ${pattern} ESCAPE '\\'`).orderBy('app_id').execute();
    return rows.map(toApp);
  }

  async update(appId: number, changes: AppChanges, trx?: Tx): Promise<App | undefined> {
    const columns = changedColumns(changes);
    const executor = trx ?? this.#db;
    if (Object.keys(columns).length === 0) {
      const row = await executor.selectFrom('apps').selectAll().where('app_id', '=', appId).executeTakeFirst();
      return row && toApp(row);
    }
    const row = await executor.updateTable('apps').set(columns).where('app_id', '=', appId).returningAll().executeTakeFirst();
    return row && toApp(row);
  }
}
