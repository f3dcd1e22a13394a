/**
 * friends.getAppUsers. Golden bodies follow the Facebook Developer Wiki example (`<uid>` items
 * under a `list="true"` root) and protocol.md §8.2 for the empty answer; see
 * docs/protocol-choices.md, "Friends".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, standardSetup, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let ada: Person;
let bob: Person;
let cleo: Person;
let dan: Person;

beforeAll(async () => {
  ({ server, web, desktop, person: ada } = await standardSetup());
  bob = await server.createPerson('Bob Bobson');
  cleo = await server.createPerson('Cleo Cleary');
  dan = await server.createPerson('Dan Dennett');
  for (const friend of [dan, cleo, bob]) await server.services.friends.addDirectly(ada.uid, friend.uid);
  // Bob and Dan use the web app, Cleo only the desktop app.
  await server.store.authorizations.authorize(dan.uid, web.appId);
  await server.store.authorizations.authorize(bob.uid, web.appId);
  await server.store.authorizations.authorize(cleo.uid, desktop.appId);
});
afterAll(() => server.close());

describe('friends.getAppUsers: golden answers', () => {
  it('lists the friends who authorized the calling app as <uid> items, and as a JSON array of numbers', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada));
    expect((await client.callRaw('friends.getAppUsers', {})).body).toBe(
      xmlScalarAnswer('friends_getAppUsers_response', `\n  <uid>${bob.uid}</uid>\n  <uid>${dan.uid}</uid>\n`, ' list="true"'),
    );
    expect((await client.callRaw('friends.getAppUsers', {}, { format: 'json' })).body).toBe(`[${bob.uid},${dan.uid}]`);
  });

  it('answers the empty element of protocol.md §8.2, and [] in JSON, when no friend uses the app', async () => {
    const client = webClient(server, web, await signedInSession(server, web, await server.createPerson()));
    expect((await client.callRaw('friends.getAppUsers', {})).body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<friends_getAppUsers_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd" list="true"></friends_getAppUsers_response>\n',
    );
    expect((await client.callRaw('friends.getAppUsers', {}, { format: 'json' })).body).toBe('[]');
  });
});

describe.each(FORMATS)('%s: friends.getAppUsers', (format) => {
  it('counts only authorizations of the calling app', async () => {
    expect(await webClient(server, web, await signedInSession(server, web, ada), { format }).call('friends.getAppUsers', {})).toEqual([bob.uid, dan.uid]);
    const session = await signedInSession(server, desktop, ada);
    expect(await desktopClient(server, desktop, session, { format, useSessionSecret: true }).call('friends.getAppUsers', {})).toEqual([cleo.uid]);
  });

  it('leaves out a friend who removed the app, and someone who is no longer a friend', async () => {
    const [one, two, three] = [await server.createPerson(), await server.createPerson(), await server.createPerson()];
    await server.services.friends.addDirectly(one.uid, two.uid);
    await server.services.friends.addDirectly(one.uid, three.uid);
    await server.store.authorizations.authorize(two.uid, web.appId);
    await server.store.authorizations.authorize(three.uid, web.appId);
    const client = webClient(server, web, await signedInSession(server, web, one), { format });
    expect(await client.call('friends.getAppUsers', {})).toEqual([two.uid, three.uid]);
    await server.services.grants.revoke(two.uid, web, 'person');
    await server.services.friends.remove(three.uid, one.uid);
    expect(await client.call('friends.getAppUsers', {})).toEqual([]);
  });

  it('needs a session (error 102), even with a uid', async () => {
    const error = (await server.client(web, { format }).callRaw('friends.getAppUsers', { uid: ada.uid }, { format }).then((a) => a.body)) as string;
    expect(error).toContain(format === 'json' ? '"error_code":102' : '<error_code>102</error_code>');
    const thrown = (await server.client(web, { format }).call('friends.getAppUsers', {}).catch((e: unknown) => e)) as RestClientError;
    expect(thrown.code).toBe(102);
    expect(thrown.message).toBe('Session key invalid or no longer valid (this method needs a session_key)');
  });
});
