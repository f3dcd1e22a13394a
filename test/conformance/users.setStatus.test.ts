/**
 * users.setStatus on both backends: `1` / `true`, the verb flag (`status_includes_verb`), `clear`,
 * and error 100 without a status (docs/status.md). The permission and who may be named are tested
 * with status.set, whose rules it shares.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient, RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('users.setStatus on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person;
  let asAda: RestClient;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    ada = await server.createPerson('Ada Lovelace');
    asAda = webClient(server, web, await signedInSession(server, web, ada));
    await server.store.permissions.grant(ada.uid, web.appId, 'status_update');
  });
  afterAll(() => server?.close());

  const failure = async (promise: Promise<unknown>) => (await promise.catch((error: unknown) => error)) as RestClientError;
  const current = async (uid: number) => server.services.status.current(uid);

  it.skipIf(skip)('users.setStatus: 1 / true; without status_includes_verb the text waits for its "is"; clear removes it', async () => {
    expect((await asAda.callRaw('users.setStatus', { status: 'coding' })).body).toBe(xmlScalarAnswer('users_setStatus_response', '1'));
    expect(await current(ada.uid)).toMatchObject({ message: 'coding', needsVerb: true });
    expect((await asAda.callRaw('users.setStatus', { status: 'Ada codes', status_includes_verb: true }, { format: 'json' })).body).toBe('true');
    expect(await current(ada.uid)).toMatchObject({ message: 'Ada codes', needsVerb: false });
    expect(await asAda.call('users.setStatus', { clear: true, status: 'ignored' })).toBe(true);
    expect(await current(ada.uid)).toBeUndefined();
  });

  it.skipIf(skip)('users.setStatus without status and without clear is error 100 naming status', async () => {
    for (const args of [{}, { status: '' }, { clear: false }]) {
      const refused = await failure(asAda.call('users.setStatus', args));
      expect([refused.code, refused.message]).toEqual([100, 'Invalid parameter (status: required unless clear is set)']);
    }
  });
});
