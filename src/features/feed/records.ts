/** What the feed feature keeps: template bundles and the stories published from them. */
import type { Tx } from '../../db/database.js';

/** A short or full story template: a title (which starts with {*actor*}) and a body. */
export interface StoryTemplate {
  readonly title: string;
  readonly body: string;
}

export interface ActionLink {
  readonly text: string;
  readonly href: string;
}

/** A bundle's templates, in the order the app gave them (most detailed first). */
export interface BundleContent {
  readonly oneLine: readonly string[];
  readonly short: readonly StoryTemplate[];
  readonly full: StoryTemplate | null;
  readonly actionLinks: readonly ActionLink[];
}

export interface TemplateBundle {
  readonly bundleId: number;
  readonly appId: number;
  readonly content: BundleContent;
  readonly active: boolean;
  readonly createdAt: Date;
}

/** The sizes of feed.publishUserAction's `story_size`. */
export type StorySize = 1 | 2 | 4;

export interface FeedStory {
  readonly storyId: number;
  readonly appId: number;
  readonly bundleId: number;
  readonly actorUid: number;
  readonly size: StorySize;
  readonly titleHtml: string;
  readonly bodyHtml: string;
  readonly titleText: string;
  readonly targetIds: readonly number[];
  readonly userMessage: string | null;
  readonly postId: string | null;
  readonly createdAt: Date;
}

export type NewFeedStory = Omit<FeedStory, 'storyId' | 'postId'>;

export interface TemplateBundleRepository {
  /** Adds an active bundle, in `trx` (which holds the app's registration lock). */
  add(appId: number, content: BundleContent, contentHash: string, now: Date, trx: Tx): Promise<TemplateBundle>;
  /** The app's active bundle with this content, if any. */
  activeWithHash(appId: number, contentHash: string, trx: Tx): Promise<TemplateBundle | undefined>;
  countActive(appId: number, trx: Tx): Promise<number>;
  /** The app's active bundles, oldest first. */
  activeOf(appId: number): Promise<TemplateBundle[]>;
  /** The app's bundle with this id, active or not; undefined for another app's. */
  find(appId: number, bundleId: number): Promise<TemplateBundle | undefined>;
  /** Whether an active bundle of the app was deactivated. */
  deactivate(appId: number, bundleId: number): Promise<boolean>;
}

export interface FeedStoryRepository {
  /** Stories the actor published through the app since `since`, in `trx`. */
  countSince(actorUid: number, appId: number, since: Date, trx: Tx): Promise<number>;
  add(story: NewFeedStory, trx: Tx): Promise<FeedStory>;
  setPostId(storyId: number, postId: string): Promise<void>;
  /** Takes back a story the stream did not take (it no longer counts against the cap). */
  remove(storyId: number): Promise<void>;
  /** The actor's stories, newest first. */
  ofActor(actorUid: number, limit: number): Promise<FeedStory[]>;
}
