/**
 * `fb:pronoun` (docs/fbml.md, "People"): "you" for the viewer, otherwise he/she by the person's sex, or
 * they when it is unknown (or for a list of several uids). Of `reflexive`, `possessive` and
 * `objective`, the first one set wins.
 */
import type { Element } from 'domhandler';
import { flag, isUidText, resolveUidList } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { text, type OutputNode } from '../html-nodes.js';
import { capitalised } from './name-tag.js';

type PronounForm = 'subject' | 'possessive' | 'reflexive' | 'objective';

const PRONOUNS: Readonly<Record<'you' | 'male' | 'female' | 'they' | 'plural' | 'unknown', Readonly<Record<PronounForm, string>>>> = {
  you: { subject: 'you', possessive: 'your', reflexive: 'yourself', objective: 'you' },
  male: { subject: 'he', possessive: 'his', reflexive: 'himself', objective: 'him' },
  female: { subject: 'she', possessive: 'her', reflexive: 'herself', objective: 'her' },
  they: { subject: 'they', possessive: 'their', reflexive: 'themself', objective: 'them' },
  plural: { subject: 'they', possessive: 'their', reflexive: 'themselves', objective: 'them' },
  // With usethey="false" and no sex on record.
  unknown: { subject: 'he or she', possessive: 'his or her', reflexive: 'himself or herself', objective: 'him or her' },
};

function form(element: Element): PronounForm {
  if (flag(element, 'reflexive', false)) return 'reflexive';
  if (flag(element, 'possessive', false)) return 'possessive';
  if (flag(element, 'objective', false)) return 'objective';
  return 'subject';
}

function pronouns(element: Element, box: BoxRender, uids: readonly number[]): Readonly<Record<PronounForm, string>> {
  if (uids.length > 1) return PRONOUNS.plural;
  const [only] = uids;
  if (only !== undefined && only === box.request.viewerUid && flag(element, 'useyou', true)) return PRONOUNS.you;
  const sex = only === undefined ? undefined : box.facts.person(only)?.sex;
  if (sex === 'male' || sex === 'female') return PRONOUNS[sex];
  return flag(element, 'usethey', true) ? PRONOUNS.they : PRONOUNS.unknown;
}

function render(element: Element, box: BoxRender): OutputNode[] {
  const value = element.attribs.uid;
  if (value === undefined || !value.split(',').every(isUidText)) {
    box.problems.add(`fb:pronoun: ${value === undefined ? 'required attribute "uid" is missing' : `uid ${JSON.stringify(value)} is not a uid or a list of uids`}; removed`);
    return [];
  }
  const uids = resolveUidList(value, box.request);
  const word = pronouns(element, box, uids)[form(element)];
  return [text(flag(element, 'capitalize', false) ? capitalised(word) : word)];
}

export const PRONOUN_TAG: FbmlTag = {
  needs(element, request, needs) {
    for (const uid of resolveUidList(element.attribs.uid ?? '', request)) needs.people.add(uid);
  },
  render,
};
