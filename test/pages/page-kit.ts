/** Helpers shared by the page tests: apps with chosen settings, login links, signing in. */
import { expect } from 'vitest';
import { signFbSigParams } from '../../src/wire/fb-sig.js';
import type { App, AppType } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, decodeEntities, parseForms, type PageResponse } from '../support/browserless.js';
import type { TestServer } from '../support/test-server.js';

/** What `TestServer.createPerson` gives everyone. */
export const PASSWORD = 'correct horse';

export interface AppSettings {
  readonly name?: string;
  readonly type?: AppType;
  readonly callbackUrl?: string | null;
  readonly postAuthorizeUrl?: string;
  readonly postRemoveUrl?: string;
}

export function registerApp(server: TestServer, settings: AppSettings = {}): Promise<App> {
  return server.services.apps.register({
    name: settings.name ?? 'Word Game',
    type: settings.type ?? 'web',
    callbackUrl: settings.callbackUrl === undefined ? 'http://app.example.org/callback/' : settings.callbackUrl,
    postAuthorizeUrl: settings.postAuthorizeUrl,
    postRemoveUrl: settings.postRemoveUrl,
  });
}

/** `/login.php?…`; a `null` value sends the name alone (`popup`), as the Firefox toolbar did. */
export function loginPath(params: Readonly<Record<string, string | null>>): string {
  const query = Object.entries(params)
    .map(([name, value]) => (value === null ? encodeURIComponent(name) : `${encodeURIComponent(name)}=${encodeURIComponent(value)}`))
    .join('&');
  return `/login.php?${query}`;
}

/** Submits the sign-in form on `page` and expects the 303 back to login.php. */
export async function submitSignIn(browser: Browserless, page: PageResponse, person: Person, extra: Record<string, string> = {}): Promise<PageResponse> {
  const response = await browser.submit(page, { fields: { email: person.email, pass: PASSWORD, ...extra } });
  expect(response.status, response.body).toBe(303);
  return response;
}

/** A browser signed in as `person` (through the applications page, which needs no app). */
export async function signedInBrowser(server: TestServer, person: Person, headers: Record<string, string> = {}): Promise<Browserless> {
  const browser = new Browserless(server.url, headers);
  const form = await browser.get('/editapps.php');
  await submitSignIn(browser, form, person);
  expect(browser.cookie('hearth_login')).toBeDefined();
  return browser;
}

/** The names of the inputs, selects and buttons in the page's forms. */
export function formNames(page: PageResponse): string[] {
  const inputs = [...page.body.matchAll(/<(?:input|button|select)\b[^>]*\bname="([^"]*)"/g)].map((match) => match[1]!);
  return [...new Set(inputs)];
}

/**
 * What a browser would send for the form holding the field `marker`: every input but check boxes
 * and buttons (any type, `url` included), and the selected option of each `<select>` (or its first).
 */
export function formValues(page: PageResponse, marker: string): Array<[string, string]> {
  const form = [...page.body.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((match) => match[1]!).find((inner) => inner.includes(`name="${marker}"`));
  if (form === undefined) throw new Error(`no form with ${marker} on the page`);
  const attr = (tag: string, name: string) => {
    const found = new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
    return found === undefined ? undefined : decodeEntities(found);
  };
  const pairs: Array<[string, string]> = [];
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    if (name !== undefined && attr(tag, 'type') !== 'checkbox') pairs.push([name, attr(tag, 'value') ?? '']);
  }
  for (const [, tag, options] of form.matchAll(/(<select\b[^>]*>)([\s\S]*?)<\/select>/g)) {
    const values = [...options!.matchAll(/<option value="([^"]*)"( selected)?>/g)];
    const chosen = values.find((option) => option[2]) ?? values[0];
    pairs.push([attr(tag!, 'name')!, decodeEntities(chosen?.[1] ?? '')]);
  }
  return pairs;
}

export function hiddenValue(page: PageResponse, name: string): string | undefined {
  return parseForms(page.body)
    .flatMap((form) => form.fields)
    .find(([field]) => field === name)?.[1];
}

/** Checks `fb_sig` of a callback body against the app secret (flows.md §6.2). */
export function expectValidFbSig(body: string, app: App): Record<string, string> {
  const params = Object.fromEntries(new URLSearchParams(body));
  const signed = Object.fromEntries(Object.entries(params).filter(([name]) => name.startsWith('fb_sig_')));
  expect(params.fb_sig).toMatch(/^[0-9a-f]{32}$/);
  expect(signFbSigParams(signed, app.secret).fb_sig).toBe(params.fb_sig);
  return params;
}
