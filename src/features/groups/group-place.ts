/**
 * A group as a place with a wall (features/places.ts): an OPEN group's wall is read by everyone; a
 * CLOSED or SECRET one's by its people (members and those invited), as its member list is. Only
 * members write on it, and its admins look after it.
 */
import type { Store } from '../feature.js';
import type { PlaceAccess, PlaceKind } from '../places.js';

export function groupPath(gid: number): string {
  return `/group.php?gid=${gid}`;
}

export function groupPlaces(store: Store): PlaceKind {
  return {
    kind: 'group',
    async accessOf(ids, viewer) {
      const [groups, memberships] = await Promise.all([store.groups.byIds(ids), viewer === undefined ? [] : store.groups.membershipsOf([viewer])]);
      const mine = new Map(memberships.map((membership) => [membership.gid, membership]));
      const places = new Map<number, PlaceAccess>();
      for (const group of groups) {
        const membership = mine.get(group.gid);
        places.set(group.gid, {
          name: group.name,
          path: groupPath(group.gid),
          reads: group.privacy === 'OPEN' || membership !== undefined,
          posts: membership?.joined ?? false,
          manages: membership?.admin ?? false,
          speaksFor: false,
        });
      }
      return places;
    },
  };
}
