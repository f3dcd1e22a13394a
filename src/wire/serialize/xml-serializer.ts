/**
 * The XML envelope (docs/protocol-choices.md, "Responses"): declaration, one newline, the root
 * element with the three namespace attributes. Scalars at the root are written inline with no
 * whitespace (clients parse the text directly); nested values are indented by two spaces per level.
 */
import { ApiEntries, ApiList, childrenOf, isApiObject, type ApiObject, type ApiValue } from '../values.js';

const NAMESPACE_ATTRIBUTES =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

// Characters XML 1.0 cannot carry even as references; input validation keeps them out, this keeps the document well-formed regardless.
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `&`, `<`, `>` and `"` as entities (the platform's own answers wrote `&quot;` in text, `'` as it
 * is); a carriage return as `&#13;`, because XML parsers turn a raw CR LF into LF and
 * profile.getFBML must give back exactly what was stored.
 */
export function escapeXmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(NOT_XML_CHARACTER, '\uFFFD');
}

function isEmptyObject(value: ApiValue): boolean {
  return (isApiObject(value) && Object.keys(value).length === 0) || (value instanceof ApiEntries && value.entries.length === 0);
}

function scalarText(value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  return escapeXmlText(String(value));
}

function element(name: string, value: ApiValue, depth: number): string {
  const indent = '  '.repeat(depth);
  if (value === null) return `${indent}<${name} xsi:nil="true"/>\n`;
  if (value === '' || isEmptyObject(value)) return `${indent}<${name}/>\n`;
  if (value instanceof ApiList) {
    if (value.items.length === 0) return value.emptyXml === 'self-closing' ? `${indent}<${name} list="true"/>\n` : `${indent}<${name} list="true"></${name}>\n`;
    return `${indent}<${name} list="true">\n${listItems(name, value, depth + 1)}${indent}</${name}>\n`;
  }
  if (isApiObject(value) || value instanceof ApiEntries) return `${indent}<${name}>\n${children(value, depth + 1)}${indent}</${name}>\n`;
  return `${indent}<${name}>${scalarText(value)}</${name}>\n`;
}

function children(object: ApiObject | ApiEntries, depth: number): string {
  let out = '';
  for (const [key, child] of childrenOf(object)) out += element(key, child, depth);
  return out;
}

function listItems(parent: string, list: ApiList, depth: number): string {
  const itemName = list.itemName ?? `${parent}_elt`;
  let out = '';
  for (const item of list.items) out += element(itemName, item, depth);
  return out;
}

export interface XmlOptions {
  /** Adds `list="true"` to a root that holds a scalar (users.getLoggedInUser does, per the doc). */
  readonly rootList?: boolean;
  /**
   * Writes a scalar result as a one-item list (`<root list="true">` holding `<root_elt>`), as
   * feed.publishUserAction's only sample does: facebooker reads the item, JSON clients the scalar.
   */
  readonly scalarAsList?: boolean;
  /**
   * Writes a void result (`null`) or an empty text as the empty root `<root …/>`, as the platform
   * answered data.setUserPreference and an unset data.getUserPreference; JSON keeps `null` / `""`.
   */
  readonly emptyRoot?: boolean;
}

/** A complete XML document for `rootName` holding `value`. */
export function serializeXml(rootName: string, value: ApiValue, options: XmlOptions = {}): string {
  const open = `<${rootName} ${NAMESPACE_ATTRIBUTES}`;
  let body: string;
  if (options.emptyRoot && (value === null || value === '')) {
    body = `${open}/>`;
  } else if (value === null) {
    body = `${open} xsi:nil="true"/>`;
  } else if (value instanceof ApiList) {
    body = value.items.length === 0
      ? `${open} list="true"></${rootName}>`
      : `${open} list="true">\n${listItems(rootName, value, 1)}</${rootName}>`;
  } else if (isEmptyObject(value)) {
    body = `${open}></${rootName}>`;
  } else if (isApiObject(value) || value instanceof ApiEntries) {
    body = `${open}>\n${children(value, 1)}</${rootName}>`;
  } else if (options.scalarAsList) {
    body = `${open} list="true">\n${listItems(rootName, new ApiList(undefined, [value]), 1)}</${rootName}>`;
  } else {
    body = `${open}${options.rootList ? ' list="true"' : ''}>${scalarText(value)}</${rootName}>`;
  }
  return `${XML_DECLARATION}${body}\n`;
}
