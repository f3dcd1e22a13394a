/**
 * admin.setAppProperties on both backends: the answer in XML and JSON, what the app reads back
 * (its own fields, which Hearth then acts on, and the properties it keeps), both encodings of
 * `properties`, all or nothing, and every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, call, fails, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'admin.setAppProperties';

describe.each(BACKENDS)('$backend: admin.setAppProperties', ({ backend, skip }) => {
  let server: TestServer;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
  });
  afterAll(() => server?.close());

  async function freshApp(): Promise<{ app: App; client: Clients }> {
    const app = await server.createApp('web', { callbackUrl: 'http://example.org/app/' });
    return { app, client: appClients(server, app) };
  }
  const read = async (client: Clients, properties: string) =>
    JSON.parse(JSON.parse((await client.json.callRaw('admin.getAppProperties', { properties }, { format: 'json' })).body) as string) as Record<string, unknown>;

  it.skipIf(skip)('answers 1 in XML and true in JSON; the app reads back what it set', async () => {
    const { client } = await freshApp();
    await answers(client, METHOD, { properties: '{"dev_mode":1,"tos_url":"http://example.org/tos"}' }, xmlOf(METHOD, '1'), 'true');
    expect(await read(client, 'dev_mode,tos_url')).toEqual({ dev_mode: 1, tos_url: 'http://example.org/tos' });
  });

  it.skipIf(skip)('the app’s own fields change where Hearth keeps them, and the next call sees them', async () => {
    const { app, client } = await freshApp();
    const properties = JSON.stringify({
      application_name: ' Analytical Engine ',
      callback_url: 'https://example.org/engine/',
      authorize_url: 'https://example.org/authorized',
      uninstall_url: 'https://example.org/removed',
      ip_list: '10.0.0.0/8, 127.0.0.1',
    });
    expect((await call(client, METHOD, { properties }, 'json')).body).toBe('true');
    const stored = await server.services.apps.find(String(app.appId));
    expect(stored).toMatchObject({
      name: 'Analytical Engine',
      callbackUrl: 'https://example.org/engine/',
      postAuthorizeUrl: 'https://example.org/authorized',
      postRemoveUrl: 'https://example.org/removed',
      allowedAddresses: ['10.0.0.0/8', '127.0.0.1/32'],
    });
    expect(await read(client, 'application_name,ip_list')).toEqual({ application_name: 'Analytical Engine', ip_list: '10.0.0.0/8,127.0.0.1/32' });
    // An empty URL removes it, an empty list lets every address in again.
    await call(client, METHOD, { properties: '{"uninstall_url":"","ip_list":""}' }, 'json');
    expect(await server.services.apps.find(String(app.appId))).toMatchObject({ postRemoveUrl: null, allowedAddresses: [] });
  });

  it.skipIf(skip)('a list of one-key objects is taken too; booleans as true/false or "0"/"1"; base_domains as a list or a comma list', async () => {
    const { client } = await freshApp();
    await call(client, METHOD, { properties: '[{"wide_mode":true},{"default_column":"0"},{"base_domains":["example.org","example.com"]}]' }, 'json');
    expect(await read(client, 'wide_mode,default_column,base_domains')).toEqual({ wide_mode: 1, default_column: 0, base_domains: ['example.org', 'example.com'] });
    await call(client, METHOD, { properties: '{"base_domains":"a.example, b.example","wide_mode":false}' }, 'json');
    expect(await read(client, 'base_domains,wide_mode')).toEqual({ base_domains: ['a.example', 'b.example'], wide_mode: 0 });
  });

  it.skipIf(skip)('post_install_url is the old name of post_authorize_redirect_url; values keep quotes and markup', async () => {
    const { client } = await freshApp();
    await call(client, METHOD, { properties: JSON.stringify({ post_install_url: 'http://example.org/welcome', default_fbml: '<b>"Hi" & \'bye\'</b>' }) }, 'xml');
    expect(await read(client, 'post_authorize_redirect_url,post_install_url,default_fbml')).toEqual({
      post_authorize_redirect_url: 'http://example.org/welcome',
      post_install_url: 'http://example.org/welcome',
      default_fbml: '<b>"Hi" & \'bye\'</b>',
    });
  });

  it.skipIf(skip)('all or nothing: one bad property and none is stored', async () => {
    const { app, client } = await freshApp();
    await fails(client, METHOD, { properties: '{"application_name":"Changed","dev_mode":1,"callback_url":"ftp://example.org/"}' }, 100, /^Invalid parameter \(properties: callback_url must start with http/);
    expect((await server.services.apps.find(String(app.appId))).name).not.toBe('Changed');
    expect(await read(client, 'dev_mode')).toEqual({ dev_mode: 0 });
  });

  it.skipIf(skip)('refuses with 100: unknown and read-only names, wrong types, too long, an empty name, a bad address, preload_fql not JSON', async () => {
    const { client } = await freshApp();
    const refused = (properties: string, message: string) => fails(client, METHOD, { properties }, 100, `Invalid parameter (properties: ${message})`);
    await refused('{"canvas_url":"x"}', 'unknown property "canvas_url"');
    await refused('{"app_id":"5"}', 'app_id is read-only');
    await refused('{"canvas_name":"engine"}', 'canvas_name is read-only');
    await refused('{"creator_uid":1}', 'creator_uid is read-only');
    await refused('{"desktop":1}', 'desktop is read-only');
    await refused('{"dev_mode":2}', 'dev_mode is a boolean: 0 or 1');
    await refused('{"about_url":["x"]}', 'about_url is a string');
    await refused('{"base_domains":[1]}', 'base_domains is a list of strings');
    await refused(`{"message_action":"${'x'.repeat(21)}"}`, 'message_action is longer than 20 characters');
    await refused(`{"callback_url":"http://example.org/${'x'.repeat(90)}"}`, 'callback_url is longer than 100 characters');
    await refused('{"application_name":"  "}', 'application_name may not be empty');
    await refused('{"ip_list":"10.0.0.300"}', 'ip_list: not an IP address or CIDR block: "10.0.0.300"');
    await refused('{"preload_fql":"{select"}', 'preload_fql must be a JSON text');
    await refused('"dev_mode"', 'not an object of property names to values');
    await refused('{}', 'no property given');
  });

  it.skipIf(skip)('refuses: properties that do not parse 144, none 100, a desktop app 200, a session secret 15', async () => {
    const { client } = await freshApp();
    await fails(client, METHOD, { properties: '{"dev_mode":' }, 144, 'Malformed JSON string (properties is not JSON)');
    await fails(client, METHOD, {}, 100, /^Invalid parameter \(properties/);
    const desktop = await server.createApp('desktop');
    await fails(appClients(server, desktop), METHOD, { properties: '{"dev_mode":1}' }, 200, 'Permissions error (desktop applications may not change their properties)');
    const ada = await server.createPerson('Ada Secret');
    await fails(await sessionClients(server, desktop, ada), METHOD, { properties: '{"dev_mode":1}' }, 15, /^This method call must be signed with the application secret/);
  });
});
