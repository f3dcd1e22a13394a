/**
 * friends.getLists. Golden bodies follow the Facebook Developer Wiki example (one `<friendlist>`
 * with `flid` and `name` per list under a `list="true"` root) and, for JSON, an array of
 * `{"flid":…,"name":…}` with flid a number; see docs/protocol-choices.md, "Friends".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, standardSetup, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { addSig, expectError, formatArg, post, type Pairs } from './protocol-helpers.js';

let server: TestServer;
let web: App;
let desktop: App;
let ada: Person;
let bob: Person;

beforeAll(async () => {
  ({ server, web, desktop, person: ada } = await standardSetup());
  bob = await server.createPerson('Bob Bobson');
  await server.services.friends.addDirectly(ada.uid, bob.uid);
});
afterAll(() => server.close());

describe('friends.getLists: golden answers', () => {
  it('writes one <friendlist> with flid and name per list, in the order made, and a JSON array of objects', async () => {
    const owner = await server.createPerson('Cleo Cleary');
    const family = await server.services.friendLists.create(owner.uid, 'Family');
    const club = await server.services.friendLists.create(owner.uid, 'Engine Club & <Friends>');
    const client = webClient(server, web, await signedInSession(server, web, owner));
    const xml = await client.callRaw('friends.getLists', {});
    expect(xml.status).toBe(200);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(
      xmlScalarAnswer(
        'friends_getLists_response',
        '\n' +
          '  <friendlist>\n' +
          `    <flid>${family.flid}</flid>\n` +
          '    <name>Family</name>\n' +
          '  </friendlist>\n' +
          '  <friendlist>\n' +
          `    <flid>${club.flid}</flid>\n` +
          '    <name>Engine Club &amp; &lt;Friends&gt;</name>\n' +
          '  </friendlist>\n',
        ' list="true"',
      ),
    );
    const json = await client.callRaw('friends.getLists', {}, { format: 'json' });
    expect(json.contentType).toBe('application/json; charset=utf-8');
    expect(json.body).toBe(`[{"flid":${family.flid},"name":"Family"},{"flid":${club.flid},"name":"Engine Club & <Friends>"}]`);
  });

  it('answers an empty friends_getLists_response element, and [] in JSON, for a person without lists', async () => {
    const client = webClient(server, web, await signedInSession(server, web, await server.createPerson()));
    expect((await client.callRaw('friends.getLists', {})).body).toBe(xmlScalarAnswer('friends_getLists_response', '', ' list="true"'));
    expect((await client.callRaw('friends.getLists', {}, { format: 'json' })).body).toBe('[]');
  });
});

/** friends.getLists in JSON, parsed. */
async function listsOf(person: Person, app: App = web): Promise<unknown> {
  const session = await signedInSession(server, app, person);
  const client = app.type === 'desktop' ? desktopClient(server, app, session, { useSessionSecret: true }) : webClient(server, web, session);
  return JSON.parse((await client.callRaw('friends.getLists', {}, { format: 'json' })).body);
}

describe('json: friends.getLists', () => {
  it("lists only the session user's own lists, as they are now", async () => {
    const owner = await server.createPerson();
    const other = await server.createPerson();
    const mine = await server.services.friendLists.create(owner.uid, 'Mine');
    await server.services.friendLists.create(other.uid, 'Not mine');
    expect(await listsOf(owner)).toEqual([{ flid: mine.flid, name: 'Mine' }]);
    await server.services.friendLists.rename(owner.uid, mine.flid, 'Renamed');
    const later = await server.services.friendLists.create(owner.uid, 'Later');
    expect(await listsOf(owner)).toEqual([
      { flid: mine.flid, name: 'Renamed' },
      { flid: later.flid, name: 'Later' },
    ]);
    await server.services.friendLists.delete(owner.uid, mine.flid);
    expect(await listsOf(owner)).toEqual([{ flid: later.flid, name: 'Later' }]);
  });

  it('answers a desktop app in its session, signed with the session secret', async () => {
    const owner = await server.createPerson();
    const list = await server.services.friendLists.create(owner.uid, 'Desk');
    expect(await listsOf(owner, desktop)).toEqual([{ flid: list.flid, name: 'Desk' }]);
  });
});

describe.each(FORMATS)('%s: friends.getLists', (format) => {
  it('decodes to one object per list through the client, flid a number in either format', async () => {
    const owner = await server.createPerson();
    const list = await server.services.friendLists.create(owner.uid, 'Family');
    const second = await server.services.friendLists.create(owner.uid, '1984');
    const client = webClient(server, web, await signedInSession(server, web, owner), { format });
    expect(await client.call('friends.getLists', {})).toEqual([
      { flid: list.flid, name: 'Family' },
      { flid: second.flid, name: '1984' },
    ]);
  });
});

describe.each(FORMATS)('%s: friends.getLists errors', (format) => {
  it('needs a session (error 102), even from a web app naming a uid', async () => {
    await server.store.authorizations.authorize(ada.uid, web.appId);
    const body: Pairs = [['method', 'friends.getLists'], ['api_key', web.apiKey], ['v', '1.0'], ['uid', String(ada.uid)], ...formatArg(format)];
    const args = addSig(web.secret, body, body);
    expectError(await post(server, [], body), format, 102, 'Session key invalid or no longer valid (this method needs a session_key)', args);
  });

  it('refuses a session key that no sign-in issued (error 102)', async () => {
    const client = server.client(web, { format, sessionKey: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001' });
    const answer = await client.callRaw('friends.getLists', {}, { format });
    expectError(answer, format, 102, 'Session key invalid or no longer valid');
  });

  it('refuses a wrong signature (error 104)', async () => {
    const client = webClient(server, web, await signedInSession(server, web, ada));
    expectError(await client.callRaw('friends.getLists', {}, { format, sig: '0'.repeat(32) }), format, 104, 'Incorrect signature');
  });
});
