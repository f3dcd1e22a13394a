/**
 * What the browser suites of the pages share: one suite per store (SQLite, and PostgreSQL where a
 * server answers), each with Chromium and a test server of its own, a browser context per person
 * signed in through the front page, and the check that a page fits a phone screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { PASSWORD } from '../pages/page-kit.js';
import { chromiumSuite, hasChromium, launchChromium } from './chromium.js';
import { hasPostgres } from './postgres.js';
import { startTestServer, type TestServer } from './test-server.js';

export interface BrowserWorld {
  readonly server: TestServer;
  /** A page in a browser context of its own; our pages need no script, so it is off unless asked for. */
  newPage(options?: { readonly javaScript?: boolean }): Promise<Page>;
  /** A page in a context of its own, `person` signed in on the front page (which then shows the composer). */
  signedInPage(person: Person, options?: { readonly javaScript?: boolean }): Promise<Page>;
}

const STORES = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

/** `body` once per store, given the world of that store's suite (ready inside tests). */
export function browserSuiteOnBothStores(title: string, body: (world: BrowserWorld) => void): void {
  for (const { backend, skip } of STORES) {
    describe.skipIf(!hasChromium || skip)(chromiumSuite(`${title} (${backend})`), () => {
      let browser: Browser;
      let server: TestServer;
      const contexts: BrowserContext[] = [];
      beforeAll(async () => {
        [browser, server] = await Promise.all([launchChromium(), startTestServer({ backend })]);
      });
      afterAll(async () => {
        for (const context of contexts) await context.close();
        await browser?.close();
        await server?.close();
      });
      const newPage = async (options: { readonly javaScript?: boolean } = {}): Promise<Page> => {
        const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? false });
        contexts.push(context);
        // A step that fails says which, well inside the test's own time.
        context.setDefaultTimeout(5_000);
        return context.newPage();
      };
      body({
        get server() {
          return server;
        },
        newPage,
        async signedInPage(person, options) {
          const page = await newPage(options);
          await page.goto(`${server.url}/`);
          await page.fill('input[name=email]', person.email);
          await page.fill('input[name=pass]', PASSWORD);
          await page.click('button[type=submit]');
          await page.waitForSelector('textarea[name=message]');
          return page;
        },
      });
    });
  }
}

/** The page is no wider than a phone's screen (375 px), then back to a desktop's. */
export async function fitsPhone(page: Page): Promise<void> {
  await page.setViewportSize({ width: 375, height: 667 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.setViewportSize({ width: 1280, height: 720 });
}
