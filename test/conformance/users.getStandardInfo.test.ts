/**
 * users.getStandardInfo. Golden bodies: one `<standard_user_info>` per person (the FQL table's
 * name, which live answers used) under a `list="true"` root, `uid` first; JSON an array of
 * objects. See docs/protocol-choices.md, "Methods".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession } from '../support/sessions.js';
import { FORMATS, startTestServer, type TestServer } from '../support/test-server.js';
import { addSig, expectError, formatArg, post, type Format, type Pairs } from './protocol-helpers.js';

const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
const SECRET_SIGNED = 'This method call must be signed with the application secret (You are probably calling a secure method using a session secret)';

let server: TestServer;
let web: App;
let desktop: App;
let ada: Person;
let charles: Person;
let grace: Person;

beforeAll(async () => {
  server = await startTestServer();
  [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
  [ada, charles, grace] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Charles Babbage'), await server.createPerson('Grace Hopper')];
  await server.services.people.update(ada.uid, { sex: 'female', birthday: 'December 10, 1815', timezone: 0 });
  await server.services.people.update(grace.uid, { locale: 'en_GB' });
  // Ada and Grace use the web app; Charles does not.
  await server.store.authorizations.authorize(ada.uid, web.appId);
  await server.store.authorizations.authorize(grace.uid, web.appId);
  await server.store.permissions.grant(grace.uid, web.appId, 'email');
});
afterAll(() => server.close());

/** A web app's call without a session, exactly these pairs, signed with the app secret. */
function appCall(format: Format, extra: Pairs): { body: Pairs; args: Pairs } {
  const body: Pairs = [['method', 'users.getStandardInfo'], ['api_key', web.apiKey], ['v', '1.0'], ...extra, ...formatArg(format)];
  return { body, args: addSig(web.secret, body, body) };
}

async function standardInfo(args: Record<string, unknown>): Promise<Array<Record<string, unknown>>> {
  return JSON.parse((await server.client(web).callRaw('users.getStandardInfo', args as never, { format: 'json' })).body);
}

describe('users.getStandardInfo: golden answers', () => {
  it('writes one <standard_user_info> per app user in a list="true" root, uid first, then the fields asked', async () => {
    const client = server.client(web);
    const xml = await client.callRaw('users.getStandardInfo', { uids: [ada.uid, charles.uid], fields: ['name', 'timezone'] });
    expect(xml.status).toBe(200);
    expect(xml.contentType).toBe('text/xml; charset=utf-8');
    expect(xml.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<users_getStandardInfo_response ${NS} list="true">\n` +
        '  <standard_user_info>\n' +
        `    <uid>${ada.uid}</uid>\n` +
        '    <name>Ada Lovelace</name>\n' +
        '    <timezone>0</timezone>\n' +
        '  </standard_user_info>\n' +
        '</users_getStandardInfo_response>\n',
    );
    const json = await client.callRaw('users.getStandardInfo', { uids: [ada.uid, charles.uid], fields: ['name', 'timezone'] }, { format: 'json' });
    expect(json.body).toBe(`[{"uid":${ada.uid},"name":"Ada Lovelace","timezone":0}]`);
  });

  it('answers an empty list when nobody asked for uses the app', async () => {
    const client = server.client(web);
    expect((await client.callRaw('users.getStandardInfo', { uids: [charles.uid], fields: ['name'] })).body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<users_getStandardInfo_response ${NS} list="true"></users_getStandardInfo_response>\n`,
    );
    expect((await client.callRaw('users.getStandardInfo', { uids: [], fields: ['name'] }, { format: 'json' })).body).toBe('[]');
  });

  it('writes a field without data as nil and affiliations as an empty list', async () => {
    const xml = await server.client(web).callRaw('users.getStandardInfo', { uids: [grace.uid], fields: ['timezone', 'affiliations', 'proxied_email'] });
    expect(xml.body).toContain(`    <uid>${grace.uid}</uid>\n    <timezone xsi:nil="true"/>\n    <affiliations list="true"></affiliations>\n    <proxied_email xsi:nil="true"/>\n`);
  });
});

describe('json: users.getStandardInfo', () => {
  it('gives every allowed field, in the order asked, for the people who authorized the app', async () => {
    const fields = ['locale', 'first_name', 'last_name', 'sex', 'birthday', 'profile_url', 'uid', 'name', 'locale'];
    expect(await standardInfo({ uids: `${grace.uid},${charles.uid}, 999999999,${ada.uid},${grace.uid}`, fields: fields.join(',') })).toEqual([
      { uid: grace.uid, locale: 'en_GB', first_name: 'Grace', last_name: 'Hopper', sex: '', birthday: '', profile_url: `${server.url}/profile.php?id=${grace.uid}`, name: 'Grace Hopper' },
      { uid: ada.uid, locale: 'en_US', first_name: 'Ada', last_name: 'Lovelace', sex: 'female', birthday: 'December 10, 1815', profile_url: `${server.url}/profile.php?id=${ada.uid}`, name: 'Ada Lovelace' },
    ]);
  });

  it('gives the e-mail address only of people who granted the email permission', async () => {
    expect(await standardInfo({ uids: [ada.uid, grace.uid], fields: ['email'] })).toEqual([
      { uid: ada.uid, email: null },
      { uid: grace.uid, email: grace.email },
    ]);
  });

  it('leaves out a person who removed the app', async () => {
    const person = await server.createPerson('Lee Later');
    await server.store.authorizations.authorize(person.uid, web.appId);
    expect(await standardInfo({ uids: [person.uid], fields: ['name'] })).toEqual([{ uid: person.uid, name: 'Lee Later' }]);
    await server.services.grants.revoke(person.uid, web, 'person');
    expect(await standardInfo({ uids: [person.uid], fields: ['name'] })).toEqual([]);
  });

  it('ignores a session key, even one that is not valid', async () => {
    const client = server.client(web, { sessionKey: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001' });
    expect(JSON.parse((await client.callRaw('users.getStandardInfo', { uids: [ada.uid], fields: ['name'] }, { format: 'json' })).body)).toEqual([
      { uid: ada.uid, name: 'Ada Lovelace' },
    ]);
  });

  it('decodes through the typed client', async () => {
    expect(await server.client(web, { format: 'xml' }).call('users.getStandardInfo', { uids: [ada.uid, grace.uid], fields: ['first_name'] })).toEqual([
      { uid: ada.uid, first_name: 'Ada' },
      { uid: grace.uid, first_name: 'Grace' },
    ]);
  });
});

describe.each(FORMATS)('%s: users.getStandardInfo errors', (format) => {
  it.each([
    [[['uids', '1'], ['fields', 'name,pic_square']] as Pairs, 111, 'Invalid user info field (fields: "pic_square")'],
    [[['uids', '1'], ['fields', 'name,shoe_size']] as Pairs, 111, 'Invalid user info field (fields: "shoe_size")'],
    [[['uids', 'one,two'], ['fields', 'name']] as Pairs, 114, 'Invalid user id list (uids: "one" is not a uid)'],
    [[['uids', '[1,'], ['fields', 'name']] as Pairs, 114, 'Invalid user id list (uids: not a JSON array or a comma-separated list)'],
    [[['fields', 'name']] as Pairs, 100, 'Invalid parameter (uids: missing)'],
    [[['uids', '1']] as Pairs, 100, 'Invalid parameter (fields: missing)'],
  ])('refuses %j', async (extra, code, message) => {
    const { body, args } = appCall(format, extra);
    expectError(await post(server, [], body), format, code, message, args);
  });

  it('refuses a desktop app (error 15), signed with its application secret or with ss=1 and a session secret', async () => {
    const session = await signedInSession(server, desktop, ada);
    const answer = await desktopClient(server, desktop, session, { useSessionSecret: true }).callRaw('users.getStandardInfo', { uids: [ada.uid], fields: ['name'] }, { format });
    expectError(answer, format, 15, SECRET_SIGNED);
    // Without ss=1 the session is not looked up (the method uses none), so its secret cannot have signed.
    const unsaid = await desktopClient(server, desktop, session).callRaw('users.getStandardInfo', { uids: [ada.uid], fields: ['name'] }, { format });
    expectError(unsaid, format, 104, 'Incorrect signature');
    const body: Pairs = [['method', 'users.getStandardInfo'], ['api_key', desktop.apiKey], ['v', '1.0'], ['uids', String(ada.uid)], ['fields', 'name'], ...formatArg(format)];
    const args = addSig(desktop.secret, body, body);
    expectError(await post(server, [], body), format, 15, SECRET_SIGNED, args);
  });

  it('refuses a web app call signed with a session secret (error 15)', async () => {
    const session = await signedInSession(server, web, ada, { generateSessionSecret: true });
    const client = server.client(web).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: true });
    expectError(await client.callRaw('users.getStandardInfo', { uids: [ada.uid], fields: ['name'] }, { format }), format, 15, SECRET_SIGNED);
  });
});
