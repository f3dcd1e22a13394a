/**
 * fql.query over the tables of people, apps and grants, on both backends: the answers of
 * docs/fql.md's examples byte for byte, the language, the errors with their messages, and privacy
 * (a stranger, a friend, the person, no session).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient, RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

const ROOT = 'fql_query_response';
const rows = (inner: string) => xmlScalarAnswer(ROOT, inner === '' ? '' : `\n${inner}`, ' list="true"');

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('fql.query on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let bob: Person;
  let cleo: Person;
  let stranger: Person;
  let asAda: RestClient;
  let asAdaJson: RestClient;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    bob = await server.createPerson('Bob Bobson');
    cleo = await server.createPerson('Cleo Cleary');
    stranger = await server.createPerson('Charles Babbage');
    await server.services.people.update(bob.uid, { sex: 'male', birthday: 'November 3, 1985' });
    await server.services.people.update(stranger.uid, { sex: 'male', birthday: 'December 26' });
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    await server.services.friends.addDirectly(ada.uid, cleo.uid);
    const session = await signedInSession(server, web, ada);
    asAda = webClient(server, web, session);
    asAdaJson = webClient(server, web, session, { format: 'json' });
  });
  afterAll(() => server?.close());

  const xml = async (query: string, client = asAda) => (await client.callRaw('fql.query', { query })).body;
  const json = async (query: string, client = asAdaJson) => (await client.callRaw('fql.query', { query }, { format: 'json' })).body;
  const failure = async (query: string, client = asAda) => (await client.call('fql.query', { query }).catch((error: unknown) => error)) as RestClientError;

  it.skipIf(skip)('answers the wiki’s sample: one <user> per row, items in SELECT order, an unseen value nil', async () => {
    const query = `SELECT name, pic FROM user WHERE uid=${ada.uid} OR uid=${stranger.uid}`;
    expect(await xml(query)).toBe(rows(
      '  <user>\n    <name>Ada Lovelace</name>\n    <pic/>\n  </user>\n' +
      '  <user>\n    <name>Charles Babbage</name>\n    <pic xsi:nil="true"/>\n  </user>\n',
    ));
    expect(await json(query)).toBe('[{"name":"Ada Lovelace","pic":""},{"name":"Charles Babbage","pic":null}]');
  });

  it.skipIf(skip)('answers no rows as an empty root, and [] in JSON', async () => {
    expect(await xml('SELECT name FROM user WHERE uid = 1')).toBe(xmlScalarAnswer(ROOT, '', ' list="true"'));
    expect(await json('SELECT name FROM user WHERE uid = 1')).toBe('[]');
  });

  it.skipIf(skip)('writes structs in their canonical order and arrays with list="true", empty ones self-closing', async () => {
    const query = `SELECT uid, status, affiliations, current_location FROM user WHERE uid = ${ada.uid}`;
    expect(await xml(query)).toBe(rows(
      `  <user>\n    <uid>${ada.uid}</uid>\n    <status>\n      <message/>\n      <time>0</time>\n      <status_id>0</status_id>\n    </status>\n` +
      '    <affiliations list="true"/>\n    <current_location xsi:nil="true"/>\n  </user>\n',
    ));
    expect(await json(query)).toBe(`[{"uid":${ada.uid},"status":{"message":"","time":0,"status_id":0},"affiliations":[],"current_location":null}]`);
  });

  it.skipIf(skip)('fills only the selected sub-fields of a dotted path, merged into one element', async () => {
    expect(await json(`SELECT status.time, name, status.message FROM user WHERE uid = me()`)).toBe('[{"status":{"message":"","time":0},"name":"Ada Lovelace"}]');
  });

  it.skipIf(skip)('writes every expression as anon and a column selected twice twice, duplicate JSON keys included', async () => {
    const query = `SELECT name, 1+2*3/4, name, 10*(20 + 1), '' FROM user WHERE uid = ${bob.uid}`;
    expect(await json(query)).toBe('[{"name":"Bob Bobson","anon":2.5,"name":"Bob Bobson","anon":210,"anon":""}]');
    expect(await xml(query)).toContain('    <anon>2.5</anon>\n    <name>Bob Bobson</name>\n    <anon>210</anon>\n    <anon/>\n');
  });

  it.skipIf(skip)('evaluates the Cookbook’s functions: upper, concat, substr from 0, strlen, strpos, lower', async () => {
    expect(await json(`SELECT upper(concat(first_name, " ", substr(last_name, 0, 1), ".")), strlen(name), strpos(lower(name), 'bson'), strpos(name, 'zz') FROM user WHERE uid = '${bob.uid}'`))
      .toBe('[{"anon":"BOB B.","anon":10,"anon":6,"anon":-1}]');
  });

  it.skipIf(skip)('reads friends through a subquery with names, keeps the subquery’s order, and sorts, limits and offsets', async () => {
    const friends = `SELECT uid2 FROM friend WHERE uid1 = ${ada.uid}`;
    expect(await json(`SELECT uid, name FROM user WHERE uid IN (${friends})`)).toBe(`[{"uid":${bob.uid},"name":"Bob Bobson"},{"uid":${cleo.uid},"name":"Cleo Cleary"}]`);
    expect(await json(`SELECT name FROM user WHERE uid IN (${friends}) ORDER BY name DESC`)).toBe('[{"name":"Cleo Cleary"},{"name":"Bob Bobson"}]');
    expect(await json(`SELECT name FROM user WHERE uid IN (${friends}) ORDER BY name LIMIT 1 OFFSET 1`)).toBe('[{"name":"Cleo Cleary"}]');
    expect(await json(`SELECT name FROM user WHERE uid IN (${friends}) ORDER BY name LIMIT 1, 1`)).toBe('[{"name":"Cleo Cleary"}]');
    expect(await json(`SELECT name FROM user WHERE uid IN (${cleo.uid}, ${bob.uid}, ${cleo.uid})`)).toBe('[{"name":"Cleo Cleary"},{"name":"Bob Bobson"}]');
  });

  it.skipIf(skip)('filters on any column once an index column is given, and finds people by full name', async () => {
    expect(await json(`SELECT name FROM user WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = me()) AND sex = "male"`)).toBe('[{"name":"Bob Bobson"}]');
    expect(await json(`SELECT uid FROM user WHERE name = 'Cleo Cleary'`)).toBe(`[{"uid":${cleo.uid}}]`);
    expect(await json(`SELECT birthday, birthday_date FROM user WHERE uid = ${bob.uid}`)).toBe('[{"birthday":"November 3, 1985","birthday_date":"11\\/03\\/1985"}]');
  });

  it.skipIf(skip)('matches IN lists of literals as = does: numbers in strings as numbers, other strings as themselves', async () => {
    const friendsOfMe = 'uid IN (SELECT uid2 FROM friend WHERE uid1 = me())';
    expect(await json(`SELECT name FROM user WHERE ${friendsOfMe} AND sex IN ('male', 'nobody')`)).toBe('[{"name":"Bob Bobson"}]');
    expect(await json(`SELECT name FROM user WHERE ${friendsOfMe} AND sex IN ('MALE')`)).toBe('[]');
    expect(await json(`SELECT name FROM user WHERE ${friendsOfMe} AND uid IN ('${bob.uid}', -1)`)).toBe('[{"name":"Bob Bobson"}]');
    expect(await json(`SELECT name FROM user WHERE ${friendsOfMe} AND strlen(first_name) IN ('4', 3)`)).toBe('[{"name":"Bob Bobson"},{"name":"Cleo Cleary"}]');
    // A list of thousands over as many rows is one lookup per row, not a comparison with each item.
    const many = Array.from({ length: 5000 }, (_, index) => `'x${index}'`).join(',');
    expect(await json(`SELECT name FROM user WHERE ${friendsOfMe} AND first_name IN (${many}, 'Cleo')`)).toBe('[{"name":"Cleo Cleary"}]');
  });

  describe('privacy', () => {
    it.skipIf(skip)('shows a friend in full and a stranger’s public fields only; a condition on hidden data drops the row', async () => {
      expect(await json(`SELECT name, sex FROM user WHERE uid IN (${bob.uid}, ${stranger.uid})`)).toBe('[{"name":"Bob Bobson","sex":"male"},{"name":"Charles Babbage","sex":null}]');
      expect(await json(`SELECT name FROM user WHERE uid IN (${bob.uid}, ${stranger.uid}) AND sex = 'male'`)).toBe('[{"name":"Bob Bobson"}]');
    });

    it.skipIf(skip)('answers without a session as users.getInfo does: the public fields of anyone', async () => {
      const anonymous = server.client(web, { format: 'json' });
      expect(await json(`SELECT name, sex, profile_url FROM user WHERE uid = ${bob.uid}`, anonymous)).toBe(
        `[{"name":"Bob Bobson","sex":null,"profile_url":${JSON.stringify(`${server.url}/profile.php?id=${bob.uid}`).replace(/\//g, '\\/')}}]`,
      );
      expect((await failure(`SELECT uid2 FROM friend WHERE uid1 = ${bob.uid}`, anonymous)).code).toBe(102);
      expect((await failure('SELECT name FROM user WHERE uid = me()', anonymous)).message).toBe('Session key invalid or no longer valid (me() needs a session_key)');
    });

    it.skipIf(skip)('gives e-mail addresses only of people who granted the app email', async () => {
      await server.store.permissions.grant(ada.uid, web.appId, 'email');
      expect(await json(`SELECT email FROM user WHERE uid IN (${ada.uid}, ${bob.uid})`)).toBe(`[{"email":${JSON.stringify(ada.email)}},{"email":null}]`);
    });
  });

  describe('tables', () => {
    it.skipIf(skip)('permissions: the session user’s grants as 1/0 in XML and JSON; another uid gives no row', async () => {
      await server.store.permissions.grant(ada.uid, web.appId, 'publish_stream');
      const query = `select publish_stream,read_stream,status_update,user_birthday from permissions where uid=${ada.uid}`;
      expect(await json(query)).toBe('[{"publish_stream":1,"read_stream":0,"status_update":1,"user_birthday":0}]');
      expect(await xml(query)).toBe(rows('  <permissions>\n    <publish_stream>1</publish_stream>\n    <read_stream>0</read_stream>\n    <status_update>1</status_update>\n    <user_birthday>0</user_birthday>\n  </permissions>\n'));
      expect(await json(`select email from permissions where uid=${bob.uid}`)).toBe('[]');
      expect(await json('select uid from permissions where 1')).toBe(`[{"uid":${ada.uid}}]`);
    });

    it.skipIf(skip)('application: public facts by app_id or api_key, never the secret', async () => {
      expect(await json(`SELECT app_id, display_name, developers FROM application WHERE api_key = '${web.apiKey}'`)).toBe(`[{"app_id":${web.appId},"display_name":"Test web app","developers":[]}]`);
      expect((await failure(`SELECT secret FROM application WHERE app_id = ${web.appId}`)).code).toBe(602);
    });

    it.skipIf(skip)('application: found by its canvas name, with its developers', async () => {
      const made = await server.services.apps.register({ name: 'Canvas Quiz', type: 'web', callbackUrl: 'http://quiz.example/fb/' });
      await server.store.apps.update(made.appId, { canvasName: 'canvasquiz' });
      await server.services.developers.addDeveloper(made.appId, String(ada.uid));
      expect(await json(`SELECT app_id, canvas_name, developers FROM application WHERE canvas_name = 'canvasquiz'`)).toBe(
        `[{"app_id":${made.appId},"canvas_name":"canvasquiz","developers":[{"uid":${ada.uid},"name":"Ada Lovelace"}]}]`,
      );
      expect(await json(`SELECT app_id FROM application WHERE canvas_name = 'nosuchcanvas'`)).toBe('[]');
    });

    it.skipIf(skip)('profile: public by id; standard_user_info: only the app’s users', async () => {
      expect(await json(`SELECT id, name, type FROM profile WHERE id = ${stranger.uid}`)).toBe(`[{"id":${stranger.uid},"name":"Charles Babbage","type":"user"}]`);
      const app = server.client(web, { format: 'json' });
      expect(await json(`SELECT uid, first_name FROM standard_user_info WHERE uid IN (${ada.uid}, ${stranger.uid})`, app)).toBe(`[{"uid":${ada.uid},"first_name":"Ada"}]`);
    });
  });

  describe('errors', () => {
    it.skipIf(skip).each([
      ['SELECT name FROM user WHERE uid = 1 garbage', 601, 'Error while parsing FQL statement (unexpected "garbage" at position 36)'],
      ['SELECT * FROM user WHERE uid = 1', 601, 'Error while parsing FQL statement (SELECT * is not supported at position 0; list the columns you want)'],
      ['SELECT name FROM user', 601, 'Error while parsing FQL statement (a query of a table needs a WHERE clause at position 17)'],
      ['SELECT name FROM user WHERE uid = 1 /* comment */', 601, 'Error while parsing FQL statement (unexpected "*" at position 37)'],
      ['SELECT COUNT(uid) FROM user WHERE uid = 1', 605, 'The function you called does not exist ("count" is not a function at position 7)'],
      ['SELECT strlen() FROM user WHERE uid = 1', 606, 'Wrong number of arguments passed into the function (strlen takes 1 argument, 0 given at position 7)'],
      ['SELECT nickname FROM user WHERE uid = 1', 602, 'The field you requested does not exist (user has no column "nickname" at position 7)'],
      ['SELECT status.mood FROM user WHERE uid = 1', 602, 'The field you requested does not exist (user.status has no field "mood" at position 7)'],
      ['SELECT name FROM users WHERE uid = 1', 603, 'The table you requested does not exist ("users" at position 17)'],
      ['SELECT title FROM listing WHERE listing_id = 1', 611, 'FQL field specified is invalid in this context. (the listing table is no longer available)'],
      ['SELECT name FROM user WHERE sex = "female"', 604, 'Your statement is not indexable (the WHERE of user must test uid or name with = or IN at position 0)'],
      ['SELECT name FROM user WHERE uid > 5', 604, 'Your statement is not indexable (the WHERE of user must test uid or name with = or IN at position 0)'],
      ['SELECT name FROM user WHERE uid = 1 OR sex = "male"', 604, 'Your statement is not indexable (the WHERE of user must test uid or name with = or IN at position 0)'],
      ['   ', 601, 'Error while parsing FQL statement (the query is empty)'],
    ])('%s → %i', async (query, code, message) => {
      const error = await failure(query);
      expect([error.code, error.message]).toEqual([code, message]);
    });

    it.skipIf(skip)('refuses a missing query with 100 and echoes the query in request_args', async () => {
      expect((await asAda.call('fql.query', {} as { query: string }).catch((error: unknown) => error) as RestClientError).code).toBe(100);
      const body = await json('SELECT name FROM user WHERE sex = "female"');
      expect(body).toContain('{"key":"query","value":"SELECT name FROM user WHERE sex = \\"female\\""}');
    });

    it.skipIf(skip)('refuses what would read without bound: a huge IN list, deep subqueries, deep parentheses', async () => {
      const many = Array.from({ length: 10_001 }, (_, index) => index + 1).join(',');
      expect((await failure(`SELECT name FROM user WHERE uid IN (${many})`)).code).toBe(604);
      let nested = `SELECT uid2 FROM friend WHERE uid1 = me()`;
      for (let depth = 0; depth < 9; depth++) nested = `SELECT uid FROM user WHERE uid IN (${nested})`;
      expect((await failure(nested)).message).toBe('Error while parsing FQL statement (subqueries nest deeper than 8)');
      expect((await failure(`SELECT name FROM user WHERE uid = ${'('.repeat(100)}1${')'.repeat(100)}`)).code).toBe(601);
    });

    it.skipIf(skip)('answers the friend table only for the session user or a given pair (604 otherwise)', async () => {
      expect((await failure(`SELECT uid2 FROM friend WHERE uid1 = ${bob.uid}`)).code).toBe(604);
      expect(await json(`SELECT uid1 FROM friend WHERE uid1 = ${bob.uid} AND uid2 = ${ada.uid}`)).toBe(`[{"uid1":${bob.uid}}]`);
      expect(await json(`SELECT uid1 FROM friend WHERE uid1 = ${bob.uid} AND uid2 = ${cleo.uid}`)).toBe('[]');
    });
  });
});
