/**
 * fb:tabs and its fb:tab-item children (docs/canvas-fbml.md, "Tabs"): a strip of links, the
 * selected one marked, left-aligned tabs first and right-aligned ones in a list of their own.
 * `fb:tab_item`, which period apps and Ringside also wrote, is the same tag.
 */
import { isTag, type Element } from 'domhandler';
import { flag } from '../fbml-attributes.js';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';
import { childrenNamed, isBlank, linkOrSpan, tagLink } from './tag-kit.js';

const TAB_ITEM_NAMES = ['fb:tab-item', 'fb:tab_item'];

function tab(item: Element, box: BoxRender): { readonly node: OutputNode; readonly right: boolean } {
  const selected = flag(item, 'selected', false);
  const align = (item.attribs.align ?? 'left').trim().toLowerCase();
  if (align !== 'left' && align !== 'right') box.problems.add(`${item.name}: align ${JSON.stringify(item.attribs.align)} is not left or right; left used`);
  const title = item.attribs.title;
  if (title === undefined) box.problems.add(`${item.name}: required attribute "title" is missing; the tab has no label`);
  const link = linkOrSpan(tagLink(item, 'href', box, true), {}, [text(title ?? '')]);
  const node = htmlElement('li', { class: selected ? 'fbml-tab fbml-tab-selected' : 'fbml-tab' }, [link]);
  return { node, right: align === 'right' };
}

function tabs(element: Element, box: BoxRender): OutputNode[] {
  if (element.children.some((child) => !isBlank(child) && !(isTag(child) && TAB_ITEM_NAMES.includes(child.name)))) {
    box.problems.add('fb:tabs: only fb:tab-item belongs in it; the rest is removed');
  }
  const items = childrenNamed(element, TAB_ITEM_NAMES).map((item) => tab(item, box));
  if (items.length === 0) return [];
  const lists: OutputNode[] = [htmlElement('ul', { class: 'fbml-tabs-left' }, items.filter((item) => !item.right).map((item) => item.node))];
  const right = items.filter((item) => item.right).map((item) => item.node);
  if (right.length > 0) lists.push(htmlElement('ul', { class: 'fbml-tabs-right' }, right));
  return [htmlElement('div', { class: 'fbml-tabs' }, lists)];
}

const misplacedTab: FbmlTag = {
  render(element, box) {
    box.problems.add(`${element.name}: only allowed directly inside fb:tabs; removed`);
    return [];
  },
};

export const TAB_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:tabs', { render: tabs }],
  ...TAB_ITEM_NAMES.map((name) => [name, misplacedTab] as const),
]);
