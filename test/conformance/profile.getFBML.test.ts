import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

const METHODS_EXAMPLE = '<fb:if-is-own-profile>My profile!<fb:else>Not my profile!</fb:else></fb:if-is-own-profile>';
const SEED_EXAMPLE = '<fb:if-is-own-profile>MyAAA profile! <fb:else> NotAAA my profile!</fb:else> </fb:if-is-own-profile>';

let server: TestServer;
let web: App;
let owner: Person;
let blank: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  owner = await server.createPerson();
  blank = await server.createPerson();
  await server.store.authorizations.authorize(owner.uid, web.appId);
  await server.store.profiles.update(owner.uid, web.appId, { profile: METHODS_EXAMPLE, profileMain: SEED_EXAMPLE });
});
afterAll(() => server.close());

describe('profile.getFBML: golden answers', () => {
  it('returns the stored FBML entity-escaped in XML, exactly as methods.md shows', async () => {
    const answer = await server.client(web).callRaw('profile.getFBML', { uid: owner.uid });
    expect(answer.body).toBe(
      xmlScalarAnswer(
        'profile_getFBML_response',
        '&lt;fb:if-is-own-profile&gt;My profile!&lt;fb:else&gt;Not my profile!&lt;/fb:else&gt;&lt;/fb:if-is-own-profile&gt;',
      ),
    );
  });

  it('returns it as a PHP-style JSON string', async () => {
    const answer = await server.client(web).callRaw('profile.getFBML', { uid: owner.uid }, { format: 'json' });
    expect(answer.body).toBe('"<fb:if-is-own-profile>My profile!<fb:else>Not my profile!<\\/fb:else><\\/fb:if-is-own-profile>"');
  });

  it('answers an empty root element and an empty JSON string when nothing was stored', async () => {
    const client = server.client(web);
    expect((await client.callRaw('profile.getFBML', { uid: blank.uid })).body).toBe(xmlScalarAnswer('profile_getFBML_response', ''));
    expect((await client.callRaw('profile.getFBML', { uid: blank.uid }, { format: 'json' })).body).toBe('""');
  });
});

describe.each(FORMATS)('%s: profile.getFBML', (format) => {
  it("returns seed 004's example byte for byte, whitespace included", async () => {
    expect(await server.client(web, { format }).call('profile.getFBML', { uid: owner.uid, type: 2 })).toBe(SEED_EXAMPLE);
  });

  it('defaults to type 1, the Boxes-tab box', async () => {
    const client = server.client(web, { format });
    expect(await client.call('profile.getFBML', { uid: owner.uid, type: 1 })).toBe(METHODS_EXAMPLE);
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe(METHODS_EXAMPLE);
  });

  it("reads the session's person for a web app passing only a session_key", async () => {
    const session = await signedInSession(server, web, owner);
    expect(await webClient(server, web, session, { format }).call('profile.getFBML', {})).toBe(METHODS_EXAMPLE);
  });

  it('refuses other box types (error 100)', async () => {
    const error = await server.client(web, { format }).call('profile.getFBML', { uid: owner.uid, type: 3 as 1 }).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(100);
    expect((error as RestClientError).message).toBe('Invalid parameter (type: unknown profile box type)');
  });

  it('reads for a person who never authorized the app: an empty answer, not an error', async () => {
    expect(await server.client(web, { format }).call('profile.getFBML', { uid: blank.uid })).toBe('');
  });
});
