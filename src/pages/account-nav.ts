/**
 * The pages a signed-in person keeps for themselves (their profile, applications and friends):
 * a small navigation between them at the top of the card, and who is signed in at the bottom.
 */
import type { Person } from '../store/store.js';
import { displayName } from './browser-sign-in.js';
import { html, type SafeHtml } from './templates.js';

export const EDIT_PROFILE_PATH = '/editprofile.php';
export const EDIT_APPS_PATH = '/editapps.php';
export const FRIENDS_PATH = '/friends.php';

export type AccountSection = 'profile' | 'apps' | 'friends';

const SECTIONS: ReadonlyArray<{ readonly section: AccountSection; readonly href: string; readonly label: string }> = [
  { section: 'profile', href: EDIT_PROFILE_PATH, label: 'Your profile' },
  { section: 'apps', href: EDIT_APPS_PATH, label: 'Your applications' },
  { section: 'friends', href: FRIENDS_PATH, label: 'Your friends' },
];

export function accountNav(current: AccountSection): SafeHtml {
  return html`<nav class="tabs" aria-label="Your account">${SECTIONS.map(({ section, href, label }) =>
    section === current ? html`<a href="${href}" aria-current="page">${label}</a>` : html`<a href="${href}">${label}</a>`,
  )}</nav>`;
}

export function signedInLine(person: Person): SafeHtml {
  return html`<p class="muted below">Signed in as ${displayName(person)}. <a href="/logout.php">Sign out</a></p>`;
}
