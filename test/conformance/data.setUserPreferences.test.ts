/**
 * data.setUserPreferences on both backends: the empty answer, the three encodings of `values`,
 * merging and `replace`, removal and cutting as for one slot, and every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, call, fails, grant, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'data.setUserPreferences';

describe.each(BACKENDS)('$backend: data.setUserPreferences', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
  });
  afterAll(() => server?.close());

  async function person(name: string): Promise<{ who: Person; clients: Clients; slots: () => Promise<Array<[number, string]>> }> {
    const who = await server.createPerson(name);
    const clients = await sessionClients(server, web, who);
    return { who, clients, slots: async () => (await server.services.preferences.list(web.appId, who.uid)).map((slot) => [slot.prefId, slot.value]) };
  }

  it.skipIf(skip)('answers the empty root in XML and null in JSON; an object of id → value sets those slots', async () => {
    const { clients, slots } = await person('Ada Lovelace');
    await answers(clients, METHOD, { values: '{"161":"Pink","162":"Black"}' }, xmlOf(METHOD, undefined), 'null');
    expect(await slots()).toEqual([[161, 'Pink'], [162, 'Black']]);
  });

  it.skipIf(skip)('an array means slots 0, 1, …; a list of {pref_id, value} is taken too; numbers are text', async () => {
    const { clients, slots } = await person('Bob Bobson');
    await call(clients, METHOD, { values: '["a","b"]' }, 'json');
    expect(await slots()).toEqual([[0, 'a'], [1, 'b']]);
    await call(clients, METHOD, { values: '[{"pref_id":7,"value":"seven"},{"pref_id":"8","value":8}]' }, 'json');
    expect(await slots()).toEqual([[0, 'a'], [1, 'b'], [7, 'seven'], [8, '8']]);
  });

  it.skipIf(skip)('merges by default; "0", "" and null remove slots; values are cut to 128 characters', async () => {
    const { clients, slots } = await person('Cleo Cleary');
    await call(clients, METHOD, { values: '{"1":"one","2":"two","3":"three","4":"four"}' }, 'json');
    await call(clients, METHOD, { values: JSON.stringify({ 1: '0', 2: '', 3: null, 5: 'x'.repeat(200) }), replace: 'false' }, 'json');
    expect(await slots()).toEqual([[4, 'four'], [5, 'x'.repeat(128)]]);
  });

  it.skipIf(skip)('replace (1 or true) removes every slot not given', async () => {
    const { clients, slots } = await person('Dan Dennett');
    await call(clients, METHOD, { values: '{"1":"one","2":"two"}' }, 'json');
    await call(clients, METHOD, { values: '{"3":"three"}', replace: 1 }, 'json');
    expect(await slots()).toEqual([[3, 'three']]);
    await call(clients, METHOD, { values: '{}', replace: 'true' }, 'json');
    expect(await slots()).toEqual([]);
  });

  it.skipIf(skip)('a web app without a session writes for the person uid names', async () => {
    const eve = await server.createPerson('Eve Everett');
    await grant(server, web, eve);
    await call(appClients(server, web), METHOD, { uid: eve.uid, values: '{"9":"by uid"}' }, 'json');
    expect(await server.services.preferences.get(web.appId, eve.uid, 9)).toBe('by uid');
  });

  it.skipIf(skip)('refuses: values that do not parse 144; a bad id, value or shape 100 (and nothing is written); 200, 102 and 15 as for one slot', async () => {
    const { who, clients, slots } = await person('Fay Failing');
    await fails(clients, METHOD, { values: '{"1":' }, 144, 'Malformed JSON string (values is not JSON)');
    await fails(clients, METHOD, { values: '{"1":"ok","201":"x"}' }, 100, 'Invalid parameter (values: not a preference id from 0 to 200)');
    await fails(clients, METHOD, { values: '{"1":true}' }, 100, 'Invalid parameter (values: a preference value must be a string)');
    await fails(clients, METHOD, { values: '"text"' }, 100, 'Invalid parameter (values: not an object of pref_id to value)');
    await fails(clients, METHOD, { values: '{"1":"x"}', replace: 'maybe' }, 100, 'Invalid parameter (replace: not a boolean (1, 0, true or false))');
    await fails(clients, METHOD, {}, 100, /^Invalid parameter \(values/);
    expect(await slots()).toEqual([]);
    const stranger = await server.createPerson('Sid Stranger');
    await fails(appClients(server, web), METHOD, { uid: stranger.uid, values: '{"1":"x"}' }, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
    await fails(appClients(server, web), METHOD, { values: '{"1":"x"}' }, 102, /^Session key invalid or no longer valid/);
    const desktop = await server.createApp('desktop');
    await fails(await sessionClients(server, desktop, who), METHOD, { values: '{"1":"x"}' }, 15, /^This method call must be signed with the application secret/);
  });
});
