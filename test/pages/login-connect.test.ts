import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { Browserless, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loginPath, registerApp, signedInBrowser } from './page-kit.js';

let server: TestServer;
let site: App;
let program: App;

beforeAll(async () => {
  server = await startTestServer();
  site = await registerApp(server, { name: 'Connect Site', callbackUrl: 'http://site.example.org/' });
  program = await registerApp(server, { name: 'Embedded Browser Program', type: 'desktop', callbackUrl: null });
});
afterAll(() => server.close());

interface SessionJson {
  session_key: string;
  uid: string;
  expires: number;
  secret: string;
  sig: string;
}

function sessionOf(location: string | undefined): SessionJson {
  const text = new URL(location!).searchParams.get('session');
  expect(text, `session on ${location}`).not.toBeNull();
  return JSON.parse(text!) as SessionJson;
}

describe('connect: login.php with fbconnect / return_session', () => {
  it('sends a signed session with a secret to next after Allow', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(
      loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: 'true', return_session: 'true', next: 'http://site.example.org/connected?from=login' }),
    );
    expect(pageText(prompt.body)).toContain('Connect Site would like to connect to your account');
    const handOver = await browser.submit(prompt, { button: 'grant' });
    expect(handOver.status).toBe(302);
    expect(handOver.location).toMatch(/^http:\/\/site\.example\.org\/connected\?from=login&session=%7B.*&installed=1$/);

    const session = sessionOf(handOver.location);
    expect(Object.keys(session)).toEqual(['session_key', 'uid', 'expires', 'secret', 'sig']);
    expect(session.uid).toBe(String(person.uid));
    expect(typeof session.expires).toBe('number');
    expect(session.expires).toBeGreaterThan(Date.now() / 1000);
    expect(session.secret).toMatch(/^[0-9a-f]{32}$/);
    // Signed as the site's cookies are: uid as user, secret as ss.
    const base = `expires=${session.expires}session_key=${session.session_key}ss=${session.secret}user=${session.uid}`;
    expect(session.sig).toBe(createHash('md5').update(base + site.secret).digest('hex'));
    expect(await server.store.sessions.find(session.session_key)).toMatchObject({ uid: person.uid, appId: site.appId, secret: session.secret });
  });

  it('reports expires 0 for a person who granted offline_access, without a (temporary) secret', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, site);
    await server.store.permissions.grant(person.uid, site.appId, 'offline_access');
    const browser = await signedInBrowser(server, person);
    const handOver = await browser.get(loginPath({ api_key: site.apiKey, v: '1.0', return_session: '1', next: 'http://site.example.org/' }));
    expect(handOver.status).toBe(302);
    const session = sessionOf(handOver.location);
    expect(Object.keys(session)).toEqual(['session_key', 'uid', 'expires', 'sig']);
    expect(session.expires).toBe(0);
    const base = `expires=0session_key=${session.session_key}user=${person.uid}`;
    expect(session.sig).toBe(createHash('md5').update(base + site.secret).digest('hex'));
  });

  it('goes to the platform login_success page for a program without a callback URL', async () => {
    const person = await server.createPerson();
    await server.services.grants.authorize(person.uid, program);
    const browser = await signedInBrowser(server, person);
    const next = `${server.url}/connect/login_success.html`;
    const handOver = await browser.get(loginPath({ api_key: program.apiKey, v: '1.0', fbconnect: '1', return_session: '1', next }));
    expect(handOver.status).toBe(302);
    expect(handOver.location!.startsWith(`${next}?session=`)).toBe(true);
    const success = await browser.get(handOver.location!);
    expect(success.status).toBe(200);
    expect(pageText(success.body)).toContain('Success');
    expect(success.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('refuses a next outside the app, before anyone signs in', async () => {
    for (const next of ['http://evil.example/', `${server.url}/editapps.php`, 'javascript:alert(1)']) {
      const page = await new Browserless(server.url).get(loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: '1', next }));
      expect(page.status, next).toBe(400);
      expect(pageText(page.body)).toContain('next must be on the app');
    }
    const missing = await new Browserless(server.url).get(loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: '1' }));
    expect(missing.status).toBe(400);
    expect(pageText(missing.body)).toContain('next is missing');
  });

  it('goes to cancel_url without a session when the person declines', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const prompt = await browser.get(
      loginPath({ api_key: site.apiKey, v: '1.0', fbconnect: '1', next: 'http://site.example.org/ok', cancel_url: 'http://site.example.org/declined' }),
    );
    const cancelled = await browser.submit(prompt, { button: 'cancel' });
    expect(cancelled.status).toBe(302);
    expect(cancelled.location).toBe('http://site.example.org/declined');
    expect(await server.services.sessions.latestSession(site, person.uid)).toBeUndefined();
  });

  it('shows a page on cancel when there is nowhere on the app to go', async () => {
    const person = await server.createPerson();
    const browser = await signedInBrowser(server, person);
    const next = `${server.url}/connect/login_success.html`;
    const prompt = await browser.get(loginPath({ api_key: program.apiKey, v: '1.0', fbconnect: '1', next, cancel_url: 'http://evil.example/' }));
    const cancelled = await browser.submit(prompt, { button: 'cancel' });
    expect(cancelled.status).toBe(200);
    expect(pageText(cancelled.body)).toContain('You did not allow Embedded Browser Program');
  });
});
