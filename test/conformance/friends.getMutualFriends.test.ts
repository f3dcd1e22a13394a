/**
 * friends.getMutualFriends. Golden bodies as for friends.get: `<uid>` items under a `list="true"`
 * root, JSON an array of numbers, the empty element when there are none; see
 * docs/protocol-choices.md, "Friends".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, standardSetup, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { addSig, expectError, formatArg, post, type Format, type Pairs } from './protocol-helpers.js';

let server: TestServer;
let web: App;
let desktop: App;
let ada: Person;
let bob: Person;
let cleo: Person;
let dan: Person;
let eve: Person;

beforeAll(async () => {
  ({ server, web, desktop, person: ada } = await standardSetup());
  [bob, cleo, dan, eve] = [await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary'), await server.createPerson('Dan Dennett'), await server.createPerson('Eve Evans')];
  // Ada and Eve have Dan and Bob in common (made in descending order); Cleo is Ada's friend only.
  for (const friend of [dan, cleo, bob]) await server.services.friends.addDirectly(ada.uid, friend.uid);
  for (const friend of [dan, bob]) await server.services.friends.addDirectly(eve.uid, friend.uid);
  await server.store.authorizations.authorize(ada.uid, web.appId);
});
afterAll(() => server.close());

const uidItems = (...uids: number[]) => `\n${uids.map((uid) => `  <uid>${uid}</uid>\n`).join('')}`;

/** A web app's call without a session, exactly these pairs, signed with the app secret. */
function appCall(format: Format, extra: Pairs): { body: Pairs; args: Pairs } {
  const body: Pairs = [['method', 'friends.getMutualFriends'], ['api_key', web.apiKey], ['v', '1.0'], ...extra, ...formatArg(format)];
  return { body, args: addSig(web.secret, body, body) };
}

describe('friends.getMutualFriends: golden answers', () => {
  it('lists the friends the two have in common as <uid> items, ascending, and as a JSON array of numbers', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada));
    const xml = await client.callRaw('friends.getMutualFriends', { target_uid: eve.uid });
    expect(xml.status).toBe(200);
    expect(xml.body).toBe(xmlScalarAnswer('friends_getMutualFriends_response', uidItems(bob.uid, dan.uid), ' list="true"'));
    expect((await client.callRaw('friends.getMutualFriends', { target_uid: eve.uid }, { format: 'json' })).body).toBe(`[${bob.uid},${dan.uid}]`);
  });

  it('answers the empty element, and [] in JSON, when there are none', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada));
    expect((await client.callRaw('friends.getMutualFriends', { target_uid: cleo.uid })).body).toBe(
      xmlScalarAnswer('friends_getMutualFriends_response', '', ' list="true"'),
    );
    expect((await client.callRaw('friends.getMutualFriends', { target_uid: cleo.uid }, { format: 'json' })).body).toBe('[]');
  });
});

describe.each(FORMATS)('%s: friends.getMutualFriends', (format) => {
  it('takes the source from the session, or from source_uid without one', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada), { format });
    expect(await client.call('friends.getMutualFriends', { target_uid: eve.uid })).toEqual([bob.uid, dan.uid]);
    expect(await server.client(web, { format }).call('friends.getMutualFriends', { source_uid: ada.uid, target_uid: eve.uid })).toEqual([bob.uid, dan.uid]);
  });

  it('uses source_uid when both it and a session are sent', async () => {
    const bobSession = await signedInSession(server, web, bob);
    const client = webClient(server, web, bobSession, { format });
    // Bob and Eve have no friend in common; Ada and Eve have two.
    expect(await client.call('friends.getMutualFriends', { target_uid: eve.uid })).toEqual([]);
    expect(await client.call('friends.getMutualFriends', { source_uid: ada.uid, target_uid: eve.uid })).toEqual([bob.uid, dan.uid]);
  });

  it('does not need the target to use the app, and answers none for a target who names nobody', async () => {
    const client = server.client(web, { format });
    expect(await client.call('friends.getMutualFriends', { source_uid: ada.uid, target_uid: 999_999_999 })).toEqual([]);
    // A person and themselves: every friend is one they have in common.
    expect(await client.call('friends.getMutualFriends', { source_uid: ada.uid, target_uid: ada.uid })).toEqual([bob.uid, cleo.uid, dan.uid]);
  });

  it('sees friendships made and ended since the last call', async () => {
    const [one, two, three] = [await server.createPerson(), await server.createPerson(), await server.createPerson()];
    await server.store.authorizations.authorize(one.uid, web.appId);
    const client = server.client(web, { format });
    await server.services.friends.addDirectly(one.uid, three.uid);
    expect(await client.call('friends.getMutualFriends', { source_uid: one.uid, target_uid: two.uid })).toEqual([]);
    await server.services.friends.addDirectly(two.uid, three.uid);
    expect(await client.call('friends.getMutualFriends', { source_uid: one.uid, target_uid: two.uid })).toEqual([three.uid]);
    await server.services.friends.remove(three.uid, one.uid);
    expect(await client.call('friends.getMutualFriends', { source_uid: one.uid, target_uid: two.uid })).toEqual([]);
  });

  it('answers a desktop app in its session, signed with the session secret, and only for its session user', async () => {
    const session = await signedInSession(server, desktop, ada);
    expect(await desktopClient(server, desktop, session, { format, useSessionSecret: true }).call('friends.getMutualFriends', { target_uid: eve.uid })).toEqual([bob.uid, dan.uid]);
    const other = (await desktopClient(server, desktop, session, { format })
      .call('friends.getMutualFriends', { source_uid: eve.uid, target_uid: bob.uid })
      .catch((e: unknown) => e)) as RestClientError;
    expect(other.code).toBe(200);
    expect(other.message).toBe('Permissions error (desktop applications may only act on the session user)');
  });

  it('acts only for the session user in a call signed with a session secret (error 200)', async () => {
    const session = await signedInSession(server, web, ada, { generateSessionSecret: true });
    const client = server.client(web, { format }).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: true });
    expect(await client.call('friends.getMutualFriends', { source_uid: ada.uid, target_uid: eve.uid })).toEqual([bob.uid, dan.uid]);
    const other = await server.createPerson();
    await server.store.authorizations.authorize(other.uid, web.appId);
    const error = (await client.call('friends.getMutualFriends', { source_uid: other.uid, target_uid: ada.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(200);
    expect(error.message).toBe('Permissions error (a call signed with a session secret may only act on the session user)');
  });

  it('requires a session from a desktop app, even with a source_uid (error 102)', async () => {
    await server.store.authorizations.authorize(ada.uid, desktop.appId);
    const error = (await server.client(desktop, { format }).call('friends.getMutualFriends', { source_uid: ada.uid, target_uid: eve.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(102);
    expect(error.message).toBe('Session key invalid or no longer valid (desktop applications must call this method with a session_key)');
  });
});

describe.each(FORMATS)('%s: friends.getMutualFriends errors', (format) => {
  it('refuses a source who has not authorized the app, or who names nobody (error 200)', async () => {
    for (const source of [eve.uid, 999_999_999]) {
      const { body, args } = appCall(format, [['source_uid', String(source)], ['target_uid', String(bob.uid)]]);
      expectError(await post(server, [], body), format, 200, `Permissions error (uid ${source} has not authorized this application)`, args);
    }
  });

  it('needs a source_uid or a session from a web app (error 102), treating source_uid= as absent', async () => {
    const { body, args } = appCall(format, [['source_uid', ''], ['target_uid', String(bob.uid)]]);
    expectError(await post(server, [], body), format, 102, 'Session key invalid or no longer valid (pass a source_uid or a session_key)', args);
  });

  it('needs a target_uid (error 100)', async () => {
    const { body, args } = appCall(format, [['source_uid', String(ada.uid)]]);
    expectError(await post(server, [], body), format, 100, 'Invalid parameter (target_uid: missing)', args);
  });

  it.each([
    ['target_uid', 'abc'],
    ['target_uid', '0'],
    ['source_uid', '-1'],
    ['source_uid', '1.5'],
  ])('refuses %s=%s with error 110', async (name, value) => {
    const extra: Pairs = name === 'target_uid' ? [['source_uid', String(ada.uid)], ['target_uid', value]] : [['source_uid', value], ['target_uid', String(bob.uid)]];
    const { body, args } = appCall(format, extra);
    expectError(await post(server, [], body), format, 110, `Invalid user id (${name}: not a positive integer)`, args);
  });
});
