/**
 * The pages a signed-in person keeps for themselves (their profile and its editor, applications, friends,
 * events, groups and pages):
 * a small navigation between them at the top of the card, and who is signed in at the bottom.
 */
import type { Person } from '../../people/records.js';
import { displayName } from './browser-sign-in.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';

export const PROFILE_PATH = '/profile.php';
export const EDIT_PROFILE_PATH = '/editprofile.php';
export const EDIT_APPS_PATH = '/editapps.php';
export const FRIENDS_PATH = '/friends.php';

/** A person's profile page (also users.getInfo's `profile_url`, and fb:name's link). */
export function profilePath(uid: number): string {
  return `${PROFILE_PATH}?id=${uid}`;
}

/** `profile` is the person's profile page and its editor (linked from the profile). */
export type AccountSection = 'profile' | 'apps' | 'friends';

const SECTIONS: ReadonlyArray<{ readonly section: AccountSection; readonly href: (person: Person) => string; readonly label: string }> = [
  { section: 'profile', href: (person) => profilePath(person.uid), label: 'Your profile' },
  { section: 'apps', href: () => EDIT_APPS_PATH, label: 'Your applications' },
  { section: 'friends', href: () => FRIENDS_PATH, label: 'Your friends' },
];

/** The tabs of `person`'s own pages; `current` is the one shown, if any (none on someone else's profile). */
export function accountNav(current: AccountSection | undefined, person: Person): SafeHtml {
  return html`<nav class="tabs" aria-label="Your account">${SECTIONS.map(({ section, href, label }) =>
    section === current ? html`<a href="${href(person)}" aria-current="page">${label}</a>` : html`<a href="${href(person)}">${label}</a>`,
  )}</nav>`;
}

export function signedInLine(person: Person): SafeHtml {
  return html`<p class="muted below">Signed in as ${displayName(person)}. <a href="/logout.php">Sign out</a></p>`;
}
