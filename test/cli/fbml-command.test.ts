/** `hearth fbml render`: a stored or given profile box as a viewer sees it, on the built binary. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProfileBox } from '../../src/fbml/index.js';
import { createServices } from '../../src/platform.js';
import { SqliteStore } from '../../src/platform.js';
import { expectOperatorError, expectSuccess, tempDatabase, type CliResult, type TempDatabase } from '../support/cli.js';

interface PersonJson {
  uid: number;
}
interface AppJson {
  app_id: number;
  api_key: string;
}

const BOX = [
  '<fb:visible-to-owner>Owner note</fb:visible-to-owner>',
  '<fb:visible-to-friends>Friends note</fb:visible-to-friends>',
  '<fb:wide>Wide part</fb:wide><fb:narrow>Narrow part</fb:narrow>',
  '<fb:if-is-own-profile>Welcome home<fb:else>Visiting</fb:else></fb:if-is-own-profile>',
].join('\n');

/** The visibility of each fb:visible-to-* span's text (fbml.md §2). */
function visibility(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/<span style="visibility: (visible|hidden);[^"]*">([^<]*)<\/span>/g)].map((match) => [match[2]!, match[1]!]));
}

function decodeNumericEntities(html: string): string {
  return html.replace(/&#(x[0-9a-f]+|\d+);/gi, (_, code: string) => String.fromCodePoint(code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code)));
}

/** Lines a render printed on stderr; each must be one `hearth: fbml: …` problem. */
function problemLines(result: CliResult): string[] {
  const lines = result.stderr === '' ? [] : result.stderr.replace(/\n$/, '').split('\n');
  for (const line of lines) expect(line).toMatch(/^hearth: fbml: \S/);
  return lines;
}

describe('hearth fbml render', () => {
  let db: TempDatabase;
  let ada: PersonJson;
  let bob: PersonJson;
  let cleo: PersonJson;
  let app: AppJson;
  let silent: AppJson;
  beforeAll(async () => {
    db = await tempDatabase();
    ada = await db.json('user', 'create', '--email', 'ada@example.com', '--password', 'analytical engine', '--name', 'Ada Lovelace');
    bob = await db.json('user', 'create', '--email', 'bob@example.com', '--password', 'long enough', '--name', 'Bob Bobson');
    cleo = await db.json('user', 'create', '--email', 'cleo@example.com', '--password', 'long enough', '--name', 'Cleo Cleary');
    app = await db.json('app', 'create', '--name', 'Quiz', '--type', 'web', '--callback-url', 'http://apps.example.org/quiz/');
    silent = await db.json('app', 'create', '--name', 'Silent', '--type', 'web', '--callback-url', 'http://apps.example.org/silent/');
    expectSuccess(await db.run('friend', 'add', 'ada@example.com', 'bob@example.com'));
    // As profile.setFBML stores it.
    const store = SqliteStore.open(db.location.replace(/^sqlite:/, ''));
    await store.authorizations.authorize(ada.uid, app.app_id);
    await store.profiles.update(ada.uid, app.app_id, { profile: BOX, profileMain: '<fb:narrow>Main narrow</fb:narrow><fb:wide>Main wide</fb:wide>' });
    await store.close();
  });
  afterAll(() => db.remove());

  const render = (...args: string[]) => db.run('fbml', 'render', ...args);

  it('prints the stored box exactly as the renderer makes it, for nobody signed in by default', async () => {
    const result = await render('--uid', String(ada.uid), '--app', String(app.app_id));
    expectSuccess(result);
    const store = SqliteStore.open(db.location.replace(/^sqlite:/, ''));
    try {
      const expected = await renderProfileBox({ fbml: BOX, ownerUid: ada.uid, viewerUid: undefined, appId: app.app_id, position: 'wide' }, createServices(store));
      expect(result.stdout).toBe(expected.html.endsWith('\n') ? expected.html : `${expected.html}\n`);
    } finally {
      await store.close();
    }
    expect(visibility(result.stdout)).toEqual({ 'Owner note': 'hidden', 'Friends note': 'hidden' });
    expect(result.stdout).toContain('Wide part');
    expect(result.stdout).not.toContain('Narrow part');
    expect(result.stdout).toContain('Visiting');
  });

  it.each<[string, () => string, Record<string, string>, string]>([
    ['the owner', () => String(ada.uid), { 'Owner note': 'visible', 'Friends note': 'visible' }, 'Welcome home'],
    ['a friend, by e-mail', () => 'bob@example.com', { 'Owner note': 'hidden', 'Friends note': 'visible' }, 'Visiting'],
    ['someone else', () => String(cleo.uid), { 'Owner note': 'hidden', 'Friends note': 'hidden' }, 'Visiting'],
  ])('renders for %s with --viewer', async (_who, viewer, shown, greeting) => {
    const result = await render('--uid', 'ada@example.com', '--viewer', viewer(), '--app', app.api_key);
    expectSuccess(result);
    expect(visibility(result.stdout)).toEqual(shown);
    expect(result.stdout).toContain(greeting);
  });

  it('reads profile_main for --position main, and keeps the narrow part for narrow', async () => {
    const main = await render('--uid', String(ada.uid), '--app', String(app.app_id), '--position', 'main');
    expectSuccess(main);
    expect(main.stdout).toContain('Main narrow');
    expect(main.stdout).not.toContain('Main wide');
    const narrow = await render('--uid', String(ada.uid), '--app', String(app.app_id), '--position', 'narrow');
    expectSuccess(narrow);
    expect(narrow.stdout).toContain('Narrow part');
    expect(narrow.stdout).not.toContain('Wide part');
  });

  it('renders --fbml text and --file markup instead of the stored box, even where nothing is stored', async () => {
    const text = await render('--uid', String(bob.uid), '--viewer', String(bob.uid), '--app', String(silent.app_id), '--fbml', '<fb:if-is-own-profile>Mine<fb:else>Theirs</fb:else></fb:if-is-own-profile>');
    expectSuccess(text);
    expect(text.stdout).toContain('Mine');
    expect(text.stdout).not.toContain('Theirs');

    const path = join(db.dir, 'box.fbml');
    await writeFile(path, '<fb:narrow>From a file — café</fb:narrow><fb:wide>Not here</fb:wide>\n', 'utf8');
    const file = await render('--uid', String(bob.uid), '--app', String(silent.app_id), '--position', 'narrow', '--file', path);
    expectSuccess(file);
    // However the renderer spells the characters, they are the file's UTF-8 text.
    expect(decodeNumericEntities(file.stdout)).toContain('From a file — café');
    expect(file.stdout).not.toContain('Not here');
  });

  it('prints problems as hearth: fbml: lines on stderr and still exits 0 with the HTML', async () => {
    const result = await render('--uid', String(ada.uid), '--app', String(app.app_id), '--fbml', 'Before <fb:name/> after <fb:no-such-tag>x</fb:no-such-tag> end');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Before');
    expect(result.stdout).toContain('end');
    expect(problemLines(result).length).toBeGreaterThan(0);
  });

  it('says when profile.setFBML would refuse the given markup, and still renders what it can', async () => {
    const result = await render('--uid', String(ada.uid), '--app', String(app.app_id), '--fbml', '<fb:wide><b>open');
    expect(result.code).toBe(0);
    const lines = problemLines(result);
    expect(lines[0]).toMatch(/^hearth: fbml: profile\.setFBML would refuse this markup \(error 330\): \S/);
  });

  it.each<[string, () => string[], string | RegExp | (() => string)]>([
    ['an unknown owner', () => ['--uid', '999999999', '--app', String(app.app_id)], 'hearth: no person with uid or e-mail "999999999"'],
    ['an unknown viewer', () => ['--uid', String(ada.uid), '--viewer', 'nobody@example.com', '--app', String(app.app_id)], 'hearth: no person with uid or e-mail "nobody@example.com"'],
    ['an unknown app', () => ['--uid', String(ada.uid), '--app', '999999'], 'hearth: no app with app_id or api_key "999999"'],
    ['a missing file', () => ['--uid', String(ada.uid), '--app', String(app.app_id), '--file', join(db.dir, 'missing.fbml')], /^hearth: cannot read ".*missing\.fbml": no such file$/],
    ['a directory as the file', () => ['--uid', String(ada.uid), '--app', String(app.app_id), '--file', db.dir], /^hearth: cannot read ".*": EISDIR$/],
    ['a box never stored', () => ['--uid', String(bob.uid), '--app', String(app.app_id)], () => `hearth: Quiz (${app.app_id}) has stored no profile FBML for uid ${bob.uid}; give --file or --fbml to render other markup`],
    ['a main box never stored', () => ['--uid', String(ada.uid), '--app', String(silent.app_id), '--position', 'main'], 'has stored no profile_main FBML'],
    ['an unknown position', () => ['--uid', String(ada.uid), '--app', String(app.app_id), '--position', 'sideways'], /--position.*must be one of wide, narrow, main/],
    ['both --file and --fbml', () => ['--uid', String(ada.uid), '--app', String(app.app_id), '--file', 'x', '--fbml', 'y'], /cannot be used with/],
    ['no --uid', () => ['--app', String(app.app_id)], /required option '--uid <person>'/],
    ['no --app', () => ['--uid', String(ada.uid)], /required option '--app <app>'/],
  ])('refuses %s in one line, exit 1', async (_what, args, message) => {
    expectOperatorError(await render(...args()), typeof message === 'function' ? message() : message);
  });
});
