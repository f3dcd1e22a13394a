/**
 * The XSS corpus (test/fixtures/xss-vectors.txt) through the canvas renderer: on its own, inside
 * each canvas tag family, and as the URLs and values of the canvas tags' own attributes. Nothing
 * may leave a script, an event handler, an element off the allow-list (besides the tags' own
 * frames and buttons) or a dangerous URL, and every output reads back as itself.
 */
import { render as serialize } from 'dom-serializer';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ADA, BOB, DEE, renderCanvas, type TestPerson } from './fbml-canvas-kit.js';
import { dangers, loadXssVectors } from './fbml-xss-vectors.js';

const VECTORS = loadXssVectors({ owner: ADA.uid, friend: BOB.uid });
const ALLOWANCES = { elements: ['iframe', 'button'], comment: /^ FBML: unknown tag <fb:[a-z0-9:_.?-]*> $/ };

/** Where a vector can sit in each tag family. */
const WRAPPERS = [
  (v: string) => `<fb:dashboard><fb:action href="new.php">${v}</fb:action><fb:help href="h.php">${v}</fb:help><fb:create-button href="c.php">${v}</fb:create-button></fb:dashboard>`,
  (v: string) => `<fb:header>${v}</fb:header><fb:media-header uid="${BOB.uid}" media_title="t">${v}</fb:media-header>`,
  (v: string) => `<fb:error><fb:message>${v}</fb:message>${v}</fb:error><fb:success>${v}</fb:success>`,
  (v: string) => `<fb:editor action="save.php"><fb:editor-custom label="l">${v}</fb:editor-custom><fb:editor-textarea name="t">${v}</fb:editor-textarea>${v}</fb:editor>`,
  (v: string) => `<fb:request-form type="Quiz" content="c"><fb:multi-friend-selector actiontext="a"/>${v}<fb:request-form-submit/></fb:request-form>`,
  (v: string) => `<fb:prompt-permission perms="email">${v}</fb:prompt-permission><fb:unknown-tag>${v}</fb:unknown-tag>`,
];

/** URLs an app might get wrong, or an attacker might slip in. */
const HOSTILE_URLS = [
  'javascript:__xss()',
  'JaVaScRiPt:__xss()',
  'jav&#x09;ascript:__xss()',
  ' javascript:__xss()',
  'vbscript:__xss()',
  'data:text/html,<script>__xss()</script>',
  '&#106;avascript:__xss()',
  '//evil.example/x',
  'http://quiz.example/fb/&quot;onmouseover=&quot;__xss()',
];

/** Values that try to break out of an attribute or into markup. */
const BREAKOUTS = ['&quot;&gt;&lt;script&gt;__xss()&lt;/script&gt;', "'><img src=x onerror=__xss()>", '"><b onclick=__xss()>x</b>'];

const URL_TEMPLATES = [
  (v: string) => `<fb:dashboard><fb:action href="${v}">a</fb:action><fb:help href="${v}">h</fb:help><fb:create-button href="${v}">c</fb:create-button></fb:dashboard>`,
  (v: string) => `<fb:tabs><fb:tab-item href="${v}" title="t"/></fb:tabs>`,
  (v: string) => `<fb:iframe src="${v}"/><fb:iframe src="http://quiz.example/f" style="background: url(${v})"/>`,
  (v: string) => `<fb:editor action="${v}"><fb:editor-buttonset><fb:editor-cancel href="${v}"/></fb:editor-buttonset></fb:editor>`,
  (v: string) => `<fb:request-form type="Quiz" content="c" action="${v}"><fb:multi-friend-selector actiontext="a"/></fb:request-form>`,
  (v: string) => `<a href="${v}">a</a><form action="${v}"><input name="x"></form><img src="${v}">`,
];

const TEXT_TEMPLATES = [
  (v: string) => `<fb:tabs><fb:tab-item href="a.php" title="${v}"/></fb:tabs><fb:iframe src="http://quiz.example/f" name="${v}" width="${v}" scrolling="${v}"/>`,
  (v: string) => `<fb:editor action="s.php" width="${v}"><fb:editor-text label="${v}" name="${v}" value="${v}"/><fb:editor-buttonset><fb:editor-button value="${v}"/></fb:editor-buttonset></fb:editor>`,
  (v: string) => `<fb:request-form type="${v}" content="${v}"><fb:friend-selector idname="${v}"/><fb:request-form-submit label="${v}" uid="${BOB.uid}"/></fb:request-form>`,
  (v: string) => `<fb:header decoration="${v}">h</fb:header><fb:media-header uid="${BOB.uid}" media_title="${v}"/><fb:error message="${v}"/>`,
  (v: string) => `<fb:prompt-permission perms="${v}">p</fb:prompt-permission><fb:js-string var="${v}">${v}</fb:js-string><fb:title>${v}</fb:title>`,
];

async function check(fbml: string, viewer: TestPerson | undefined, developerComments: boolean): Promise<void> {
  const result = await renderCanvas(fbml, viewer, { developerComments });
  if (result.kind === 'redirect') {
    expect(result.url, fbml).toMatch(/^(https?:\/\/|\/)/i);
    return;
  }
  expect(dangers(result.html, ALLOWANCES), `${fbml}\n→ ${result.html}`).toEqual([]);
  expect(serialize(parseDocument(result.html).children, { encodeEntities: true }), `${fbml}\n→ ${result.html}`).toBe(result.html);
}

describe('fbml canvas: the XSS corpus', () => {
  for (const [name, viewer] of [['an app user', ADA], ['a stranger', DEE], ['nobody signed in', undefined]] as const) {
    it(`${name}: no vector leaves a script, a handler or a dangerous URL, on its own or inside a canvas tag`, async () => {
      for (const vector of VECTORS) {
        await check(vector, viewer, viewer === ADA);
        for (const wrap of WRAPPERS) await check(wrap(vector), viewer, viewer === ADA);
      }
    });
  }

  it("hostile URLs in the canvas tags' own attributes are refused", async () => {
    for (const value of [...HOSTILE_URLS, ...BREAKOUTS]) for (const template of URL_TEMPLATES) await check(template(value), ADA, true);
  });

  it("values that try to break out of the canvas tags' attributes stay text", async () => {
    for (const value of BREAKOUTS) for (const template of TEXT_TEMPLATES) await check(template(value), ADA, true);
  });

  it('an fb:redirect to a hostile URL is ignored, not followed', async () => {
    for (const value of HOSTILE_URLS.slice(0, 7)) {
      const result = await renderCanvas(`<fb:redirect url="${value}"/>shown`, ADA);
      expect(result, value).toMatchObject({ kind: 'page', html: 'shown' });
    }
  });

  it('the check finds an iframe with a javascript: src and a stray comment', () => {
    expect(dangers('<iframe src="javascript:x"></iframe><!-- x -->', ALLOWANCES).sort()).toEqual(['a comment node', 'javascript: in src']);
  });
});
