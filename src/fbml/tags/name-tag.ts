/**
 * `fb:name` (docs/fbml.md, "People"): a person's name, linked to their profile, or "you" / "your" /
 * "yourself" when the person is the viewer. `fb:userlink` is the same with `useyou` off.
 */
import type { Element } from 'domhandler';
import { flag, resolveUid } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { text, type OutputNode } from '../html-nodes.js';
import { UNKNOWN_PERSON_NAME, fullName, nameNodes } from '../people-output.js';
import { requiredUid } from './uid-problems.js';

export interface NameOptions {
  readonly useYou: boolean;
  readonly linked: boolean;
}

/** Renders `element` (fb:name or fb:userlink) with the given defaults for useyou and linked. */
export function renderName(element: Element, box: BoxRender, defaults: NameOptions): OutputNode[] {
  const uid = requiredUid(element, box);
  if (uid === null) return [];
  const possessive = flag(element, 'possessive', false);
  if (uid !== undefined && uid === box.request.viewerUid && flag(element, 'useyou', defaults.useYou)) {
    const subject = element.attribs.subjectid === undefined ? undefined : resolveUid(element.attribs.subjectid, box.request);
    const reflexive = flag(element, 'reflexive', false) || subject === uid;
    const word = reflexive ? 'yourself' : possessive ? 'your' : 'you';
    return [text(flag(element, 'capitalize', false) ? capitalised(word) : word)];
  }
  const person = uid === undefined ? undefined : box.facts.person(uid);
  if (uid === undefined || !person) {
    if (uid !== undefined) box.problems.add(`${element.name}: no person with uid ${uid}`);
    return [text(element.attribs.ifcantsee ?? UNKNOWN_PERSON_NAME)];
  }
  const name = flag(element, 'firstnameonly', false) ? person.firstName : flag(element, 'lastnameonly', false) ? person.lastName : fullName(person);
  const linked = flag(element, 'linked', defaults.linked);
  if (!possessive) return nameNodes(uid, name, linked);
  return linked ? [...nameNodes(uid, name, true), text("'s")] : [text(`${name}'s`)];
}

export function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Asks for the person named by `uid`. */
export function needsPerson(element: Element, request: BoxRender['request'], needs: { readonly people: Set<number> }): void {
  const uid = element.attribs.uid === undefined ? undefined : resolveUid(element.attribs.uid, request);
  if (uid !== undefined) needs.people.add(uid);
}

export const NAME_TAG: FbmlTag = {
  needs: needsPerson,
  render: (element, box) => renderName(element, box, { useYou: true, linked: true }),
};

/** Deprecated in favour of fb:name: always the full name, always linked by default. */
export const USERLINK_TAG: FbmlTag = {
  needs: needsPerson,
  render: (element, box) => renderName(element, box, { useYou: false, linked: true }),
};
