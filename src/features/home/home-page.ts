/**
 * `/` and `/home.php`. Signed out: the front page — what Hearth is, and the sign-in form, which
 * posts here and comes back here signed in. Signed in: the news feed — the person's posts and
 * their friends' (statuses, wall posts, links, app stories), newest first, PAGE_SIZE at a time with
 * an "Older posts" link (`?before=`), and the composer on top; `?filter=KEY` narrows it to one of
 * the person's filters (a friend list, an app), listed above the feed. `?post=POST_ID` is one post
 * with all its comments (what "View all N comments" and a post's time link to).
 */
import type { FastifyReply } from 'fastify';
import { csrfToken } from '../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../http/page-kit/define-page.js';
import { renderPage } from '../../http/page-kit/layout.js';
import { redirectTo, sendPage, sendProblem } from '../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import type { Person } from '../people/records.js';
import { SETTINGS_PATH } from '../accounts/account-paths.js';
import { DEVELOPERS_PATH } from '../developers/pages/developer-paths.js';
import { EVENTS_PAGE_PATH } from '../events/pages/event-page-parts.js';
import { GROUPS_PAGE_PATH } from '../groups/pages/group-page-parts.js';
import { INBOX_PATH } from '../mailbox/pages/inbox-page-parts.js';
import { YOUR_PAGES_PATH } from '../pages/page-paths.js';
import { ALBUMS_PAGE_PATH } from '../photos/photo-values.js';
import { accountNav, EDIT_APPS_PATH, EDIT_PROFILE_PATH, FRIENDS_PATH, profilePath, signedInLine } from '../sign-in/pages/account-nav.js';
import { displayName, signedInPerson, signIn } from '../sign-in/pages/browser-sign-in.js';
import { answerFailedSignIn, signInForm } from '../sign-in/pages/sign-in-form.js';
import { composerView, feedView, HOME_PATH, postPath } from './feed-view.js';
import { cursorText, feedFilters, filteredFeedPage, newsFeedPage, parseCursor, singlePost } from './stream-reads.js';

/** The News Feed's filter key (stream.getFilters): the home page without a filter. */
const NEWS_FEED_FILTER = 'nf';

export { HOME_PATH };

const handler = (page: PageContext) => (page.request.method === 'POST' ? signInHere(page) : show(page));

// The sign-in form carries the CSRF token like every form.
export const homePage = definePage({ path: HOME_PATH, forms: 'checked', handler });
export const rootPage = definePage({ path: '/', forms: 'checked', handler });

async function show(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const person = await signedInPerson(request, services);
  if (!person) return sendPage(reply, 200, frontPage(csrfToken(request, reply)));
  const postId = params.get('post');
  if (postId !== undefined) return showPost(page, person, postId);

  const before = parseCursor(params.get('before'));
  const filterKey = params.get('filter') ?? NEWS_FEED_FILTER;
  const filters = await feedFilters(services, person.uid);
  // Only a filter the page lists: stream.get takes any app's id, the page only the apps that post for the person.
  const feed = !filters.some((filter) => filter.key === filterKey)
    ? undefined
    : filterKey === NEWS_FEED_FILTER
      ? await newsFeedPage(services, person.uid, before)
      : await filteredFeedPage(services, person.uid, filterKey, before);
  if (feed === undefined) {
    return sendProblem(reply, { status: 404, title: 'No such filter', message: 'This is not one of your news feed’s filters: a friend list of yours, or an application that posts for you.', startOver: { href: HOME_PATH, label: 'Go to your news feed' } });
  }
  const token = csrfToken(request, reply);
  const back = feedPath(filterKey, before && cursorText(before));
  const heading = filterKey === NEWS_FEED_FILTER ? 'News feed' : (filters.find((filter) => filter.key === filterKey)?.name ?? '');
  const body = html`${homeNav(person)}
${filtersNav(filters, filterKey)}
<h1>${heading}</h1>
${before === undefined ? composerView({ csrfToken: token, back, wall: person, viewer: person }) : html`<p class="muted"><a href="${feedPath(filterKey)}">Back to the newest posts</a></p>`}
${feedView(
  feed,
  { viewer: person, csrfToken: token, back, host: request.hostname },
  {
    empty: before !== undefined ? 'There are no older posts.' : filterKey === NEWS_FEED_FILTER ? 'Nothing here yet. Share a status above, or add friends to see what they post.' : 'Nothing here yet.',
    moreHref: (next) => feedPath(filterKey, next),
  },
)}
${signedInLine(person)}`;
  return sendPage(reply, 200, renderPage({ title: heading, body, wide: true, topNote: displayName(person) }));
}

/** The home page through a filter (the News Feed's key left out), from a cursor. */
function feedPath(filterKey: string, before?: string): string {
  const query = new URLSearchParams();
  if (filterKey !== NEWS_FEED_FILTER) query.set('filter', filterKey);
  if (before !== undefined) query.set('before', before);
  const text = query.toString();
  return text === '' ? HOME_PATH : `${HOME_PATH}?${text}`;
}

/** The filters beside the feed, as the platform's home page listed them: the News Feed, friend lists, apps. */
function filtersNav(filters: ReadonlyArray<{ readonly key: string; readonly name: string }>, current: string): SafeHtml {
  const items = filters.map((filter) =>
    filter.key === current
      ? html`<li><a href="${feedPath(filter.key)}" aria-current="page">${filter.name}</a></li>`
      : html`<li><a href="${feedPath(filter.key)}">${filter.name}</a></li>`,
  );
  return html`<nav class="stream-filters" aria-label="Filters"><ul>${items}</ul></nav>`;
}

async function showPost({ request, reply, services }: PageContext, person: Person, postId: string): Promise<FastifyReply> {
  const found = await singlePost(services, person.uid, postId);
  if (!found) return sendProblem(reply, { status: 404, title: 'No such post', message: 'This post was removed, or you cannot see it.', startOver: { href: HOME_PATH, label: 'Go to your news feed' } });
  const body = html`${homeNav(person)}
<h1>Post</h1>
${feedView(found, { viewer: person, csrfToken: csrfToken(request, reply), back: postPath(postId), host: request.hostname }, { empty: '' })}
<p class="muted"><a href="${HOME_PATH}">Back to your news feed</a></p>
${signedInLine(person)}`;
  return sendPage(reply, 200, renderPage({ title: 'Post', body, wide: true, topNote: displayName(person) }));
}

/**
 * The account tabs, and the links the old home page had beside the feed: to the person's own
 * profile, friends, inbox, photos, events, groups and pages, apps, profile and account settings,
 * and the apps they develop.
 */
function homeNav(person: Person): SafeHtml {
  return html`${accountNav(undefined, person)}
<p class="home-links muted"><a href="${profilePath(person.uid)}">${displayName(person)}</a> · <a href="${FRIENDS_PATH}">Friends</a> · <a href="${INBOX_PATH}">Inbox</a> · <a href="${ALBUMS_PAGE_PATH}?id=${person.uid}">Photos</a> · <a href="${EVENTS_PAGE_PATH}">Events</a> · <a href="${GROUPS_PAGE_PATH}">Groups</a> · <a href="${YOUR_PAGES_PATH}">Pages</a> · <a href="${EDIT_APPS_PATH}">Applications</a> · <a href="${EDIT_PROFILE_PATH}">Edit profile</a> · <a href="${SETTINGS_PATH}">Account settings</a> · <a href="${DEVELOPERS_PATH}">Developers</a></p>`;
}

async function signInHere({ request, reply, services, params }: PageContext): Promise<FastifyReply> {
  const email = params.raw('email') ?? '';
  const outcome = await signIn(request, reply, services, { email, password: params.raw('pass') ?? '', persistent: params.flag('persistent') });
  if ('signedIn' in outcome) return redirectTo(reply, 303, HOME_PATH);
  return answerFailedSignIn(reply, outcome, (problem) => frontPage(csrfToken(request, reply), email, problem));
}

function frontPage(token: string, email?: string, problem?: string): SafeHtml {
  const body = html`<h1>Welcome to Hearth</h1>
<p class="front-intro">Hearth is a self-hosted social platform. It runs the applications and client libraries written for the classic Facebook Platform of 2007–2010: their REST API calls, FQL, FBML profile boxes, sign-in and Connect — on a server you keep yourself.</p>
<p class="muted">Sign in to see what your friends are sharing, post on walls and manage your applications.</p>
<h2 class="section">Sign in</h2>
${signInForm({ action: HOME_PATH, carried: [], csrfToken: token, email, showKeepSignedIn: true, problem })}
<p class="muted below">Accounts are made by whoever runs this server (<code>hearth user create</code>). Developers: applications call the API at <code>/restserver.php</code>.</p>`;
  return renderPage({ title: 'Welcome', body });
}
