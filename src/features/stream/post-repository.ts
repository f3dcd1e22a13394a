/**
 * Posts, comments and likes in the database, for both dialects. The reads every page and call
 * makes are one statement each whatever the number of posts (ids bound as one list parameter):
 * posts by id, comment and like previews per post (window functions), every comment or like of
 * some posts. A read of a wall or a news feed is built per call, as its filters vary.
 */
import { sql, type Selectable } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import { prepareQuery, type Placeholders } from '../../db/prepared-query.js';
import { valueList, type ValueList } from '../../db/value-list.js';
import { DECIDED_AFTER_READING, type PostPrivacy } from './privacy.js';
import type { ActionLink, CommentPreview, Like, LikePreview, NewPost, Post, PostQuery, PostRepository, PostType, StreamComment } from './records.js';
import type { PostCommentsTable, PostLikesTable, PostsTable } from './tables.js';

function toPost(row: Selectable<PostsTable>): Post {
  const privacy: PostPrivacy =
    row.privacy === 'CUSTOM' ? { value: 'CUSTOM', ...(JSON.parse(row.privacy_custom ?? '{}') as Omit<Extract<PostPrivacy, { value: 'CUSTOM' }>, 'value'>) } : ({ value: row.privacy } as PostPrivacy);
  return {
    storyId: row.story_id,
    wall: row.wall_uid,
    actor: row.actor_uid,
    appId: row.app_id,
    type: row.type as PostType,
    message: row.message,
    attachment: row.attachment === null ? null : (JSON.parse(row.attachment) as Record<string, unknown>),
    actionLinks: row.action_links === null ? null : (JSON.parse(row.action_links) as ActionLink[]),
    templateBundleId: row.template_bundle_id,
    privacy,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toComment(row: Selectable<PostCommentsTable>): StreamComment {
  return {
    commentId: row.comment_id,
    storyId: row.story_id,
    fromUid: row.from_uid,
    appId: row.app_id,
    text: row.text,
    createdAt: new Date(Number(row.created_at)),
  };
}

function toLike(row: Selectable<PostLikesTable>): Like {
  return { storyId: row.story_id, uid: row.uid, createdAt: new Date(Number(row.created_at)) };
}

type Ids = Placeholders<{ ids: unknown }>;

/** The post's updated time moved on to `now` (never back). */
const bumped = (now: number) => sql<number>`CASE WHEN updated_at < ${now} THEN ${now} ELSE updated_at END`;

/**
 * Moves the stream activity of the post's wall owner and author on to `time` (never back). The
 * `WHERE true` keeps SQLite from reading the upsert's ON as a join's.
 */
async function touch(trx: Tx, storyId: number, time: number): Promise<void> {
  await sql`INSERT INTO stream_activity (uid, updated_at)
SELECT uid, CAST(${time} AS BIGINT) FROM (
  SELECT wall_uid AS uid FROM posts WHERE story_id = ${storyId} UNION SELECT actor_uid AS uid FROM posts WHERE story_id = ${storyId}
) AS sides WHERE true
ON CONFLICT (uid) DO UPDATE SET updated_at = CASE WHEN excluded.updated_at > stream_activity.updated_at THEN excluded.updated_at ELSE stream_activity.updated_at END`.execute(trx);
}

export class StoredPostRepository implements PostRepository {
  readonly #db: Database;
  readonly #ids: ValueList<number>;
  readonly #texts: ValueList<string>;
  readonly #byIds;
  readonly #commentsById;
  readonly #commentsOf;
  readonly #commentPreviews;
  readonly #likesOf;
  readonly #likesBy;
  readonly #likePreviews;
  readonly #appsWithPosts;
  readonly #countByActor;
  readonly #activityOf;

  constructor(db: Database) {
    this.#db = db;
    const ids = (this.#ids = valueList<number>(db, 'bigint'));
    this.#texts = valueList<string>(db, 'text');
    this.#byIds = prepareQuery(db, (q, p: Ids) => q.selectFrom('posts').selectAll().where(ids.contains(sql.ref('story_id'), p.ids)));
    this.#commentsById = prepareQuery(db, (q, p: Ids) => q.selectFrom('post_comments').selectAll().where(ids.contains(sql.ref('comment_id'), p.ids)));
    this.#commentsOf = prepareQuery(db, (q, p: Ids) =>
      q.selectFrom('post_comments').selectAll().where(ids.contains(sql.ref('story_id'), p.ids)).orderBy('story_id').orderBy('comment_id'),
    );
    // The newest `latest` comments of each post with the post's count, numbered so that one statement serves any number of posts.
    this.#commentPreviews = prepareQuery(db, (_q, p: Ids & Placeholders<{ latest: number }>) =>
      sql<Selectable<PostCommentsTable> & { total: number }>`SELECT comment_id, story_id, from_uid, app_id, text, created_at, total FROM (
  SELECT comment_id, story_id, from_uid, app_id, text, created_at,
    ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY comment_id DESC) AS newest,
    COUNT(*) OVER (PARTITION BY story_id) AS total
  FROM post_comments WHERE ${ids.contains(sql.ref('story_id'), p.ids)}
) ranked WHERE newest <= ${p.latest} ORDER BY story_id, comment_id`,
    );
    this.#likesOf = prepareQuery(db, (q, p: Ids) =>
      q.selectFrom('post_likes').selectAll().where(ids.contains(sql.ref('story_id'), p.ids)).orderBy('story_id').orderBy('created_at', 'desc').orderBy('uid'),
    );
    this.#likesBy = prepareQuery(db, (q, p: Placeholders<{ uid: number }>) =>
      q.selectFrom('post_likes').selectAll().where('uid', '=', p.uid).orderBy('created_at', 'desc').orderBy('story_id', 'desc'),
    );
    this.#likePreviews = prepareQuery(db, (_q, p: Ids & Placeholders<{ among: unknown; sample: number }>) =>
      sql<{ story_id: number; uid: number; total: number }>`SELECT story_id, uid, total FROM (
  SELECT story_id, uid,
    ROW_NUMBER() OVER (PARTITION BY story_id ORDER BY created_at DESC, uid) AS newest,
    COUNT(*) OVER (PARTITION BY story_id) AS total
  FROM post_likes WHERE ${ids.contains(sql.ref('story_id'), p.ids)}
) ranked WHERE newest <= ${p.sample} OR ${ids.contains(sql.ref('uid'), p.among)} ORDER BY story_id, newest`,
    );
    this.#activityOf = prepareQuery(db, (q, p: Ids) => q.selectFrom('stream_activity').select(['uid', 'updated_at']).where(ids.contains(sql.ref('uid'), p.ids)));
    // One index seek per app (EXISTS stops at its first post), not a pass over every post of each.
    this.#appsWithPosts = prepareQuery(db, (q, p: Ids) =>
      q
        .selectFrom('apps')
        .select('apps.app_id')
        .where(ids.contains(sql.ref('apps.app_id'), p.ids))
        .where((eb) => eb.exists(eb.selectFrom('posts').select('posts.story_id').whereRef('posts.app_id', '=', 'apps.app_id'))),
    );
    this.#countByActor = prepareQuery(db, (q, p: Placeholders<{ actor: number; appId: number; since: number }>) =>
      q
        .selectFrom('posts')
        .select((eb) => eb.fn.countAll<number>().as('posts'))
        .where('actor_uid', '=', p.actor)
        .where('app_id', '=', p.appId)
        .where('created_at', '>=', p.since),
    );
  }

  async insert(post: NewPost): Promise<Post> {
    const custom = post.privacy.value === 'CUSTOM' ? { friends: post.privacy.friends, allow: post.privacy.allow, deny: post.privacy.deny } : null;
    return this.#db.transaction(async (trx) => {
      const row = await trx
        .insertInto('posts')
        .values({
          wall_uid: post.wall,
          actor_uid: post.actor,
          app_id: post.appId,
          type: post.type,
          message: post.message,
          attachment: post.attachment === null ? null : JSON.stringify(post.attachment),
          action_links: post.actionLinks === null ? null : JSON.stringify(post.actionLinks),
          template_bundle_id: post.templateBundleId,
          privacy: post.privacy.value,
          privacy_custom: custom === null ? null : JSON.stringify(custom),
          created_at: post.createdAt.getTime(),
          updated_at: post.createdAt.getTime(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await touch(trx, row.story_id, post.createdAt.getTime());
      return toPost(row);
    });
  }

  async byIds(storyIds: readonly number[]): Promise<Post[]> {
    if (storyIds.length === 0) return [];
    return (await this.#byIds.all({ ids: this.#ids.bind(storyIds) })).map(toPost);
  }

  async find(query: PostQuery): Promise<Post[]> {
    if (query.sources.length === 0 || query.limit <= 0 || query.storyIds?.length === 0) return [];
    const ids = this.#ids;
    const sources = ids.bind(query.sources);
    let select = this.#db.query
      .selectFrom('posts')
      .selectAll()
      .where((eb) => eb.or([ids.contains(eb.ref('wall_uid'), sources), ids.contains(eb.ref('actor_uid'), sources)]));
    if (query.appId !== undefined) select = select.where('app_id', '=', query.appId);
    if (query.storyIds !== undefined) select = select.where(ids.contains(sql.ref('story_id'), ids.bind(query.storyIds)));
    if (query.since !== undefined) select = select.where('updated_at', '>=', query.since.getTime());
    if (query.until !== undefined) select = select.where('updated_at', '<=', query.until.getTime());
    const before = query.before;
    if (before !== undefined) {
      const time = before.updatedAt.getTime();
      select = select.where((eb) => eb.or([eb('updated_at', '<', time), eb.and([eb('updated_at', '=', time), eb('story_id', '<', before.storyId)])]));
    }
    // A first cut of privacy, never narrower than the rule (privacy.ts): what turns on more than the
    // viewer's friends is decided after reading.
    const open = this.#texts.bind(['EVERYONE', 'CUSTOM']);
    const viewer = query.viewer;
    if (viewer === undefined || query.publicOnly) {
      select = select.where(this.#texts.contains(sql.ref('privacy'), open));
    } else {
      const friends = ids.bind(query.viewerFriends);
      select = select.where((eb) =>
        eb.or([
          eb('wall_uid', '=', viewer),
          eb('actor_uid', '=', viewer),
          this.#texts.contains(eb.ref('privacy'), this.#texts.bind(['EVERYONE', ...DECIDED_AFTER_READING])),
          eb.and([this.#texts.contains(eb.ref('privacy'), this.#texts.bind(['ALL_FRIENDS', 'NETWORKS_FRIENDS'])), ids.contains(eb.ref('wall_uid'), friends)]),
        ]),
      );
    }
    const rows = await select.orderBy('updated_at', 'desc').orderBy('story_id', 'desc').limit(query.limit).execute();
    return rows.map(toPost);
  }

  async activityOf(uids: readonly number[]): Promise<Map<number, Date>> {
    if (uids.length === 0) return new Map();
    return new Map((await this.#activityOf.all({ ids: this.#ids.bind(uids) })).map((row) => [Number(row.uid), new Date(Number(row.updated_at))]));
  }

  async countByActor(actor: number, appId: number, since: Date): Promise<number> {
    const row = await this.#countByActor.first({ actor, appId, since: since.getTime() });
    return Number(row?.posts ?? 0);
  }

  async delete(storyId: number): Promise<boolean> {
    // Comments and likes go by the foreign keys' cascade.
    const result = await this.#db.query.deleteFrom('posts').where('story_id', '=', storyId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async appsWithPosts(appIds: readonly number[]): Promise<Set<number>> {
    if (appIds.length === 0) return new Set();
    return new Set((await this.#appsWithPosts.all({ ids: this.#ids.bind(appIds) })).map((row) => Number(row.app_id)));
  }

  addComment(comment: Omit<StreamComment, 'commentId'>): Promise<StreamComment | undefined> {
    const now = comment.createdAt.getTime();
    return this.#db.transaction(async (trx) => {
      const post = await trx.updateTable('posts').set({ updated_at: bumped(now) }).where('story_id', '=', comment.storyId).executeTakeFirst();
      if (post.numUpdatedRows === 0n) return undefined;
      await touch(trx, comment.storyId, now);
      const row = await trx
        .insertInto('post_comments')
        .values({ story_id: comment.storyId, from_uid: comment.fromUid, app_id: comment.appId, text: comment.text, created_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toComment(row);
    });
  }

  async commentsById(commentIds: readonly number[]): Promise<StreamComment[]> {
    if (commentIds.length === 0) return [];
    return (await this.#commentsById.all({ ids: this.#ids.bind(commentIds) })).map(toComment);
  }

  async deleteComment(commentId: number): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('post_comments').where('comment_id', '=', commentId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async commentsOf(storyIds: readonly number[]): Promise<StreamComment[]> {
    if (storyIds.length === 0) return [];
    return (await this.#commentsOf.all({ ids: this.#ids.bind(storyIds) })).map(toComment);
  }

  async commentPreviews(storyIds: readonly number[], latest: number): Promise<Map<number, CommentPreview>> {
    const previews = new Map<number, { count: number; latest: StreamComment[] }>();
    if (storyIds.length === 0) return previews;
    for (const row of await this.#commentPreviews.all({ ids: this.#ids.bind(storyIds), latest })) {
      const comment = toComment(row);
      const preview = previews.get(comment.storyId) ?? { count: Number(row.total), latest: [] };
      preview.latest.push(comment);
      previews.set(comment.storyId, preview);
    }
    return previews;
  }

  addLike(like: Like): Promise<boolean> {
    return this.#db.transaction(async (trx) => {
      const inserted = await trx
        .insertInto('post_likes')
        .columns(['story_id', 'uid', 'created_at'])
        .expression((eb) =>
          eb
            .selectFrom('posts')
            // Typed, as PostgreSQL would otherwise take the bare parameters for text.
            .select([sql<number>`story_id`.as('story_id'), sql<number>`CAST(${like.uid} AS BIGINT)`.as('uid'), sql<number>`CAST(${like.createdAt.getTime()} AS BIGINT)`.as('created_at')])
            .where('story_id', '=', like.storyId),
        )
        .onConflict((conflict) => conflict.doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
      await trx.updateTable('posts').set({ updated_at: bumped(like.createdAt.getTime()) }).where('story_id', '=', like.storyId).execute();
      await touch(trx, like.storyId, like.createdAt.getTime());
      return true;
    });
  }

  async removeLike(storyId: number, uid: number): Promise<boolean> {
    const result = await this.#db.query.deleteFrom('post_likes').where('story_id', '=', storyId).where('uid', '=', uid).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async likesOf(storyIds: readonly number[]): Promise<Like[]> {
    if (storyIds.length === 0) return [];
    return (await this.#likesOf.all({ ids: this.#ids.bind(storyIds) })).map(toLike);
  }

  async likesBy(uid: number): Promise<Like[]> {
    return (await this.#likesBy.all({ uid })).map(toLike);
  }

  async likePreviews(storyIds: readonly number[], among: readonly number[], sample: number): Promise<Map<number, LikePreview>> {
    const previews = new Map<number, { count: number; likers: number[] }>();
    if (storyIds.length === 0) return previews;
    for (const row of await this.#likePreviews.all({ ids: this.#ids.bind(storyIds), among: this.#ids.bind(among), sample })) {
      const storyId = Number(row.story_id);
      const preview = previews.get(storyId) ?? { count: Number(row.total), likers: [] };
      preview.likers.push(Number(row.uid));
      previews.set(storyId, preview);
    }
    return previews;
  }
}
