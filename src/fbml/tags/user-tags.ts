/** `fb:user` and `fb:user-table` with its `fb:user-item`s (docs/fbml.md, "People"). */
import { isTag, type Element } from 'domhandler';
import { resolveUid } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';
import { PICTURE_SIZES, fullName, pictureImage, profileLink } from '../people-output.js';
import { requiredUid } from './uid-problems.js';

/** Shows its children only to the named user and that user's friends (Ringside's reading). */
const USER_TAG: FbmlTag = {
  needs(element, request, needs) {
    const uid = element.attribs.uid === undefined ? undefined : resolveUid(element.attribs.uid, request);
    if (uid !== undefined) needs.friendsOfViewer.add(uid);
  },
  render(element, box) {
    const uid = requiredUid(element, box);
    if (uid === null || uid === undefined) return [];
    const mayShow = uid === box.request.viewerUid || box.facts.isFriendOfViewer(uid);
    return mayShow ? box.render(element.children) : [];
  },
};

const DEFAULT_COLUMNS = 5;
const MAX_COLUMNS = 10;

function userItems(element: Element): Element[] {
  return element.children.filter((child): child is Element => isTag(child) && child.name === 'fb:user-item');
}

function columns(element: Element, box: BoxRender): number {
  const value = element.attribs.cols;
  if (value === undefined) return DEFAULT_COLUMNS;
  const number = Number(value.trim());
  if (Number.isInteger(number) && number >= 1 && number <= MAX_COLUMNS) return number;
  box.problems.add(`fb:user-table: cols ${JSON.stringify(value)} is not a number from 1 to ${MAX_COLUMNS}; ${DEFAULT_COLUMNS} used`);
  return DEFAULT_COLUMNS;
}

/** One cell: the linked thumbnail (when there is a picture), then the linked name. */
function userCell(item: Element, box: BoxRender): Element | undefined {
  const uid = requiredUid(item, box);
  if (uid === null || uid === undefined) return undefined;
  const person = box.facts.person(uid);
  if (!person) {
    box.problems.add(`fb:user-item: no person with uid ${uid}`);
    return undefined;
  }
  const picture = pictureImage(person, PICTURE_SIZES.thumb, box.request.platformHost);
  const content: OutputNode[] = picture ? [profileLink(uid, [picture]), htmlElement('br')] : [];
  content.push(profileLink(uid, [text(fullName(person))]));
  return htmlElement('td', {}, content);
}

/** A table of people, `cols` to a row; other children than fb:user-item are ignored. */
const USER_TABLE_TAG: FbmlTag = {
  needs(element, request, needs) {
    for (const item of userItems(element)) {
      const uid = item.attribs.uid === undefined ? undefined : resolveUid(item.attribs.uid, request);
      if (uid !== undefined) needs.people.add(uid);
    }
  },
  render(element, box) {
    const cells = userItems(element).flatMap((item) => userCell(item, box) ?? []);
    if (cells.length === 0) return [];
    const perRow = columns(element, box);
    const rows: Element[] = [];
    for (let start = 0; start < cells.length; start += perRow) rows.push(htmlElement('tr', {}, cells.slice(start, start + perRow)));
    return [htmlElement('table', { class: 'fbml-user-table' }, [htmlElement('tbody', {}, rows)])];
  },
};

const USER_ITEM_TAG: FbmlTag = {
  render(_, box) {
    box.problems.add('fb:user-item: only allowed directly inside fb:user-table; removed');
    return [];
  },
};

export const USER_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:user', USER_TAG],
  ['fb:user-table', USER_TABLE_TAG],
  ['fb:user-item', USER_ITEM_TAG],
]);
