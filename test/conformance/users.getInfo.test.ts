import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswer, type RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { FORMATS, startTestServer, type TestServer } from '../support/test-server.js';

const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

let server: TestServer;
let web: App;
let ada: Person;
let charles: Person;
let grace: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  [ada, charles, grace] = await Promise.all([server.createPerson('Ada Lovelace'), server.createPerson('Charles Babbage'), server.createPerson('Grace Hopper')]);
  await server.services.people.update(ada.uid, {
    pictureUrl: 'http://example.org/pics/q500000001.jpg',
    sex: 'female',
    birthday: 'December 10, 1815',
    timezone: 0,
  });
  await server.services.people.update(charles.uid, { pictureUrl: 'http://example.org/pics/charles.jpg', sex: 'male' });
  await server.store.authorizations.authorize(ada.uid, web.appId);
  await server.services.friends.addDirectly(ada.uid, grace.uid);
});
afterAll(() => server.close());

describe('users.getInfo: golden answers', () => {
  it('writes one <user> per person in a list="true" root, nil for what the app may not see', async () => {
    const session = await signedInSession(server, web, ada);
    const answer = await webClient(server, web, session).callRaw('users.getInfo', { uids: [ada.uid, charles.uid], fields: ['name', 'pic'] });
    expect(answer.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<users_getInfo_response ${NS} list="true">\n` +
        '  <user>\n' +
        `    <uid>${ada.uid}</uid>\n` +
        '    <name>Ada Lovelace</name>\n' +
        '    <pic>http://example.org/pics/q500000001.jpg</pic>\n' +
        '  </user>\n' +
        '  <user>\n' +
        `    <uid>${charles.uid}</uid>\n` +
        '    <name>Charles Babbage</name>\n' +
        '    <pic xsi:nil="true"/>\n' +
        '  </user>\n' +
        '</users_getInfo_response>\n',
    );
    const json = await webClient(server, web, session).callRaw('users.getInfo', { uids: [ada.uid, charles.uid], fields: ['name', 'pic'] }, { format: 'json' });
    expect(json.body).toBe(
      `[{"uid":${ada.uid},"name":"Ada Lovelace","pic":"http:\\/\\/example.org\\/pics\\/q500000001.jpg"},{"uid":${charles.uid},"name":"Charles Babbage","pic":null}]`,
    );
  });

  it('answers an empty list for no uids, as the Java client expects', async () => {
    const client = server.client(web);
    expect((await client.callRaw('users.getInfo', { uids: [], fields: ['name'] })).body).toBe(
      `<?xml version="1.0" encoding="UTF-8"?>\n<users_getInfo_response ${NS} list="true"></users_getInfo_response>\n`,
    );
    expect((await client.callRaw('users.getInfo', { uids: '', fields: ['name'] }, { format: 'json' })).body).toBe('[]');
  });
});

/** users.getInfo in JSON, parsed, so values keep their types (the golden tests above cover XML). */
async function getInfo(args: Record<string, unknown>, sessionOf?: Person): Promise<Array<Record<string, unknown>>> {
  const client = sessionOf ? webClient(server, web, await signedInSession(server, web, sessionOf)) : server.client(web);
  return JSON.parse((await client.callRaw('users.getInfo', args as never, { format: 'json' })).body);
}

describe('json: users.getInfo', () => {
  it('without a session shows only the public fields', async () => {
    const client = server.client(web);
    const answer = await client.callRaw('users.getInfo', { uids: [ada.uid], fields: ['first_name', 'last_name', 'locale', 'pic_square', 'pic_big', 'sex', 'birthday', 'profile_url'] }, { format: 'json' });
    expect(JSON.parse(answer.body)).toEqual([
      {
        uid: ada.uid,
        first_name: 'Ada',
        last_name: 'Lovelace',
        locale: 'en_US',
        pic_square: 'http://example.org/pics/q500000001.jpg',
        pic_big: null,
        sex: null,
        birthday: null,
        profile_url: `${server.url}/profile.php?id=${ada.uid}`,
      },
    ]);
  });

  it('in a session shows everything for the person, friends and app users, and the public fields for strangers', async () => {
    const fields = ['sex', 'birthday', 'timezone', 'is_app_user', 'has_added_app', 'profile_update_time'];
    const [self, friend, stranger] = await getInfo({ uids: [ada.uid, grace.uid, charles.uid], fields }, ada);
    expect(self).toEqual({ uid: ada.uid, sex: 'female', birthday: 'December 10, 1815', timezone: 0, is_app_user: true, has_added_app: true, profile_update_time: expect.any(Number) });
    expect(self!.profile_update_time).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(friend).toEqual({ uid: grace.uid, sex: '', birthday: '', timezone: null, is_app_user: false, has_added_app: false, profile_update_time: 0 });
    expect(stranger).toEqual({ uid: charles.uid, sex: null, birthday: null, timezone: null, is_app_user: null, has_added_app: null, profile_update_time: null });
  });

  it('keeps the order asked, drops duplicates and unknown uids, and accepts comma lists and the old users= name', async () => {
    expect(await getInfo({ uids: `${charles.uid}, 999999999,${ada.uid},${charles.uid}`, fields: 'name,first_name,name' })).toEqual([
      { uid: charles.uid, name: 'Charles Babbage', first_name: 'Charles' },
      { uid: ada.uid, name: 'Ada Lovelace', first_name: 'Ada' },
    ]);
    expect(await getInfo({ users: String(ada.uid), fields: 'uid' })).toEqual([{ uid: ada.uid }]);
  });

  it('accepts the historic field names and answers them nil, and writes affiliations as an empty list', async () => {
    expect(await getInfo({ uids: [ada.uid], fields: ['religion', 'affiliations'] })).toEqual([{ uid: ada.uid, religion: null, affiliations: [] }]);
    const xml = await server.client(web).callRaw('users.getInfo', { uids: [ada.uid], fields: ['religion', 'affiliations'] });
    expect(xml.body).toContain(`    <uid>${ada.uid}</uid>\n    <religion xsi:nil="true"/>\n    <affiliations list="true"></affiliations>\n`);
  });
});

describe.each(FORMATS)('%s: users.getInfo errors', (format) => {
  it.each([
    [{ uids: 'one,two', fields: 'name' }, 114, 'Invalid user id list (uids: "one" is not a uid)'],
    [{ uids: '[1,', fields: 'name' }, 114, 'Invalid user id list (uids: not a JSON array or a comma-separated list)'],
    [{ uids: '1', fields: 'name,shoe_size' }, 111, 'Invalid user info field (fields: "shoe_size")'],
    [{ uids: '1' }, 100, 'Invalid parameter (fields: missing)'],
  ])('refuses %j', async (args, code, message) => {
    const answer = await server.client(web).callRaw('users.getInfo', args, { format });
    const error = (() => {
      try {
        parseAnswer(format, answer.body);
      } catch (thrown) {
        return thrown as RestClientError;
      }
      return undefined;
    })();
    expect({ code: error?.code, message: error?.message }).toEqual({ code, message });
  });
});
