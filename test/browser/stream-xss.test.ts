/**
 * The XSS corpus (test/fixtures/xss-vectors.txt) and a set of URL vectors placed in every field of
 * a post — its message, each attachment field (name, href, caption, description, properties, the
 * media of each kind: src, href, swfsrc, imgsrc, video_src, preview_img, video_link, mp3 titles)
 * and its action links' text and href — stored as is (straight into the store, past stream.publish's
 * checks, so that the pages' own escaping is what is judged), drawn by the wall as the owner sees
 * it, and loaded into Chromium without the pages' Content-Security-Policy (which would hide a
 * failure). A canary `window.__xss` and a dialog listener record any script that runs; every
 * element of the posts is hovered, focused and clicked. No element that runs anything may appear,
 * no event handler attribute, and no URL but http(s) and Hearth's own relative ones.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loadXssVectors } from '../unit/fbml-xss-vectors.js';
import { signedInBrowser } from '../pages/page-kit.js';

declare global {
  interface Window {
    __xss(...args: unknown[]): void;
    __xssReport(where: string): void;
  }
}

/** URLs that must never reach an href or a src. */
const URL_VECTORS = [
  'javascript:__xss()',
  'JaVaScRiPt:__xss()',
  ' javascript:__xss()',
  'java\tscript:__xss()',
  'java\nscript:__xss()',
  '\u0001javascript:__xss()',
  'javascript&colon;__xss()',
  'vbscript:__xss()',
  'data:text/html,<script>__xss()</script>',
  'data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+',
  'DATA:image/svg+xml,<svg onload="__xss()">',
  'https://example.org/?q=javascript:__xss()',
  '//example.org/javascript:__xss()',
  '/logout.php',
];

/** Elements a post may be drawn with once Chromium has parsed the page. */
const ALLOWED_TAGS = ['ARTICLE', 'P', 'A', 'SPAN', 'DIV', 'IMG', 'UL', 'LI', 'TIME', 'FORM', 'INPUT', 'BUTTON', 'LABEL'];

/** Every field of a post holding `vector`. */
function postWith(vector: string, actionHref: string) {
  return {
    message: vector,
    attachment: {
      name: vector,
      href: vector,
      caption: vector,
      description: vector,
      properties: { [vector]: vector, link: { text: vector, href: vector } },
      media: [
        { type: 'image', src: vector, href: vector },
        { type: 'flash', swfsrc: vector, imgsrc: vector },
        { type: 'video', video_src: vector, preview_img: vector, video_link: vector, video_title: vector },
        { type: 'mp3', src: vector, title: vector, artist: vector },
      ],
    },
    actionLinks: [
      { text: vector, href: actionHref },
      { text: 'Play', href: vector },
    ],
  };
}

/** Runs in the page: stops safe navigation, fires every event on every element of the posts, and returns what should not be there. */
function exercise(allowedTags: string[]): string[] {
  const safe = (raw: string) => {
    const compact = raw.replace(/[\u0000-\u0020\u007f-\u00a0]/g, '').toLowerCase();
    if (compact.includes('javascript:') || compact.includes('data:') || compact.includes('script:')) return false;
    return /^(https?:\/\/|\/(?!\/)|#)/.test(compact);
  };
  addEventListener(
    'click',
    (event) => {
      const link = (event.target as Element).closest?.('a[href]');
      if (link && safe(link.getAttribute('href') ?? '')) event.preventDefault();
      if ((event.target as Element).closest?.('button')) event.preventDefault();
    },
    true,
  );
  addEventListener('submit', (event) => event.preventDefault(), true);
  const problems: string[] = [];
  const elements = [...document.querySelectorAll<HTMLElement>('.stream *')];
  const events = ['mouseover', 'mouseenter', 'mousedown', 'mouseup', 'mouseout', 'dblclick', 'focus', 'focusin', 'blur', 'keydown', 'input', 'change', 'load', 'error', 'animationstart', 'toggle'];
  for (const element of elements) {
    if (!allowedTags.includes(element.tagName)) problems.push(`<${element.tagName.toLowerCase()}>`);
    for (const attribute of element.getAttributeNames()) {
      if (attribute.startsWith('on') || attribute === 'style' || attribute === 'srcdoc') problems.push(`${element.tagName.toLowerCase()} ${attribute}`);
      if (['href', 'src', 'action', 'formaction', 'srcset', 'poster', 'background', 'xlink:href'].includes(attribute) && !safe(element.getAttribute(attribute)!)) {
        problems.push(`${element.tagName.toLowerCase()} ${attribute}=${element.getAttribute(attribute)}`);
      }
    }
    for (const type of events) element.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    element.focus();
    element.click();
  }
  return problems;
}

describe.skipIf(!hasChromium)(chromiumSuite('stream XSS corpus'), () => {
  let browser: Browser;
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let ada: Person;
  const runs: string[] = [];
  const vectors: string[] = [];

  beforeAll(async () => {
    [browser, server] = await Promise.all([launchChromium(), startTestServer()]);
    ada = await server.createPerson('Ada Lovelace');
    const bob = await server.createPerson('Bob Bobson');
    vectors.push(...loadXssVectors({ owner: ada.uid, friend: bob.uid }), ...URL_VECTORS);
    const start = Date.now() - vectors.length * 1000;
    for (const [index, vector] of vectors.entries()) {
      await server.store.posts.insert({
        wall: ada.uid,
        actor: ada.uid,
        appId: null,
        type: 237,
        ...postWith(vector, URL_VECTORS[index % URL_VECTORS.length]!),
        templateBundleId: null,
        privacy: { value: 'EVERYONE' },
        createdAt: new Date(start + index * 1000),
      });
    }
    context = await browser.newContext();
    // Nothing leaves the machine: images and links fail at once, which also fires every onerror.
    await context.route('**/*', (route) => route.abort());
    await context.exposeFunction('__xssReport', (where: string) => runs.push(where));
    await context.addInitScript(() => {
      window.__xss = (...args: unknown[]) => window.__xssReport(`${document.title} ${JSON.stringify(args)}`);
    });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      runs.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 120_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  /** Every page of Ada's wall as she sees it (all the forms shown), following "Older posts". */
  async function wallPages(): Promise<string[]> {
    const reader = await signedInBrowser(server, ada);
    const pages: string[] = [];
    let path: string | undefined = `/profile.php?id=${ada.uid}`;
    while (path !== undefined) {
      const response = await reader.get(path);
      expect(response.status).toBe(200);
      pages.push(/<div class="stream">[\s\S]*?<\/article>\n<\/div>/.exec(response.body)?.[0] ?? '');
      path = /<a class="button secondary" href="([^"]+)">Older posts<\/a>/.exec(response.body)?.[1]?.replaceAll('&amp;', '&');
    }
    return pages;
  }

  it('the harness catches a script that runs and a javascript: URL', async () => {
    await page.setContent('<title>harness</title><div class="stream"><img src="x" onerror="__xss(1)"><a href="javascript:__xss(2)">x</a></div>');
    const problems = await page.evaluate(exercise, ALLOWED_TAGS);
    // A relative image would fetch one of Hearth's own pages: flagged too.
    expect(problems).toEqual(['img src=x', 'img onerror', 'a href=javascript:__xss(2)']);
    await expect.poll(() => runs.length).toBeGreaterThan(0);
    await page.setContent('');
    await page.waitForTimeout(200);
    runs.length = 0;
  });

  it('every vector in every field of a post: drawn, nothing runs, no unsafe URL or element', async () => {
    const pages = await wallPages();
    const html = pages.join('');
    expect(html.match(/<article class="story"/g)?.length).toBe(vectors.length);
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>wall</title></head><body>${html}</body></html>`);
    expect(await page.evaluate(exercise, ALLOWED_TAGS)).toEqual([]);
    for (let y = 0; y < 720; y += 90) for (let x = 0; x < 1280; x += 160) await page.mouse.move(x, y);
    for (let press = 0; press < 20; press++) await page.keyboard.press('Tab');
    await page.waitForTimeout(300);
    // Late reports of the harness's own page are not the wall's.
    expect(runs.filter((run) => !run.startsWith('harness') && !run.startsWith(' '))).toEqual([]);
    // The text of each vector is shown as text, in the message of its post.
    const messages = await page.$$eval('.story-message', (nodes) => nodes.map((node) => node.textContent));
    expect(messages).toHaveLength(vectors.length);
    expect(page.url()).toBe('about:blank');
  }, 180_000);
});
