/**
 * FBML text → a DOM tree (htmlparser2 + domhandler). One set of parser options, shared by the
 * renderer and by checkFbml, so that what profile.setFBML accepts is exactly what renders.
 */
import { parseDocument, type ParserOptions } from 'htmlparser2';
import type { Document } from 'domhandler';

export const FBML_PARSER_OPTIONS: ParserOptions = Object.freeze({
  xmlMode: false,
  // FBML is written XHTML-style: `<fb:name uid="1"/>` and `<fb:else/>` close themselves.
  recognizeSelfClosing: true,
  decodeEntities: true,
  lowerCaseTags: true,
  lowerCaseAttributeNames: true,
  // In HTML, `<![CDATA[…]]>` is a bogus comment; it must not smuggle text past the allow-list.
  recognizeCDATA: false,
});

export function parseFbml(fbml: string): Document {
  return parseDocument(fbml, FBML_PARSER_OPTIONS);
}

/** `fb:name` → true; FBML tags are the ones with the `fb:` prefix. */
export function isFbmlTagName(name: string): boolean {
  return name.startsWith('fb:');
}
