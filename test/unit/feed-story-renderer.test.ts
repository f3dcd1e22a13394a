/**
 * The feed story renderer: each token rule, the choice of the first template that fits, the
 * registration checks, and hostile template data made harmless by the FBML rules.
 */
import { describe, expect, it } from 'vitest';
import { contentHash, parseBundleContent } from '../../src/features/feed/bundle-content.js';
import type { BundleContent } from '../../src/features/feed/records.js';
import { safeHtml, textOf, type MarkupContext } from '../../src/features/feed/story-markup.js';
import { chooseTemplate, fillActionLink, fillTemplate, joinNames, personLink, templateFits } from '../../src/features/feed/story-renderer.js';
import { customTokensOf, reservedTokenIn, startsWithActor, tokensOf } from '../../src/features/feed/story-tokens.js';
import { parseTemplateData } from '../../src/features/feed/template-data.js';
import { ApiError } from '../../src/wire/errors.js';

const ada = { uid: 500000001, name: 'Ada Lovelace' };
const charles = { uid: 500000002, name: 'Charles Babbage' };
const mary = { uid: 500000003, name: 'Mary Somerville' };

const GAME: BundleContent = {
  oneLine: ['{*actor*} played {*game*} with {*target*}.', '{*actor*} played a game.'],
  short: [
    { title: '{*actor*} played {*game*} with {*target*}.', body: 'The score was {*score*}.' },
    { title: '{*actor*} played {*game*}.', body: '' },
  ],
  full: { title: '{*actor*} played {*game*} with {*target*}.', body: 'The score was {*score*}.' },
  actionLinks: [{ text: 'Play {*game*}', href: 'http://example.org/play?game={*game*}' }],
};

const values = (entries: Record<string, string>) => new Map(Object.entries(entries));

// The FBML renderer with nothing to look up: names come from the tokens, not from fb:name.
const markup: MarkupContext = {
  appId: 100001,
  actorUid: ada.uid,
  services: { people: { findMany: async () => [] }, friends: { friendsOf: async () => [] }, grants: { isAppUser: async () => false } },
};

function errorOf(work: () => unknown): ApiError {
  try {
    work();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected an ApiError');
}

describe('tokens', () => {
  it('finds {*name*} tokens in order, once each, and tells custom ones from actor and target', () => {
    expect(tokensOf('{*actor*} gave {*gift*} to {*target*} and {*gift*}')).toEqual(['actor', 'gift', 'target']);
    expect(customTokensOf('{*actor*} gave {*gift*} to {*target*}')).toEqual(['gift']);
    expect(tokensOf('{* spaced *} {*} {**} {*a-b*}')).toEqual([]);
  });

  it('requires {*actor*} at the start, leading blanks allowed', () => {
    expect(startsWithActor('{*actor*} ran')).toBe(true);
    expect(startsWithActor('  {*actor*} ran')).toBe(true);
    expect(startsWithActor('Then {*actor*} ran')).toBe(false);
    expect(startsWithActor('{*target*} ran')).toBe(false);
  });

  it('knows the reserved media tokens', () => {
    for (const name of ['images', 'flash', 'mp3', 'video']) expect(reservedTokenIn(`{*actor*} {*${name}*}`)).toBe(name);
    expect(reservedTokenIn('{*actor*} {*image*}')).toBeUndefined();
  });
});

describe('names', () => {
  it('joins one, two and several names as "A", "A and B", "A, B and C"', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    expect(joinNames(['A', 'B', 'C', 'D'])).toBe('A, B, C and D');
  });

  it('links a name to the profile and escapes it as text', () => {
    expect(personLink(ada)).toBe('<a href="/profile.php?id=500000001">Ada Lovelace</a>');
    expect(personLink({ uid: 7, name: '<b>Eve</b> & "Co"' })).toBe('<a href="/profile.php?id=7">&lt;b&gt;Eve&lt;/b&gt; &amp; &quot;Co&quot;</a>');
  });
});

describe('the template chosen', () => {
  it('is the first whose custom tokens all have values and whose {*target*} has targets', () => {
    expect(chooseTemplate(GAME, 1, values({ game: 'chess' }), true)?.template.title).toBe('{*actor*} played {*game*} with {*target*}.');
    expect(chooseTemplate(GAME, 1, values({ game: 'chess' }), false)?.template.title).toBe('{*actor*} played a game.');
    expect(chooseTemplate(GAME, 1, values({}), true)?.template.title).toBe('{*actor*} played a game.');
  });

  it('looks at titles and bodies of short stories', () => {
    const withScore = chooseTemplate(GAME, 2, values({ game: 'chess', score: '3-1' }), true);
    expect(withScore).toEqual({ size: 2, template: GAME.short[0] });
    expect(chooseTemplate(GAME, 2, values({ game: 'chess' }), true)).toEqual({ size: 2, template: GAME.short[1] });
  });

  it('is none when no template of the size fits (367), and a one-line story for a size the bundle lacks', () => {
    expect(chooseTemplate(GAME, 4, values({ game: 'chess' }), true)).toBeUndefined();
    expect(chooseTemplate(GAME, 2, values({}), false)).toBeUndefined();
    const oneLineOnly: BundleContent = { ...GAME, short: [], full: null };
    expect(chooseTemplate(oneLineOnly, 4, values({ game: 'go' }), true)).toEqual({ size: 1, template: { title: GAME.oneLine[0], body: '' } });
    expect(templateFits(['{*actor*} {*x*}'], values({ y: '1' }), false)).toBe(false);
  });
});

describe('filling and sanitising', () => {
  it('renders the wiki example: both names linked, the custom value in place, and its plain text', async () => {
    const filled = fillTemplate(GAME.oneLine[0]!, { actor: ada, targets: [charles], values: values({ game: 'chess' }) });
    expect(filled).toBe('<a href="/profile.php?id=500000001">Ada Lovelace</a> played chess with <a href="/profile.php?id=500000002">Charles Babbage</a>.');
    const html = await safeHtml(filled, markup);
    expect(html).toBe(filled);
    expect(textOf(html)).toBe('Ada Lovelace played chess with Charles Babbage.');
  });

  it('joins several targets, each linked', () => {
    const filled = fillTemplate('{*actor*} met {*target*}', { actor: ada, targets: [charles, mary, ada], values: values({}) });
    expect(filled).toBe(
      '<a href="/profile.php?id=500000001">Ada Lovelace</a> met <a href="/profile.php?id=500000002">Charles Babbage</a>, ' +
        '<a href="/profile.php?id=500000003">Mary Somerville</a> and <a href="/profile.php?id=500000001">Ada Lovelace</a>',
    );
  });

  it('keeps the limited markup a value may carry, and removes script, handlers and javascript: links', async () => {
    const hostile = [
      '<a href="http://example.org/chess">chess</a><script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">click</a>',
      '<b onmouseover="alert(1)">bold</b>',
      '<iframe src="http://evil.example/"></iframe>',
      '<div style="background:url(javascript:alert(1))">styled</div>',
    ];
    const results = await Promise.all(hostile.map((value) => safeHtml(value, markup)));
    expect(results).toEqual(['<a href="http://example.org/chess">chess</a>', '', '<a>click</a>', '<b>bold</b>', '', '<div>styled</div>']);
    for (const html of results) expect(html).not.toMatch(/script|onerror|onmouseover|javascript|iframe/i);
  });

  it('keeps a value inside the element it fills: a stray closing tag or open element cannot reach the template', async () => {
    const value = await safeHtml('</a><b>loud', markup);
    expect(value).toBe('<b>loud</b>');
    const filled = fillTemplate('{*actor*} said <i>{*quote*}</i> today', { actor: ada, targets: [], values: values({ quote: value }) });
    expect(await safeHtml(filled, markup)).toBe('<a href="/profile.php?id=500000001">Ada Lovelace</a> said <i><b>loud</b></i> today');
  });

  it('escapes text that is not markup, and gives it back as the reader sees it', async () => {
    const html = await safeHtml('1 < 2 & "quotes" > 0', markup);
    expect(html).toBe('1 &lt; 2 &amp; &quot;quotes&quot; &gt; 0');
    expect(textOf(html)).toBe('1 < 2 & "quotes" > 0');
  });

  it('fills action links as plain text, encodes values in hrefs, and drops links that stop being http(s)', () => {
    const fills = { actor: ada, targets: [], values: values({}) };
    expect(fillActionLink(GAME.actionLinks[0]!, fills, values({ game: 'chess & go' }))).toEqual({
      text: 'Play chess & go',
      href: 'http://example.org/play?game=chess%20%26%20go',
    });
    expect(fillActionLink(GAME.actionLinks[0]!, fills, values({}))).toBeUndefined();
    expect(fillActionLink({ text: 'Go', href: '{*url*}' }, fills, values({ url: 'javascript:alert(1)' }))).toBeUndefined();
  });
});

describe('template_data', () => {
  it('takes strings and numbers, keeps one kind of media aside, and reads PHP\'s [] as no data', () => {
    const data = parseTemplateData('{"game":"chess","score":3,"images":[{"src":"http://x.org/a.jpg","href":"http://x.org/"}]}');
    expect([...data.values]).toEqual([['game', 'chess'], ['score', '3']]);
    expect(Object.keys(data.media)).toEqual(['images']);
    expect(parseTemplateData('[]').values.size).toBe(0);
  });

  it('refuses anything but a dictionary of strings with 329', () => {
    for (const raw of ['not json', '"text"', '[1,2]', '{"a":{"b":1}}', '{"a":null}', '{"images":[],"mp3":{}}']) {
      expect(errorOf(() => parseTemplateData(raw)).code).toBe(329);
    }
  });
});

describe('registration checks', () => {
  const refused = (args: Parameters<typeof parseBundleContent>[0]) => errorOf(() => parseBundleContent(args));

  it('reads every part and hashes equal content alike', () => {
    const content = parseBundleContent({
      one_line_story_templates: '["{*actor*} played."]',
      short_story_templates: '{"template_title":"{*actor*} played.","template_body":"Well."}',
      full_story_template: '{"template_title":"{*actor*} played.","template_body":"Very well."}',
      action_links: '[{"text":"Play","href":"http://example.org/"}]',
    });
    expect(content).toEqual({
      oneLine: ['{*actor*} played.'],
      short: [{ title: '{*actor*} played.', body: 'Well.' }],
      full: { title: '{*actor*} played.', body: 'Very well.' },
      actionLinks: [{ text: 'Play', href: 'http://example.org/' }],
    });
    expect(contentHash(content)).toBe(contentHash(parseBundleContent({ one_line_story_templates: '[ "{*actor*} played." ]', short_story_templates: '[{"template_title":"{*actor*} played.","template_body":"Well."}]', full_story_template: '{"template_body":"Very well.","template_title":"{*actor*} played."}', action_links: '[{"href":"http://example.org/","text":"Play"}]' })));
  });

  it('refuses each bad part with its code', () => {
    expect(refused({ one_line_story_templates: '["{*actor*} {*video*}"]' }).code).toBe(812);
    expect(refused({ one_line_story_templates: '["{*actor*} ok"]', action_links: '[{"text":"{*flash*}","href":"http://x.org/"}]' }).code).toBe(812);
    expect(refused({ one_line_story_templates: '["ok {*actor*}"]' }).code).toBe(100);
    expect(refused({ one_line_story_templates: '["{*actor*} ok"]', action_links: '[{"text":"a","href":"ftp://x.org/"}]' }).code).toBe(811);
    expect(refused({ one_line_story_templates: '["{*actor*} ok"]', action_links: '[{"text":"a","href":"{*url*}"}]' }).code).toBe(811);
    expect(refused({ one_line_story_templates: '["{*actor*} <html>ok</html>"]' }).code).toBe(100);
    expect(refused({ one_line_story_templates: JSON.stringify(Array.from({ length: 51 }, (_, i) => `{*actor*} ${i}`)) }).code).toBe(100);
  });

  it('accepts tokens in an action link after the scheme', () => {
    expect(parseBundleContent({ one_line_story_templates: '["{*actor*} ok"]', action_links: '[{"text":"See {*game*}","href":"http://x.org/{*game*}"}]' }).actionLinks).toHaveLength(1);
  });
});
