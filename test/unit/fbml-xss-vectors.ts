/**
 * Reads test/fixtures/xss-vectors.txt: one vector per line, `# ` comments, `{NUL}`-style control
 * characters, `{OWNER}` and `{FRIEND}` for the uids of the world the vectors are rendered in.
 */
import { readFileSync } from 'node:fs';

const CONTROL_CHARACTERS: Readonly<Record<string, string>> = { '{NUL}': '\0', '{TAB}': '\t', '{LF}': '\n', '{CR}': '\r', '{FF}': '\f' };

export function loadXssVectors(uids: { readonly owner: number; readonly friend: number }): string[] {
  const placeholders: Record<string, string> = { ...CONTROL_CHARACTERS, '{OWNER}': String(uids.owner), '{FRIEND}': String(uids.friend) };
  const text = readFileSync(new URL('../fixtures/xss-vectors.txt', import.meta.url), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('# '))
    .map((line) => Object.entries(placeholders).reduce((vector, [name, character]) => vector.replaceAll(name, character), line));
}
