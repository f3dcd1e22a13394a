/**
 * The wall of a place — an event, a group, a fan page — as its page draws it: the composer for
 * those who may post there (a page's admins may post as the page), then the posts, with "Older
 * posts". Who reads and who posts is the stream's rule for places (features/places.ts); the forms
 * go to /stream.php and come back to the place's page.
 */
import type { FastifyRequest } from 'fastify';
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import type { Services } from '../feature.js';
import type { Person } from '../people/records.js';
import { composerView, feedView } from './feed-view.js';
import { cursorText, parseCursor, wallPage, type Cursor, type FeedPage } from './stream-reads.js';

export interface Place {
  readonly id: number;
  readonly name: string;
  /** Its page (path and query), e.g. `/event.php?eid=7`. */
  readonly path: string;
}

export interface PlaceWall {
  readonly page: FeedPage;
  readonly before: Cursor | undefined;
  /** The viewer may post on it. */
  readonly mayPost: boolean;
  /** The viewer may post as the place. */
  readonly speaksFor: boolean;
  /** The viewer may read it; when not, `page` is empty. */
  readonly mayRead: boolean;
}

export async function loadPlaceWall(services: Services, place: Place, viewer: Person | undefined, beforeText: string | undefined): Promise<PlaceWall> {
  const before = parseCursor(beforeText);
  const [access, page] = await Promise.all([services.stream.placesAmong([place.id], viewer?.uid), wallPage(services, place.id, viewer?.uid, before)]);
  const rights = access.get(place.id);
  const mayRead = rights?.reads ?? false;
  return {
    page: mayRead ? page : { ...page, entries: [], next: undefined },
    before,
    mayRead,
    mayPost: viewer !== undefined && (rights?.posts ?? false),
    speaksFor: viewer !== undefined && (rights?.speaksFor ?? false),
  };
}

export function placeWallSection(request: FastifyRequest, place: Place, wall: PlaceWall, viewer: Person | undefined, token: string): SafeHtml {
  const back = wall.before === undefined ? place.path : `${place.path}&before=${cursorText(wall.before)}`;
  const empty = wall.mayRead ? `Nothing on the wall of ${place.name} yet.` : `Only its people see the wall of ${place.name}.`;
  return html`<section class="place-wall" aria-labelledby="wall-title">
<h2 class="section" id="wall-title">Wall</h2>
${viewer !== undefined && wall.mayPost && wall.before === undefined && composerView({ csrfToken: token, back, wall: { id: place.id, name: place.name, speaksFor: wall.speaksFor }, viewer })}
${feedView(wall.page, { viewer, csrfToken: token, back, host: request.hostname }, { empty: wall.before === undefined ? empty : 'There are no older posts.', moreHref: (next) => `${place.path}&before=${next}` })}
</section>`;
}
