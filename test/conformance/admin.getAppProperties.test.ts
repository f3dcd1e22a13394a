/**
 * admin.getAppProperties on both backends: the string holding JSON, in XML with &quot; and in
 * JSON double-encoded as PHP wrote it (the platform's samples byte for byte), the app's own fields,
 * the values of properties it never set, and every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, call, fails, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'admin.getAppProperties';

describe.each(BACKENDS)('$backend: admin.getAppProperties', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let app: Clients;
  const read = async (properties: string) => JSON.parse(JSON.parse((await call(app, METHOD, { properties }, 'json')).body) as string) as Record<string, unknown>;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    const created = await server.createApp('web', { callbackUrl: 'http://example.org/app/' });
    web = await server.services.apps.update(String(created.appId), { name: 'Hearth Demo' });
    app = appClients(server, web);
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('xml and json: one JSON object in the order asked, slashes escaped, quotes as &quot;, booleans 0/1', async () => {
    await answers(
      app,
      METHOD,
      { properties: '["application_name","callback_url","dev_mode"]' },
      xmlOf(METHOD, '{&quot;application_name&quot;:&quot;Hearth Demo&quot;,&quot;callback_url&quot;:&quot;http:\\/\\/example.org\\/app\\/&quot;,&quot;dev_mode&quot;:0}'),
      '"{\\"application_name\\":\\"Hearth Demo\\",\\"callback_url\\":\\"http:\\\\\\/\\\\\\/example.org\\\\\\/app\\\\\\/\\",\\"dev_mode\\":0}"',
    );
  });

  it.skipIf(skip)('names may be a comma list; the order asked is kept and a name asked twice answers once', async () => {
    const body = (await call(app, METHOD, { properties: 'dev_mode, application_name,dev_mode' }, 'json')).body;
    expect(JSON.parse(body)).toBe('{"dev_mode":0,"application_name":"Hearth Demo"}');
  });

  it.skipIf(skip)('the app’s own fields: app_id as text, desktop 0, no canvas name, no creator, an empty allow-list', async () => {
    expect(await read('["app_id","desktop","canvas_name","creator_uid","ip_list","authorize_url","uninstall_url","connect_logo_url"]')).toEqual({
      app_id: String(web.appId),
      desktop: 0,
      canvas_name: '',
      creator_uid: 0,
      ip_list: '',
      authorize_url: '',
      uninstall_url: '',
      connect_logo_url: '',
    });
  });

  it.skipIf(skip)('properties never set: empty texts, booleans 0 but default_column 1, base_domains an empty list', async () => {
    expect(await read('["about_url","tos_url","default_column","wide_mode","base_domains","preload_fql"]')).toEqual({
      about_url: '',
      tos_url: '',
      default_column: 1,
      wide_mode: 0,
      base_domains: [],
      preload_fql: '',
    });
  });

  it.skipIf(skip)('an operator’s change to the app shows at once', async () => {
    const other = await server.createApp('web');
    const client = appClients(server, other);
    await server.services.apps.update(String(other.appId), { name: 'Renamed', postRemoveUrl: 'https://example.org/removed' });
    expect(JSON.parse((await call(client, METHOD, { properties: 'application_name,uninstall_url' }, 'json')).body)).toBe(
      '{"application_name":"Renamed","uninstall_url":"https:\\/\\/example.org\\/removed"}',
    );
  });

  it.skipIf(skip)('a desktop app reads its own, desktop 1; a session sent anyway is ignored', async () => {
    const desktop = await server.createApp('desktop');
    expect(JSON.parse((await call(appClients(server, desktop), METHOD, { properties: 'desktop' }, 'json')).body)).toBe('{"desktop":1}');
    const ada = await server.createPerson('Ada Lovelace');
    expect(JSON.parse((await call(await sessionClients(server, web, ada), METHOD, { properties: 'desktop' }, 'json')).body)).toBe('{"desktop":0}');
  });

  it.skipIf(skip)('refuses: an unknown name 100, none 100, a list that does not parse 100, a session secret 15', async () => {
    await fails(app, METHOD, { properties: '["application_name","canvas_url"]' }, 100, 'Invalid parameter (properties: unknown property "canvas_url")');
    await fails(app, METHOD, {}, 100, /^Invalid parameter \(properties/);
    await fails(app, METHOD, { properties: '[]' }, 100, 'Invalid parameter (properties: no property named)');
    await fails(app, METHOD, { properties: '["dev_mode"' }, 100, 'Invalid parameter (properties: not a JSON array or a comma-separated list)');
    const desktop = await server.createApp('desktop');
    const ada = await server.createPerson('Ada Secret');
    await fails(await sessionClients(server, desktop, ada), METHOD, { properties: 'dev_mode' }, 15, /^This method call must be signed with the application secret/);
  });
});
