/**
 * Story markup made safe: templates and values are FBML, and go through the FBML renderer's rules
 * (docs/fbml.md: the allow-list, the URL policy, the style filter) exactly as a profile box does,
 * with nobody as the viewer. What comes out is HTML a page can show as it is.
 */
import { parseDocument, DomUtils } from 'htmlparser2';
import { renderProfileBox, type FbmlServices } from '../../fbml/index.js';

export interface MarkupContext {
  readonly appId: number;
  readonly actorUid: number;
  readonly services: FbmlServices;
}

/** FBML → safe HTML (script, event handlers and bad URLs gone; elements balanced). */
export async function safeHtml(fbml: string, context: MarkupContext): Promise<string> {
  if (fbml === '') return '';
  const box = await renderProfileBox({ fbml, ownerUid: context.actorUid, viewerUid: undefined, appId: context.appId, position: 'wide' }, context.services);
  return box.html;
}

/** The text a reader sees in safe HTML, entities decoded, runs of blanks made one space. */
export function textOf(html: string): string {
  return DomUtils.textContent(parseDocument(html).children).replace(/\s+/g, ' ').trim();
}
