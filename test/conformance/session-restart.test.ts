/**
 * Sessions, their secrets and their call_id counters live in the database, not in the process
 * (protocol.md §6: "Store the largest value seen per session"): after the server and its store are
 * closed and opened again on the same SQLite file, the session still works and call_id continues.
 *
 * startTestServer only opens `:memory:`, so this file assembles the server itself the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSignature } from '../../sdk/index.js';
import { buildServer } from '../../src/http/build-server.js';
import { createServices } from '../../src/platform.js';
import { type Services } from '../../src/features/feature.js';
import { SqliteStore } from '../../src/platform.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { FORMATS, TEST_PASSWORD_COST, xmlScalarAnswer } from '../support/test-server.js';
import { parseError, type Format, type Pairs } from './protocol-helpers.js';

interface Running {
  readonly endpoint: string;
  readonly store: SqliteStore;
  readonly services: Services;
  close(): Promise<void>;
}

async function boot(file: string): Promise<Running> {
  const store = SqliteStore.open(file);
  const services = createServices(store, { passwordCost: TEST_PASSWORD_COST });
  const server = await buildServer({
    config: { dev: false, trustProxy: false, bodyLimit: 1024 * 1024, desktopHttps: 'auto' },
    store,
    services,
    logger: pino({ level: 'silent' }),
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${port}/restserver.php`,
    store,
    services,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
}

interface CallSpec {
  readonly app: App;
  readonly secret?: string;
  readonly sessionKey?: string;
  readonly ss?: boolean;
  readonly callId?: string;
  readonly args?: Readonly<Record<string, string>>;
}

/** A signed PHP-style POST: method, session_key, api_key, v, ss in the query; the rest in the body. */
async function send(running: Running, method: string, format: Format, spec: CallSpec): Promise<string> {
  const query: Pairs = [
    ['method', `facebook.${method}`],
    ['session_key', spec.sessionKey ?? ''],
    ['api_key', spec.app.apiKey],
    ['v', '1.0'],
  ];
  if (spec.ss) query.push(['ss', '1']);
  const body: Pairs = Object.entries(spec.args ?? {});
  if (spec.callId !== undefined) body.push(['call_id', spec.callId]);
  if (format === 'json') body.push(['format', 'JSON']);
  body.push(['sig', computeSignature([...query, ...body], spec.secret ?? spec.app.secret)]);
  const response = await fetch(`${running.endpoint}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
  expect(response.status).toBe(200);
  return response.text();
}

function expectUid(body: string, format: Format, uid: number): void {
  expect(body).toBe(format === 'xml' ? xmlScalarAnswer('users_getLoggedInUser_response', String(uid), ' list="true"') : String(uid));
}

function expect103(body: string, format: Format): void {
  const error = parseError(format, body);
  expect(error.code).toBe(103);
  expect(error.message).toBe('Call_id must be greater than previous');
}

let dir: string;
let file: string;
let running: Running | undefined;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'hearth-session-restart-'));
  file = path.join(dir, 'hearth.db');
});
afterAll(async () => {
  await running?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function restart(): Promise<Running> {
  await running?.close();
  running = await boot(file);
  return running;
}

describe.each(FORMATS)('%s: sessions survive a restart on the same database file', (format) => {
  let web: App;
  let desktop: App;
  let person: Person;

  beforeAll(async () => {
    const first = await restart();
    web = await first.services.apps.register({ name: `Restart web ${format}`, type: 'web', callbackUrl: 'http://app.example.org/callback/' });
    desktop = await first.services.apps.register({ name: `Restart desktop ${format}`, type: 'desktop', callbackUrl: null });
    person = await first.store.people.create({ email: `restart.${format}.${Date.now()}@example.org`, passwordHash: 'x', firstName: 'Ada', lastName: 'Lovelace' });
    await first.store.authorizations.authorize(person.uid, web.appId);
    await first.store.authorizations.authorize(person.uid, desktop.appId);
  });

  it('a web session keeps working and keeps its call_id counter', async () => {
    let server = running!;
    const token = await server.services.sessions.issueToken(web, person.uid);
    const session = await server.services.sessions.exchangeToken(web, token, { withSecret: false });
    expect(session).toBeDefined();
    const sessionKey = session!.sessionKey;
    expectUid(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey, callId: '1000' }), format, person.uid);

    server = await restart();
    expect103(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey, callId: '1000' }), format);
    expect103(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey, callId: '999.9999' }), format);
    expectUid(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey, callId: '1001' }), format, person.uid);

    server = await restart();
    expect103(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey, callId: '1001' }), format);
    expectUid(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey, callId: '1001.5' }), format, person.uid);
  });

  it('a desktop session keeps its secret (ss=1 and without ss) and its fractional call_id', async () => {
    let server = running!;
    const token = await server.services.sessions.createToken(desktop);
    await server.services.sessions.bindToken(desktop, token, person.uid);
    // Exchanged over the API before the restart: the token is used up, the session is what remains.
    const answer = await send(server, 'auth.getSession', 'json', { app: desktop, args: { auth_token: token } });
    const session = JSON.parse(answer) as { session_key: string; secret: string };
    expect(session.secret).toMatch(/^[0-9a-f]{32}$/);
    const signed = { app: desktop, sessionKey: session.session_key, secret: session.secret };
    expectUid(await send(server, 'users.getLoggedInUser', format, { ...signed, ss: true, callId: '1262304000.1234' }), format, person.uid);

    server = await restart();
    expect103(await send(server, 'users.getLoggedInUser', format, { ...signed, ss: true, callId: '1262304000.1234' }), format);
    expectUid(await send(server, 'users.getLoggedInUser', format, { ...signed, ss: true, callId: '1262304000.1235' }), format, person.uid);
    expectUid(await send(server, 'users.getLoggedInUser', format, { ...signed, callId: '1262304000.12351' }), format, person.uid);
    const used = parseError('json', await send(server, 'auth.getSession', 'json', { app: desktop, args: { auth_token: token } }));
    expect(used.code).toBe(100);
  });

  it('a secret given by auth.promoteSession still signs after a restart, and promoting again gives the same one', async () => {
    let server = running!;
    const token = await server.services.sessions.issueToken(web, person.uid);
    const session = (await server.services.sessions.exchangeToken(web, token, { withSecret: false }))!;
    const promoted = JSON.parse(await send(server, 'auth.promoteSession', 'json', { app: web, sessionKey: session.sessionKey, callId: '1' })) as string;
    expect(promoted).toMatch(/^[0-9a-f]{32}$/);

    server = await restart();
    expectUid(await send(server, 'users.getLoggedInUser', format, { app: web, sessionKey: session.sessionKey, ss: true, secret: promoted, callId: '2' }), format, person.uid);
    expect(JSON.parse(await send(server, 'auth.promoteSession', 'json', { app: web, sessionKey: session.sessionKey, callId: '3' }))).toBe(promoted);
  });
});
