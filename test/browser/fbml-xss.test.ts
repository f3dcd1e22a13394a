/**
 * The XSS corpus (test/fixtures/xss-vectors.txt) rendered by renderProfileBox and loaded into
 * Chromium (Debian's, headless, driven by playwright-core). A canary `window.__xss` (also in every
 * frame) and a dialog listener record any script a vector manages to run; every element of every
 * box is then hovered, focused and clicked. First all boxes share one page, each inside the three
 * containers a page might put a box in (a div, a table cell, a list item), which also shows that
 * no box breaks out of its container; then each vector gets a page of its own, so that vectors
 * that could disturb one another (base, forms, autofocus, unclosed markup) are judged alone.
 */
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENT_ATTRIBUTES } from '../../src/fbml/html-allow-list.js';
import { chromiumSuite, hasChromium, launchChromium } from '../support/chromium.js';
import { createFbmlWorld, type FbmlWorld } from '../unit/fbml-test-kit.js';
import { loadXssVectors } from '../unit/fbml-xss-vectors.js';

interface RenderedVector {
  readonly vector: string;
  readonly viewer: string;
  readonly html: string;
}

declare global {
  interface Window {
    __xss(...args: unknown[]): void;
    __xssReport(where: string): void;
  }
}

/** Tags a box may contain once Chromium has parsed it: the allow-list plus the table parts it adds itself. */
const ALLOWED_TAGS = [...ELEMENT_ATTRIBUTES.keys(), 'tbody', 'tr'].map((name) => name.toUpperCase());

/**
 * Runs in the page: stops safe links and forms from navigating away (a `javascript:` URL would
 * still run), fires the events that inline handlers listen to on every element of the boxes,
 * focuses and clicks them, and returns what a box should never contain.
 */
function exercise(allowedTags: string[]): string[] {
  const harmless = (url: string) => {
    try {
      return ['http:', 'https:', 'mailto:', 'about:'].includes(new URL(url, document.baseURI).protocol);
    } catch {
      return true;
    }
  };
  const stopSafe = (event: Event) => {
    const target = event.target as Element;
    const link = target.closest?.('a[href]') as HTMLAnchorElement | null;
    const form = event.type === 'submit' ? (target as HTMLFormElement) : null;
    if ((link && harmless(link.href)) || (form && harmless(form.action))) event.preventDefault();
    if (event.type === 'submit' && !form) event.preventDefault();
  };
  addEventListener('click', stopSafe, true);
  addEventListener('submit', stopSafe, true);

  const problems: string[] = [];
  const elements = [...document.querySelectorAll<HTMLElement>('.box, .box *')];
  const mouse = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'mouseout', 'mouseleave', 'dblclick', 'contextmenu', 'pointerover', 'pointerdown', 'pointerup'];
  const other = ['focus', 'focusin', 'blur', 'focusout', 'keydown', 'keyup', 'keypress', 'input', 'change', 'select', 'toggle', 'load', 'error', 'scroll', 'animationstart', 'animationend', 'transitionend', 'wheel', 'copy', 'paste'];
  for (const element of elements) {
    if (!element.classList.contains('box') && !allowedTags.includes(element.tagName)) problems.push(`<${element.tagName.toLowerCase()}>`);
    for (const attribute of element.getAttributeNames()) if (attribute.startsWith('on')) problems.push(`${element.tagName.toLowerCase()} ${attribute}`);
    const urls = [
      element instanceof HTMLAnchorElement && element.hasAttribute('href') ? element.href : undefined,
      element instanceof HTMLImageElement ? element.src : undefined,
      element instanceof HTMLFormElement && element.hasAttribute('action') ? element.action : undefined,
      element.hasAttribute('background') ? new URL(element.getAttribute('background')!, document.baseURI).href : undefined,
    ];
    for (const url of urls) if (url !== undefined && !harmless(url)) problems.push(`${element.tagName.toLowerCase()} → ${url}`);
    for (const type of mouse) element.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
    for (const type of other) element.dispatchEvent(new Event(type, { bubbles: true, cancelable: true }));
    element.focus();
    element.click();
  }
  return problems;
}

describe.skipIf(!hasChromium)(chromiumSuite('fbml XSS corpus'), () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let world: FbmlWorld;
  let rendered: RenderedVector[] = [];
  /** Every time a vector's script ran: where, and what it was. */
  const runs: string[] = [];

  beforeAll(async () => {
    [browser, world] = await Promise.all([launchChromium(), createFbmlWorld()]);
    const vectors = loadXssVectors({ owner: world.ada.uid, friend: world.bob.uid });
    for (const [viewer, person] of [['owner', world.ada], ['stranger', world.dee]] as const) {
      for (const vector of vectors) rendered.push({ vector, viewer, html: (await world.render(vector, person)).html });
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
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await world?.store.close();
  });

  /** Loads `body` (titled `title`, which the canary reports), exercises it, and returns what the page found wrong. */
  async function load(body: string, title = 'boxes'): Promise<string[]> {
    await page.setContent(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`);
    return page.evaluate(exercise, ALLOWED_TAGS);
  }

  /** Reports come back from the page asynchronously: give handlers, image errors and animations a moment. */
  async function settle(): Promise<void> {
    await page.waitForTimeout(200);
  }

  it('the canary and the exercise catch a script that runs (the harness works)', async () => {
    const problems = await load('<div class="box"><img src="x" onerror="__xss(1)"><a href="javascript:__xss(2)">x</a><b onmouseover="__xss(3)">b</b></div>');
    expect(problems).toEqual(['img onerror', 'a → javascript:__xss(2)', 'b onmouseover']);
    // Reports come back from the page asynchronously; some handlers fire more than once.
    await expect.poll(() => new Set(runs.map((run) => run.slice(run.indexOf(' ') + 1)))).toEqual(new Set(['[1]', '[2]', '[3]']));
    await page.setContent('');
    await settle();
    runs.length = 0;
  });

  it('all boxes on one page, in a div, a table cell and a list item: no script runs, nothing breaks out', async () => {
    const body = rendered
      .map(({ html }, index) => `<div class="box" id="div-${index}">${html}</div><table id="table-${index}"><tr><td class="box" id="td-${index}">${html}</td></tr></table><ul id="ul-${index}"><li class="box" id="li-${index}">${html}</li></ul>`)
      .join('');
    expect(await load(body)).toEqual([]);
    // Real (trusted) pointer and keyboard events too, over the part of the page on screen.
    for (let y = 0; y < 720; y += 72) for (let x = 0; x < 1280; x += 128) await page.mouse.move(x, y);
    for (let press = 0; press < 20; press++) await page.keyboard.press('Tab');
    await settle();
    expect(runs).toEqual([]);

    const layout = await page.evaluate(() => {
      const text = (id: string) => (document.getElementById(id)?.textContent ?? '(missing)').replace(/\s+/g, '');
      return {
        bodyChildren: [...document.body.children].map((child) => child.id),
        parents: [...document.querySelectorAll('.box')].map((box) => `${box.id}<${box.parentElement?.id || box.parentElement?.tagName.toLowerCase()}`),
        texts: [...document.querySelectorAll('.box')].map((box) => text(box.id)),
      };
    });
    expect(layout.bodyChildren).toEqual(rendered.flatMap((_, index) => [`div-${index}`, `table-${index}`, `ul-${index}`]));
    expect(layout.parents).toEqual(rendered.flatMap((_, index) => [`div-${index}<body`, `td-${index}<tr`, `li-${index}<ul-${index}`]));
    const expectedTexts = rendered.flatMap(({ html }) => Array(3).fill(textContent(parseDocument(html)).replace(/\s+/g, '')) as string[]);
    expect(layout.texts).toEqual(expectedTexts);
  });

  it("each vector on a page of its own (the owner's render, which shows every branch but fb:else): no script runs", async () => {
    for (const [index, { vector, viewer, html }] of rendered.entries()) {
      if (viewer !== 'owner') continue;
      expect(await load(`<div class="box">${html}</div>`, `vector ${index}`), `${viewer}: ${vector}`).toEqual([]);
      expect(page.url(), `${viewer}: ${vector}`).toBe('about:blank');
    }
    await settle();
    const ran = runs.map((run) => rendered[Number(/^vector (\d+)/.exec(run)?.[1])] ?? run);
    expect(ran).toEqual([]);
  });
});
