/**
 * Comment boxes (`fb:comments`): an app's comment sets, each named by an xid
 * (docs/feed-stories.md, "Comment boxes"). A comment may also become a story on its writer's
 * stream, linking the commented item, whose comments_xid is the set's xid.
 */
import { ApiError, invalidParameter } from '../../wire/errors.js';
import type { CallSession } from '../../dispatch/ports.js';
import type { Services, Store } from '../feature.js';
import { streamPublisher } from '../feed/stream-port.js';
import type { BoxComment } from './records.js';

/** Longer comments are refused (1701). */
export const MAX_COMMENT_LENGTH = 8000;
/** comments.get answers at most this many, oldest first. */
export const MAX_COMMENTS_LISTED = 5000;
const APP_STORY_POST_TYPE = 237;

/** letters, digits and underscores (else 1703). */
export function isValidXid(xid: string): boolean {
  return /^[A-Za-z0-9_]{1,255}$/.test(xid);
}

export interface NewComment {
  readonly appId: number;
  readonly xid: string;
  readonly fromUid: number;
  readonly text: string;
  readonly session: CallSession | undefined;
  /** publish_to_stream: the story's link. */
  readonly story?: { readonly title: string; readonly url: string } | undefined;
}

type BoxServices = Pick<Services, 'grants'>;

export class CommentBoxService {
  readonly #store: Store;
  readonly #services: BoxServices;

  constructor(store: Store, services: BoxServices) {
    this.#store = store;
    this.#services = services;
  }

  async add(comment: NewComment, now = new Date()): Promise<BoxComment> {
    const { appId, fromUid, session } = comment;
    if ([...comment.text].length > MAX_COMMENT_LENGTH) throw new ApiError(1701, `more than ${MAX_COMMENT_LENGTH} characters`);
    if (!(await this.#services.grants.isAppUser(fromUid, appId, session))) throw new ApiError(1704, `uid ${fromUid}`);
    if (comment.story && !(await this.#services.grants.hasPermission(fromUid, appId, 'publish_stream', session))) {
      throw new ApiError(200, 'publish_to_stream requires the extended permission publish_stream');
    }
    const stored = await this.#store.boxComments.add({ appId, xid: comment.xid, fromUid, text: comment.text, createdAt: now });
    const stream = streamPublisher(this.#services);
    if (!comment.story || !stream) return stored;
    const postRequest = {
      actor: fromUid,
      wall: fromUid,
      appId,
      type: APP_STORY_POST_TYPE,
      message: comment.text,
      attachment: { name: comment.story.title, href: comment.story.url, comments_xid: comment.xid },
      actionLinks: [],
    };
    let post: { readonly postId: string };
    try {
      post = await stream.publish(postRequest, now);
    } catch (error) {
      // The call fails as a whole: no comment without the story that was asked for.
      await this.#store.boxComments.remove(stored.commentId);
      throw error;
    }
    await this.#store.boxComments.setPostId(stored.commentId, post.postId);
    return { ...stored, postId: post.postId };
  }

  /** A set's comments, oldest first. */
  ofSet(appId: number, xid: string): Promise<BoxComment[]> {
    return this.#store.boxComments.ofSet(appId, xid, MAX_COMMENTS_LISTED);
  }

  /**
   * The comments of the app's sets named in `xids`, oldest first, in one query: what FQL's
   * `comment` table answers for `WHERE xid IN (…)`.
   */
  commentsOfXids(appId: number, xids: readonly string[]): Promise<BoxComment[]> {
    return this.#store.boxComments.ofXids(appId, xids.filter(isValidXid));
  }

  /**
   * Removes a comment of the app's set. `onlyBy`: the person whose comments alone may be
   * removed (a call made in a session's name), else any (the app's own secret).
   */
  async remove(appId: number, xid: string, commentId: number, onlyBy: number | undefined): Promise<void> {
    const comment = await this.#store.boxComments.find(appId, xid, commentId);
    if (!comment) throw new ApiError(1706, `no comment ${commentId} in set ${xid}`);
    if (onlyBy !== undefined && comment.fromUid !== onlyBy) throw new ApiError(200, "a session may remove only its own user's comments");
    await this.#store.boxComments.remove(commentId);
  }
}

/** The xid parameter's check, for every comments.* method. */
export function checkedXid(xid: string): string {
  if (!isValidXid(xid)) throw new ApiError(1703, `xid ${JSON.stringify(xid.slice(0, 100))}`);
  return xid;
}

/** publish_to_stream's link: a title and an http(s) url are both needed. */
export function storyLink(title: string | undefined, url: string | undefined): { title: string; url: string } {
  if (title === undefined) throw invalidParameter('title', 'required with publish_to_stream');
  if (url === undefined || !/^https?:\/\/\S+$/i.test(url)) throw invalidParameter('url', 'an http(s) URL is required with publish_to_stream');
  return { title, url };
}
