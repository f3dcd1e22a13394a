/**
 * A fan page as a place with a wall (features/places.ts): everyone reads it, its fans and admins
 * write on it, and its admins look after it and may post as the page itself. The page's own posts
 * come into its fans' news feeds.
 */
import type { Store } from '../feature.js';
import type { PlaceAccess, PlaceKind } from '../places.js';
import { pagePath } from './page-paths.js';

export function pagePlaces(store: Store): PlaceKind {
  return {
    kind: 'page',
    async accessOf(ids, viewer) {
      const [pages, fans, admins] = await Promise.all([
        store.pages.byIds(ids),
        viewer === undefined ? [] : store.pages.fansByUids([viewer]),
        viewer === undefined ? [] : store.pages.admins('uid', [viewer]),
      ]);
      const fanOf = new Set(fans.map((tie) => tie.pageId));
      const adminOf = new Set(admins.map((tie) => tie.pageId));
      const places = new Map<number, PlaceAccess>();
      for (const page of pages) {
        const admin = adminOf.has(page.pageId);
        places.set(page.pageId, { name: page.name, path: pagePath(page.pageId), reads: true, posts: admin || fanOf.has(page.pageId), manages: admin, speaksFor: admin });
      }
      return places;
    },
    async followedBy(uid) {
      return (await store.pages.fansByUids([uid])).map((tie) => tie.pageId);
    },
  };
}
