/**
 * A post's fields as the stream writes them, shared by stream.get and the FQL stream table: plain
 * values in the shapes of stream-types.ts, which src/fql/render.ts turns into the wire's lists and
 * structs. Times are seconds; ids of posts and comments strings; what a post lacks is nil.
 */
import type { App } from '../apps/records.js';
import type { Person } from '../people/records.js';
import type { FqlValue } from '../../fql/types.js';
import { attachmentValue } from './attachment.js';
import { commentIdOf, postIdOf } from './post-ids.js';
import { privacyValue } from './privacy.js';
import type { Post, StreamComment } from './records.js';
import { fullName, type NamedPlace, type ViewedPost } from './stream-service.js';

export const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

/** What the values of a post need besides the post. */
export interface PostValueContext {
  /** This server as the caller reached it. */
  readonly origin: string;
  readonly people: ReadonlyMap<number, Person>;
  readonly apps: ReadonlyMap<number, App>;
}

/** The post's page: the wall it is on, at the post. */
export function permalink(origin: string, post: Post): string {
  return `${origin}/profile.php?v=feed&story_fbid=${post.storyId}&id=${post.wall}`;
}

export function profileUrl(origin: string, uid: number): string {
  return `${origin}/profile.php?id=${uid}`;
}

export function commentValue(post: Post, comment: StreamComment): { fromid: number; time: number; text: string; id: string } {
  return { fromid: comment.fromUid, time: seconds(comment.createdAt), text: comment.text, id: commentIdOf(post.wall, post.storyId, comment.commentId) };
}

export function attributionOf(post: Post, apps: ReadonlyMap<number, App>): string | null {
  return post.appId === null ? null : (apps.get(post.appId)?.name ?? null);
}

/** The app's own data: the template bundle of a feed story, the attachment as stored (the app's input, checked). */
export function appDataValue(post: Post): Record<string, FqlValue> {
  const data: Record<string, FqlValue> = {};
  if (post.templateBundleId !== null) data.tbid = post.templateBundleId;
  if (post.attachment !== null) data.attachment_data = JSON.stringify(post.attachment);
  return data;
}

export function actionLinksValue(post: Post): FqlValue {
  return post.actionLinks === null ? null : post.actionLinks.map((link) => ({ text: link.text, href: link.href }));
}

export function postAttachmentValue(post: Post, people: ReadonlyMap<number, Person>): FqlValue {
  return attachmentValue(post.attachment, post.actor, fullName(people.get(post.actor))) as FqlValue;
}

export function commentsValue(shown: ViewedPost): FqlValue {
  return {
    can_remove: shown.canRemoveComments,
    can_post: shown.canInteract,
    count: shown.commentCount,
    comment_list: shown.previewComments.map((comment) => commentValue(shown.post, comment)),
  };
}

export function likesValue(origin: string, shown: ViewedPost): FqlValue {
  return {
    href: permalink(origin, shown.post),
    count: shown.likeCount,
    sample: [...shown.sampleLikers],
    friends: [...shown.friendLikers],
    user_likes: shown.viewerLikes,
    can_like: shown.canInteract,
  };
}

/** Every field of one post of stream.get, in the order of STREAM_POST. */
export function streamPostValue(
  shown: ViewedPost,
  reading: { readonly viewer: number | undefined; readonly sourceId: number; readonly filterKey: string },
  context: PostValueContext,
): Record<string, FqlValue> {
  const { post } = shown;
  return {
    post_id: postIdOf(post.wall, post.storyId),
    viewer_id: reading.viewer ?? 0,
    source_id: reading.sourceId,
    type: post.type,
    app_id: post.appId,
    attribution: attributionOf(post, context.apps),
    actor_id: post.actor,
    target_id: post.wall === post.actor ? null : post.wall,
    message: post.message,
    attachment: postAttachmentValue(post, context.people),
    app_data: appDataValue(post),
    action_links: actionLinksValue(post),
    comments: commentsValue(shown),
    likes: likesValue(context.origin, shown),
    privacy: privacyValue(post.privacy),
    updated_time: seconds(post.updatedAt),
    created_time: seconds(post.createdAt),
    tagged_ids: [],
    is_hidden: false,
    filter_key: reading.filterKey,
    permalink: permalink(context.origin, post),
  };
}

/** One place (a fan page, a group, an event) of stream.get's `profiles`: its type says which. */
export function placeProfileValue(origin: string, id: number, place: NamedPlace): Record<string, FqlValue> {
  return { id, url: `${origin}${place.path}`, name: place.name, pic_square: '', type: place.kind };
}

/** One person of stream.get's `profiles`. */
export function profileValue(origin: string, person: Person): Record<string, FqlValue> {
  return { id: person.uid, url: profileUrl(origin, person.uid), name: fullName(person), pic_square: person.pictureUrl ?? '', type: 'user' };
}
