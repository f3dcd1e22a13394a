/**
 * Whose statuses a caller may read, by the rule users.getInfo applies to the `status` field: in a
 * session, the viewer's own, their friends' and the app's users'; a web app acting for a person by
 * `uid` without a session (which needs that person to have authorized it) reads that person's.
 */
import type { Services } from '../feature.js';

export async function readableStatusOwners(
  services: Pick<Services, 'friends' | 'grants'>,
  caller: { readonly viewer: number | undefined; readonly appId: number },
  owners: readonly number[],
): Promise<Set<number>> {
  const { viewer, appId } = caller;
  const distinct = [...new Set(owners)];
  const [appUsers, friends] = await Promise.all([
    services.grants.appUsersAmong(appId, distinct),
    viewer === undefined ? new Set<number>() : services.friends.friendsAmong(viewer, distinct),
  ]);
  return new Set(distinct.filter((owner) => owner === viewer || appUsers.has(owner) || friends.has(owner)));
}
