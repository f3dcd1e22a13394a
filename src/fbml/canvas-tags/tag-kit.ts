/** Small readers and builders the canvas tag families share. */
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import type { BoxRender } from '../fbml-tag.js';
import { element as htmlElement, type OutputNode } from '../html-nodes.js';

/** The text of parsed FBML, tags left out (fb:title). A loop over a list: the tree may be deep. */
export function plainText(nodes: readonly ChildNode[]): string {
  let result = '';
  const pending = [...nodes].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (isText(node)) result += node.data;
    else if (isTag(node)) pending.push(...[...node.children].reverse());
  }
  return result;
}

/** The element children of `element` named one of `names`, in order. */
export function childrenNamed(element: Element, names: readonly string[]): Element[] {
  return element.children.filter((child): child is Element => isTag(child) && names.includes(child.name));
}

/** Whether a child is whitespace only (the line breaks between rows of markup). */
export function isBlank(node: ChildNode): boolean {
  return isText(node) && node.data.trim() === '';
}

/**
 * A size attribute: a whole number of pixels (`300`, `300px`) or a percentage, up to `max`
 * pixels; `undefined` (with a problem) when it is unreadable, the default when absent.
 */
export function sizeAttribute(element: Element, name: string, box: BoxRender, fallback: string | undefined, max = 2000): string | undefined {
  const value = element.attribs[name];
  if (value === undefined) return fallback;
  const word = value.trim().toLowerCase();
  const percent = /^(\d{1,3})%$/.exec(word);
  if (percent && Number(percent[1]) <= 100) return `${Number(percent[1])}%`;
  const pixels = Number(word.replace(/px$/, ''));
  if (word !== '' && Number.isInteger(pixels) && pixels >= 0 && pixels <= max) return String(pixels);
  box.problems.add(`${element.name}: ${name} ${JSON.stringify(value)} is not a number of pixels up to ${max} or a percentage; ${fallback === undefined ? 'ignored' : `${fallback} used`}`);
  return fallback;
}

/** A link when the URL was accepted, else a span with the same class and content. */
export function linkOrSpan(href: string | undefined, attributes: Readonly<Record<string, string>>, children: readonly OutputNode[]): Element {
  return href === undefined ? htmlElement('span', attributes, children) : htmlElement('a', { ...attributes, href }, children);
}

/**
 * A `link` URL of a tag's attribute by the page's rules, reported when refused; `undefined`
 * when it is absent (reported too when `required`).
 */
export function tagLink(element: Element, name: string, box: BoxRender, required: boolean): string | undefined {
  const value = element.attribs[name];
  if (value === undefined) {
    if (required) box.problems.add(`${element.name}: required attribute "${name}" is missing; shown without a link`);
    return undefined;
  }
  const href = box.dialect.url(value, 'link', box);
  if (href === undefined) box.problems.add(`${element.name}: ${name} ${JSON.stringify(value)} is not an http(s), mailto or relative URL; shown without a link`);
  return href;
}
