/**
 * What the home page and the wall read from the stream, in the shape the pages draw: one page of
 * posts (the news feed or a wall, PAGE_SIZE at a time, older pages by cursor) with the people and
 * apps they name, and for each its comments and likes and what the viewer may do with it. Everything the pages know about the stream service's answers is
 * in this file, so the pages stay as they are when the service's summaries change.
 */
import type { Services } from '../feature.js';
import type { App } from '../apps/records.js';
import type { Person } from '../people/records.js';
import type { Post } from '../stream/records.js';
import type { NamedPlace, StreamView, ViewedPost } from '../stream/stream-service.js';
import { imagePath, photoPagePath } from '../photos/photo-values.js';

/** Posts per page of the feed and the wall. */
export const PAGE_SIZE = 20;

export interface ShownComment {
  readonly commentId: number;
  readonly fromUid: number;
  readonly text: string;
  readonly createdAt: Date;
}

/** One post as a page draws it. */
export interface FeedEntry {
  readonly post: Post;
  /** The wire post_id (`<wall>_<story>`), which the forms carry. */
  readonly postId: string;
  readonly commentCount: number;
  /** The comments shown, oldest first (the newest few, or all on a post's own page). */
  readonly comments: readonly ShownComment[];
  readonly likeCount: number;
  readonly viewerLikes: boolean;
  /** Likers to name besides the viewer: their friends first, then a few others. */
  readonly likers: readonly number[];
  /** The viewer may comment and like. */
  readonly canInteract: boolean;
  /** The viewer may remove the post: its author or the wall's owner. */
  readonly canRemove: boolean;
  /** The viewer owns the wall, so may remove any comment on it. */
  readonly canRemoveComments: boolean;
}

/** Where the next page starts: the last post shown (`before=<updated ms>_<story id>`). */
export interface Cursor {
  readonly updatedAt: Date;
  readonly storyId: number;
}

export interface FeedPage {
  readonly entries: readonly FeedEntry[];
  /** The cursor of the next page, when there may be older posts. */
  readonly next: Cursor | undefined;
  /** Everyone the entries name (actors, walls, commenters, likers), by uid. */
  readonly people: ReadonlyMap<number, Person>;
  /** The events, groups and pages the entries are on or by, by id. */
  readonly places: ReadonlyMap<number, NamedPlace>;
  /** The apps posts were made through, by app_id. */
  readonly apps: ReadonlyMap<number, App>;
  /** The photo each photo story (type 247) is of, by story id, as its page links and shows it. */
  readonly pictures?: ReadonlyMap<number, StoryPicture>;
}

export interface StoryPicture {
  /** The photo's page. */
  readonly href: string;
  /** Its album size. */
  readonly src: string;
  readonly alt: string;
  readonly width: number;
  readonly height: number;
}

function commentOf(comment: ShownComment): ShownComment {
  return { commentId: comment.commentId, fromUid: comment.fromUid, text: comment.text, createdAt: comment.createdAt };
}

function entryOf(shown: ViewedPost): FeedEntry {
  return {
    post: shown.post,
    postId: shown.postId,
    commentCount: shown.commentCount,
    comments: shown.previewComments.map(commentOf),
    likeCount: shown.likeCount,
    viewerLikes: shown.viewerLikes,
    likers: shown.likers,
    canInteract: shown.canInteract,
    canRemove: shown.canRemove,
    canRemoveComments: shown.canRemoveComments,
  };
}

/** The page, with the photos its photo stories are of. */
async function pageOf(services: Services, view: StreamView): Promise<FeedPage> {
  const stories = view.posts.filter((shown) => shown.post.type === 247).map((shown) => shown.post.storyId);
  const photos = stories.length === 0 ? [] : await services.photos.photosByStories(stories);
  const pictures = new Map(
    photos.flatMap((photo) =>
      photo.storyId === null
        ? []
        : [[photo.storyId, { href: photoPagePath(photo), src: imagePath(photo, 'album'), alt: photo.caption || 'Photo', width: photo.images.album.width, height: photo.images.album.height }] as const],
    ),
  );
  return { entries: view.posts.map(entryOf), next: view.next, people: view.people, places: view.places, apps: view.apps, pictures };
}

export function cursorText(cursor: Cursor): string {
  return `${cursor.updatedAt.getTime()}_${cursor.storyId}`;
}

/** `before=` as the pages write it; a bare time in ms is read too. Anything else is the first page. */
export function parseCursor(text: string | undefined): Cursor | undefined {
  const match = text === undefined ? null : /^(\d{1,15})(?:_([1-9]\d{0,15}))?$/.exec(text);
  if (!match) return undefined;
  const storyId = match[2] === undefined ? Number.MAX_SAFE_INTEGER : Number(match[2]);
  return Number.isSafeInteger(storyId) ? { updatedAt: new Date(Number(match[1])), storyId } : undefined;
}

export async function newsFeedPage(services: Services, viewer: number, before: Cursor | undefined): Promise<FeedPage> {
  return pageOf(services, await services.stream.newsFeed(viewer, { limit: PAGE_SIZE, before }));
}

/** The news feed through one of the viewer's filters; undefined for a key that is not theirs. */
export async function filteredFeedPage(services: Services, viewer: number, filterKey: string, before: Cursor | undefined): Promise<FeedPage | undefined> {
  const view = await services.stream.filteredFeed(viewer, filterKey, { limit: PAGE_SIZE, before });
  return view === undefined ? undefined : pageOf(services, view);
}

/** The filters the home page lists: the News Feed, the viewer's friend lists, the apps that posted for them. */
export async function feedFilters(services: Services, viewer: number): Promise<ReadonlyArray<{ readonly key: string; readonly name: string }>> {
  return (await services.stream.filters(viewer)).map((filter) => ({ key: filter.filterKey, name: filter.name }));
}

export async function wallPage(services: Services, owner: number, viewer: number | undefined, before: Cursor | undefined): Promise<FeedPage> {
  return pageOf(services, await services.stream.wall(owner, viewer, { limit: PAGE_SIZE, before }));
}

/** One post with all its comments, for its own page; undefined when the viewer may not see it. */
export async function singlePost(services: Services, viewer: number | undefined, postId: string): Promise<FeedPage | undefined> {
  const read = await services.stream.comments(viewer, postId);
  if (read.outcome !== 'done') return undefined;
  const viewing = await services.stream.viewing(viewer);
  const view = await services.stream.view([read.post], viewing);
  const page = await pageOf(services, view);
  const entry = page.entries[0];
  if (!entry) return undefined;
  const comments = read.comments.map(commentOf);
  // The commenters beyond the preview need their names too.
  const missing = [...new Set(comments.map((comment) => comment.fromUid))].filter((uid) => !page.people.has(uid));
  const people = new Map(page.people);
  for (const person of await services.people.findMany(missing)) people.set(person.uid, person);
  return { ...page, next: undefined, people, entries: [{ ...entry, comments, commentCount: comments.length }] };
}
