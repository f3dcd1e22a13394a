/**
 * Tags that shape the box rather than talk about people (docs/fbml.md, "Containers and columns"
 * and "Subtitle and actions"): the transparent
 * fb:fbml, the column tags, the subtitle bar with its action links, and the tags whose content
 * belongs somewhere other than a profile box.
 */
import { isTag, type Element } from 'domhandler';
import type { BoxRender, FbmlTag } from '../fbml-tag.js';
import { element as htmlElement, text, type OutputNode } from '../html-nodes.js';

const transparent: FbmlTag = { render: (element, box) => box.render(element.children) };

/** Content for another place (mobile, the actions under the picture, a canvas title): not shown in a box, not an error. */
const elsewhere: FbmlTag = { render: () => [] };

/** `fb:action`: a link; refused URLs leave the text unlinked. */
export function actionLink(element: Element, box: BoxRender): OutputNode {
  const content = box.render(element.children);
  const attributes: Record<string, string> = { class: 'fbml-action' };
  const href = element.attribs.href === undefined ? undefined : box.dialect.url(element.attribs.href, 'link', box);
  if (element.attribs.href === undefined) box.problems.add('fb:action: required attribute "href" is missing; shown as text');
  else if (href === undefined) box.problems.add(`fb:action: href ${JSON.stringify(element.attribs.href)} is not an http(s), mailto or relative URL; shown as text`);
  if (element.attribs.title !== undefined) attributes.title = element.attribs.title;
  if (href === undefined) return htmlElement('span', attributes, content);
  return htmlElement('a', { ...attributes, href }, content);
}

/**
 * `<div class="fbml-subtitle">`: the actions first (so a page can float them right), then the
 * text. Actions are the fb:action children and, with `seeallurl`, a "See All" link.
 */
function subtitle(element: Element, box: BoxRender): OutputNode[] {
  if (box.scope.inVisibilityTag) {
    box.problems.add('fb:subtitle: not rendered inside fb:visible-to-* tags; removed');
    return [];
  }
  const actions: OutputNode[] = [];
  const textNodes: OutputNode[] = [];
  for (const child of element.children) {
    if (isTag(child) && child.name === 'fb:action') actions.push(actionLink(child, box));
    else textNodes.push(...box.render([child]));
  }
  const seeAll = element.attribs.seeallurl;
  if (seeAll !== undefined) {
    const href = box.dialect.url(seeAll, 'link', box);
    if (href === undefined) box.problems.add(`fb:subtitle: seeallurl ${JSON.stringify(seeAll)} is not an http(s), mailto or relative URL; removed`);
    else actions.push(htmlElement('a', { class: 'fbml-see-all', href }, [text('See All')]));
  }
  const bar: OutputNode[] = [];
  if (actions.length > 0) bar.push(htmlElement('span', { class: 'fbml-subtitle-actions' }, separated(actions)));
  bar.push(htmlElement('span', { class: 'fbml-subtitle-text' }, textNodes));
  return [htmlElement('div', { class: 'fbml-subtitle' }, bar)];
}

/** Links side by side, with " | " between them as Facebook's subtitle bars had. */
export function separated(links: readonly OutputNode[]): OutputNode[] {
  return links.flatMap((link, index) => (index === 0 ? [link] : [text(' | '), link]));
}

export const LAYOUT_TAGS: ReadonlyMap<string, FbmlTag> = new Map<string, FbmlTag>([
  ['fb:fbml', transparent],
  ['fb:wide', { render: (element, box) => (box.request.position === 'wide' ? box.render(element.children) : []) }],
  // The main box is a narrow one (docs/fbml.md, "Containers and columns").
  ['fb:narrow', { render: (element, box) => (box.request.position === 'wide' ? [] : box.render(element.children)) }],
  ['fb:subtitle', { render: subtitle }],
  ['fb:action', { render: (element, box) => [actionLink(element, box)] }],
  ['fb:mobile', elsewhere],
  ['fb:profile-action', elsewhere],
  ['fb:title', elsewhere],
]);
