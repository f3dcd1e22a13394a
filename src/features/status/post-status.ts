/**
 * Setting a status: a post of type 46 on the person's own wall, recorded as their current status.
 * Used by status.set, users.setStatus, `hearth status set` and the composer of the pages; the
 * stream's own stream.publish records a plain post the same way.
 */
import type { Services } from '../feature.js';
import { statusText } from './status-service.js';

export const STATUS_POST_TYPE = 46;

export interface NewStatus {
  readonly uid: number;
  /** The app it is set through; null on Hearth's own pages and from the command line. */
  readonly appId: number | null;
  readonly text: string;
  /** Shown as "Name is text" (users.setStatus without status_includes_verb). */
  readonly needsVerb?: boolean;
}

export async function postStatus(services: Pick<Services, 'stream' | 'status'>, status: NewStatus, now = new Date()): Promise<{ readonly postId: string; readonly statusId: number }> {
  const message = statusText(status.text);
  const post = await services.stream.publish(
    { actor: status.uid, wall: status.uid, appId: status.appId, type: STATUS_POST_TYPE, message, attachment: null, actionLinks: null },
    now,
  );
  await services.status.recordFromPost({ uid: status.uid, statusId: post.storyId, message, appId: status.appId, createdAt: now, needsVerb: status.needsVerb ?? false });
  return { postId: post.postId, statusId: post.storyId };
}
