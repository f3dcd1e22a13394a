/**
 * What the group pages (group.php, groups.php, creategroup.php) share: their paths, reading a gid,
 * the 404 of a group the viewer may not see, the words for a group's privacy, and the frame with
 * the signed-in person's tabs.
 */
import type { FastifyReply } from 'fastify';
import { renderPage } from '../../../http/page-kit/layout.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { sendProblem } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Person } from '../../people/records.js';
import { accountNav, signedInLine } from '../../sign-in/pages/account-nav.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import type { Group, GroupPrivacy } from '../records.js';

export const GROUP_PAGE_PATH = '/group.php';
export const GROUPS_PAGE_PATH = '/groups.php';
export const CREATE_GROUP_PATH = '/creategroup.php';

export function groupPagePath(gid: number): string {
  return `${GROUP_PAGE_PATH}?gid=${gid}`;
}

/** `gid=` as the page reads it: a positive id of at most 15 digits, or why not. */
export function readGid(params: PageParams): { readonly gid: number } | { readonly malformed: string | undefined } {
  const text = params.get('gid');
  return text !== undefined && /^[1-9]\d{0,14}$/.test(text) ? { gid: Number(text) } : { malformed: text };
}

export function whichGroup(reply: FastifyReply, given: string | undefined): FastifyReply {
  return sendProblem(reply, {
    status: 400,
    title: 'Which group?',
    message: given === undefined ? 'This link does not say which group to show.' : `“${given}” is not a group id, so Hearth cannot tell which group to show.`,
    note: html`Links to groups look like <code>${GROUP_PAGE_PATH}?gid=600000001</code>.`,
  });
}

/**
 * The same page for a group that does not exist and a SECRET one the viewer is not one of the
 * people of, so that the page does not tell them apart. A visitor may be one of them: they may sign in.
 */
export function noSuchGroup(reply: FastifyReply, gid: number, signedIn: boolean): FastifyReply {
  return sendProblem(reply, {
    status: 404,
    title: 'No such group',
    message: 'This group does not exist, or you cannot see it.',
    startOver: signedIn ? { href: GROUPS_PAGE_PATH, label: 'Your groups' } : { href: `${groupPagePath(gid)}&signin=1`, label: 'Sign in' },
  });
}

export const PRIVACY_NAMES: Readonly<Record<GroupPrivacy, string>> = {
  OPEN: 'Open group',
  CLOSED: 'Closed group',
  SECRET: 'Secret group',
};

/** What each privacy means, as the creation form explains it and the group page repeats it. */
export const PRIVACY_MEANINGS: Readonly<Record<GroupPrivacy, string>> = {
  OPEN: 'Anyone can see the group, who is in it and its wall, and anyone can join.',
  CLOSED: 'Anyone can see the group; only its members and the people invited see who is in it and its wall. People join when invited.',
  SECRET: 'Only its members and the people invited see the group at all. People join when invited.',
};

/** "Just for Fun – Fan Clubs", or what there is of it. */
export function groupKind(group: Group): string {
  return [group.groupType, group.groupSubtype].filter((part) => part !== '').join(' – ');
}

export interface GroupFrame {
  readonly title: string;
  readonly body: SafeHtml;
  readonly viewer: Person | undefined;
}

/** The group pages' frame: the signed-in person's tabs on top, who is signed in below. */
export function groupsFrame(frame: GroupFrame): SafeHtml {
  const { viewer } = frame;
  const body = html`${viewer && accountNav(undefined, viewer)}
${frame.body}
${viewer && signedInLine(viewer)}`;
  return renderPage({ title: frame.title, body, wide: true, topNote: viewer && displayName(viewer) });
}
