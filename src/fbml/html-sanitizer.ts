/**
 * Plain HTML inside FBML → allow-listed output (docs/fbml.md, "HTML: the allow-list"; the lists are
 * in html-allow-list.ts).
 * Elements off the list go with their content; attributes off the list go alone, and so do
 * attributes whose value fails its rule (a `javascript:` href, a style that is all refused…).
 */
import type { Element } from 'domhandler';
import type { BoxRender } from './fbml-tag.js';
import { attributeRule, INPUT_TYPES, isAllowedElement, VOID_ELEMENTS, type AttributeRule } from './html-allow-list.js';
import { element as htmlElement, type OutputNode } from './html-nodes.js';
import { filterStyle } from './style-filter.js';
import { urlIsOnHost, type UrlUse } from './url-policy.js';

/** A document wrapper is an error (checkFbml refuses it); in markup stored before that check, its content still shows. */
const DOCUMENT_WRAPPERS = new Set(['html', 'body']);

const URL_USES: Readonly<Record<'link-url' | 'image-url' | 'form-url', UrlUse>> = { 'link-url': 'link', 'image-url': 'image', 'form-url': 'form' };

export function renderHtmlElement(source: Element, box: BoxRender): OutputNode[] {
  const name = source.name;
  if (DOCUMENT_WRAPPERS.has(name)) {
    box.problems.add(`<${name}>: not allowed in FBML; its content is shown without it`);
    return box.render(source.children);
  }
  if (!isAllowedElement(name)) {
    box.problems.add(`<${name}>: not allowed in profile boxes; removed with its content`);
    return [];
  }
  if (name === 'input' && !INPUT_TYPES.includes((source.attribs.type ?? 'text').trim().toLowerCase())) {
    box.problems.add(`<input type=${JSON.stringify(source.attribs.type)}>: only ${INPUT_TYPES.join(', ')} inputs are allowed; removed`);
    return [];
  }
  const attributes = allowedAttributes(source, box);
  // An image whose source was refused would only be an empty frame (and its alt text a way around the filter's report).
  if (name === 'img' && attributes.src === undefined) return [];
  const children = VOID_ELEMENTS.has(name) ? [] : box.render(source.children);
  return [htmlElement(name, attributes, children)];
}

function allowedAttributes(source: Element, box: BoxRender): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [attribute, value] of Object.entries(source.attribs)) {
    const rule = attributeRule(source.name, attribute);
    if (rule === undefined) {
      if (attribute.startsWith('on')) box.problems.add(`<${source.name} ${attribute}>: event handlers are not allowed; removed`);
      continue;
    }
    const checked = checkedValue(rule, value, box);
    if (checked !== undefined) kept[attribute] = checked;
    // The style filter has said what it removed, declaration by declaration.
    else if (rule !== 'style') box.problems.add(`<${source.name} ${attribute}=${JSON.stringify(value)}>: ${refusal(rule, value, box)}; removed`);
  }
  return kept;
}

/** The value to emit, or `undefined` when the rule refuses it. */
function checkedValue(rule: AttributeRule, value: string, box: BoxRender): string | undefined {
  if (typeof rule === 'object') {
    const word = value.trim().toLowerCase();
    return rule.oneOf.includes(word) ? word : undefined;
  }
  switch (rule) {
    case 'text':
      return value.replaceAll('\0', '');
    case 'id':
    case 'id-reference': {
      // Prefixed so a box can never reach (or be reached as) an element of the page around it.
      const id = value.replaceAll('\0', '').trim();
      return id === '' ? undefined : `app${box.request.appId}_${id}`;
    }
    case 'style': {
      const filtered = filterStyle(value, box.request.platformHost);
      for (const removed of filtered.removed) box.problems.add(`style: ${removed}; removed`);
      return filtered.style === '' ? undefined : filtered.style;
    }
    default:
      return box.dialect.url(value, URL_USES[rule], box);
  }
}

function refusal(rule: Exclude<AttributeRule, 'style'>, value: string, box: BoxRender): string {
  if (typeof rule === 'object') return `must be one of ${rule.oneOf.join(', ')}`;
  const host = box.request.platformHost;
  if ((rule === 'image-url' || rule === 'form-url') && host !== undefined && urlIsOnHost(value.trim(), host)) {
    return "may not point at this server's own pages";
  }
  if (rule === 'id' || rule === 'id-reference' || rule === 'text') return 'empty';
  return box.dialect.urlRule(URL_USES[rule]);
}
