/** fql.multiquery: named statements, `#name` references, the answer's order, and one failing statement failing the call. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient, RestClientError } from '../../sdk/index.js';
import type { Person } from '../../src/features/people/records.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let ada: Person;
let bob: Person;
let cleo: Person;
let client: RestClient;

beforeAll(async () => {
  server = await startTestServer();
  const web = await server.createApp('web');
  ada = await server.createPerson('Ada Lovelace');
  bob = await server.createPerson('Bob Bobson');
  cleo = await server.createPerson('Cleo Cleary');
  await server.services.friends.addDirectly(ada.uid, bob.uid);
  await server.services.friends.addDirectly(ada.uid, cleo.uid);
  client = webClient(server, web, await signedInSession(server, web, ada));
});
afterAll(() => server.close());

const call = async (queries: Record<string, string> | string, format: 'xml' | 'json' = 'json') =>
  (await client.callRaw('fql.multiquery', { queries: typeof queries === 'string' ? queries : JSON.stringify(queries) }, { format })).body;
const failure = async (queries: Record<string, string> | string) =>
  (await client.call('fql.multiquery', { queries: typeof queries === 'string' ? queries : JSON.stringify(queries) }).catch((error: unknown) => error)) as RestClientError;

describe('fql.multiquery', () => {
  it('answers the friends-then-names example in XML and JSON, in the order the names were given', async () => {
    const queries = { friends: `SELECT uid2 FROM friend WHERE uid1=${ada.uid}`, names: 'SELECT uid, name FROM user WHERE uid IN (SELECT uid2 FROM #friends)' };
    expect(await call(queries, 'xml')).toBe(xmlScalarAnswer('fql_multiquery_response', '\n' +
      '  <fql_result>\n    <name>friends</name>\n    <fql_result_set list="true">\n' +
      `      <friend>\n        <uid2>${bob.uid}</uid2>\n      </friend>\n      <friend>\n        <uid2>${cleo.uid}</uid2>\n      </friend>\n` +
      '    </fql_result_set>\n  </fql_result>\n' +
      '  <fql_result>\n    <name>names</name>\n    <fql_result_set list="true">\n' +
      `      <user>\n        <uid>${bob.uid}</uid>\n        <name>Bob Bobson</name>\n      </user>\n      <user>\n        <uid>${cleo.uid}</uid>\n        <name>Cleo Cleary</name>\n      </user>\n` +
      '    </fql_result_set>\n  </fql_result>\n', ' list="true"'));
    expect(await call(queries)).toBe(
      `[{"name":"friends","fql_result_set":[{"uid2":${bob.uid}},{"uid2":${cleo.uid}}]},{"name":"names","fql_result_set":[{"uid":${bob.uid},"name":"Bob Bobson"},{"uid":${cleo.uid},"name":"Cleo Cleary"}]}]`,
    );
  });

  it('runs a later-named query first when an earlier one reads it, and reads #name without a WHERE', async () => {
    const body = await call({ sorted: 'SELECT name FROM #people ORDER BY name DESC', people: `SELECT name FROM user WHERE uid IN (${bob.uid}, ${cleo.uid})` });
    expect(body).toBe('[{"name":"sorted","fql_result_set":[{"name":"Cleo Cleary"},{"name":"Bob Bobson"}]},{"name":"people","fql_result_set":[{"name":"Bob Bobson"},{"name":"Cleo Cleary"}]}]');
  });

  it('names rows read from #name after the table behind it, and writes an empty set self-closing', async () => {
    expect(await call({ a: 'SELECT uid2 FROM friend WHERE uid1 = me()', b: `SELECT uid2 FROM #a WHERE uid2 = ${cleo.uid}`, c: 'SELECT uid2 FROM #a WHERE uid2 = 1' }, 'xml'))
      .toContain(`  <fql_result>\n    <name>b</name>\n    <fql_result_set list="true">\n      <friend>\n        <uid2>${cleo.uid}</uid2>\n      </friend>\n    </fql_result_set>\n  </fql_result>\n  <fql_result>\n    <name>c</name>\n    <fql_result_set list="true"/>\n  </fql_result>\n`);
  });

  it('answers an empty object with an empty list', async () => {
    expect(await call({})).toBe('[]');
  });

  it.each([
    [{ a: 'SELECT name FROM user WHERE uid = 1', b: 'SELECT name FROM user WHERE sex = "x"' }, 604, 'Your statement is not indexable (b: the WHERE of user must test uid or name with = or IN at position 0)'],
    [{ a: 'SELECT name FROM #missing' }, 614, 'Unresolved dependency in multiquery (a: #missing is not a query of this multiquery)'],
    [{ a: 'SELECT uid FROM #b', b: 'SELECT uid FROM #a' }, 614, 'Unresolved dependency in multiquery (a: its references go round in a circle)'],
    [{ a: 'SELECT name FROM user WHERE uid = 1', b: 'SELECT nickname FROM #a' }, 602, 'The field you requested does not exist (b: #a has no column "nickname" at position 7)'],
    [{ a: 'SELEKT 1' }, 601, 'Error while parsing FQL statement (a: unexpected "SELEKT" at position 0)'],
    ['{"a": 1}', 144, 'Malformed JSON string (queries: the value of "a" must be a string)'],
    ['not json', 144, 'Malformed JSON string (queries: not valid JSON)'],
    ['["SELECT 1"]', 144, 'Malformed JSON string (queries: must be a JSON object of named queries)'],
    [{ 'bad name': 'SELECT name FROM user WHERE uid = 1' }, 100, 'Invalid parameter (queries: "bad name" is not a query name (letters, digits and _))'],
  ])('fails the whole call when one statement fails: %j → %i', async (queries, code, message) => {
    const error = await failure(queries as Record<string, string> | string);
    expect([error.code, error.message]).toEqual([code, message]);
  });

  it('decodes through the typed client in both formats', async () => {
    const [web] = await server.store.apps.list();
    for (const format of ['xml', 'json'] as const) {
      const typed = webClient(server, web!, await signedInSession(server, web!, ada), { format });
      const results = await typed.call('fql.multiquery', { queries: JSON.stringify({ me: 'SELECT name FROM user WHERE uid = me()' }) });
      expect(results).toEqual([{ name: 'me', fql_result_set: [{ name: 'Ada Lovelace' }] }]);
    }
  });
});
