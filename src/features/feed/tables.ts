/** The feed feature's tables: template bundles, and the stories published from them. */
import type { Generated } from 'kysely';

export interface TemplateBundlesTable {
  /** 64-bit, assigned by the database (numbers in JSON, as the platform's were). */
  bundle_id: Generated<number>;
  app_id: number;
  /** The templates and action links as one JSON document (BundleContent). */
  content: string;
  /** sha256 of `content`: an identical registration answers the same active bundle. */
  content_hash: string;
  /** 1 until feed.deactivateTemplateBundleByID. */
  active: number;
  created_at: number;
}

export interface FeedStoriesTable {
  story_id: Generated<number>;
  app_id: number;
  bundle_id: number;
  actor_uid: number;
  /** 1 one-line, 2 short, 4 full: the size published, after any fallback. */
  story_size: number;
  /** Sanitised HTML of the story's title (or its one line) and body. */
  title_html: string;
  body_html: string;
  /** The title as plain text: the stream post's message. */
  title_text: string;
  /** JSON array of the target uids. */
  target_ids: string;
  user_message: string | null;
  /** The stream post the story became, when the stream took it. */
  post_id: string | null;
  created_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    template_bundles: TemplateBundlesTable;
    feed_stories: FeedStoriesTable;
  }
}
