import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALLBACK_PATH, seedDemoIfEmpty, type DemoData } from '../../src/cli/demo-seed.js';
import { Browserless, pageText } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { loginPath } from './page-kit.js';

let server: TestServer;
let demo: DemoData;

beforeAll(async () => {
  server = await startTestServer();
  // As `hearth serve` seeds an empty database: the callback is the server's own demo page.
  demo = (await seedDemoIfEmpty(server.store, server.services, `${server.url}${DEMO_CALLBACK_PATH}`))!;
});
afterAll(() => server.close());

describe('the demo app’s callback page', () => {
  it('signing in to the demo app ends on a page showing the session and the person', async () => {
    expect(demo.app.callbackUrl).toBe(`${server.url}/demo/callback`);
    const browser = new Browserless(server.url);
    const form = await browser.get(loginPath({ api_key: demo.app.apiKey, v: '1.0' }));
    const signedIn = await browser.submit(form, { fields: { email: demo.person.email, pass: demo.password } });
    expect(signedIn.status).toBe(303);
    const back = await browser.get(signedIn.location!);
    expect(back.status).toBe(302);
    const callback = new URL(back.location!);
    expect(callback.pathname).toBe('/demo/callback');
    expect(callback.searchParams.get('auth_token')).toMatch(/^[0-9a-f]{32}$/);

    const page = await browser.get(callback.href);
    expect(page.status).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Demo App has a session');
    expect(text).toContain(`"uid": ${demo.person.uid}`);
    expect(text).toMatch(/"session_key": "[^"]+"/);
    expect(text).toContain('"name": "Demo Person"');
    // Links follow the host and port the browser came by.
    expect(text).toContain(`"profile_url": "${server.url}/profile.php?id=${demo.person.uid}"`);
    expect(text).toContain(`${server.url}/restserver.php`);
    expect(page.body).toContain(`href="/login.php?api_key=${demo.app.apiKey}&amp;v=1.0"`);

    // A token is exchanged once.
    const again = await browser.get(callback.href);
    expect(again.status).toBe(400);
    expect(pageText(again.body)).toContain('This sign-in cannot be used');
  });

  it('without a token, explains itself and links to the demo app’s sign-in', async () => {
    const page = await new Browserless(server.url).get('/demo/callback');
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('auth_token');
    expect(page.body).toContain(`href="/login.php?api_key=${demo.app.apiKey}&amp;v=1.0"`);
    expect(pageText(page.body)).toContain('Sign in to Demo App');
  });
});
