/**
 * friends.get, with and without a friend list (`flid`). Golden bodies follow the Facebook
 * Developer Wiki example (`<uid>` items under a `list="true"` root, JSON an array of numbers, an
 * empty root element when there are no friends); see docs/protocol-choices.md, "Friends".
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
let stranger: Person;

beforeAll(async () => {
  ({ server, web, desktop, person: ada } = await standardSetup());
  bob = await server.createPerson('Bob Bobson');
  cleo = await server.createPerson('Cleo Cleary');
  stranger = await server.createPerson('Charles Babbage');
  // Made in descending order: the answer is sorted all the same.
  await server.services.friends.addDirectly(ada.uid, cleo.uid);
  await server.services.friends.addDirectly(bob.uid, ada.uid);
});
afterAll(() => server.close());

const uidItems = (...uids: number[]) => `\n${uids.map((uid) => `  <uid>${uid}</uid>\n`).join('')}`;

describe('friends.get: golden answers', () => {
  it('lists the session user’s friends as <uid> items under a list="true" root, and as a JSON array of numbers', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada));
    const xml = await client.callRaw('friends.get', {});
    expect(xml.status).toBe(200);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(xmlScalarAnswer('friends_get_response', uidItems(bob.uid, cleo.uid), ' list="true"'));
    expect((await client.callRaw('friends.get', {}, { format: 'json' })).body).toBe(`[${bob.uid},${cleo.uid}]`);
  });

  it('answers the members of a friend list with flid in the same shape', async () => {
    const list = await server.services.friendLists.create(ada.uid, 'Golden');
    await server.services.friendLists.addMember(ada.uid, list.flid, cleo.uid);
    const client = webClient(server, web, await signedInSession(server, web, ada));
    expect((await client.callRaw('friends.get', { flid: list.flid })).body).toBe(xmlScalarAnswer('friends_get_response', uidItems(cleo.uid), ' list="true"'));
    expect((await client.callRaw('friends.get', { flid: list.flid }, { format: 'json' })).body).toBe(`[${cleo.uid}]`);
  });

  it('answers an empty friends_get_response element, and [] in JSON, for a person without friends', async () => {
    const client = webClient(server, web, await signedInSession(server, web, await server.createPerson()));
    expect((await client.callRaw('friends.get', {})).body).toBe(xmlScalarAnswer('friends_get_response', '', ' list="true"'));
    expect((await client.callRaw('friends.get', {}, { format: 'json' })).body).toBe('[]');
  });
});

describe.each(FORMATS)('%s: friends.get', (format) => {
  it('decodes to ascending uids through the client, one friend or several', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada), { format });
    expect(await client.call('friends.get', {})).toEqual([bob.uid, cleo.uid]);
    const bobClient = webClient(server, web, await signedInSession(server, web, bob), { format });
    expect(await bobClient.call('friends.get', {})).toEqual([ada.uid]);
  });

  it('sees friendships made and ended since the last call (nothing is cached)', async () => {
    const [one, two] = [await server.createPerson(), await server.createPerson()];
    const client = webClient(server, web, await signedInSession(server, web, one), { format });
    expect(await client.call('friends.get', {})).toEqual([]);
    await server.services.friends.request(two.uid, one.uid);
    expect(await client.call('friends.get', {})).toEqual([]);
    await server.services.friends.accept(one.uid, two.uid);
    expect(await client.call('friends.get', {})).toEqual([two.uid]);
    await server.services.friends.remove(two.uid, one.uid);
    expect(await client.call('friends.get', {})).toEqual([]);
  });

  it('answers a web app without a session for a uid who authorized it (the 2009 wiki)', async () => {
    await server.store.authorizations.authorize(ada.uid, web.appId);
    expect(await server.client(web, { format }).call('friends.get', { uid: ada.uid })).toEqual([bob.uid, cleo.uid]);
  });

  it('refuses a uid who has not authorized the app (error 200), even one that names nobody', async () => {
    // Someone with a friend, who never used the app.
    const outsider = await server.createPerson();
    await server.services.friends.addDirectly(outsider.uid, stranger.uid);
    for (const uid of [outsider.uid, 999_999_999]) {
      const error = (await server.client(web, { format }).call('friends.get', { uid }).catch((e: unknown) => e)) as RestClientError;
      expect(error.code).toBe(200);
      expect(error.message).toBe(`Permissions error (uid ${uid} has not authorized this application)`);
    }
  });

  it('needs a uid or a session from a web app (error 102), treating uid= as absent', async () => {
    const error = (await server.client(web, { format }).call('friends.get', { uid: '' as unknown as number }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(102);
  });

  it.each(['abc', '0', '-1', '1.5'])('refuses uid %s with error 110', async (uid) => {
    const error = (await server.client(web, { format }).call('friends.get', { uid: uid as unknown as number }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(110);
    expect(error.message).toBe('Invalid user id (uid: not a positive integer)');
  });

  it("answers the members of one of the session user's friend lists with flid, ascending", async () => {
    const list = await server.services.friendLists.create(ada.uid, `Some friends ${format}`);
    const client = webClient(server, web, await signedInSession(server, web, ada), { format });
    expect(await client.call('friends.get', { flid: list.flid })).toEqual([]);
    await server.services.friendLists.addMember(ada.uid, list.flid, cleo.uid);
    await server.services.friendLists.addMember(ada.uid, list.flid, bob.uid);
    expect(await client.call('friends.get', { flid: list.flid })).toEqual([bob.uid, cleo.uid]);
    await server.services.friendLists.removeMember(ada.uid, list.flid, cleo.uid);
    expect(await client.call('friends.get', { flid: list.flid })).toEqual([bob.uid]);
  });

  it('answers a web app without a session for a list of the uid it names', async () => {
    await server.store.authorizations.authorize(ada.uid, web.appId);
    const list = await server.services.friendLists.create(ada.uid, `Named ${format}`);
    await server.services.friendLists.addMember(ada.uid, list.flid, bob.uid);
    expect(await server.client(web, { format }).call('friends.get', { uid: ada.uid, flid: list.flid })).toEqual([bob.uid]);
  });

  it('refuses a flid of nobody’s list and of someone else’s list alike (error 100)', async () => {
    const theirs = await server.services.friendLists.create(bob.uid, `Bob’s ${format}`);
    await server.services.friendLists.addMember(bob.uid, theirs.flid, ada.uid);
    const client = webClient(server, web, await signedInSession(server, web, ada), { format });
    for (const flid of [theirs.flid, 999_999_999]) {
      const error = (await client.call('friends.get', { flid }).catch((e: unknown) => e)) as RestClientError;
      expect(error.code).toBe(100);
      expect(error.message).toBe('Invalid parameter (flid: no such friend list)');
    }
    const deleted = await server.services.friendLists.create(ada.uid, `Deleted ${format}`);
    await server.services.friendLists.delete(ada.uid, deleted.flid);
    expect(((await client.call('friends.get', { flid: deleted.flid }).catch((e: unknown) => e)) as RestClientError).code).toBe(100);
  });

  it.each(['abc', '0', '-1'])('refuses flid %s with error 100', async (flid) => {
    const client = webClient(server, web, await signedInSession(server, web, ada), { format });
    const error = (await client.call('friends.get', { flid: flid as unknown as number }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (flid: not a positive integer)');
  });

  it('answers a desktop app in its session, signed with the session secret, and only for its session user', async () => {
    const session = await signedInSession(server, desktop, ada);
    expect(await desktopClient(server, desktop, session, { format, useSessionSecret: true }).call('friends.get', {})).toEqual([bob.uid, cleo.uid]);
    const other = (await desktopClient(server, desktop, session, { format }).call('friends.get', { uid: bob.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(other.code).toBe(200);
  });

  it('requires a session from a desktop app (error 102)', async () => {
    await server.store.authorizations.authorize(ada.uid, desktop.appId);
    const error = (await server.client(desktop, { format }).call('friends.get', { uid: ada.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(102);
  });

  it('refuses a session key that no sign-in issued (error 102)', async () => {
    const client = server.client(web, { format, sessionKey: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001' });
    expect(((await client.call('friends.get', {}).catch((e: unknown) => e)) as RestClientError).code).toBe(102);
  });
});
