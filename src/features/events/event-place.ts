/**
 * An event as a place with a wall (features/places.ts): an OPEN event's wall is read by everyone
 * who may see the event and written on by anyone signed in; a CLOSED or SECRET one's only by its
 * guests and its creator. A cancelled event's wall stays readable but takes no new posts. Its
 * creator looks after it.
 */
import type { Store } from '../feature.js';
import type { PlaceAccess, PlaceKind } from '../places.js';

export function eventPath(eid: number): string {
  return `/event.php?eid=${eid}`;
}

export function eventPlaces(store: Store): PlaceKind {
  return {
    kind: 'event',
    async accessOf(ids, viewer) {
      const [events, memberships] = await Promise.all([store.events.byIds(ids), viewer === undefined ? [] : store.events.membershipsOf([viewer])]);
      const guestOf = new Set(memberships.map((member) => member.eid));
      const places = new Map<number, PlaceAccess>();
      for (const event of events) {
        const insider = viewer !== undefined && (guestOf.has(event.eid) || event.creator === viewer);
        const reads = event.privacy === 'OPEN' || insider;
        places.set(event.eid, {
          name: event.name,
          path: eventPath(event.eid),
          reads,
          posts: viewer !== undefined && reads && !event.cancelled,
          manages: viewer !== undefined && event.creator === viewer,
          speaksFor: false,
        });
      }
      return places;
    },
  };
}
