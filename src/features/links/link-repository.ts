/** Shared links in the database, for both dialects. */
import { sql, type Selectable } from 'kysely';
import type { Database } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import type { LinkRepository, NewLink, SharedLink } from './records.js';
import type { LinksTable } from './tables.js';

function imageUrls(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((item): item is string => typeof item === 'string') : [];
}

function toLink(row: Selectable<LinksTable>): SharedLink {
  return {
    linkId: Number(row.link_id),
    owner: Number(row.owner_uid),
    appId: row.app_id === null ? null : Number(row.app_id),
    url: row.url,
    comment: row.owner_comment,
    title: row.title,
    summary: row.summary,
    imageUrls: imageUrls(row.image_urls),
    storyId: row.story_id === null ? null : Number(row.story_id),
    createdAt: new Date(Number(row.created_at)),
  };
}

export class StoredLinkRepository implements LinkRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;
  readonly #byIds;
  readonly #ofOwners;
  readonly #throughApp;

  constructor(db: Database) {
    this.#db = db;
    const ids = (this.#ids = valueList<number>(db, 'bigint'));
    this.#byIds = prepareQuery(db, (q, p: Placeholders<{ ids: unknown }>) => q.selectFrom('links').selectAll().where(ids.contains(sql.ref('link_id'), p.ids)));
    // Numbered newest first per owner, so that one statement serves any number of people.
    this.#ofOwners = prepareQuery(db, (_q, p: Placeholders<{ uids: unknown; limit: number }>) =>
      sql<Selectable<LinksTable>>`SELECT link_id, owner_uid, app_id, url, owner_comment, title, summary, image_urls, story_id, created_at FROM (
        SELECT links.*, ROW_NUMBER() OVER (PARTITION BY owner_uid ORDER BY created_at DESC, link_id DESC) AS rank
        FROM links WHERE ${ids.contains(sql.ref('owner_uid'), p.uids)}
      ) AS ranked WHERE rank <= ${p.limit} ORDER BY owner_uid, rank`,
    );
    this.#throughApp = prepareQuery(db, (q, p: Placeholders<{ uid: number; appId: number; limit: number }>) =>
      q
        .selectFrom('links')
        .selectAll()
        .where('owner_uid', '=', p.uid)
        .where('app_id', '=', p.appId)
        .orderBy('created_at', 'desc')
        .orderBy('link_id', 'desc')
        .limit(p.limit),
    );
  }

  async insert(link: NewLink): Promise<SharedLink> {
    const row = await this.#db.query
      .insertInto('links')
      .values({
        owner_uid: link.owner,
        app_id: link.appId,
        url: link.url,
        owner_comment: link.comment,
        title: link.title,
        summary: link.summary,
        image_urls: JSON.stringify(link.imageUrls),
        story_id: null,
        created_at: link.createdAt.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toLink(row);
  }

  async setStory(linkId: number, storyId: number): Promise<void> {
    await this.#db.query.updateTable('links').set({ story_id: storyId }).where('link_id', '=', linkId).execute();
  }

  async delete(linkId: number): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('links').where('link_id', '=', linkId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async byIds(linkIds: readonly number[]): Promise<SharedLink[]> {
    if (linkIds.length === 0) return [];
    return (await this.#byIds.all({ ids: this.#ids.bind(linkIds) })).map(toLink);
  }

  async ofOwners(uids: readonly number[], limit: number): Promise<SharedLink[]> {
    if (uids.length === 0 || limit <= 0) return [];
    return (await this.#ofOwners.all({ uids: this.#ids.bind(uids), limit })).map(toLink);
  }

  async ofOwnerThroughApp(uid: number, appId: number, limit: number): Promise<SharedLink[]> {
    if (limit <= 0) return [];
    return (await this.#throughApp.all({ uid, appId, limit })).map(toLink);
  }
}
