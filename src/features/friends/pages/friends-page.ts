/**
 * `/friends.php`: a signed-in person's friends, with Remove; requests waiting for their answer,
 * with Accept and Decline; requests they sent, with Cancel; and a form to ask someone by e-mail
 * address or uid. Every change is a POST carrying the CSRF token, answered with a 303 back here
 * and a one-line notice (`?done=…&who=UID`). A browser that is not signed in gets the sign-in
 * form, as on editapps.php.
 *
 * Asking by e-mail address never says whether anyone has it: the request is kept under the address
 * typed (an invitation, friend-service.ts), listed by that address under "Requests you sent", and
 * answered with the same notice (`?done=invited&to=ADDRESS`) for every address.
 *
 * Below the friends come the person's friend lists, with their own forms (friend-list-forms.ts).
 */
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FriendInvitation, FriendRequestOutcome } from '../friend-service.js';
import { InvalidInputError } from '../../../dispatch/invalid-input-error.js';
import { normaliseEmail } from '../../people/people-service.js';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { type AccountPage } from '../../sign-in/pages/account-sign-in.js';
import { accountNav, FRIENDS_PATH, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { csrfField, csrfToken } from '../../../http/page-kit/csrf.js';
import { renderPage } from '../../../http/page-kit/layout.js';
import { type PageParams } from '../../../http/page-kit/page-params.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { changeLists, LIST_ACTIONS, listNotice, listsSection, type ListProblem } from './friend-list-forms.js';

const ACCOUNT_PAGE: AccountPage = {
  path: FRIENDS_PATH,
  heading: 'Your friends',
  reason: 'Sign in to see your friends and the friend requests waiting for you.',
};

export { FRIENDS_PATH };

/** What the notice after a change says; `who` is the other person. */
type Done = FriendRequestOutcome | 'declined' | 'cancelled' | 'removed';
/** Notices about an e-mail address (`to`), never about a person. */
type DoneByAddress = 'invited' | 'uninvited';

const ADDRESS_NOTICES: Readonly<Record<DoneByAddress, (email: string) => SafeHtml>> = {
  invited: (email) => html`Your friend request to ${email} is on its way: whoever has that address on Hearth, now or when they join, will see it.`,
  uninvited: (email) => html`You took back your request to ${email}.`,
};

const NOTICES: Readonly<Record<Done, (name: string) => SafeHtml>> = {
  requested: (name) => html`Friend request sent to ${name}.`,
  'already-requested': (name) => html`You have already asked ${name}; they have not answered yet.`,
  accepted: (name) => html`You and ${name} are now friends.`,
  'already-friends': (name) => html`You and ${name} are already friends.`,
  declined: (name) => html`You declined ${name}’s request.`,
  cancelled: (name) => html`You took back your request to ${name}.`,
  removed: (name) => html`${name} is no longer your friend.`,
};

function isDone(text: string | undefined): text is Done {
  return text !== undefined && Object.hasOwn(NOTICES, text);
}

export const friendsPage = defineAccountPage({
  ...ACCOUNT_PAGE,
  actions: ['request', 'accept', 'decline', 'cancel', 'uninvite', 'remove', ...LIST_ACTIONS],
  show: ({ request, reply, services, params }, person) => showFriends(request, reply, services, params, person),
  change: ({ request, reply, services, params }, person) => change(request, reply, services, params, person),
});

async function showFriends(request: FastifyRequest, reply: FastifyReply, services: Services, params: PageParams, person: Person): Promise<FastifyReply> {
  const done = params.get('done');
  const who = await personByUid(services, params.get('who'));
  const to = params.get('to');
  const notice =
    isDone(done) && who
      ? NOTICES[done](displayName(who))
      : (done === 'invited' || done === 'uninvited') && to !== undefined
        ? ADDRESS_NOTICES[done](to)
        : await listNotice(services, params, person);
  return sendPage(reply, 200, await friendsView(services, person, csrfToken(request, reply), { notice }));
}

/** One form's change, then a 303 back to the page with what happened. */
async function change(request: FastifyRequest, reply: FastifyReply, services: Services, params: PageParams, person: Person): Promise<FastifyReply> {
  const back = (done: Done, other: number) => redirectTo(reply, 303, `${FRIENDS_PATH}?done=${done}&who=${other}`);

  if (params.flag('request')) {
    const typed = params.get('friend')?.trim() ?? '';
    const refuse = async (problem: string) => sendPage(reply, 400, await friendsView(services, person, csrfToken(request, reply), { problem, typed }));
    if (typed === '') return refuse('Type the e-mail address or uid of the person you want to ask.');
    if (/^\d+$/.test(typed)) {
      // uids are public (every profile link shows one), so saying there is nobody with one tells nothing.
      const other = await personByUid(services, typed);
      if (!other) return refuse(`Nobody on Hearth has the uid “${typed}”.`);
      if (other.uid === person.uid) return refuse('You cannot be your own friend.');
      try {
        return back(await services.friends.request(person.uid, other.uid), other.uid);
      } catch (error) {
        // The other person may have been removed since the lookup.
        if (!(error instanceof InvalidInputError)) throw error;
        return refuse(error.message);
      }
    }
    if (!isEmailAddress(typed)) return refuse(`“${typed}” is neither an e-mail address nor a uid.`);
    if (isOwnAddress(person, typed)) return refuse('You cannot be your own friend.');
    const email = await services.friends.invite(person.uid, typed);
    return redirectTo(reply, 303, `${FRIENDS_PATH}?done=invited&to=${encodeURIComponent(email)}`);
  }

  const listed = await changeLists(services, params, person);
  if (listed && 'location' in listed) return redirectTo(reply, 303, listed.location);
  if (listed) return sendPage(reply, 400, await friendsView(services, person, csrfToken(request, reply), { listProblem: listed.problem }));

  const invitation = params.get('uninvite');
  if (invitation !== undefined && (await services.friends.uninvite(person.uid, invitation))) {
    return redirectTo(reply, 303, `${FRIENDS_PATH}?done=uninvited&to=${encodeURIComponent(invitation)}`);
  }

  // The other buttons carry the other person's uid as their value. Anything that does not name
  // a request or friendship of this person just shows the page again, as editapps.php does.
  const actions: ReadonlyArray<readonly [string, Done, (other: number) => Promise<boolean>]> = [
    ['accept', 'accepted', (other) => services.friends.accept(person.uid, other)],
    ['decline', 'declined', (other) => services.friends.decline(person.uid, other)],
    ['cancel', 'cancelled', (other) => services.friends.cancel(person.uid, other)],
    ['remove', 'removed', (other) => services.friends.remove(person.uid, other)],
  ];
  for (const [field, done, act] of actions) {
    const other = uidOf(params.get(field));
    if (other !== undefined && (await act(other))) return back(done, other);
  }
  return redirectTo(reply, 303, FRIENDS_PATH);
}


function uidOf(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

function personByUid(services: Services, text: string | undefined): Promise<Person | undefined> {
  const uid = uidOf(text);
  return uid === undefined ? Promise.resolve(undefined) : services.people.find(uid);
}

function isEmailAddress(text: string): boolean {
  try {
    normaliseEmail(text);
    return true;
  } catch (error) {
    if (error instanceof InvalidInputError) return false;
    throw error;
  }
}

function isOwnAddress(person: Person, text: string): boolean {
  return person.email === normaliseEmail(text);
}


interface ViewState {
  /** The notice after a change. */
  readonly notice?: SafeHtml;
  /** Why the request form was refused, with what was typed. */
  readonly problem?: string;
  readonly typed?: string;
  /** Why a friend list form was refused. */
  readonly listProblem?: ListProblem;
}

async function friendsView(services: Services, person: Person, token: string, state: ViewState): Promise<SafeHtml> {
  const [friendUids, pending, invitations, lists] = await Promise.all([
    services.friends.friendsOf(person.uid),
    services.friends.pending(person.uid),
    services.friends.invitations(person.uid),
    services.friendLists.withMembers(person.uid),
  ]);
  const people = await services.people.findMany([...friendUids, ...pending.incoming.map((r) => r.fromUid), ...pending.outgoing.map((r) => r.toUid)]);
  const byUid = new Map(people.map((one) => [one.uid, one]));
  // Someone deleted between the two reads is left out rather than shown without a name.
  const named = (uids: readonly number[]) => uids.flatMap((uid) => (byUid.has(uid) ? [byUid.get(uid)!] : []));
  const friends = named(friendUids).sort((a, b) => displayName(a).localeCompare(displayName(b)) || a.uid - b.uid);

  const body = html`${accountNav('friends', person)}
<h1>Your friends</h1>
${state.notice && html`<p class="notice info" role="status">${state.notice}</p>`}
${incomingSection(named(pending.incoming.map((r) => r.fromUid)), token)}
${friendsSection(friends, token)}
${outgoingSection(named(pending.outgoing.map((r) => r.toUid)), invitations, token)}
${requestForm(token, state)}
${listsSection(lists, friends, token, state.listProblem)}
${signedInLine(person)}`;
  return renderPage({ title: 'Your friends', body, wide: true, topNote: displayName(person) });
}

function incomingSection(requesters: readonly Person[], token: string): SafeHtml | undefined {
  if (requesters.length === 0) return undefined;
  return html`<h2 class="section">Friend requests</h2>
<ul class="friends incoming">
${requesters.map(
  (other) => html`<li><span class="friend-name">${displayName(other)}</span>
<form method="post" action="${FRIENDS_PATH}">${csrfField(token)}<button class="button small" type="submit" name="accept" value="${other.uid}" aria-label="Accept ${displayName(other)}">Accept</button><button class="button secondary small" type="submit" name="decline" value="${other.uid}" aria-label="Decline ${displayName(other)}">Decline</button></form></li>
`,
)}</ul>`;
}

function friendsSection(friends: readonly Person[], token: string): SafeHtml {
  const list =
    friends.length === 0
      ? html`<p class="muted">You have no friends here yet. Ask someone below.</p>`
      : html`<ul class="friends current">
${friends.map(
  (friend) => html`<li><span class="friend-name">${displayName(friend)}</span>
<form method="post" action="${FRIENDS_PATH}">${csrfField(token)}<button class="button secondary small" type="submit" name="remove" value="${friend.uid}" aria-label="Remove ${displayName(friend)}">Remove friend</button></form></li>
`,
)}</ul>`;
  return html`<h2 class="section">Friends</h2>
${list}`;
}

function outgoingSection(requested: readonly Person[], invitations: readonly FriendInvitation[], token: string): SafeHtml | undefined {
  if (requested.length === 0 && invitations.length === 0) return undefined;
  return html`<h2 class="section">Requests you sent</h2>
<ul class="friends outgoing">
${requested.map(
  (other) => html`<li><span class="friend-name">${displayName(other)}</span>
<form method="post" action="${FRIENDS_PATH}">${csrfField(token)}<button class="button secondary small" type="submit" name="cancel" value="${other.uid}" aria-label="Cancel the request to ${displayName(other)}">Cancel</button></form></li>
`,
)}${invitations.map(
  ({ email }) => html`<li><span class="friend-name">${email}</span>
<form method="post" action="${FRIENDS_PATH}">${csrfField(token)}<button class="button secondary small" type="submit" name="uninvite" value="${email}" aria-label="Cancel the request to ${email}">Cancel</button></form></li>
`,
)}</ul>`;
}

function requestForm(token: string, state: ViewState): SafeHtml {
  return html`<h2 class="section">Add a friend</h2>
${state.problem && html`<p class="notice error" role="alert">${state.problem}</p>`}
<form method="post" action="${FRIENDS_PATH}">
${csrfField(token)}
<div class="field"><label for="friend">E-mail address or uid</label>
<input type="text" id="friend" name="friend" value="${state.typed ?? ''}" autocomplete="off" autocapitalize="none" spellcheck="false" required${state.problem ? html` autofocus` : ''}></div>
<div class="actions"><button class="button" type="submit" name="request" value="1">Send friend request</button></div>
</form>`;
}
