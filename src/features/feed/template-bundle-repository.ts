/** Template bundles in the database, for both dialects. */
import type { Selectable } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import { prepareQuery } from '../../db/prepared-query.js';
import type { BundleContent, TemplateBundle, TemplateBundleRepository } from './records.js';
import type { TemplateBundlesTable } from './tables.js';

function toBundle(row: Selectable<TemplateBundlesTable>): TemplateBundle {
  return {
    bundleId: Number(row.bundle_id),
    appId: Number(row.app_id),
    content: JSON.parse(row.content) as BundleContent,
    active: Number(row.active) === 1,
    createdAt: new Date(Number(row.created_at)),
  };
}

export class StoredTemplateBundleRepository implements TemplateBundleRepository {
  readonly #db: Database;
  readonly #activeOf;
  readonly #find;

  constructor(db: Database) {
    this.#db = db;
    this.#activeOf = prepareQuery(db, (q, p: { appId: number }) =>
      q.selectFrom('template_bundles').selectAll().where('app_id', '=', p.appId).where('active', '=', 1).orderBy('bundle_id'),
    );
    this.#find = prepareQuery(db, (q, p: { appId: number; bundleId: number }) =>
      q.selectFrom('template_bundles').selectAll().where('app_id', '=', p.appId).where('bundle_id', '=', p.bundleId),
    );
  }

  async add(appId: number, content: BundleContent, contentHash: string, now: Date, trx: Tx): Promise<TemplateBundle> {
    const row = await trx
      .insertInto('template_bundles')
      .values({ app_id: appId, content: JSON.stringify(content), content_hash: contentHash, active: 1, created_at: now.getTime() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toBundle(row);
  }

  async activeWithHash(appId: number, contentHash: string, trx: Tx): Promise<TemplateBundle | undefined> {
    const row = await trx
      .selectFrom('template_bundles')
      .selectAll()
      .where('app_id', '=', appId)
      .where('active', '=', 1)
      .where('content_hash', '=', contentHash)
      .orderBy('bundle_id')
      .executeTakeFirst();
    return row && toBundle(row);
  }

  async countActive(appId: number, trx: Tx): Promise<number> {
    const row = await trx
      .selectFrom('template_bundles')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('app_id', '=', appId)
      .where('active', '=', 1)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async activeOf(appId: number): Promise<TemplateBundle[]> {
    return (await this.#activeOf.all({ appId })).map(toBundle);
  }

  async find(appId: number, bundleId: number): Promise<TemplateBundle | undefined> {
    const row = await this.#find.first({ appId, bundleId });
    return row && toBundle(row);
  }

  async deactivate(appId: number, bundleId: number): Promise<boolean> {
    const result = await this.#db.query
      .updateTable('template_bundles')
      .set({ active: 0 })
      .where('app_id', '=', appId)
      .where('bundle_id', '=', bundleId)
      .where('active', '=', 1)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
