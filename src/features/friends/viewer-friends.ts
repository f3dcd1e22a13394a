/**
 * Which people a statement reads are the viewer's friends — what the user table's privacy turns
 * on. A call that has read the viewer's whole friend list already (`friend WHERE uid1 = me()`, the
 * usual subquery of a friends list) answers from that list; else one query asks about just the
 * people at hand.
 */
import type { FqlContext } from '../../fql/table.js';

const WHOLE_LIST = 'friends.viewer-friends';

/** Called by the friend table when it has fetched every friendship of the viewer. */
export function rememberViewerFriends(context: FqlContext, friends: ReadonlySet<number>): void {
  void context.memo(WHOLE_LIST, async () => friends);
}

export async function viewerFriendsAmong(context: FqlContext, uids: readonly number[]): Promise<ReadonlySet<number>> {
  const viewer = context.viewer;
  if (viewer === undefined) return new Set();
  const whole = context.recall<ReadonlySet<number>>(WHOLE_LIST);
  if (whole !== undefined) return whole;
  const others = uids.filter((uid) => uid !== viewer);
  return others.length === 0 ? new Set() : context.services.friends.friendsAmong(viewer, others);
}
