/**
 * The FQL tables of the stream: `stream` (posts), `comment` (comments on posts), `like` (who likes
 * which post) and `stream_filter` (the filters of a person's home page). Each fetch is a few batched
 * reads for every index value of the statement, through the stream service, which applies the
 * posts' privacy; the facts gather the comment and like previews, people and apps of all fetched
 * posts at once, and only when a column that shows them is read.
 *
 * Without `read_stream` a session user reads only posts everyone may see (and their comments and
 * likes); the home view (`filter_key`) and one's own likes (`like.user_id`) need it (612).
 */
import { ApiError } from '../../wire/errors.js';
import { column, defineFqlTable, type FqlContext } from '../../fql/table.js';
import { fqlError } from '../../fql/errors.js';
import { array, bool, int, string, time, type FqlScalar } from '../../fql/types.js';
import type { App } from '../apps/records.js';
import type { BoxComment } from '../comment-boxes/records.js';
import type { Person } from '../people/records.js';
import { postIdOf } from './post-ids.js';
import {
  actionLinksValue, appDataValue, attributionOf, commentsValue, commentValue, likesValue, permalink, postAttachmentValue, seconds,
} from './post-values.js';
import { privacyValue } from './privacy.js';
import type { Like, Post, StreamComment } from './records.js';
import type { StreamFilter, ViewedPost, Viewing } from './stream-service.js';
import { ACTION_LINKS, APP_DATA, ATTACHMENT, COMMENTS, LIKES, PRIVACY } from './stream-types.js';

/** How many posts one lookup by source or filter reads: the newest 50, and beyond them those of the last 30 days, up to this many. */
export const FQL_STREAM_LIMIT = 100;
/** How many filters one statement may read: each is a read of its own. */
export const MAX_FILTER_KEYS = 20;
const RECENT_POSTS = 50;
const RECENT_MS = 30 * 86_400_000;

/** Whether the viewer granted the calling app read_stream; asked once per call. */
function readsStream(context: FqlContext): Promise<boolean> {
  const viewer = context.viewer;
  if (viewer === undefined) return Promise.resolve(false);
  return context.memo('stream.read_stream', () => context.services.grants.hasPermission(viewer, context.app.appId, 'read_stream'));
}

/** The viewer as the stream's privacy sees them: without read_stream, as someone who may read only public posts. */
function viewingOf(context: FqlContext): Promise<Viewing> {
  return context.memo('stream.viewing', async () => context.services.stream.viewing(context.viewer, { publicOnly: !(await readsStream(context)) }));
}

async function needReadStream(context: FqlContext, what: string): Promise<void> {
  if (!(await readsStream(context))) throw fqlError(612, `${what} needs the read_stream permission`);
}

/** The posts these post_ids name that the viewer may see. */
async function visiblePostsByIds(context: FqlContext, values: readonly FqlScalar[]): Promise<Post[]> {
  const posts = await context.services.stream.findMany(values.map(String));
  return context.services.stream.visible(await viewingOf(context), posts);
}

/** Newest first: the newest RECENT_POSTS, and those of the last 30 days after them, at most FQL_STREAM_LIMIT. */
async function recentPosts(context: FqlContext, request: { readonly sources: readonly number[]; readonly appId?: number }): Promise<Post[]> {
  const posts = await context.services.stream.read({ viewing: await viewingOf(context), ...request, limit: FQL_STREAM_LIMIT });
  const since = context.now.getTime() - RECENT_MS;
  return posts.filter((post, index) => index < RECENT_POSTS || post.updatedAt.getTime() >= since);
}

/** A post as a row of `stream`: the source and filter it was looked up by. */
export interface StreamRow {
  readonly post: Post;
  readonly sourceId: number;
  readonly filterKey: string;
}

export interface StreamFacts {
  readonly summaries: ReadonlyMap<number, ViewedPost>;
  readonly people: ReadonlyMap<number, Person>;
  readonly apps: ReadonlyMap<number, App>;
}

async function fetchStream(column: string, values: readonly FqlScalar[], context: FqlContext): Promise<StreamRow[]> {
  const { stream } = context.services;
  switch (column) {
    case 'post_id':
      return (await visiblePostsByIds(context, values)).map((post) => ({ post, sourceId: post.wall, filterKey: '' }));
    case 'source_id': {
      const sources = values as number[];
      const asked = new Set(sources);
      // A post is in the stream of its wall's owner and of its author: a row for each asked.
      return (await recentPosts(context, { sources })).flatMap((post) =>
        [...new Set([post.wall, post.actor])].filter((uid) => asked.has(uid)).map((sourceId) => ({ post, sourceId, filterKey: '' })),
      );
    }
    case 'filter_key': {
      await needReadStream(context, 'stream.filter_key (the home view)');
      const viewing = await viewingOf(context);
      const rows: StreamRow[] = [];
      for (const key of values.map(String)) {
        const scope = await stream.filterScope(context.viewer, key);
        if (scope === undefined) continue;
        const request = scope.sources === 'news-feed' ? { sources: await stream.newsFeedSources(viewing), appId: 'appId' in scope ? scope.appId : undefined } : { sources: scope.sources };
        for (const post of await recentPosts(context, request)) rows.push({ post, sourceId: post.wall, filterKey: key });
      }
      return rows;
    }
    default:
      // xid: Live Stream boxes, which Hearth does not have.
      return [];
  }
}

async function streamFacts(rows: readonly StreamRow[], context: FqlContext, columns: ReadonlySet<string>): Promise<StreamFacts> {
  const posts = [...new Map(rows.map((row) => [row.post.storyId, row.post])).values()];
  const { stream, people, apps } = context.services;
  const needs = (...names: string[]) => names.some((name) => columns.has(name));
  const [summaries, named, madeBy] = await Promise.all([
    needs('comments', 'likes') ? stream.summarise(posts, await viewingOf(context)) : [],
    // The caption's {*actor*} is the actor's name.
    needs('attachment') ? people.findMany([...new Set(posts.map((post) => post.actor))]) : [],
    needs('attribution') ? apps.findMany([...new Set(posts.flatMap((post) => (post.appId === null ? [] : [post.appId])))]) : [],
  ]);
  return { summaries: new Map(summaries.map((shown) => [shown.post.storyId, shown])), people: new Map(named.map((person) => [person.uid, person])), apps: new Map(madeBy.map((app) => [app.appId, app])) };
}

export const streamTable = defineFqlTable<StreamRow, StreamFacts>({
  name: 'stream',
  summary: 'Posts of a wall (source_id), of the home view (filter_key), or by id.',
  privacyDoc:
    'Needs a session. Only posts the session user may see under each post’s privacy; without read_stream only posts everyone may see, and filter_key needs read_stream (612). A lookup by source_id or filter_key reads the newest 50 posts, and beyond them those of the last 30 days, up to 100.',
  session: 'required',
  key: ['post_id'],
  refuse: (lookup) =>
    lookup.column === 'filter_key' && lookup.values.length > MAX_FILTER_KEYS ? `stream.filter_key may name at most ${MAX_FILTER_KEYS} filters at once, not ${lookup.values.length}` : undefined,
  columns: {
    post_id: column(string, '<wall owner uid>_<story id>', (row) => postIdOf(row.post.wall, row.post.storyId), { index: true }),
    viewer_id: column(int, 'the session user', (_row, _facts, context) => context.viewer ?? null),
    app_id: column(int, 'the app it was made through; nil when made on Hearth’s pages', (row) => row.post.appId),
    source_id: column(int, 'the wall owner or author it was looked up by (else the wall owner)', (row) => row.sourceId, { index: true }),
    updated_time: column(time, 'last change, new comments and likes included', (row) => seconds(row.post.updatedAt)),
    created_time: column(time, 'posted at', (row) => seconds(row.post.createdAt)),
    filter_key: column(string, 'the filter it was looked up by (nf, app_<id>, fl_<flid>); else empty', (row) => row.filterKey, { index: true }),
    attribution: column(string, 'the app’s name; nil when made on Hearth’s pages', (row, facts) => attributionOf(row.post, facts.apps)),
    actor_id: column(int, 'who posted it', (row) => row.post.actor),
    target_id: column(int, 'the wall’s owner for a post on someone else’s wall; else nil', (row) => (row.post.wall === row.post.actor ? null : row.post.wall)),
    message: column(string, 'the author’s text', (row) => row.post.message),
    app_data: column(APP_DATA, 'tbid of a feed story; attachment_data: the attachment as the app sent it (checked)', (row) => appDataValue(row.post)),
    action_links: column(ACTION_LINKS, 'links under the post; nil when none', (row) => actionLinksValue(row.post)),
    attachment: column(ATTACHMENT, 'the attachment, normalised (media types link, swf, music, video); an empty struct when none', (row, facts) => postAttachmentValue(row.post, facts.people)),
    comments: column(COMMENTS, 'count, the newest two comments, and whether the viewer may post or remove', (row, facts) => commentsValue(facts.summaries.get(row.post.storyId)!)),
    likes: column(LIKES, 'count, some likers, the viewer’s friends who like it, whether the viewer does and may', (row, facts, context) =>
      likesValue(context.origin, facts.summaries.get(row.post.storyId)!),
    ),
    privacy: column(PRIVACY, 'who may see it', (row) => privacyValue(row.post.privacy)),
    type: column(int, '46 status, 56 wall post, 80 link, 237 app story', (row) => row.post.type),
    permalink: column(string, 'the post on its wall', (row, _facts, context) => permalink(context.origin, row.post)),
    xid: column(string, 'indexable; Hearth has no Live Stream boxes, so nil and finds nothing', undefined, { index: true }),
    tagged_ids: column(array(int, 'id'), 'always an empty list', () => []),
    is_hidden: column(bool, 'always false', () => false),
    impressions: column(int, 'not kept: nil'),
  },
  fetch: fetchStream,
  facts: streamFacts,
});

/** A comment on a stream post, or in one of the calling app's comment boxes (fb:comments, by xid). */
export type CommentRow =
  | { readonly kind: 'post'; readonly comment: StreamComment; readonly post: Post }
  | { readonly kind: 'box'; readonly comment: BoxComment };

export const commentTable = defineFqlTable<CommentRow, undefined>({
  name: 'comment',
  summary: 'Comments on stream posts (post_id) and in the calling app’s comment boxes (xid).',
  privacyDoc:
    'By post_id: the comments of posts the viewer may see (as the stream table decides; without a session, of posts everyone may see), oldest first per post. By xid: the calling app’s own comment boxes, oldest first, with or without a session.',
  session: 'optional',
  key: ['id'],
  columns: {
    xid: column(string, 'the comment box; nil for a comment on a post', (row) => (row.kind === 'box' ? row.comment.xid : null), { index: true }),
    object_id: column(int, 'indexable; finds nothing (no objects but posts)', undefined, { index: true }),
    post_id: column(string, 'the post; for a box comment, the story it was published as, if any', (row) => (row.kind === 'post' ? postIdOf(row.post.wall, row.post.storyId) : row.comment.postId), {
      index: true,
    }),
    fromid: column(int, 'author', (row) => row.comment.fromUid),
    time: column(time, 'posted at', (row) => seconds(row.comment.createdAt)),
    text: column(string, 'plain text', (row) => row.comment.text),
    id: column(string, 'a post’s comments <post_id>_<n>; a box’s, its number', (row) => (row.kind === 'post' ? commentValue(row.post, row.comment).id : String(row.comment.commentId))),
    username: column(string, 'nil: every commenter is a person here'),
    reply_xid: column(string, 'nil: no reply boxes'),
  },
  fetch: async (column, values, context) => {
    if (column === 'xid') {
      const comments = await context.services.commentBoxes.commentsOfXids(context.app.appId, values.map(String));
      return comments.map((comment) => ({ kind: 'box' as const, comment }));
    }
    if (column !== 'post_id') return [];
    const posts = await visiblePostsByIds(context, values);
    const byStory = new Map(posts.map((post) => [post.storyId, post]));
    return (await context.services.stream.commentsOf(posts)).map((comment) => ({ kind: 'post' as const, comment, post: byStory.get(comment.storyId)! }));
  },
  facts: async () => undefined,
});

export interface LikeRow {
  readonly like: Like;
  readonly post: Post;
}

export const likeTable = defineFqlTable<LikeRow, undefined>({
  name: 'like',
  summary: 'Who likes which stream post.',
  privacyDoc:
    'Likes of posts the viewer may see (as the stream table decides). user_id only for the session user (else 604), and it needs read_stream (612) and a session (102).',
  session: 'optional',
  key: ['post_id', 'user_id'],
  columns: {
    object_id: column(int, 'indexable; finds nothing (no objects but posts)', undefined, { index: true }),
    post_id: column(string, 'the post', (row) => postIdOf(row.post.wall, row.post.storyId), { index: true }),
    user_id: column(int, 'who likes it; indexable for the session user', (row) => row.like.uid, { index: true }),
    object_type: column(string, 'nil: posts only'),
  },
  refuse: (lookup, context) => {
    if (lookup.column !== 'user_id' || context.viewer === undefined || lookup.values.every((value) => value === context.viewer)) return undefined;
    return 'like.user_id may name only the session user';
  },
  fetch: async (column, values, context) => {
    const { stream } = context.services;
    if (column === 'post_id') {
      const posts = await visiblePostsByIds(context, values);
      const byStory = new Map(posts.map((post) => [post.storyId, post]));
      return (await stream.likesOf(posts)).map((like) => ({ like, post: byStory.get(like.storyId)! }));
    }
    if (column !== 'user_id') return [];
    if (context.viewer === undefined) throw new ApiError(102, 'like.user_id needs a session');
    await needReadStream(context, 'like.user_id');
    const likes = await stream.likesBy(context.viewer);
    const posts = await stream.visible(await viewingOf(context), await stream.byStoryIds(likes.map((like) => like.storyId)));
    const byStory = new Map(posts.map((post) => [post.storyId, post]));
    return likes.flatMap((like) => {
      const post = byStory.get(like.storyId);
      return post === undefined ? [] : [{ like, post }];
    });
  },
  facts: async () => undefined,
});

export const streamFilterTable = defineFqlTable<StreamFilter, undefined>({
  name: 'stream_filter',
  summary: 'The filters of a person’s home page stream (stream.getFilters).',
  privacyDoc: 'Needs a session. Only the session user’s own filters; another uid gives no rows.',
  session: 'required',
  key: ['uid', 'filter_key'],
  columns: {
    uid: column(int, 'whose', (filter) => filter.uid, { index: true }),
    filter_key: column(string, 'for stream.filter_key', (filter) => filter.filterKey),
    name: column(string, 'as shown', (filter) => filter.name),
    rank: column(int, 'sort order', (filter) => filter.rank),
    icon_url: column(string, 'always empty: no icons', () => ''),
    is_visible: column(bool, 'always true', () => true),
    type: column(string, 'newsfeed, friendlist or application', (filter) => filter.type),
    value: column(int, 'the flid or app id; nil for the News Feed', (filter) => filter.value),
  },
  fetch: async (_column, values, context) => ((values as number[]).includes(context.viewer!) ? context.services.stream.filters(context.viewer!) : []),
  facts: async () => undefined,
});
