/**
 * The stream: people post on their own wall and on their friends' walls (through an app, or on
 * Hearth's pages), comment on the posts they may see and like them. A post on one's own wall without
 * an attachment is also the person's new status. The rules live here, shared by the API methods,
 * the FQL tables, the pages and the CLI; privacy is privacy.ts, attachments attachment.ts.
 *
 * Reads are batched: a news feed or a wall of any length costs the viewer's friends, the posts
 * (with privacy's few extra facts), the comment previews and the like previews — one query each —
 * plus the people and apps the posts name.
 */
import type { App } from '../apps/records.js';
import type { Services, Store } from '../feature.js';
import type { Person } from '../people/records.js';
import type { PlaceAccess, PlaceKind } from '../places.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { checkAttachment, webUrl } from './attachment.js';
import { audienceFacts, mayInteract, viewingAs, visiblePosts, type Viewing } from './audience.js';
import { commentIdOf, parseCommentId, parsePostId, postIdOf } from './post-ids.js';
import { defaultPrivacy, mayView, type PostPrivacy } from './privacy.js';
import { POST_TYPES, type ActionLink, type Like, type Post, type PostType, type PostWindow, type StreamComment } from './records.js';

export type { Viewing } from './audience.js';
export type { ActionLink, Post, PostType, StreamComment } from './records.js';

/** The most posts one read answers. */
export const MAX_READ_LIMIT = 100;

const DAY_MS = 86_400_000;
/** How far back each read window reaches from the newest time asked for; past the last, no bound. */
const READ_WINDOWS_MS = [1, 4, 16, 64, 256, 1024].map((days) => days * DAY_MS);
/** Action links after the fifth are dropped. */
export const MAX_ACTION_LINKS = 5;
/** How many of a post's comments a post shows (the rest through stream.getComments). */
export const PREVIEW_COMMENTS = 2;
/** How many likers besides the viewer's friends a post names. */
export const SAMPLE_LIKERS = 5;

/**
 * Why a post was refused: `empty` (nothing to show), `no-wall` (no person or place has that id),
 * `not-friends` (the wall is not the actor's friend's), `not-member` (the actor may not post at that place).
 */
export type PublishProblem = 'empty' | 'no-actor' | 'no-wall' | 'not-friends' | 'not-member';

export class PublishRefusedError extends InvalidInputError {
  constructor(
    readonly problem: PublishProblem,
    message: string,
  ) {
    super(message);
    this.name = 'PublishRefusedError';
  }
}

/** A malformed action link (no text, no href, or an href that is not an http(s) URL). */
export class ActionLinkError extends InvalidInputError {}

export interface PublishInput {
  /** Who posts: a person, or a place (a fan page) that `by` speaks for. */
  readonly actor: number;
  /** The person posting as the place `actor`; needed exactly when the actor is not a person. */
  readonly by?: number;
  /** Whose wall it is on: the actor's own, a friend's, or a place's the actor may post at. */
  readonly wall: number;
  /** The app it was made through; null when made on Hearth's own pages. */
  readonly appId: number | null;
  /** 46, 56, 80 or 237. */
  readonly type: number;
  readonly message: string;
  /** As the app sent it (parsed JSON). */
  readonly attachment: Readonly<Record<string, unknown>> | null;
  readonly actionLinks: ReadonlyArray<{ readonly text: string; readonly href: string }> | null;
  /** Feed stories (app_data.tbid). */
  readonly templateBundleId?: number | null;
  /** Who may see it; everyone on one's own wall, the owner's friends on a friend's wall, when not given (at a place its own rule decides). */
  readonly privacy?: PostPrivacy;
}

/** A place a post names (its wall, or its actor), as pages head the post. */
export interface NamedPlace {
  /** `event`, `group` or `page`. */
  readonly kind: string;
  readonly name: string;
  readonly path: string;
}

/** A post as one viewer sees it: its comments and likes in short, and what the viewer may do with it. */
export interface ViewedPost {
  readonly post: Post;
  /** The wire post_id, `<wall>_<story id>`. */
  readonly postId: string;
  readonly commentCount: number;
  /** The newest PREVIEW_COMMENTS comments, oldest first. */
  readonly previewComments: readonly StreamComment[];
  readonly likeCount: number;
  readonly viewerLikes: boolean;
  /** The viewer's friends who like it, newest first. */
  readonly friendLikers: readonly number[];
  /** Some other likers (at most SAMPLE_LIKERS), newest first. */
  readonly sampleLikers: readonly number[];
  /** The likers named: the viewer's friends, then the sample. */
  readonly likers: readonly number[];
  /** May comment on it and like it: the wall's owner, the author, or a friend of either. */
  readonly canInteract: boolean;
  /** May remove any of its comments: the wall's owner. */
  readonly canRemoveComments: boolean;
  /** May remove it: its author or the wall's owner. */
  readonly canRemove: boolean;
}

/** What a change to a post or comment came to: `not-allowed` by the rules of who may do what. */
export type ChangeOutcome = 'done' | 'no-such-post' | 'not-allowed';

/** Posts as one viewer sees them, with the people and apps they name. */
export interface StreamView {
  readonly posts: readonly ViewedPost[];
  /** Actors, wall owners, the commenters and likers shown, in that order. */
  readonly people: ReadonlyMap<number, Person>;
  /** The places (events, groups, pages) the posts are on or by. */
  readonly places: ReadonlyMap<number, NamedPlace>;
  readonly apps: ReadonlyMap<number, App>;
  /** The cursor of the next page (`before`), when this page was full. */
  readonly next: { readonly updatedAt: Date; readonly storyId: number } | undefined;
}

/** Which posts a read wants; privacy is always applied on top. */
export interface StreamRequest extends PostWindow {
  readonly viewing: Viewing;
  /** Posts on these people's walls or by them. */
  readonly sources: readonly number[];
  readonly appId?: number;
  readonly storyIds?: readonly number[];
  readonly limit: number;
}

export interface PageOptions {
  /** 20 when not given, at most MAX_READ_LIMIT. */
  readonly limit?: number;
  /** Posts updated before this time, or after this page's cursor (StreamView.next). */
  readonly before?: Date | { readonly updatedAt: Date; readonly storyId: number };
}

/** A filter of a person's home page stream (stream.getFilters, the FQL stream_filter table). */
export interface StreamFilter {
  readonly uid: number;
  readonly filterKey: string;
  readonly name: string;
  readonly rank: number;
  readonly type: 'newsfeed' | 'friendlist' | 'application';
  /** The list's flid or the app's id; null for the News Feed. */
  readonly value: number | null;
}

/** What a filter key reads: `nf`, `app_<app id>`, `fl_<flid>` (a list of the viewer's). */
export type FilterScope = { readonly sources: 'news-feed'; readonly appId?: number } | { readonly sources: readonly number[] };

export function fullName(person: Person | undefined): string {
  return person === undefined ? '' : `${person.firstName} ${person.lastName}`;
}

function checkActionLinks(links: PublishInput['actionLinks']): ActionLink[] | null {
  if (links === null || links.length === 0) return null;
  const checked = links.map((link, index) => {
    if (typeof link !== 'object' || link === null) throw new ActionLinkError(`action_links[${index}] must be an object with text and href`);
    const text = typeof link.text === 'string' ? link.text.trim() : '';
    if (text === '') throw new ActionLinkError(`action_links[${index}] needs a text`);
    const href = webUrl(link.href);
    if (href === undefined) throw new ActionLinkError(`action_links[${index}].href must be an http or https URL of at most 1024 characters`);
    return { text, href };
  });
  return checked.slice(0, MAX_ACTION_LINKS);
}

function pageCursor(before: PageOptions['before']): PostWindow['before'] {
  if (before === undefined) return undefined;
  // A time alone: everything updated before it (story ids are positive).
  return before instanceof Date ? { updatedAt: before, storyId: 0 } : before;
}

/**
 * The starts of the windows of a read from the newest post back: each reaches back to the latest
 * activity of the `batch`·4^k-th most recently active source, so the first window holds at least
 * `batch` sources with a post in it (a source's activity is the time of one of its posts) and no
 * more than it needs, however busy these people are; once every source is in, no bound.
 */
function busiestStarts(activity: ReadonlyMap<number, Date>, batch: number): number[] {
  const times = [...activity.values()].map((time) => time.getTime()).sort((a, b) => b - a);
  const starts: number[] = [];
  for (let count = batch; count < times.length; count *= 4) starts.push(times[count - 1]!);
  return starts;
}

export class StreamService {
  readonly #store: Store;
  readonly #services: Services;
  readonly #places: readonly PlaceKind[];

  constructor(store: Store, services: Services, places: readonly PlaceKind[] = []) {
    this.#store = store;
    this.#services = services;
    this.#places = places;
  }

  /** Of `ids`, the places (not people), with what `viewer` may do at each: one query per kind of place, none for no ids. */
  async placesAmong(ids: Iterable<number>, viewer: number | undefined): Promise<Map<number, PlaceAccess & { readonly kind: string }>> {
    const wanted = [...new Set(ids)];
    const found = new Map<number, PlaceAccess & { readonly kind: string }>();
    if (wanted.length === 0) return found;
    const answers = await Promise.all(this.#places.map(async (kind) => ({ kind: kind.kind, access: await kind.accessOf(wanted, viewer) })));
    for (const { kind, access } of answers) for (const [id, place] of access) found.set(id, { ...place, kind });
    return found;
  }

  /** The places among the walls of `posts` the viewer is not plainly a person next to (themselves, their friends). */
  #wallPlaces(posts: readonly Post[], viewing: Viewing): Promise<Map<number, PlaceAccess>> {
    const walls = posts.map((post) => post.wall).filter((wall) => wall !== viewing.viewer && !viewing.friends.has(wall));
    return this.placesAmong(walls, viewing.viewer);
  }

  /** The privacy rule, then a place's own rule for the posts on its wall. */
  async #visible(viewing: Viewing, posts: readonly Post[]): Promise<Post[]> {
    const shown = await visiblePosts(this.#store, viewing, posts);
    if (this.#places.length === 0 || shown.length === 0) return shown;
    const places = await this.#wallPlaces(shown, viewing);
    return places.size === 0 ? shown : shown.filter((post) => places.get(post.wall)?.reads ?? true);
  }

  /** The places whose own posts come into `uid`'s news feed. */
  async #followed(uid: number): Promise<number[]> {
    const lists = await Promise.all(this.#places.map((kind) => kind.followedBy?.(uid) ?? []));
    return lists.flat();
  }

  /** Publishes a post; refuses an empty one, an unknown wall, and the wall of someone who is not the actor's friend. */
  async publish(input: PublishInput, now = new Date()): Promise<{ readonly postId: string; readonly storyId: number }> {
    if (!(POST_TYPES as readonly number[]).includes(input.type)) throw new Error(`post type ${input.type} is not one of ${POST_TYPES.join(', ')}`);
    const attachment = checkAttachment(input.attachment);
    const actionLinks = checkActionLinks(input.actionLinks);
    const templateBundleId = input.templateBundleId ?? null;
    if (input.message.trim() === '' && attachment === null && templateBundleId === null) {
      throw new PublishRefusedError('empty', 'a post needs a message or an attachment');
    }
    const found = new Set((await this.#store.people.findMany([input.actor, input.wall, ...(input.by === undefined ? [] : [input.by])])).map((person) => person.uid));
    const ownWall = input.wall === input.actor;
    // A place posts only through a person who speaks for it; people post as themselves.
    const person = found.has(input.actor) ? input.actor : input.by;
    const places = await this.placesAmong([input.actor, input.wall].filter((id) => !found.has(id)), person);
    if (!found.has(input.actor) && !(input.by !== undefined && found.has(input.by) && places.get(input.actor)?.speaksFor)) {
      throw new PublishRefusedError('no-actor', `no person with uid ${input.actor}, and no place the poster speaks for`);
    }
    const place = places.get(input.wall);
    if (!found.has(input.wall) && place === undefined) throw new PublishRefusedError('no-wall', `no person or place with id ${input.wall}`);
    if (place !== undefined) {
      if (!ownWall && !place.posts) throw new PublishRefusedError('not-member', `uid ${input.actor} may not post on the wall of ${input.wall}`);
    } else if (!ownWall && !(await this.#store.friendships.areFriends(input.actor, input.wall))) {
      throw new PublishRefusedError('not-friends', `uid ${input.wall} is not a friend of uid ${input.actor}; people post only on their own wall and their friends'`);
    }
    const post = await this.#store.posts.insert({
      wall: input.wall,
      actor: input.actor,
      appId: input.appId,
      type: input.type as PostType,
      message: input.message,
      attachment,
      actionLinks,
      templateBundleId,
      // At a place its own rule says who reads; the post itself is for everyone who may.
      privacy: input.privacy ?? defaultPrivacy(ownWall || place !== undefined),
      createdAt: now,
    });
    // A plain post on one's own wall is the person's new status (status.set records it the same way, with its verb).
    if (post.type === 46 && ownWall && attachment === null && found.has(post.actor)) {
      await this.#services.status.recordFromPost({ uid: post.actor, statusId: post.storyId, message: post.message, appId: post.appId, createdAt: now });
    }
    return { postId: postIdOf(post.wall, post.storyId), storyId: post.storyId };
  }

  /** How many posts `actor` made through the app since `since` (stream.publish's rate limit). */
  postsThroughApp(actor: number, appId: number, since: Date): Promise<number> {
    return this.#store.posts.countByActor(actor, appId, since);
  }

  /** The post a post_id names, whoever may see it; `undefined` for a malformed id or no such post. */
  async find(postId: string): Promise<Post | undefined> {
    const ref = parsePostId(postId);
    if (ref === undefined) return undefined;
    const [post] = await this.#store.posts.byIds([ref.storyId]);
    return post !== undefined && post.wall === ref.wall ? post : undefined;
  }

  /** The posts these post_ids name, whoever may see them (malformed ids and unknown posts left out). */
  async findMany(postIds: readonly string[]): Promise<Post[]> {
    const refs = postIds.map(parsePostId).filter((ref) => ref !== undefined);
    const walls = new Map(refs.map((ref) => [ref.storyId, ref.wall]));
    return (await this.#store.posts.byIds([...walls.keys()])).filter((post) => walls.get(post.storyId) === post.wall);
  }

  /** The posts with these story ids, whoever may see them, in no particular order. */
  byStoryIds(storyIds: readonly number[]): Promise<Post[]> {
    return this.#store.posts.byIds(storyIds);
  }

  /** A reader: the viewer (or nobody) and their friends; `publicOnly` limits them to what everyone may see. */
  viewing(viewer: number | undefined, options: { readonly publicOnly?: boolean } = {}): Promise<Viewing> {
    return viewingAs(this.#store, viewer, options.publicOnly ?? false);
  }

  /** Those of `posts` the reader may see, in their order. */
  visible(viewing: Viewing, posts: readonly Post[]): Promise<Post[]> {
    return this.#visible(viewing, posts);
  }

  /** Those of `posts` that `viewer` (or nobody) may see, with the reader to summarise them for. */
  async visibleTo(viewer: number | undefined, posts: readonly Post[]): Promise<{ readonly posts: Post[]; readonly viewing: Viewing }> {
    const viewing = await this.viewing(viewer);
    return { posts: await this.visible(viewing, posts), viewing };
  }

  /** Whether `uid` may see the post, and comment on it and like it. */
  async access(post: Post, uid: number | undefined): Promise<{ readonly sees: boolean; readonly canInteract: boolean }> {
    const viewing = await this.viewing(uid);
    const place = (await this.#wallPlaces([post], viewing)).get(post.wall);
    const sees = mayView(post, await audienceFacts(this.#store, viewing, [post])) && (place?.reads ?? true);
    return { sees, canInteract: sees && (place === undefined ? mayInteract(post, viewing) : place.posts) };
  }

  /**
   * The posts a request wants that the viewer may see, newest first (updated time), at most its
   * limit. Privacy is applied after reading, so a read fetches a little more than it needs and
   * reads on while posts it may not show leave it short.
   */
  async read(request: StreamRequest): Promise<Post[]> {
    const limit = Math.min(Math.max(request.limit, 0), MAX_READ_LIMIT);
    const { viewing } = request;
    const batch = limit + 20;
    const shown: Post[] = [];
    let before = request.before;
    // Newest posts are read window by window, back from the newest time asked for: a news feed of
    // hundreds of people then reads the few posts of the last days through the indexes, not every
    // post those people ever made, and reaches further back only when the recent ones are too few.
    // The windows start at the newest post there is, so that a stream whose latest posts are old is
    // not read through empty windows first, and each asks only for the people active in it.
    const activity = await this.#store.posts.activityOf(request.sources);
    if (activity.size === 0) return [];
    const newest = Math.max(...[...activity.values()].map((time) => time.getTime()));
    const upper = (before?.updatedAt ?? request.until)?.getTime();
    const fromNewest = upper === undefined || upper >= newest;
    const anchor = fromNewest ? newest : upper;
    const starts = fromNewest ? busiestStarts(activity, batch) : READ_WINDOWS_MS.map((span) => anchor - span);
    let window = 0;
    // Each round reads on from the last post of the one before; the bound stops a read that keeps finding only hidden posts.
    for (let round = 0; round < 20 && shown.length < limit; round++) {
      const start = starts[window];
      const windowStart = start === undefined ? undefined : new Date(start);
      const bounded = windowStart !== undefined && (request.since === undefined || windowStart > request.since);
      const since = bounded ? windowStart : request.since;
      const sources = [...activity].filter(([, time]) => since === undefined || time >= since).map(([uid]) => uid);
      // A post of this window on a source's wall moved that source's activity into it: the friends'
      // walls it can be on are the sources of the window and the friends whose activity is not known.
      const inWindow = new Set(sources);
      const walls = [...viewing.friends].filter((uid) => inWindow.has(uid) || !activity.has(uid));
      const posts =
        sources.length === 0
          ? []
          : await this.#store.posts.find({
              sources,
              appId: request.appId,
              storyIds: request.storyIds,
              since,
              until: request.until,
              before,
              viewer: viewing.viewer,
              viewerFriends: walls,
              publicOnly: viewing.publicOnly || viewing.viewer === undefined,
              limit: batch,
            });
      shown.push(...(await this.#visible(viewing, posts)));
      const last = posts[posts.length - 1];
      if (last !== undefined) before = { updatedAt: last.updatedAt, storyId: last.storyId };
      if (posts.length < batch) {
        // This window is read to its start: on into a wider one, or done when it held everything asked for.
        if (!bounded) break;
        window++;
      }
    }
    return shown.slice(0, limit);
  }

  /** Whose posts make the viewer's news feed: themselves, their friends, and the places they follow (pages they are a fan of). */
  async newsFeedSources(viewing: Viewing): Promise<number[]> {
    return viewing.viewer === undefined ? [] : [viewing.viewer, ...viewing.friends, ...(await this.#followed(viewing.viewer))];
  }

  /** What a filter key reads for the viewer; `undefined` for a key that is not one of theirs. */
  async filterScope(viewer: number | undefined, filterKey: string): Promise<FilterScope | undefined> {
    if (filterKey === 'nf') return { sources: 'news-feed' };
    const match = /^(app|fl)_([1-9]\d{0,15})$/.exec(filterKey);
    if (!match) return undefined;
    const id = Number(match[2]);
    if (!Number.isSafeInteger(id)) return undefined;
    if (match[1] === 'app') return { sources: 'news-feed', appId: id };
    if (viewer === undefined) return undefined;
    const members = await this.#services.friendLists.membersOf(viewer, id);
    return members === undefined ? undefined : { sources: members };
  }

  /** The posts (the reader may see) as the reader sees them, in their order: two queries whatever their number. */
  async summarise(posts: readonly Post[], viewing: Viewing): Promise<ViewedPost[]> {
    const storyIds = posts.map((post) => post.storyId);
    const { viewer, friends } = viewing;
    const among = viewer === undefined ? [...friends] : [viewer, ...friends];
    const [comments, likes, places] = await Promise.all([
      this.#store.posts.commentPreviews(storyIds, PREVIEW_COMMENTS),
      this.#store.posts.likePreviews(storyIds, among, SAMPLE_LIKERS),
      this.#wallPlaces(posts, viewing),
    ]);
    return posts.map((post) => {
      const comment = comments.get(post.storyId);
      const like = likes.get(post.storyId);
      const likers = like?.likers ?? [];
      const friendLikers = likers.filter((uid) => friends.has(uid));
      const sampleLikers = likers.filter((uid) => uid !== viewer && !friends.has(uid)).slice(0, SAMPLE_LIKERS);
      const place = places.get(post.wall);
      const ownsWall = viewer !== undefined && (viewer === post.wall || (place?.manages ?? false));
      return {
        post,
        postId: postIdOf(post.wall, post.storyId),
        commentCount: comment?.count ?? 0,
        previewComments: comment?.latest ?? [],
        likeCount: like?.count ?? 0,
        viewerLikes: viewer !== undefined && likers.includes(viewer),
        friendLikers,
        sampleLikers,
        likers: [...friendLikers, ...sampleLikers],
        canInteract: place === undefined ? mayInteract(post, viewing) : place.posts,
        canRemoveComments: ownsWall,
        canRemove: ownsWall || (viewer !== undefined && viewer === post.actor),
      };
    });
  }

  /** The posts summarised, with the people and apps they name (what pages and stream.get draw). */
  async view(posts: readonly Post[], viewing: Viewing, limit = posts.length): Promise<StreamView> {
    const viewed = await this.summarise(posts, viewing);
    const uids = new Set<number>();
    for (const shown of viewed) {
      uids.add(shown.post.actor).add(shown.post.wall);
      for (const comment of shown.previewComments) uids.add(comment.fromUid);
      for (const uid of shown.likers) uids.add(uid);
    }
    const appIds = [...new Set(posts.flatMap((post) => (post.appId === null ? [] : [post.appId])))];
    const [people, apps] = await Promise.all([this.#services.people.findMany([...uids]), this.#services.apps.findMany(appIds)]);
    const byUid = new Map(people.map((person) => [person.uid, person]));
    const places = await this.placesAmong(
      viewed.flatMap(({ post }) => [post.wall, post.actor]).filter((id) => !byUid.has(id)),
      viewing.viewer,
    );
    const last = posts[posts.length - 1];
    return {
      posts: viewed,
      // In the order the posts name them.
      people: new Map([...uids].flatMap((uid) => (byUid.has(uid) ? [[uid, byUid.get(uid)!] as const] : []))),
      places: new Map([...places].map(([id, place]) => [id, { kind: place.kind, name: place.name, path: place.path }])),
      apps: new Map(apps.map((app) => [app.appId, app])),
      next: last !== undefined && posts.length >= limit ? { updatedAt: last.updatedAt, storyId: last.storyId } : undefined,
    };
  }

  /** The news feed of `viewer`, newest first: posts by them and their friends, and on their walls. */
  async newsFeed(viewer: number, options: PageOptions = {}): Promise<StreamView> {
    const viewing = await this.viewing(viewer);
    const limit = options.limit ?? 20;
    const posts = await this.read({ viewing, sources: await this.newsFeedSources(viewing), before: pageCursor(options.before), limit });
    return this.view(posts, viewing, limit);
  }

  /**
   * The news feed of `viewer` through one of their filters (`nf`, `fl_<flid>`, `app_<app id>`:
   * filters()); `undefined` for a key that is not one of theirs.
   */
  async filteredFeed(viewer: number, filterKey: string, options: PageOptions = {}): Promise<StreamView | undefined> {
    const scope = await this.filterScope(viewer, filterKey);
    if (scope === undefined) return undefined;
    const viewing = await this.viewing(viewer);
    const limit = options.limit ?? 20;
    const sources = scope.sources === 'news-feed' ? await this.newsFeedSources(viewing) : scope.sources;
    const appId = 'appId' in scope ? scope.appId : undefined;
    const posts = await this.read({ viewing, sources, appId, before: pageCursor(options.before), limit });
    return this.view(posts, viewing, limit);
  }

  /** The wall of `owner` as `viewer` (or nobody) sees it: posts on it and by its owner, newest first. */
  async wall(owner: number, viewer: number | undefined, options: PageOptions = {}): Promise<StreamView> {
    const viewing = await this.viewing(viewer);
    const limit = options.limit ?? 20;
    const posts = await this.read({ viewing, sources: [owner], before: pageCursor(options.before), limit });
    return this.view(posts, viewing, limit);
  }

  /**
   * `uid` removes a post, with its comments and likes: its author or its wall's owner may; through
   * an app (`appId`), only a post made through that app (`other-app`).
   */
  async remove(uid: number, postId: string, appId: number | null): Promise<ChangeOutcome | 'other-app'> {
    const post = await this.find(postId);
    if (post === undefined) return 'no-such-post';
    if (appId !== null && post.appId !== appId) return 'other-app';
    if (uid !== post.actor && uid !== post.wall && !(await this.#manages(uid, post.wall))) return 'not-allowed';
    await this.#store.posts.delete(post.storyId);
    // A status is its post: removing the post removes the status (the one before is current again).
    if (post.type === 46) await this.#services.status.forgetPost(post.storyId);
    return 'done';
  }

  /** `uid` comments on a post they may see and interact with; the comment's id on the wire is `commentId`. */
  async addComment(
    uid: number,
    postId: string,
    text: string,
    appId: number | null = null,
    now = new Date(),
  ): Promise<{ readonly outcome: 'done'; readonly comment: StreamComment; readonly commentId: string } | { readonly outcome: 'no-such-post' } | { readonly outcome: 'not-allowed' }> {
    if (text.trim() === '') throw new InvalidInputError('a comment needs some text');
    const post = await this.find(postId);
    if (post === undefined) return { outcome: 'no-such-post' };
    if (!(await this.access(post, uid)).canInteract) return { outcome: 'not-allowed' };
    const comment = await this.#store.posts.addComment({ storyId: post.storyId, fromUid: uid, appId, text, createdAt: now });
    // The post may have gone between the two.
    if (comment === undefined) return { outcome: 'no-such-post' };
    return { outcome: 'done', comment, commentId: commentIdOf(post.wall, post.storyId, comment.commentId) };
  }

  /**
   * The comment a comment id names (`<post_id>_<n>`, or `<n>` alone) with its post; `undefined`
   * for a malformed id, no such comment, or a post_id part that is not the comment's post.
   */
  async findComment(commentId: string): Promise<{ readonly comment: StreamComment; readonly post: Post } | undefined> {
    const ref = parseCommentId(commentId);
    if (ref === undefined) return undefined;
    const [comment] = await this.#store.posts.commentsById([ref.commentId]);
    if (comment === undefined || (ref.post !== undefined && ref.post.storyId !== comment.storyId)) return undefined;
    const [post] = await this.#store.posts.byIds([comment.storyId]);
    if (post === undefined || (ref.post !== undefined && ref.post.wall !== post.wall)) return undefined;
    return { comment, post };
  }

  /** Its author may remove a comment, and the owner of the wall it is on any comment there. */
  async removeComment(uid: number, commentId: string): Promise<'done' | 'no-such-comment' | 'not-allowed'> {
    const found = await this.findComment(commentId);
    if (found === undefined) return 'no-such-comment';
    if (uid !== found.comment.fromUid && uid !== found.post.wall && !(await this.#manages(uid, found.post.wall))) return 'not-allowed';
    await this.#store.posts.deleteComment(found.comment.commentId);
    return 'done';
  }

  /** Whether `uid` looks after the place `wall` is (its admins remove what is on its wall). */
  async #manages(uid: number, wall: number): Promise<boolean> {
    return (await this.placesAmong([wall], uid)).get(wall)?.manages ?? false;
  }

  /** Every comment of a post the viewer (or nobody) may see, oldest first. */
  async comments(
    viewer: number | undefined,
    postId: string,
  ): Promise<{ readonly outcome: 'done'; readonly post: Post; readonly comments: StreamComment[] } | { readonly outcome: 'no-such-post' } | { readonly outcome: 'not-visible' }> {
    const post = await this.find(postId);
    if (post === undefined) return { outcome: 'no-such-post' };
    if (!(await this.access(post, viewer)).sees) return { outcome: 'not-visible' };
    return { outcome: 'done', post, comments: await this.#store.posts.commentsOf([post.storyId]) };
  }

  /** Every comment of these posts, oldest first per post (their visibility is the caller's). */
  commentsOf(posts: readonly Post[]): Promise<StreamComment[]> {
    return this.#store.posts.commentsOf(posts.map((post) => post.storyId));
  }

  /** Every like of these posts, newest first per post (their visibility is the caller's). */
  likesOf(posts: readonly Post[]): Promise<Like[]> {
    return this.#store.posts.likesOf(posts.map((post) => post.storyId));
  }

  /** Every like by `uid`, newest first. */
  likesBy(uid: number): Promise<Like[]> {
    return this.#store.posts.likesBy(uid);
  }

  /** `uid` likes a post they may interact with. Idempotent: liking again changes nothing. */
  async like(uid: number, postId: string, now = new Date()): Promise<ChangeOutcome> {
    const post = await this.find(postId);
    if (post === undefined) return 'no-such-post';
    if (!(await this.access(post, uid)).canInteract) return 'not-allowed';
    await this.#store.posts.addLike({ storyId: post.storyId, uid, createdAt: now });
    return 'done';
  }

  /** `uid` takes back their like of a post they see. Idempotent: a like that is not there changes nothing. */
  async unlike(uid: number, postId: string): Promise<ChangeOutcome> {
    const post = await this.find(postId);
    if (post === undefined) return 'no-such-post';
    if (!(await this.access(post, uid)).sees) return 'not-allowed';
    await this.#store.posts.removeLike(post.storyId, uid);
    return 'done';
  }

  /**
   * The filters of a person's home page stream: the News Feed, one per friend list of theirs (in
   * the order made), one per app they authorized that has posted to the stream (in the order
   * authorized).
   */
  async filters(uid: number): Promise<StreamFilter[]> {
    const [lists, apps] = await Promise.all([this.#services.friendLists.listsOf(uid), this.#services.grants.appsOf(uid)]);
    const posting = await this.#store.posts.appsWithPosts(apps.map((app) => app.appId));
    const filters: StreamFilter[] = [{ uid, filterKey: 'nf', name: 'News Feed', rank: 0, type: 'newsfeed', value: null }];
    for (const list of lists) filters.push({ uid, filterKey: `fl_${list.flid}`, name: list.name, rank: filters.length, type: 'friendlist', value: list.flid });
    for (const app of apps.filter((candidate) => posting.has(candidate.appId))) {
      filters.push({ uid, filterKey: `app_${app.appId}`, name: app.name, rank: filters.length, type: 'application', value: app.appId });
    }
    return filters;
  }
}

