/**
 * The friend lists part of `/friends.php`: each of the person's lists with its members, a form to
 * add a friend to it, to rename it and to delete it, and a form to make a new one. As the rest of
 * the page, every change is a POST with the CSRF token answered by a 303 back to the page with a
 * one-line notice (`?done=…&flid=FLID&who=UID`); a name that is refused shows the page again
 * (400) with the reason beside the form it was typed in. A change naming a list that is not the
 * person's changes nothing and shows the page again, as for a friendship that is not theirs.
 */
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { displayName } from '../../sign-in/pages/browser-sign-in.js';
import { FRIENDS_PATH } from '../../sign-in/pages/account-nav.js';
import { csrfField } from '../../../http/page-kit/csrf.js';
import type { PageParams } from '../../../http/page-kit/page-params.js';
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { ListNameError, MAX_LIST_NAME_LENGTH, type FriendListWithMembers, type ListNameProblem } from '../friend-list-service.js';

/**
 * The buttons of these forms. `create_list=1` with `list_name`; `rename_list`, `delete_list` and
 * `add_to_list` carry the list's flid (with `list_name` or `member`); `remove_from_list` carries the
 * member's uid, with the list's `flid` beside it.
 */
export const LIST_ACTIONS = ['create_list', 'rename_list', 'delete_list', 'add_to_list', 'remove_from_list'] as const;

type ListDone = 'list-created' | 'list-renamed' | 'list-deleted' | 'listed' | 'already-listed' | 'unlisted';

/** A refused list form: why, and where. */
export interface ListProblem {
  readonly message: string;
  /** The list whose form was refused; none for the form that makes a list. */
  readonly flid?: number;
  /** The name typed, shown again. */
  readonly typed?: string;
}

/** What a list form did: where to send the browser, or why it was refused; `undefined` when no list button was pressed. */
export type ListChange = { readonly location: string } | { readonly problem: ListProblem } | undefined;

const NAME_PROBLEMS: Readonly<Record<ListNameProblem, (name: string) => string>> = {
  empty: () => 'Give the list a name.',
  'too-long': () => `A list name has at most ${MAX_LIST_NAME_LENGTH} characters.`,
  'control-characters': () => 'A list name cannot contain control characters.',
  taken: (name) => `You already have a list called “${name}”.`,
};

const NOTICES: Readonly<Record<ListDone, (list: string, name: string) => SafeHtml>> = {
  'list-created': (list) => html`You made the list “${list}”.`,
  'list-renamed': (list) => html`Your list is now called “${list}”.`,
  'list-deleted': () => html`You deleted the list.`,
  listed: (list, name) => html`${name} is now on your list “${list}”.`,
  'already-listed': (list, name) => html`${name} is already on your list “${list}”.`,
  unlisted: (list, name) => html`${name} is no longer on your list “${list}”.`,
};

function idOf(text: string | undefined): number | undefined {
  return text !== undefined && /^[1-9]\d{0,15}$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

function back(done: ListDone, flid?: number, who?: number): { location: string } {
  return { location: `${FRIENDS_PATH}?done=${done}${flid === undefined ? '' : `&flid=${flid}`}${who === undefined ? '' : `&who=${who}`}` };
}

const NOTHING_CHANGED = { location: FRIENDS_PATH };

/** Runs the list form that was submitted, for `person`'s own lists only. */
export async function changeLists(services: Services, params: PageParams, person: Person): Promise<ListChange> {
  const lists = services.friendLists;
  const refusedName = (error: unknown, typed: string, flid?: number): ListChange => {
    if (!(error instanceof ListNameError)) throw error;
    return { problem: { message: NAME_PROBLEMS[error.problem](typed.trim()), flid, typed } };
  };

  if (params.flag('create_list')) {
    const typed = params.raw('list_name') ?? '';
    try {
      return back('list-created', (await lists.create(person.uid, typed)).flid);
    } catch (error) {
      return refusedName(error, typed);
    }
  }

  const renamed = idOf(params.get('rename_list'));
  if (renamed !== undefined) {
    const typed = params.raw('list_name') ?? '';
    try {
      return (await lists.rename(person.uid, renamed, typed)) ? back('list-renamed', renamed) : NOTHING_CHANGED;
    } catch (error) {
      return refusedName(error, typed, renamed);
    }
  }

  const deleted = idOf(params.get('delete_list'));
  if (deleted !== undefined) return (await lists.delete(person.uid, deleted)) ? back('list-deleted') : NOTHING_CHANGED;

  const addedTo = idOf(params.get('add_to_list'));
  if (addedTo !== undefined) {
    const member = idOf(params.get('member'));
    if (member === undefined) return { problem: { message: 'Choose the friend to add.', flid: addedTo } };
    const outcome = await lists.addMember(person.uid, addedTo, member);
    if (outcome === 'added') return back('listed', addedTo, member);
    if (outcome === 'already-member') return back('already-listed', addedTo, member);
    // Unfriended since the page was shown, most likely.
    if (outcome === 'not-a-friend') return { problem: { message: 'Only your friends can be on your lists.', flid: addedTo } };
    return NOTHING_CHANGED;
  }

  const removed = idOf(params.get('remove_from_list'));
  const from = idOf(params.get('flid'));
  if (removed !== undefined && from !== undefined && (await lists.removeMember(person.uid, from, removed))) return back('unlisted', from, removed);
  return params.flag('remove_from_list') ? NOTHING_CHANGED : undefined;
}

/** The notice after a list change, naming the list (only one of the person's) and the friend. */
export async function listNotice(services: Services, params: PageParams, person: Person): Promise<SafeHtml | undefined> {
  const done = params.get('done');
  if (done === undefined || !Object.hasOwn(NOTICES, done)) return undefined;
  const notice = NOTICES[done as ListDone];
  if (done === 'list-deleted') return notice('', '');
  const flid = idOf(params.get('flid'));
  const list = flid === undefined ? undefined : await services.friendLists.find(flid);
  if (!list || list.owner !== person.uid) return undefined;
  if (done === 'list-created' || done === 'list-renamed') return notice(list.name, '');
  const who = idOf(params.get('who'));
  const friend = who === undefined ? undefined : await services.people.find(who);
  return friend && notice(list.name, displayName(friend));
}

/** The lists, in the order made; `friends` are the person's friends by name, the people who may be on them. */
export function listsSection(lists: readonly FriendListWithMembers[], friends: readonly Person[], token: string, problem: ListProblem | undefined): SafeHtml {
  return html`<h2 class="section">Friend lists</h2>
<p class="muted">Only you see your lists, and the applications you use while you use them.</p>
${lists.length > 0 && html`<ul class="friend-lists">
${lists.map((list) => listItem(list, friends, token, problem?.flid === list.flid ? problem : undefined))}</ul>`}
${createForm(token, problem?.flid === undefined ? problem : undefined)}`;
}

function listItem(list: FriendListWithMembers, friends: readonly Person[], token: string, problem: ListProblem | undefined): SafeHtml {
  const onList = new Set(list.members);
  // Members are friends by the lists' rule; anyone not among them is left out rather than shown without a name.
  const members = friends.filter((friend) => onList.has(friend.uid));
  const others = friends.filter((friend) => !onList.has(friend.uid));
  const hidden = html`${csrfField(token)}<input type="hidden" name="flid" value="${list.flid}">`;
  const memberList =
    members.length === 0
      ? html`<p class="muted">Nobody is on this list yet.</p>`
      : html`<ul class="friends members">
${members.map(
  (member) => html`<li><span class="friend-name">${displayName(member)}</span>
<form method="post" action="${FRIENDS_PATH}">${hidden}<button class="button secondary small" type="submit" name="remove_from_list" value="${member.uid}" aria-label="Remove ${displayName(member)} from ${list.name}">Remove from list</button></form></li>
`,
)}</ul>`;
  const addForm =
    others.length === 0
      ? undefined
      : html`<form class="inline-form" method="post" action="${FRIENDS_PATH}">${csrfField(token)}
<label class="visually-hidden" for="member-${list.flid}">Friend to add to ${list.name}</label>
<select id="member-${list.flid}" name="member">${others.map((friend) => html`<option value="${friend.uid}">${displayName(friend)}</option>`)}</select>
<button class="button small" type="submit" name="add_to_list" value="${list.flid}">Add to list</button></form>`;
  const renaming = problem?.typed !== undefined;
  return html`<li class="friend-list">
<h3 class="list-name">${list.name}</h3>
${memberList}
${problem && html`<p class="notice error" role="alert">${problem.message}</p>`}
${addForm}
<form class="inline-form" method="post" action="${FRIENDS_PATH}">${csrfField(token)}
<label class="visually-hidden" for="list-name-${list.flid}">New name for ${list.name}</label>
<input type="text" id="list-name-${list.flid}" name="list_name" value="${renaming ? problem.typed : list.name}" maxlength="${MAX_LIST_NAME_LENGTH}" required${renaming ? html` aria-invalid="true" autofocus` : ''}>
<button class="button secondary small" type="submit" name="rename_list" value="${list.flid}">Rename</button>
<button class="button secondary small" type="submit" name="delete_list" value="${list.flid}" formnovalidate aria-label="Delete the list ${list.name}">Delete list</button></form>
</li>
`;
}

function createForm(token: string, problem: ListProblem | undefined): SafeHtml {
  return html`${problem && html`<p class="notice error" role="alert">${problem.message}</p>`}
<form method="post" action="${FRIENDS_PATH}">
${csrfField(token)}
<div class="field"><label for="list_name">Name of a new list</label>
<input type="text" id="list_name" name="list_name" value="${problem?.typed ?? ''}" maxlength="${MAX_LIST_NAME_LENGTH}" autocomplete="off" required${problem ? html` aria-invalid="true" autofocus` : ''}></div>
<div class="actions"><button class="button secondary" type="submit" name="create_list" value="1">Make the list</button></div>
</form>`;
}
