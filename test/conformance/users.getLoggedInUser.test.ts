import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, standardSetup, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let person: Person;

beforeAll(async () => {
  ({ server, web, desktop, person } = await standardSetup());
});
afterAll(() => server.close());

describe('users.getLoggedInUser: golden answers', () => {
  it('keeps the documented list="true" on its scalar root in XML, and answers a JSON number', async () => {
    const session = await signedInSession(server, web, person);
    const client = webClient(server, web, session);
    expect((await client.callRaw('users.getLoggedInUser', {})).body).toBe(xmlScalarAnswer('users_getLoggedInUser_response', String(person.uid), ' list="true"'));
    expect((await client.callRaw('users.getLoggedInUser', {}, { format: 'json' })).body).toBe(String(person.uid));
  });
});

describe.each(FORMATS)('%s: users.getLoggedInUser', (format) => {
  it("answers the session's person for a web app signing with the app secret", async () => {
    const session = await signedInSession(server, web, person);
    expect(await webClient(server, web, session, { format }).call('users.getLoggedInUser', {})).toBe(person.uid);
  });

  it('answers a desktop app signing with its session secret, as FacebookDesktop::require_login checks it', async () => {
    const session = await signedInSession(server, desktop, person);
    expect(await desktopClient(server, desktop, session, { format, useSessionSecret: true }).call('users.getLoggedInUser', {})).toBe(person.uid);
  });

  it('needs a session (error 102)', async () => {
    const error = (await server.client(web, { format }).call('users.getLoggedInUser', {}).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(102);
    expect(error.message).toBe('Session key invalid or no longer valid (this method needs a session_key)');
  });
});
