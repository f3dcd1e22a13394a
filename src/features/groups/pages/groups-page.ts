/**
 * `/groups.php`: the signed-in person's groups — those they joined (with their role), then those
 * they are invited to — each linked to its page, and "Create a group". A browser that is not signed
 * in gets the sign-in form here, as on editapps.php. After leaving or declining a SECRET group (whose
 * page is then a 404 for them) group.php comes back here with `?done=left|declined`.
 */
import { defineAccountPage } from '../../sign-in/pages/account-page.js';
import { redirectTo, sendPage } from '../../../http/page-kit/page-replies.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import type { Group, Membership } from '../records.js';
import { CREATE_GROUP_PATH, GROUPS_PAGE_PATH, groupKind, groupPagePath, groupsFrame, PRIVACY_NAMES } from './group-page-parts.js';

const NOTICES: Readonly<Record<string, string>> = {
  left: 'You left the group.',
  declined: 'You declined the invitation.',
};

export const groupsListPage = defineAccountPage({
  path: GROUPS_PAGE_PATH,
  heading: 'Your groups',
  reason: 'Sign in to see the groups you belong to and the ones you are invited to.',
  actions: [],
  show: async ({ reply, services, params }, person) => {
    const memberships = await services.groups.membershipsOf([person.uid]);
    const groups = new Map((await services.groups.byIds(memberships.map((membership) => membership.gid))).map((group) => [group.gid, group]));
    const listed = memberships.flatMap((membership) => {
      const group = groups.get(membership.gid);
      return group ? [{ group, membership }] : [];
    });
    const byName = (a: Listed, b: Listed) => a.group.name.localeCompare(b.group.name) || a.group.gid - b.group.gid;
    const joined = listed.filter(({ membership }) => membership.joined).sort(byName);
    const invited = listed.filter(({ membership }) => !membership.joined).sort(byName);
    const done = params.get('done');
    const notice = done !== undefined && Object.hasOwn(NOTICES, done) ? NOTICES[done] : undefined;
    const body = html`<h1>Your groups</h1>
${notice && html`<p class="notice success" role="status">${notice}</p>`}
<p><a class="button" href="${CREATE_GROUP_PATH}">Create a group</a></p>
<h2 class="section">Groups you are in</h2>
${joined.length === 0 ? html`<p class="muted">You are not in any group yet.</p>` : html`<ul class="note-list group-list">${joined.map(item)}</ul>`}
${invited.length > 0 && html`<h2 class="section">Invitations</h2>
<ul class="note-list group-invitations">${invited.map(item)}</ul>`}`;
    return sendPage(reply, 200, groupsFrame({ title: 'Your groups', body, viewer: person }));
  },
  // No form here changes anything: every POST is the sign-in form's.
  change: async ({ reply }) => redirectTo(reply, 303, GROUPS_PAGE_PATH),
});

interface Listed {
  readonly group: Group;
  readonly membership: Membership;
}

function item({ group, membership }: Listed): SafeHtml {
  const role = !membership.joined ? 'Invited' : membership.admin ? 'Admin' : membership.officer ? 'Officer' : '';
  const about = [PRIVACY_NAMES[group.privacy], groupKind(group), role].filter((part) => part !== '').join(' · ');
  return html`<li class="note-item">
<a class="note-item-title" href="${groupPagePath(group.gid)}">${group.name}</a>
<p class="muted">${about}</p>
</li>`;
}
