/**
 * friends.areFriends. Golden bodies follow the Facebook Developer Wiki example and the facebooker
 * fixtures (`friend_info` items with uid1, uid2, are_friends; `xsi:nil` for a pair with a person
 * the platform cannot see); see docs/protocol-choices.md, "Friends".
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

beforeAll(async () => {
  ({ server, web, desktop, person: ada } = await standardSetup());
  bob = await server.createPerson('Bob Bobson');
  cleo = await server.createPerson('Cleo Cleary');
  await server.services.friends.addDirectly(ada.uid, bob.uid);
});
afterAll(() => server.close());

async function adaClient(format?: 'xml' | 'json') {
  return webClient(server, web, await signedInSession(server, web, ada), { format });
}

describe('friends.areFriends: golden answers', () => {
  it('answers one friend_info per pair, are_friends 1 or 0, in the order asked', async () => {
    const client = await adaClient();
    const answer = await client.callRaw('friends.areFriends', { uids1: [ada.uid, bob.uid], uids2: [bob.uid, cleo.uid] });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(
      xmlScalarAnswer(
        'friends_areFriends_response',
        '\n' +
          `  <friend_info>\n    <uid1>${ada.uid}</uid1>\n    <uid2>${bob.uid}</uid2>\n    <are_friends>1</are_friends>\n  </friend_info>\n` +
          `  <friend_info>\n    <uid1>${bob.uid}</uid1>\n    <uid2>${cleo.uid}</uid2>\n    <are_friends>0</are_friends>\n  </friend_info>\n`,
        ' list="true"',
      ),
    );
  });

  it('answers a JSON array of objects with numeric uids and boolean are_friends', async () => {
    const client = await adaClient();
    const answer = await client.callRaw('friends.areFriends', { uids1: [ada.uid, bob.uid], uids2: [bob.uid, cleo.uid] }, { format: 'json' });
    expect(answer.body).toBe(`[{"uid1":${ada.uid},"uid2":${bob.uid},"are_friends":true},{"uid1":${bob.uid},"uid2":${cleo.uid},"are_friends":false}]`);
  });

  it('answers a nil are_friends (null in JSON) for a uid that names nobody', async () => {
    const client = await adaClient();
    const xml = await client.callRaw('friends.areFriends', { uids1: [ada.uid], uids2: [999_999_999] });
    expect(xml.body).toBe(
      xmlScalarAnswer(
        'friends_areFriends_response',
        `\n  <friend_info>\n    <uid1>${ada.uid}</uid1>\n    <uid2>999999999</uid2>\n    <are_friends xsi:nil="true"/>\n  </friend_info>\n`,
        ' list="true"',
      ),
    );
    const json = await client.callRaw('friends.areFriends', { uids1: [ada.uid], uids2: [999_999_999] }, { format: 'json' });
    expect(json.body).toBe(`[{"uid1":${ada.uid},"uid2":999999999,"are_friends":null}]`);
  });
});

describe.each(FORMATS)('%s: friends.areFriends', (format) => {
  it('decodes through the client; the relation is symmetric and a person is not their own friend', async () => {
    const client = await adaClient(format);
    expect(await client.call('friends.areFriends', { uids1: [bob.uid, ada.uid, ada.uid], uids2: [ada.uid, bob.uid, ada.uid] })).toEqual([
      { uid1: bob.uid, uid2: ada.uid, are_friends: true },
      { uid1: ada.uid, uid2: bob.uid, are_friends: true },
      { uid1: ada.uid, uid2: ada.uid, are_friends: false },
    ]);
    expect(await client.call('friends.areFriends', { uids1: [cleo.uid], uids2: [1] })).toEqual([{ uid1: cleo.uid, uid2: 1, are_friends: null }]);
  });

  it('reads comma-separated lists as the wiki describes them, as well as the JSON arrays of the PHP client', async () => {
    const client = await adaClient(format);
    const answer = await client.callRaw('friends.areFriends', { uids1: `${ada.uid}, ${cleo.uid}`, uids2: `${bob.uid},${ada.uid}` }, { format });
    const expected = format === 'json' ? `[{"uid1":${ada.uid},"uid2":${bob.uid},"are_friends":true},{"uid1":${cleo.uid},"uid2":${ada.uid},"are_friends":false}]` : '<are_friends>1</are_friends>';
    expect(answer.body).toContain(expected);
  });

  it('refuses lists of different sizes (error 100)', async () => {
    const error = (await (await adaClient(format)).call('friends.areFriends', { uids1: [ada.uid, bob.uid], uids2: [cleo.uid] }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (uids1 and uids2 must be of equal size (2 and 1))');
  });

  it.each([
    ['missing', { uids2: [1] }, 'Invalid parameter (uids1: missing)'],
    ['empty (as the PHP client sends an unused argument)', { uids1: '', uids2: '' }, 'Invalid parameter (uids1: missing)'],
    ['an empty JSON array', { uids1: [], uids2: [] }, 'Invalid parameter (uids1: empty list)'],
  ])('refuses uids1 %s (error 100)', async (_what, params, message) => {
    const client = await adaClient(format);
    const error = (await client.call('friends.areFriends', params as never).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(100);
    expect(error.message).toBe(message);
  });

  it.each(['abc', '[1,"x"]', '1,-2', '{"a":1}', '[1.5]'])('refuses the uid list %s with error 114', async (list) => {
    const client = await adaClient(format);
    const error = (await client.call('friends.areFriends', { uids1: list as never, uids2: list as never }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(114);
    expect(error.message).toMatch(/^Invalid user id list \(uids1: /);
  });

  it('needs a session (error 102)', async () => {
    const error = (await server.client(web, { format }).call('friends.areFriends', { uids1: [ada.uid], uids2: [bob.uid] }).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(102);
    expect(error.message).toBe('Session key invalid or no longer valid (this method needs a session_key)');
  });

  it('answers a desktop app in its session, signed with the session secret', async () => {
    const session = await signedInSession(server, desktop, cleo);
    const client = desktopClient(server, desktop, session, { format, useSessionSecret: true });
    expect(await client.call('friends.areFriends', { uids1: [ada.uid], uids2: [bob.uid] })).toEqual([{ uid1: ada.uid, uid2: bob.uid, are_friends: true }]);
  });
});
