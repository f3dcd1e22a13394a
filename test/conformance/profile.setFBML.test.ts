import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClientError } from '../../sdk/index.js';
import { MAX_FBML_LENGTH } from '../../src/features/profile-boxes/methods/set-fbml.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { desktopClient, signedInSession } from '../support/sessions.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let web: App;
let desktop: App;
let owner: Person;
let outsider: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  desktop = await server.createApp('desktop');
  owner = await server.createPerson();
  outsider = await server.createPerson();
  await server.store.authorizations.authorize(owner.uid, web.appId);
});
afterAll(() => server.close());

/** The PHP client sends all six slots on every call, unused ones empty. */
function phpStyle(uid: number, slots: Record<string, string>) {
  return { markup: '', uid, profile: '', profile_action: '', mobile_profile: '', profile_main: '', ...slots };
}

describe('profile.setFBML: golden answers', () => {
  it('answers 1 in XML and true in JSON', async () => {
    const client = server.client(web);
    const xml = await client.callRaw('profile.setFBML', phpStyle(owner.uid, { profile: '<fb:wide>Hi</fb:wide>' }));
    expect(xml.body).toBe(xmlScalarAnswer('profile_setFBML_response', '1'));
    const json = await client.callRaw('profile.setFBML', phpStyle(owner.uid, { profile: '<fb:wide>Hi</fb:wide>' }), { format: 'json' });
    expect(json.body).toBe('true');
  });
});

describe('profile.setFBML: error 330 envelope', () => {
  it('answers refused markup with error_code 330 in XML and JSON', async () => {
    const client = server.client(web);
    const xml = await client.callRaw('profile.setFBML', phpStyle(owner.uid, { profile: '<fb:wide>open' }));
    expect(xml.body).toContain('<error_code>330</error_code>');
    expect(xml.body).toMatch(/<error_msg>Failed to set markup \(profile: [^<]+\)<\/error_msg>/);
    const json = JSON.parse((await client.callRaw('profile.setFBML', phpStyle(owner.uid, { profile: '<fb:wide>open' }), { format: 'json' })).body);
    expect(json).toMatchObject({ error_code: 330, error_msg: expect.stringMatching(/^Failed to set markup \(profile: .+\)$/) });
  });
});

describe.each(FORMATS)('%s: profile.setFBML', (format) => {
  it('stores non-ASCII markup signed over its UTF-8 bytes, as protocol.md example E does', async () => {
    const client = server.client(web, { format });
    const profile = '<fb:wide>Café & more — 日本 😀</fb:wide>';
    expect(await client.call('profile.setFBML', phpStyle(owner.uid, { profile, profile_main: 'Hi <fb:name uid="500000001" useyou="false"/>' }))).toBe(true);
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe(profile);
    expect(await client.call('profile.getFBML', { uid: owner.uid, type: 2 })).toBe('Hi <fb:name uid="500000001" useyou="false"/>');
  });

  it('leaves slots sent empty as they were stored', async () => {
    const client = server.client(web, { format });
    await client.call('profile.setFBML', phpStyle(owner.uid, { profile: 'box one', profile_main: 'main one' }));
    await client.call('profile.setFBML', phpStyle(owner.uid, { profile_main: 'main two' }));
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe('box one');
    expect(await client.call('profile.getFBML', { uid: owner.uid, type: 2 })).toBe('main two');
  });

  it('puts the 2007 markup parameter into the profile box when profile is empty', async () => {
    const client = server.client(web, { format });
    await client.call('profile.setFBML', phpStyle(owner.uid, { markup: 'old style box' }));
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe('old style box');
    await client.call('profile.setFBML', phpStyle(owner.uid, { markup: 'ignored', profile: 'new style box' }));
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe('new style box');
  });

  it('refuses a call with no FBML in any slot (error 100)', async () => {
    const error = await server.client(web, { format }).call('profile.setFBML', phpStyle(owner.uid, {})).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(100);
    expect((error as RestClientError).message).toMatch(/^Invalid parameter \(profile: /);
  });

  it(`refuses markup over ${MAX_FBML_LENGTH} characters (error 100) and keeps what was stored`, async () => {
    const client = server.client(web, { format });
    await client.call('profile.setFBML', phpStyle(owner.uid, { profile: 'kept' }));
    const error = await client.call('profile.setFBML', phpStyle(owner.uid, { profile: 'x'.repeat(MAX_FBML_LENGTH + 1) })).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(100);
    expect((error as RestClientError).message).toBe(`Invalid parameter (profile: longer than ${MAX_FBML_LENGTH} characters)`);
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe('kept');
  });

  it('refuses to write for a person who has not authorized the app (error 200)', async () => {
    const error = await server.client(web, { format }).call('profile.setFBML', phpStyle(outsider.uid, { profile: 'spam' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RestClientError);
    expect((error as RestClientError).code).toBe(200);
    expect((await server.store.profiles.get(outsider.uid, web.appId))).toBeUndefined();
  });

  it("sets the desktop session user's box, and refuses anyone else's (error 240)", async () => {
    const session = await signedInSession(server, desktop, owner);
    const client = desktopClient(server, desktop, session, { format, useSessionSecret: true });
    expect(await client.call('profile.setFBML', phpStyle(owner.uid, { profile: 'desktop box' }))).toBe(true);
    expect(await client.call('profile.getFBML', {})).toBe('desktop box');
    const error = (await client.call('profile.setFBML', phpStyle(outsider.uid, { profile: 'x' })).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(240);
    expect(error.message).toBe('Desktop applications cannot set FBML for other users');
  });

  it('refuses a desktop app without a session (error 102)', async () => {
    const error = await server.client(desktop, { format }).call('profile.setFBML', phpStyle(owner.uid, { profile: 'x' })).catch((e: unknown) => e);
    expect((error as RestClientError).code).toBe(102);
  });

  it('refuses markup that does not parse as FBML (error 330), naming the slot, and stores no slot of the call', async () => {
    const client = server.client(web, { format });
    await client.call('profile.setFBML', phpStyle(owner.uid, { profile: 'kept box', profile_main: 'kept main' }));
    const refuse = async (slots: Record<string, string>) => (await client.call('profile.setFBML', phpStyle(owner.uid, slots)).catch((e: unknown) => e)) as RestClientError;

    // A good profile slot does not get stored when profile_main is refused: all slots or none.
    const mismatched = await refuse({ profile: '<fb:wide>fine</fb:wide>', profile_main: '<fb:wide><fb:narrow>crossed</fb:wide></fb:narrow>' });
    expect(mismatched).toBeInstanceOf(RestClientError);
    expect(mismatched.code).toBe(330);
    expect(mismatched.message).toMatch(/^Failed to set markup \(profile_main: \S.*\)$/);
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe('kept box');
    expect(await client.call('profile.getFBML', { uid: owner.uid, type: 2 })).toBe('kept main');

    const unclosed = await refuse({ profile: '<fb:if-is-own-profile>mine<fb:else>yours</fb:else>' });
    expect(unclosed.code).toBe(330);
    expect(unclosed.message).toMatch(/^Failed to set markup \(profile: \S.*\)$/);
    // Slots nobody reads back through getFBML are checked too, and named by their parameter.
    expect((await refuse({ mobile_profile: '<fb:mobile>open' })).message).toMatch(/^Failed to set markup \(mobile_profile: /);
    expect((await refuse({ profile_action: '<fb:profile-action url="http://apps.example.org/">x' })).message).toMatch(/^Failed to set markup \(profile_action: /);
    // The 2007 parameter is named as sent when it stands in for profile; ignored when profile is given.
    expect((await refuse({ markup: '<html><body>old</body></html>' })).message).toMatch(/^Failed to set markup \(markup: /);
    expect(await client.call('profile.setFBML', phpStyle(owner.uid, { profile: 'new box', markup: '<b>never stored' }))).toBe(true);
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe('new box');
    expect(await client.call('profile.getFBML', { uid: owner.uid, type: 2 })).toBe('kept main');
  });

  it('gives back accepted markup byte for byte: white space, quoting, entities and the version wrapper as sent', async () => {
    const client = server.client(web, { format });
    const profile = `<fb:fbml version="1.1">\r\n  <fb:wide>Tom &amp; Jerry <b class='x'>&#169; 2008</b><br/></fb:wide>\n\t<fb:narrow>  short  </fb:narrow>\n</fb:fbml>\n`;
    const main = `<fb:if-is-own-profile>Yours<fb:else>Hi <fb:name uid="profileowner" useyou="false" /></fb:else></fb:if-is-own-profile>`;
    expect(await client.call('profile.setFBML', phpStyle(owner.uid, { profile, profile_main: main }))).toBe(true);
    expect(await server.store.profiles.get(owner.uid, web.appId)).toMatchObject({ profile, profileMain: main });
    // On the wire (a carriage return travels as &#13;, which XML parsers give back as CR) and through the client.
    const raw = await client.callRaw('profile.getFBML', { uid: owner.uid }, { format });
    if (format === 'json') expect(JSON.parse(raw.body)).toBe(profile);
    else {
      const escaped = profile.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');
      expect(raw.body).toBe(xmlScalarAnswer('profile_getFBML_response', escaped));
    }
    expect(await client.call('profile.getFBML', { uid: owner.uid })).toBe(profile);
    expect(await client.call('profile.getFBML', { uid: owner.uid, type: 2 })).toBe(main);
  });

  it('keeps one app from seeing another app\'s box', async () => {
    const other = await server.createApp('web');
    await server.store.authorizations.authorize(owner.uid, other.appId);
    await server.client(other, { format }).call('profile.setFBML', phpStyle(owner.uid, { profile: 'other app box' }));
    expect(await server.client(web, { format }).call('profile.getFBML', { uid: owner.uid })).not.toBe('other app box');
  });
});
