/**
 * Reads test/fixtures/xss-vectors.txt: one vector per line, `# ` comments, `{NUL}`-style control
 * characters, `{OWNER}` and `{FRIEND}` for the uids of the world the vectors are rendered in; and
 * says what is dangerous in what the renderer made of them.
 */
import { readFileSync } from 'node:fs';
import { isTag, type ChildNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { ELEMENT_ATTRIBUTES } from '../../src/fbml/html-allow-list.js';
import { withoutInvisibleCharacters } from '../../src/fbml/url-policy.js';

const DANGEROUS_SCHEMES = ['javascript:', 'vbscript:', 'data:', 'livescript:', 'mocha:'];

const CONTROL_CHARACTERS: Readonly<Record<string, string>> = { '{NUL}': '\0', '{TAB}': '\t', '{LF}': '\n', '{CR}': '\r', '{FF}': '\f' };

export function loadXssVectors(uids: { readonly owner: number; readonly friend: number }): string[] {
  const placeholders: Record<string, string> = { ...CONTROL_CHARACTERS, '{OWNER}': String(uids.owner), '{FRIEND}': String(uids.friend) };
  const text = readFileSync(new URL('../fixtures/xss-vectors.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('# '))
    .map((line) => Object.entries(placeholders).reduce((vector, [name, character]) => vector.replaceAll(name, character), line));
}

/** What a canvas page may hold besides the allow-list: the tags' own frames and buttons, and developer comments. */
export interface DangerAllowances {
  readonly elements?: readonly string[];
  /** Comments that match this are allowed (the canvas renderer's notes for developers). */
  readonly comment?: RegExp;
}

/** What is wrong with rendered HTML, read back the way a browser reads it (entities decoded). */
export function dangers(html: string, allowances: DangerAllowances = {}): string[] {
  const found: string[] = [];
  if (html.toLowerCase().includes('<script')) found.push('<script');
  const walk = (nodes: readonly ChildNode[]) => {
    for (const node of nodes) {
      if (!isTag(node)) {
        const allowedComment = node.type === 'comment' && allowances.comment?.test(node.data);
        if (node.type !== 'text' && !allowedComment) found.push(`a ${node.type} node`);
        continue;
      }
      if (!ELEMENT_ATTRIBUTES.has(node.name) && !allowances.elements?.includes(node.name)) found.push(`<${node.name}>`);
      for (const [name, value] of Object.entries(node.attribs)) {
        if (name.startsWith('on')) found.push(`${name}=`);
        const compact = withoutInvisibleCharacters(value).toLowerCase();
        for (const scheme of DANGEROUS_SCHEMES) if (compact.includes(scheme)) found.push(`${scheme} in ${name}`);
        if (name === 'style' && /expression|url\(\s*['"]?\s*(?!https?:)|behavior|binding|\\|\/\*/.test(compact)) found.push(`style ${value}`);
      }
      walk(node.children);
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children);
  return found;
}
