/**
 * fb:request-form and the friend pickers (docs/canvas-fbml.md, "Requests and invitations"), as
 * forms that work without script: the viewer's friends are check boxes named `ids[]` (or a
 * `<select>` for fb:friend-selector), and the form posts to Hearth's confirmation page
 * (REQUEST_FORM_SUBMIT_PATH) with the request's `type`, `content`, `invite` and `action`.
 */
import type { Element } from 'domhandler';
import { REQUEST_FORM_SUBMIT_PATH } from '../canvas-api.js';
import { canvasPageOf, type RequestFormContext } from '../canvas-page.js';
import { flag, resolveUid, resolveUidList } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';
import { fullName, UNKNOWN_PERSON_NAME } from '../people-output.js';

/** fb:multi-friend-selector's `max` range; Hearth's confirmation page also holds it to the day's allowance. */
const SELECTOR_MAX = 35;
const INPUT_MAX = 20;

function hidden(name: string, value: string): Element {
  return htmlElement('input', { type: 'hidden', name, value });
}

function requestForm(element: Element, box: BoxRender): OutputNode[] {
  const page = canvasPageOf(box);
  const type = element.attribs.type?.trim() ?? '';
  const content = element.attribs.content ?? '';
  if (type === '') box.problems.add('fb:request-form: required attribute "type" is missing; the request is called "Request"');
  if (content.trim() === '') box.problems.add('fb:request-form: required attribute "content" is missing; the request says nothing');
  const given = element.attribs.action;
  const action = (given === undefined ? undefined : page.target(given)) ?? page.pageUrl;
  if (given !== undefined && page.target(given) === undefined) box.problems.add(`fb:request-form: action ${JSON.stringify(given)} is not an http(s) or relative URL; this page used`);
  const method = (element.attribs.method ?? 'post').trim().toLowerCase() === 'get' ? 'get' : 'post';
  const context: RequestFormContext = { type: type || 'Request', invite: flag(element, 'invite', false), action };
  const outer = page.requestForm;
  page.requestForm = context;
  const children = box.render(element.children);
  page.requestForm = outer;
  const fields = [
    hidden('app_id', String(box.request.appId)),
    hidden('type', context.type),
    hidden('content', content),
    hidden('invite', context.invite ? '1' : '0'),
    hidden('action', action),
    hidden('method', method),
  ];
  return [htmlElement('form', { class: 'fbml-request-form', method: 'post', action: REQUEST_FORM_SUBMIT_PATH }, [...fields, ...children])];
}

/** "Send Quiz Request" / "Send Quiz Invitation", or "Send" outside a request form. */
function sendLabel(box: BoxRender): string {
  const form = canvasPageOf(box).requestForm;
  return form === undefined ? 'Send' : `Send ${form.type} ${form.invite ? 'Invitation' : 'Request'}`;
}

/** A whole number attribute within [min, max], else the default (reported). */
function boundedNumber(element: Element, name: string, min: number, max: number, fallback: number, box: BoxRender): number {
  const value = element.attribs[name];
  if (value === undefined) return fallback;
  const number = Number(value.trim());
  if (Number.isInteger(number) && number >= min && number <= max) return number;
  box.problems.add(`${element.name}: ${name} ${JSON.stringify(value)} is not a number from ${min} to ${max}; ${fallback} used`);
  return fallback;
}

/** The viewer's friends a picker offers, by name: `exclude_ids` left out, the viewer added with `include_me`. */
function pickableFriends(element: Element, box: BoxRender): Array<{ readonly uid: number; readonly name: string }> {
  const viewer = box.request.viewerUid;
  if (viewer === undefined) return [];
  const excluded = new Set(resolveUidList(element.attribs.exclude_ids ?? '', box.request));
  const uids = [...(flag(element, 'include_me', false) ? [viewer] : []), ...box.facts.viewerFriends()].filter((uid) => !excluded.has(uid));
  const named = uids.map((uid) => {
    const person = box.facts.person(uid);
    return { uid, name: person ? fullName(person) : UNKNOWN_PERSON_NAME };
  });
  return named.sort((a, b) => a.name.localeCompare(b.name, 'en') || a.uid - b.uid);
}

const needsFriendList: FbmlTag['needs'] = (_, request, needs) => {
  needs.listViewerFriends = true;
  if (request.viewerUid !== undefined) needs.people.add(request.viewerUid);
};

/** Check boxes of friends; `checked` ones start ticked, `locked` ones cannot be unticked (and post through a hidden field). */
function friendCheckboxes(friends: ReadonlyArray<{ readonly uid: number; readonly name: string }>, checked: ReadonlySet<number>, locked: boolean): Element {
  return htmlElement(
    'ul',
    { class: 'fbml-friend-list' },
    friends.map(({ uid, name }) => {
      const tick = checked.has(uid);
      const box: Record<string, string> = { type: 'checkbox', name: 'ids[]', value: String(uid) };
      if (tick) box.checked = 'checked';
      if (tick && locked) {
        box.disabled = 'disabled';
        return htmlElement('li', {}, [hidden('ids[]', String(uid)), htmlElement('label', {}, [htmlElement('input', box), text(` ${name}`)])]);
      }
      return htmlElement('li', {}, [htmlElement('label', {}, [htmlElement('input', box), text(` ${name}`)])]);
    }),
  );
}

function noFriendsNote(box: BoxRender): Element {
  const note = box.request.viewerUid === undefined ? 'Sign in to choose friends.' : 'You have no friends to choose here yet.';
  return htmlElement('p', { class: 'fbml-friend-selector-note' }, [text(note)]);
}

const BYPASS_LABELS: Readonly<Record<string, string>> = { skip: 'Skip', cancel: 'Cancel', secondary: 'Skip' };

function multiFriendSelector(element: Element, box: BoxRender): OutputNode[] {
  const page = canvasPageOf(box);
  const condensed = flag(element, 'condensed', false);
  const actionText = element.attribs.actiontext;
  if (actionText === undefined && !condensed) box.problems.add('fb:multi-friend-selector: required attribute "actiontext" is missing');
  const max = boundedNumber(element, 'max', 1, SELECTOR_MAX, SELECTOR_MAX, box);
  const friends = pickableFriends(element, box);
  const classes = ['fbml-friend-selector'];
  if (condensed) classes.push('fbml-friend-selector-condensed');
  if (flag(element, 'showborder', false)) classes.push('fbml-friend-selector-border');
  const parts: OutputNode[] = [];
  if (actionText !== undefined) parts.push(htmlElement('div', { class: 'fbml-friend-selector-title' }, [text(actionText)]));
  if (friends.length === 0) parts.push(noFriendsNote(box));
  else {
    parts.push(friendCheckboxes(friends, new Set(), false));
    parts.push(htmlElement('p', { class: 'fbml-friend-selector-note' }, [text(`Choose up to ${max} ${max === 1 ? 'friend' : 'friends'}.`)]));
  }
  if (!condensed) {
    const bypass = (element.attribs.bypass ?? 'skip').trim().toLowerCase();
    const buttons: OutputNode[] = [];
    if (friends.length > 0) buttons.push(htmlElement('input', { type: 'submit', class: 'fbml-request-form-submit', value: sendLabel(box) }), text(' '));
    const after = page.requestForm?.action ?? page.pageUrl;
    buttons.push(htmlElement('a', { class: 'fbml-friend-selector-bypass', href: after }, [text(BYPASS_LABELS[bypass] ?? 'Skip')]));
    parts.push(htmlElement('div', { class: 'fbml-friend-selector-buttons' }, buttons));
  }
  return [htmlElement('div', { class: classes.join(' ') }, parts)];
}

function multiFriendInput(element: Element, box: BoxRender): OutputNode[] {
  const max = boundedNumber(element, 'max', 1, SELECTOR_MAX, INPUT_MAX, box);
  const friends = pickableFriends(element, box);
  if (friends.length === 0) return [htmlElement('div', { class: 'fbml-multi-friend-input' }, [noFriendsNote(box)])];
  const offered = new Set(friends.map((friend) => friend.uid));
  const prefilled = new Set(resolveUidList(element.attribs.prefill_ids ?? '', box.request).filter((uid) => offered.has(uid)));
  return [
    htmlElement('div', { class: 'fbml-multi-friend-input' }, [
      friendCheckboxes(friends, prefilled, flag(element, 'prefill_locked', false)),
      htmlElement('p', { class: 'fbml-friend-selector-note' }, [text(`Choose up to ${max} ${max === 1 ? 'friend' : 'friends'}.`)]),
    ]),
  ];
}

/** One friend, chosen from a list; the uid posts under `idname`. */
function friendSelector(element: Element, box: BoxRender): OutputNode[] {
  const viewer = box.request.viewerUid;
  if (element.attribs.uid !== undefined && resolveUid(element.attribs.uid, box.request) !== viewer) {
    box.problems.add("fb:friend-selector: only the viewer's own friends can be offered; the viewer's are shown");
  }
  const friends = pickableFriends(element, box);
  if (friends.length === 0) return [noFriendsNote(box)];
  const prefill = element.attribs.prefill_id === undefined ? undefined : resolveUid(element.attribs.prefill_id, box.request);
  const name = element.attribs.idname?.trim() || 'friend_selector_id';
  const options = [
    htmlElement('option', { value: '' }, [text('Choose a friend')]),
    ...friends.map(({ uid, name: label }) => htmlElement('option', uid === prefill ? { value: String(uid), selected: 'selected' } : { value: String(uid) }, [text(label)])),
  ];
  return [htmlElement('select', { class: 'fbml-friend-select', name }, options)];
}

/** The form's submit button; with `uid` it sends to that one friend (its `%n` is their name). */
function requestFormSubmit(element: Element, box: BoxRender): OutputNode[] {
  const uid = element.attribs.uid === undefined ? undefined : resolveUid(element.attribs.uid, box.request);
  if (uid === undefined) {
    if (element.attribs.uid !== undefined) box.problems.add(`fb:request-form-submit: uid ${JSON.stringify(element.attribs.uid)} names nobody; an ordinary submit button is shown`);
    return [htmlElement('input', { type: 'submit', class: 'fbml-request-form-submit', value: element.attribs.label ?? sendLabel(box) })];
  }
  const person = box.facts.person(uid);
  const label = (element.attribs.label ?? `${sendLabel(box)} to %n`).replaceAll('%n', person ? fullName(person) : UNKNOWN_PERSON_NAME);
  return [htmlElement('button', { type: 'submit', class: 'fbml-request-form-submit', name: 'ids[]', value: String(uid) }, [text(label)])];
}

export const REQUEST_FORM_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:request-form', { render: requestForm }],
  ['fb:multi-friend-selector', { needs: needsFriendList, render: multiFriendSelector }],
  ['fb:multi-friend-input', { needs: needsFriendList, render: multiFriendInput }],
  ['fb:friend-selector', { needs: needsFriendList, render: friendSelector }],
  [
    'fb:request-form-submit',
    {
      needs(element, request, needs) {
        const uid = element.attribs.uid === undefined ? undefined : resolveUid(element.attribs.uid, request);
        if (uid !== undefined) needs.people.add(uid);
      },
      render: requestFormSubmit,
    },
  ],
  [
    'fb:req-choice',
    {
      // A button of the delivered request: it belongs in the request form's `content`, not on the page.
      render(_, box) {
        box.problems.add('fb:req-choice: only allowed inside the content of fb:request-form; removed');
        return [];
      },
    },
  ],
]);
