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

describe('auth.expireSession: golden answers', () => {
  it('answers 1 in XML and true in JSON, as the blog capture shows', async () => {
    const xml = await webClient(server, web, await signedInSession(server, web, person)).callRaw('auth.expireSession', {});
    expect(xml.body).toBe(xmlScalarAnswer('auth_expireSession_response', '1'));
    const json = await webClient(server, web, await signedInSession(server, web, person)).callRaw('auth.expireSession', {}, { format: 'json' });
    expect(json.body).toBe('true');
  });
});

describe.each(FORMATS)('%s: auth.expireSession', (format) => {
  it('ends the session: the next call with it is error 102, while the person keeps the app', async () => {
    const client = webClient(server, web, await signedInSession(server, web, person), { format });
    expect(await client.call('auth.expireSession', {})).toBe(true);
    expect(((await client.call('users.getLoggedInUser', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
    expect(await server.client(web, { format }).call('users.isAppUser', { uid: person.uid })).toBe(true);
  });

  it('leaves the other sessions of the same person alone', async () => {
    const first = webClient(server, web, await signedInSession(server, web, person), { format });
    const second = webClient(server, web, await signedInSession(server, web, person), { format });
    await first.call('auth.expireSession', {});
    expect(await second.call('users.getLoggedInUser', {})).toBe(person.uid);
  });

  it('may be signed with a desktop session secret', async () => {
    const client = desktopClient(server, desktop, await signedInSession(server, desktop, person), { format, useSessionSecret: true });
    expect(await client.call('auth.expireSession', {})).toBe(true);
  });

  it('needs a session (error 102)', async () => {
    expect(((await server.client(web, { format }).call('auth.expireSession', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
  });
});
