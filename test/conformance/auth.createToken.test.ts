import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClientError } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import { FORMATS, startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let desktop: App;
let web: App;

beforeAll(async () => {
  server = await startTestServer();
  desktop = await server.createApp('desktop');
  web = await server.createApp('web');
});
afterAll(() => server.close());

describe('auth.createToken: golden answers', () => {
  it('answers a 32-hex token as inline XML text and as a JSON string', async () => {
    const xml = await server.client(desktop).callRaw('auth.createToken', {});
    const token = /<auth_createToken_response [^>]+>([0-9a-f]{32})</.exec(xml.body)?.[1];
    expect(token, xml.body).toBeDefined();
    expect(xml.body).toBe(xmlScalarAnswer('auth_createToken_response', token!));
    const json = await server.client(desktop).callRaw('auth.createToken', {}, { format: 'json' });
    expect(json.body).toMatch(/^"[0-9a-f]{32}"$/);
  });
});

describe.each(FORMATS)('%s: auth.createToken', (format) => {
  it('makes a new token on every call, bound to the app and to nobody yet, valid for an hour', async () => {
    const client = server.client(desktop, { format });
    const [a, b] = await Promise.all([client.call('auth.createToken', {}), client.call('auth.createToken', {})]);
    expect(a).not.toBe(b);
    const stored = await server.store.authTokens.find(a);
    expect(stored).toMatchObject({ appId: desktop.appId, uid: null });
    const lifetime = stored!.expiresAt.getTime() - Date.now();
    expect(lifetime).toBeGreaterThan(3_590_000);
    expect(lifetime).toBeLessThanOrEqual(3_600_000);
  });

  it('is open to web apps too', async () => {
    expect(await server.client(web, { format }).call('auth.createToken', {})).toMatch(/^[0-9a-f]{32}$/);
  });

  it('needs the application secret (error 104 otherwise)', async () => {
    const error = (await server.client(desktop, { format, secret: 'a'.repeat(32) }).call('auth.createToken', {}).catch((e: unknown) => e)) as RestClientError;
    expect(error.code).toBe(104);
  });
});
