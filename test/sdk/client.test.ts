import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Imported by package name, as an app would: this is the published `hearth/client` entry point.
import { computeSignature, RestClient, RestClientError } from 'hearth/client';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { FORMATS, startTestServer, type TestServer } from '../support/test-server.js';

interface Sent {
  url: URL;
  body: URLSearchParams;
}

/** A fetch that records the request instead of sending it. */
function recordingFetch(sent: Sent[], answer = 'true'): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    sent.push({ url: new URL(String(input)), body: new URLSearchParams(String(init?.body ?? '')) });
    return new Response(answer, { status: 200, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('hearth/client: what goes on the wire', () => {
  it('splits a call between query string and body as the PHP client does, and signs all of it', async () => {
    const sent: Sent[] = [];
    const client = new RestClient({ serverUrl: 'http://hearth.test', apiKey: 'k'.repeat(32), secret: 's3cret', format: 'json', fetch: recordingFetch(sent) });
    await client.call('users.isAppUser', { uid: 500000001 });
    const [{ url, body }] = sent as [Sent];
    expect(url.pathname).toBe('/restserver.php');
    expect([...url.searchParams.keys()]).toEqual(['method', 'session_key', 'api_key', 'v']);
    expect(url.searchParams.get('method')).toBe('facebook.users.isAppUser');
    expect(url.searchParams.get('session_key')).toBe('');
    expect([...body.keys()]).toEqual(['uid', 'call_id', 'format', 'sig']);
    const signed = [...url.searchParams, ...body].filter(([key]) => key !== 'sig');
    expect(body.get('sig')).toBe(computeSignature(signed, 's3cret'));
  });

  it('sends ss=1 in the query string when signing with a session secret', async () => {
    const sent: Sent[] = [];
    const client = new RestClient({ serverUrl: 'http://hearth.test/restserver.php', apiKey: 'k', secret: 'session-secret', sessionKey: 'sk', useSessionSecret: true, fetch: recordingFetch(sent) });
    await client.callRaw('users.isAppUser', {});
    expect(sent[0]!.url.searchParams.get('ss')).toBe('1');
    expect(sent[0]!.url.searchParams.get('session_key')).toBe('sk');
  });

  it('makes call_ids like microtime(true) that always grow', () => {
    const client = new RestClient({ serverUrl: 'http://hearth.test', apiKey: 'k', secret: 's' });
    const ids = Array.from({ length: 50 }, () => client.nextCallId());
    for (const id of ids) expect(id).toMatch(/^\d{10}(\.\d{1,4})?$/);
    for (let i = 1; i < ids.length; i++) expect(Number(ids[i])).toBeGreaterThan(Number(ids[i - 1]));
  });

  it('never gives two clients of one process the same call_id (two clients may share a session)', () => {
    const server = new RestClient({ serverUrl: 'http://hearth.test', apiKey: 'k', secret: 's' });
    const browser = server.withSession({ sessionKey: 'sk', secret: 'ss', useSessionSecret: true });
    const ids = Array.from({ length: 50 }, (_, i) => Number((i % 2 === 0 ? server : browser).nextCallId()));
    for (let i = 1; i < ids.length; i++) expect(ids[i]).toBeGreaterThan(ids[i - 1]!);
  });

  it('sends lists as JSON text and booleans as 1 or empty', async () => {
    const sent: Sent[] = [];
    const client = new RestClient({ serverUrl: 'http://hearth.test', apiKey: 'k', secret: 's', fetch: recordingFetch(sent) });
    await client.callRaw('users.getInfo', { uids: [1, 2], fields: ['name'], yes: true, no: false });
    expect(sent[0]!.body.get('uids')).toBe('[1,2]');
    expect(sent[0]!.body.get('fields')).toBe('["name"]');
    expect(sent[0]!.body.get('yes')).toBe('1');
    expect(sent[0]!.body.get('no')).toBe('');
  });
});

let server: TestServer;
let app: App;
let person: Person;

beforeAll(async () => {
  server = await startTestServer();
  app = await server.createApp('web');
  person = await server.createPerson();
  await server.store.authorizations.authorize(person.uid, app.appId);
});
afterAll(() => server.close());

describe.each(FORMATS)('%s: hearth/client against a server', (format) => {
  it('decodes answers to typed values', async () => {
    const client = new RestClient({ serverUrl: server.url, apiKey: app.apiKey, secret: app.secret, format });
    expect(await client.call('users.isAppUser', { uid: person.uid })).toBe(true);
    expect(await client.call('profile.setFBML', { uid: person.uid, profile: '  <b>x</b> & y  ' })).toBe(true);
    expect(await client.call('profile.getFBML', { uid: person.uid })).toBe('  <b>x</b> & y  ');
  });

  it('decodes users.getInfo into one object per person, uid as a number', async () => {
    const client = new RestClient({ serverUrl: server.url, apiKey: app.apiKey, secret: app.secret, format });
    const other = await server.createPerson('Charles Babbage');
    expect(await client.call('users.getInfo', { uids: [person.uid, other.uid], fields: ['last_name'] })).toEqual([
      { uid: person.uid, last_name: 'Lovelace' },
      { uid: other.uid, last_name: 'Babbage' },
    ]);
    expect(await client.call('users.getInfo', { uids: [other.uid], fields: ['first_name'] })).toEqual([{ uid: other.uid, first_name: 'Charles' }]);
  });

  it('throws RestClientError carrying the code, the message and the echoed arguments', async () => {
    const client = new RestClient({ serverUrl: server.url, apiKey: app.apiKey, secret: 'not the secret', format });
    const error = (await client.call('users.isAppUser', { uid: person.uid }).catch((e: unknown) => e)) as RestClientError;
    expect(error).toBeInstanceOf(RestClientError);
    expect(error.code).toBe(104);
    expect(error.message).toBe('Incorrect signature');
    expect(error.requestArgs.map((arg) => arg.key)).toEqual(['method', 'session_key', 'api_key', 'v', 'uid', 'call_id', 'format', 'sig']);
    expect(error.requestArgs.find((arg) => arg.key === 'uid')?.value).toBe(String(person.uid));
  });
});
