/**
 * A notification's FBML made safe. Notifications take a stripped-down FBML: text, links, fb:name
 * and fb:pronoun. Other fb: tags are left out with what they hold (their content depends on a
 * viewer, a profile or a form a notification has not got), as are scripts and styles; any other
 * element gives up its tag but keeps its words. What is left goes through the FBML renderer as a
 * profile box does (names, pronouns, the URL policy), with nobody as the viewer, and of what it
 * makes only text and `<a href>` stay: a notification is one line.
 */
import escapeHtml from 'escape-html';
import render from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { renderProfileBox, type FbmlServices } from '../../fbml/index.js';

export interface NotificationMarkup {
  /** Text and `<a href>` only; Hearth's own links relative to the server. */
  readonly html: string;
  readonly text: string;
}

export interface MarkupContext {
  readonly appId: number;
  /** The person sending, when a person does (`profileowner` names them). */
  readonly senderUid: number | undefined;
  readonly services: FbmlServices;
}

const KEPT_FBML = new Set(['fb:name', 'fb:pronoun']);
const DROPPED = new Set(['script', 'style', 'head', 'title', 'iframe', 'object', 'embed', 'textarea', 'select', 'option']);

/** The nodes of the stripped-down FBML, as FBML. */
function stripped(nodes: readonly ChildNode[]): ChildNode[] {
  const kept: ChildNode[] = [];
  for (const node of nodes) {
    if (node.type === 'text') kept.push(node);
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      if (KEPT_FBML.has(node.name)) kept.push(node);
      else if (node.name === 'a') {
        node.children = stripped(node.children);
        kept.push(node);
      } else if (!node.name.startsWith('fb:') && !DROPPED.has(node.name)) kept.push(...stripped(node.children));
    }
  }
  return kept;
}

interface Line {
  html: string;
  text: string;
}

/** Text and links of rendered HTML, on one line. */
function textAndLinks(nodes: readonly ChildNode[], out: Line): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      const words = node.data.replace(/\s+/g, ' ');
      out.html += escapeHtml(words);
      out.text += words;
    } else if (node.type === 'tag') {
      const href = node.name === 'a' ? node.attribs.href : undefined;
      if (href === undefined) {
        textAndLinks(node.children, out);
        continue;
      }
      const inner: Line = { html: '', text: '' };
      textAndLinks(node.children, inner);
      out.html += `<a href="${escapeHtml(href)}">${inner.html}</a>`;
      out.text += inner.text;
    }
  }
}

/** The notification's FBML as safe HTML and as text; both empty when nothing readable is left. */
export async function notificationMarkup(fbml: string, context: MarkupContext): Promise<NotificationMarkup> {
  const document = parseDocument(fbml, { recognizeSelfClosing: true, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: false });
  const source = render(stripped(document.children), { encodeEntities: 'utf8', selfClosingTags: true });
  if (source.trim() === '') return { html: '', text: '' };
  const box = await renderProfileBox({ fbml: source, ownerUid: context.senderUid ?? 0, viewerUid: undefined, appId: context.appId, position: 'wide' }, context.services);
  const out: Line = { html: '', text: '' };
  textAndLinks(parseDocument(box.html).children, out);
  const text = out.text.replace(/\s+/g, ' ').trim();
  return text === '' ? { html: '', text: '' } : { html: out.html.trim(), text };
}

/** Plain text as a notification's HTML. */
export function htmlOfText(text: string): string {
  return escapeHtml(text);
}

/** The HTML with Hearth's own (root-relative) links made absolute on `origin`, for apps. */
export function withAbsoluteLinks(html: string, origin: string): string {
  return html.replace(/href="\/(?!\/)/g, `href="${origin}/`);
}

/** A link as apps get it: Hearth's own pages absolute on `origin`. */
export function absoluteHref(href: string, origin: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? `${origin}${href}` : href;
}
