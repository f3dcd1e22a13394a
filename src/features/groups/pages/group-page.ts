/**
 * `/group.php?gid=N`: a group — its name, privacy, type and subtype, description, office, website,
 * recent news and venue; who is in it (admins and officers called out, the invited listed apart);
 * what the viewer may do about it; and its wall (the home feature's place-wall.ts).
 *
 * What each viewer sees follows the group's privacy (group-service.ts, sightOf): a SECRET group
 * exists only for its people — anyone else gets the same 404 as for a group that does not exist;
 * a CLOSED group's members are listed only to its people; who reads and writes on the wall is the
 * stream's rule.
 *
 * The forms post here with the CSRF token, each answered with a 303 and a one-line notice
 * (`&done=…`), or with a page that says why not:
 *   join     an OPEN group takes anyone signed in at once; an invitation (any privacy) is accepted;
 *            a CLOSED group is joined by invitation only — Hearth has no join requests for admins to
 *            approve, so the page says so and offers no button, and a forged POST gets a 403;
 *   leave    a member leaves, an invited person declines; the group's only admin may not (a group
 *            needs one), and the page says so where the button would be;
 *   promote  an admin makes a member an admin too (so that the last admin can hand over and leave).
 * A visitor who is not signed in gets `&signin=1`: the sign-in form, which comes back here.
 */
import type { FastifyReply } from 'fastify';
import { csrfField } from '../../../http/page-kit/csrf.js';
import { definePage, type PageContext } from '../../../http/page-kit/define-page.js';
import { redirectTo, sendPage, sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Services } from '../../feature.js';
import { loadPlaceWall, placeWallSection } from '../../home/place-wall.js';
import type { Person } from '../../people/records.js';
import { profilePath } from '../../sign-in/pages/account-nav.js';
import { showAccountSignIn, signInOnAccountPage, type AccountPage } from '../../sign-in/pages/account-sign-in.js';
import { displayName, signedInPerson } from '../../sign-in/pages/browser-sign-in.js';
import { isWebAddress } from '../group-service.js';
import type { Group, Membership } from '../records.js';
import {
  GROUP_PAGE_PATH,
  GROUPS_PAGE_PATH,
  groupKind,
  groupPagePath,
  groupsFrame,
  noSuchGroup,
  PRIVACY_MEANINGS,
  PRIVACY_NAMES,
  readGid,
  whichGroup,
} from './group-page-parts.js';

/** The buttons whose POST changes something; any other POST is the sign-in form. */
const ACTIONS = ['join', 'leave', 'promote'] as const;

/** Members listed on the page, admins and officers first; the count says how many more there are. */
const MEMBERS_SHOWN = 500;

export const groupPage = definePage({
  path: GROUP_PAGE_PATH,
  forms: 'checked',
  handler: (page) => answer(page),
});

function signInPage(gid: number): AccountPage {
  return { path: groupPagePath(gid), heading: 'Sign in', reason: 'Sign in to see this group, join it and write on its wall.' };
}

async function answer(page: PageContext): Promise<FastifyReply> {
  const { request, reply, services, params } = page;
  const read = readGid(params);
  if (!('gid' in read)) return whichGroup(reply, read.malformed);
  const { gid } = read;
  if (request.method === 'POST' && !ACTIONS.some((action) => params.flag(action))) return signInOnAccountPage(request, reply, services, params, signInPage(gid));
  const viewer = await signedInPerson(request, services);
  // Shown for any gid, so that it does not tell which SECRET groups exist.
  if (!viewer && request.method === 'GET' && params.flag('signin')) return showAccountSignIn(request, reply, signInPage(gid));

  const [group, sight] = await Promise.all([services.groups.find(gid), services.groups.sightOf(viewer?.uid)]);
  if (!group || !sight.seesGroup(group)) return noSuchGroup(reply, gid, viewer !== undefined);
  if (request.method === 'POST') {
    if (!viewer) {
      return sendProblem(reply, {
        status: 403,
        title: 'Sign in first',
        message: 'You are not signed in any more, so nothing was changed.',
        startOver: { href: `${groupPagePath(gid)}&signin=1`, label: 'Sign in' },
      });
    }
    return change(page, group, viewer);
  }
  return show(page, group, viewer, sight.seesMembers(group));
}

/** One form's change for the person signed in, then back to the page (or why not). */
async function change({ reply, services, params }: PageContext, group: Group, viewer: Person): Promise<FastifyReply> {
  const back = (done: string) => redirectTo(reply, 303, `${groupPagePath(group.gid)}&done=${done}`);
  if (params.flag('join')) {
    const outcome = await services.groups.join(group.gid, viewer.uid);
    if (outcome === 'joined') return back('joined');
    if (outcome === 'already-member') return redirectTo(reply, 303, groupPagePath(group.gid));
    if (outcome === 'unknown') return noSuchGroup(reply, group.gid, true);
    return sendProblem(reply, {
      status: 403,
      title: 'This group is closed',
      message: `People join ${group.name} when one of its admins invites them; you have no invitation to it.`,
      startOver: { href: groupPagePath(group.gid), label: 'Back to the group' },
    });
  }
  if (params.flag('leave')) {
    const outcome = await services.groups.leave(group.gid, viewer.uid);
    if (outcome === 'last-admin') {
      return sendProblem(reply, {
        status: 403,
        title: 'You cannot leave this group yet',
        message: lastAdminReason(await hasOtherMembers(services, group.gid, viewer.uid)),
        startOver: { href: groupPagePath(group.gid), label: 'Back to the group' },
      });
    }
    if (outcome === 'not-member') return redirectTo(reply, 303, groupPagePath(group.gid));
    // A SECRET group is gone for them now: its page would be the 404.
    return group.privacy === 'SECRET' ? redirectTo(reply, 303, `${GROUPS_PAGE_PATH}?done=${outcome}`) : back(outcome);
  }
  const text = params.get('promote') ?? '';
  const uid = /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
  const outcome = uid === undefined ? 'not-member' : await services.groups.makeAdmin(group.gid, viewer.uid, uid);
  if (outcome === 'done') return back(`admin&who=${uid}`);
  if (outcome === 'not-admin') return sendProblem(reply, { status: 403, title: 'Only admins make admins', message: `You are not one of the admins of ${group.name}.` });
  return sendProblem(reply, {
    status: 400,
    title: 'Not a member',
    message: 'Only someone who joined the group can become one of its admins.',
    startOver: { href: groupPagePath(group.gid), label: 'Back to the group' },
  });
}

async function hasOtherMembers(services: Services, gid: number, uid: number): Promise<boolean> {
  return (await services.groups.membersOf([gid])).some((membership) => membership.joined && membership.uid !== uid);
}

function lastAdminReason(othersJoined: boolean): string {
  return othersJoined
    ? 'You are this group’s only admin, and a group needs one. Make another member an admin first, then you can leave.'
    : 'You are this group’s only admin, and a group needs one; nobody else has joined it yet, so there is nobody to hand it over to.';
}

interface Member {
  readonly person: Person;
  readonly membership: Membership;
}

async function show({ request, reply, services, params, csrfToken }: PageContext, group: Group, viewer: Person | undefined, seesMembers: boolean): Promise<FastifyReply> {
  const place = { id: group.gid, name: group.name, path: groupPagePath(group.gid) };
  const [mine, memberships, creator, wall] = await Promise.all([
    viewer ? services.groups.membership(group.gid, viewer.uid) : undefined,
    seesMembers ? services.groups.membersOf([group.gid]) : [],
    group.creator === null ? undefined : services.people.find(group.creator),
    loadPlaceWall(services, place, viewer, params.get('before')),
  ]);
  const people = new Map((await services.people.findMany(memberships.map((membership) => membership.uid))).map((person) => [person.uid, person]));
  // Someone removed between the two reads is left out rather than shown without a name.
  const members = memberships.flatMap((membership) => {
    const person = people.get(membership.uid);
    return person ? [{ person, membership }] : [];
  });
  const token = csrfToken();
  const notice = await noticeOf(services, params.get('done'), params.get('who'), group);
  const body = html`${viewer && html`<p class="note-trail muted"><a href="${GROUPS_PAGE_PATH}">Your groups</a></p>`}
<h1>${group.name}</h1>
<p class="muted">${[PRIVACY_NAMES[group.privacy], groupKind(group)].filter((part) => part !== '').join(' · ')}</p>
${notice && html`<p class="notice success" role="status">${notice}</p>`}
${standing(group, viewer, mine, members, token)}
${infoSection(group, creator)}
${membersSection(group, viewer, mine, members, seesMembers, token)}
${placeWallSection(request, place, wall, viewer, token)}`;
  return sendPage(reply, 200, groupsFrame({ title: group.name, body, viewer }));
}

async function noticeOf(services: Services, done: string | undefined, who: string | undefined, group: Group): Promise<string | undefined> {
  switch (done) {
    case 'joined':
      return `You joined ${group.name}.`;
    case 'left':
      return `You left ${group.name}.`;
    case 'declined':
      return `You declined the invitation to ${group.name}.`;
    case 'admin': {
      const person = who !== undefined && /^[1-9]\d{0,14}$/.test(who) ? await services.people.find(Number(who)) : undefined;
      return person && `${displayName(person)} is now an admin of ${group.name}.`;
    }
    default:
      return undefined;
  }
}

/** Where the viewer stands, and the button for what they may do about it. */
function standing(group: Group, viewer: Person | undefined, mine: Membership | undefined, members: readonly Member[], token: string): SafeHtml {
  const form = (buttons: SafeHtml) => html`<form class="inline-form" method="post" action="${groupPagePath(group.gid)}">${csrfField(token)}${buttons}</form>`;
  if (!viewer) {
    const what = group.privacy === 'OPEN' ? 'to join this group' : 'to see whether you are invited';
    return html`<p class="muted"><a href="${groupPagePath(group.gid)}&amp;signin=1">Sign in</a> ${what}.</p>`;
  }
  if (mine === undefined) {
    return group.privacy === 'OPEN'
      ? form(html`<button class="button" type="submit" name="join" value="1">Join this group</button>`)
      : html`<p class="muted">This is a closed group: people join it when one of its admins invites them.</p>`;
  }
  if (!mine.joined) {
    return html`<p>You are invited to this group.</p>
${form(html`<button class="button" type="submit" name="join" value="1">Join this group</button><button class="button secondary" type="submit" name="leave" value="1">Decline</button>`)}`;
  }
  const role = mine.admin ? (mine.officer ? 'an admin and an officer' : 'an admin') : mine.officer ? 'an officer' : 'a member';
  const lastAdmin = mine.admin && !members.some(({ membership }) => membership.uid !== viewer.uid && membership.joined && membership.admin);
  return html`<p>You are ${role} of this group.</p>
${
  lastAdmin
    ? html`<p class="muted">${lastAdminReason(members.some(({ membership }) => membership.joined && membership.uid !== viewer.uid))}</p>`
    : form(html`<button class="button secondary" type="submit" name="leave" value="1">Leave group</button>`)
}`;
}

/** Text the group keeps as typed: each line on its own line. */
function lines(text: string): SafeHtml {
  return html`${text.split(/\r\n|\r|\n/).map((line, index) => (index === 0 ? line : html`<br>${line}`))}`;
}

function infoSection(group: Group, creator: Person | undefined): SafeHtml {
  const venue = [group.venue.street, group.venue.city, group.venue.state, group.venue.country].filter((part) => part !== '').join(', ');
  // Only an http(s) address becomes a link; anything else kept from elsewhere is shown as text.
  const website = group.website !== '' && (isWebAddress(group.website) ? html`<a href="${group.website}" rel="nofollow noopener noreferrer">${group.website}</a>` : group.website);
  const field = (label: string, value: SafeHtml | string | false) => value !== '' && value !== false && html`<p><strong>${label}:</strong> ${value}</p>`;
  return html`<section aria-labelledby="group-info">
<h2 class="section" id="group-info">Information</h2>
${group.description !== '' && html`<p class="group-description">${lines(group.description)}</p>`}
<p class="muted">${PRIVACY_MEANINGS[group.privacy]}</p>
${field('Type', groupKind(group))}
${field('Office', group.office)}
${field('Website', website)}
${field('Venue', venue)}
${group.recentNews !== '' && html`<h3>Recent news</h3><p>${lines(group.recentNews)}</p>`}
${creator && html`<p class="muted">Created by <a href="${profilePath(creator.uid)}">${displayName(creator)}</a></p>`}
</section>`;
}

function roleOf(membership: Membership): string {
  return [membership.admin && 'Admin', membership.officer && 'Officer'].filter((role): role is string => typeof role === 'string').join(' · ');
}

function membersSection(group: Group, viewer: Person | undefined, mine: Membership | undefined, members: readonly Member[], seesMembers: boolean, token: string): SafeHtml {
  if (!seesMembers) {
    return html`<section aria-labelledby="group-members">
<h2 class="section" id="group-members">Members</h2>
<p class="muted">Only the group’s members and the people invited see who is in it.</p>
</section>`;
  }
  const byName = (a: Member, b: Member) => displayName(a.person).localeCompare(displayName(b.person)) || a.person.uid - b.person.uid;
  const rank = ({ membership }: Member) => (membership.admin ? 0 : membership.officer ? 1 : 2);
  const joined = members.filter(({ membership }) => membership.joined).sort((a, b) => rank(a) - rank(b) || byName(a, b));
  const invited = members.filter(({ membership }) => !membership.joined).sort(byName);
  const admin = viewer !== undefined && mine?.joined === true && mine.admin;
  const shown = joined.slice(0, MEMBERS_SHOWN);
  const item = ({ person, membership }: Member) => html`<li><span class="friend-name"><a href="${profilePath(person.uid)}">${displayName(person)}</a></span>${
    roleOf(membership) !== '' && html` <span class="muted member-role">${roleOf(membership)}</span>`
  }${
    admin &&
    !membership.admin &&
    html` <form method="post" action="${groupPagePath(group.gid)}">${csrfField(token)}<button class="button secondary small" type="submit" name="promote" value="${person.uid}" aria-label="Make ${displayName(person)} an admin">Make admin</button></form>`
  }</li>`;
  return html`<section aria-labelledby="group-members">
<h2 class="section" id="group-members">Members <span class="muted">(${joined.length})</span></h2>
${joined.length === 0 ? html`<p class="muted">Nobody has joined yet.</p>` : html`<ul class="friends group-members">${shown.map(item)}</ul>`}
${joined.length > shown.length && html`<p class="muted">And ${joined.length - shown.length} more.</p>`}
${
  invited.length > 0 &&
  html`<h3>Invited</h3>
<ul class="friends group-invited">${invited.map(({ person }) => html`<li><span class="friend-name"><a href="${profilePath(person.uid)}">${displayName(person)}</a></span></li>`)}</ul>`
}
</section>`;
}
