/**
 * What the profile page shows of the stream and of friendship (profile-page.ts draws the rest):
 * the wall — posts on it and by its owner that the viewer may see, with the composer for the owner
 * and their friends — the owner's friends, and, for a signed-in stranger, "Add as friend" (a POST
 * to friends.php, which sends the request).
 */
import type { FastifyRequest } from 'fastify';
import { csrfField } from '../../http/page-kit/csrf.js';
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import type { Services } from '../feature.js';
import type { Person } from '../people/records.js';
import { FRIENDS_PATH, profilePath } from '../sign-in/pages/account-nav.js';
import { displayName } from '../sign-in/pages/browser-sign-in.js';
import { composerView, feedView } from './feed-view.js';
import { cursorText, parseCursor, wallPage, type Cursor, type FeedPage } from './stream-reads.js';

/** Friends listed on a profile; the rest are on their own friends page. */
const FRIENDS_SHOWN = 12;

/** Where the viewer stands with the owner, for the friend button. */
export type Relation = 'self' | 'friends' | 'requested' | 'asked-you' | 'stranger' | 'visitor';

export interface WallData {
  readonly page: FeedPage;
  readonly before: Cursor | undefined;
  readonly friends: readonly Person[];
  readonly friendCount: number;
  readonly relation: Relation;
}

export async function loadWall(services: Services, owner: Person, viewer: Person | undefined, areFriends: boolean, beforeText: string | undefined): Promise<WallData> {
  const before = parseCursor(beforeText);
  const [page, friendUids, pending] = await Promise.all([
    wallPage(services, owner.uid, viewer?.uid, before),
    services.friends.friendsOf(owner.uid),
    viewer && viewer.uid !== owner.uid && !areFriends ? services.friends.pending(viewer.uid) : undefined,
  ]);
  const relation: Relation =
    viewer === undefined
      ? 'visitor'
      : viewer.uid === owner.uid
        ? 'self'
        : areFriends
          ? 'friends'
          : pending?.outgoing.some((request) => request.toUid === owner.uid)
            ? 'requested'
            : pending?.incoming.some((request) => request.fromUid === owner.uid)
              ? 'asked-you'
              : 'stranger';
  const people = await services.people.findMany(friendUids);
  const friends = people.sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.uid - b.uid);
  return { page, before, friends, friendCount: friends.length, relation };
}

/** The friend button under the name: ask, answer, or say the request is on its way. */
export function friendButton(owner: Person, relation: Relation, token: string): SafeHtml | undefined {
  const form = (name: string, label: string) =>
    html`<form class="friend-button" method="post" action="${FRIENDS_PATH}">${csrfField(token)}<input type="hidden" name="friend" value="${owner.uid}"><button class="button small" type="submit" name="${name}" value="${name === 'request' ? '1' : owner.uid}">${label}</button></form>`;
  switch (relation) {
    case 'stranger':
      return form('request', 'Add as friend');
    case 'asked-you':
      return html`<p class="muted">${owner.firstName} asked to be your friend.</p>${form('accept', 'Confirm friend request')}`;
    case 'requested':
      return html`<p class="muted friend-requested">Friend request sent.</p>`;
    default:
      return undefined;
  }
}

/** The owner's friends, linked by name, in the narrow column. */
export function friendsBox(owner: Person, wall: WallData, viewer: Person | undefined): SafeHtml | undefined {
  // Visitors who are not signed in see the wall's public posts, not whom people know.
  if (viewer === undefined) return undefined;
  const shown = wall.friends.slice(0, FRIENDS_SHOWN);
  return html`<section class="profile-friends" aria-labelledby="friends-title">
<h2 class="fbml-box-title" id="friends-title">Friends <span class="muted">(${wall.friendCount})</span></h2>
${
  shown.length === 0
    ? html`<p class="muted">${viewer.uid === owner.uid ? 'You have' : `${owner.firstName} has`} no friends here yet.</p>`
    : html`<ul class="friend-links">${shown.map((friend) => html`<li><a href="${profilePath(friend.uid)}">${displayName(friend)}</a></li>`)}</ul>`
}
${viewer.uid === owner.uid && html`<p class="muted"><a href="${FRIENDS_PATH}">All your friends</a></p>`}
</section>`;
}

/** The wall: the composer (owner and friends), then the posts, with "Older posts". */
export function wallSection(request: FastifyRequest, owner: Person, wall: WallData, viewer: Person | undefined, token: string): SafeHtml {
  const back = wall.before === undefined ? profilePath(owner.uid) : `${profilePath(owner.uid)}&before=${cursorText(wall.before)}`;
  const mayPost = viewer !== undefined && (wall.relation === 'self' || wall.relation === 'friends');
  const empty = viewer?.uid === owner.uid ? 'Your wall is empty. Share something above.' : `Nothing on ${owner.firstName}’s wall${viewer === undefined ? ' that everyone may see' : ''} yet.`;
  return html`<section class="profile-wall" aria-labelledby="wall-title">
<h2 class="section" id="wall-title">Wall</h2>
${mayPost && wall.before === undefined && composerView({ csrfToken: token, back, wall: owner, viewer: viewer! })}
${feedView(wall.page, { viewer, csrfToken: token, back, host: request.hostname }, { empty: wall.before === undefined ? empty : 'There are no older posts.', moreHref: (next) => `${profilePath(owner.uid)}&before=${next}` })}
</section>`;
}
