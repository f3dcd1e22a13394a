/** Published feed stories in the database, for both dialects. */
import type { Selectable } from 'kysely';
import type { Database, Tx } from '../../db/database.js';
import type { FeedStory, FeedStoryRepository, NewFeedStory, StorySize } from './records.js';
import type { FeedStoriesTable } from './tables.js';

function toStory(row: Selectable<FeedStoriesTable>): FeedStory {
  return {
    storyId: Number(row.story_id),
    appId: Number(row.app_id),
    bundleId: Number(row.bundle_id),
    actorUid: Number(row.actor_uid),
    size: Number(row.story_size) as StorySize,
    titleHtml: row.title_html,
    bodyHtml: row.body_html,
    titleText: row.title_text,
    targetIds: JSON.parse(row.target_ids) as number[],
    userMessage: row.user_message,
    postId: row.post_id,
    createdAt: new Date(Number(row.created_at)),
  };
}

export class StoredFeedStoryRepository implements FeedStoryRepository {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async countSince(actorUid: number, appId: number, since: Date, trx: Tx): Promise<number> {
    const row = await trx
      .selectFrom('feed_stories')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('actor_uid', '=', actorUid)
      .where('app_id', '=', appId)
      .where('created_at', '>', since.getTime())
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async add(story: NewFeedStory, trx: Tx): Promise<FeedStory> {
    const row = await trx
      .insertInto('feed_stories')
      .values({
        app_id: story.appId,
        bundle_id: story.bundleId,
        actor_uid: story.actorUid,
        story_size: story.size,
        title_html: story.titleHtml,
        body_html: story.bodyHtml,
        title_text: story.titleText,
        target_ids: JSON.stringify(story.targetIds),
        user_message: story.userMessage,
        post_id: null,
        created_at: story.createdAt.getTime(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toStory(row);
  }

  async setPostId(storyId: number, postId: string): Promise<void> {
    await this.#db.query.updateTable('feed_stories').set({ post_id: postId }).where('story_id', '=', storyId).execute();
  }

  async remove(storyId: number): Promise<void> {
    await this.#db.query.deleteFrom('feed_stories').where('story_id', '=', storyId).execute();
  }

  async ofActor(actorUid: number, limit: number): Promise<FeedStory[]> {
    const rows = await this.#db.query
      .selectFrom('feed_stories')
      .selectAll()
      .where('actor_uid', '=', actorUid)
      .orderBy('created_at', 'desc')
      .orderBy('story_id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toStory);
  }
}
