/**
 * An app's e-mail FBML made into a mail's two bodies (docs/mail.md, "What an app may write"). The
 * FBML renderer does what it does for a profile box (fb:name, the allow-list, the URL policy);
 * of what it leaves, a mail keeps only text, links and line breaks — a paragraph or a list item
 * ends its line — since mail readers treat styles, images and forms each their own way. Links are
 * made absolute on this server, so a relative link leads somewhere from a mail reader too.
 */
import escapeHtml from 'escape-html';
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import { renderProfileBox, type FbmlServices } from '../../fbml/index.js';

export interface MailBody {
  /** Safe HTML: text, `<a href>` and `<br>` only. */
  readonly html: string;
  /** The same as plain text, links written after their words. */
  readonly text: string;
}

export interface MarkupContext {
  readonly appId: number;
  /** The person the app writes as, when it writes in a session; names render from nobody's view. */
  readonly actorUid: number | undefined;
  /** `http://host:port` of this server, for links. */
  readonly origin: string;
  readonly services: FbmlServices;
}

/** Elements after which a mail reader would start a new line. */
const LINE_ENDERS = new Set(['p', 'div', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'blockquote', 'pre', 'dt', 'dd']);

interface Pieces {
  html: string;
  text: string;
  /** Whether the text writes a link's address after its words (not in a subject). */
  readonly urls: boolean;
}

function absoluteLink(href: string, origin: string): string | undefined {
  try {
    const url = new URL(href, `${origin}/`);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function endLine(out: Pieces): void {
  if (out.text !== '' && !out.text.endsWith('\n')) {
    out.html += '<br>\n';
    out.text += '\n';
  }
}

function walk(nodes: readonly ChildNode[], origin: string, out: Pieces): void {
  for (const node of nodes) {
    if (node.type === 'text') {
      // Layout whitespace of the markup is one space, as a browser shows it.
      const words = node.data.replace(/\s+/g, ' ');
      out.html += escapeHtml(words);
      out.text += words;
    } else if (node.type === 'tag') {
      if (node.name === 'br') {
        out.html += '<br>\n';
        out.text += '\n';
        continue;
      }
      const href = node.name === 'a' && node.attribs.href !== undefined ? absoluteLink(node.attribs.href, origin) : undefined;
      if (href !== undefined) {
        const inner: Pieces = { html: '', text: '', urls: out.urls };
        walk(node.children, origin, inner);
        out.html += `<a href="${escapeHtml(href)}">${inner.html}</a>`;
        const label = inner.text.trim();
        out.text += !out.urls ? inner.text : label === '' || label === href ? href : `${inner.text} (${href})`;
        continue;
      }
      const ends = LINE_ENDERS.has(node.name);
      if (ends) endLine(out);
      walk(node.children, origin, out);
      if (ends) endLine(out);
    }
  }
}

/** Lines trimmed, blank runs at most one blank line, none at the ends. */
function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

async function rendered(fbml: string, context: MarkupContext, urls: boolean): Promise<Pieces> {
  const box = await renderProfileBox({ fbml, ownerUid: context.actorUid ?? 0, viewerUid: undefined, appId: context.appId, position: 'wide' }, context.services);
  const out: Pieces = { html: '', text: '', urls };
  walk(parseDocument(box.html).children, context.origin, out);
  return out;
}

/** FBML → the bodies of a mail. */
export async function mailBodyOf(fbml: string, context: MarkupContext): Promise<MailBody> {
  const out = await rendered(fbml, context, true);
  return { html: out.html.trim().replace(/(<br>\n)+$/, ''), text: tidyText(out.text) };
}

/** FBML → one line of text (a subject: fb:name and the words, nothing else). */
export async function lineOf(fbml: string, context: MarkupContext): Promise<string> {
  return (await rendered(fbml, context, false)).text.replace(/\s+/g, ' ').trim();
}

/** Plain text as HTML: escaped, line breaks kept. */
export function htmlOfText(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>\n');
}
