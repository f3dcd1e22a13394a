/** The structures the typed client decodes answers into (the hand-written half of the method map). */

/** How the raw answer (XML text or parsed JSON) becomes a typed value. */
export type ResultKind = 'boolean' | 'string' | 'number' | 'session' | 'users' | 'uids' | 'friend_info' | 'friend_lists' | 'template_bundle' | 'template_bundles' | 'stream' | 'record' | 'fql_rows' | 'fql_results';

/** One person in users.getInfo: the asked fields. From XML every value is text; `null` is not visible. */
export type UserInfo = { readonly uid: number } & Readonly<Record<string, unknown>>;

/** What auth.getSession answers. `expires` is 0 for a session that never expires. */
export interface SessionInfo {
  readonly session_key: string;
  readonly uid: number;
  readonly expires: number;
  /** Desktop apps, or web apps that asked with generate_session_secret. */
  readonly secret?: string;
}

/** One pair of friends.areFriends; `are_friends` is `null` when either uid names nobody. */
export interface FriendInfo {
  readonly uid1: number;
  readonly uid2: number;
  readonly are_friends: boolean | null;
}

/** One list of friends.getLists: its id and the name its owner gave it (from XML, flid is made a number too). */
export interface FriendListInfo {
  readonly flid: number;
  readonly name: string;
}

/** A story template's title and body (feed template bundles). */
export interface StoryTemplate {
  readonly template_title: string;
  readonly template_body: string;
}

/** A feed template bundle as feed.getRegisteredTemplateBundles and …ByID answer it; numbers are numbers in either format. */
export interface TemplateBundle {
  readonly one_line_story_templates: readonly string[];
  readonly short_story_templates: readonly StoryTemplate[];
  /** null when the bundle has none. */
  readonly full_story_template: StoryTemplate | null;
  readonly action_links: ReadonlyArray<{ readonly text: string; readonly href: string }>;
  readonly time_created: number;
  readonly template_bundle_id: number;
}

/**
 * What stream.get answers: the posts, the people they name, and albums. Each item is read like an
 * FQL row (from XML every value is text, nested structures objects); the three lists are always there.
 */
export interface StreamAnswer {
  readonly posts: readonly FqlRow[];
  readonly profiles: readonly FqlRow[];
  readonly albums: readonly FqlRow[];
}

/**
 * One row of an FQL answer: the selected items in order. From XML every value is text (a nested
 * structure an object, a list an array); from JSON numbers and booleans are typed. Nil is `null`.
 */
export type FqlRow = Readonly<Record<string, unknown>>;

/** One named statement's rows in an fql.multiquery answer. */
export interface FqlResult {
  readonly name: string;
  readonly fql_result_set: readonly FqlRow[];
}
