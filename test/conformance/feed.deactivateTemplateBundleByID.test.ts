/**
 * feed.deactivateTemplateBundleByID on both backends: `1` (JSON true) when the app's bundle was
 * active, `0` (false) for an unknown, another app's or an already inactive one; a deactivated
 * bundle is no longer listed, publishes nothing (807), and 100 for an id that is not one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';

const ROOT = 'feed_deactivateTemplateBundleByID_response';

describe.each([
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
])('feed.deactivateTemplateBundleByID on $backend', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
  });
  afterAll(() => server?.close());

  const register = async (app: App, template: string) =>
    (await server.client(app).callRaw('feed.registerTemplateBundle', { one_line_story_templates: JSON.stringify([template]) }, { format: 'json' })).body;
  const deactivate = (app: App, id: string, format: 'xml' | 'json' = 'xml') =>
    server.client(app).callRaw('feed.deactivateTemplateBundleByID', { template_bundle_id: id }, { format });

  it.skipIf(skip)('answers 1 / true once, then 0 / false', async () => {
    const id = await register(web, '{*actor*} jumped.');
    expect((await deactivate(web, id)).body).toBe(xmlScalarAnswer(ROOT, '1'));
    expect((await deactivate(web, id)).body).toBe(xmlScalarAnswer(ROOT, '0'));
    const other = await register(web, '{*actor*} hopped.');
    expect((await deactivate(web, other, 'json')).body).toBe('true');
    expect((await deactivate(web, other, 'json')).body).toBe('false');
  });

  it.skipIf(skip)("answers 0 for an unknown id and for another app's bundle, which stays active", async () => {
    const stranger = await server.createApp('web');
    const theirs = await register(stranger, '{*actor*} skipped.');
    expect((await deactivate(web, theirs)).body).toBe(xmlScalarAnswer(ROOT, '0'));
    expect((await deactivate(web, '999999999999', 'json')).body).toBe('false');
    const listed = JSON.parse((await server.client(stranger).callRaw('feed.getRegisteredTemplateBundles', {}, { format: 'json' })).body);
    expect(listed.map((bundle: { template_bundle_id: number }) => bundle.template_bundle_id)).toEqual([Number(theirs)]);
  });

  it.skipIf(skip)('a deactivated bundle is no longer listed and publishes nothing (807)', async () => {
    const app = await server.createApp('web');
    const kept = await register(app, '{*actor*} stayed.');
    const gone = await register(app, '{*actor*} went.');
    await deactivate(app, gone);
    const listed = JSON.parse((await server.client(app).callRaw('feed.getRegisteredTemplateBundles', {}, { format: 'json' })).body);
    expect(listed.map((bundle: { template_bundle_id: number }) => bundle.template_bundle_id)).toEqual([Number(kept)]);
    const person = await server.createPerson();
    const client = webClient(server, app, await signedInSession(server, app, person));
    expectError(
      await client.callRaw('feed.publishUserAction', { template_bundle_id: gone }),
      'xml',
      807,
      `No active template bundle with that ID or handle exists. (template_bundle_id ${gone})`,
    );
    expect((await client.callRaw('feed.publishUserAction', { template_bundle_id: kept }, { format: 'json' })).body).not.toContain('error_code');
  });

  it.skipIf(skip)('100 for an id that is not a positive integer, in both formats', async () => {
    expectError(await deactivate(web, 'abc'), 'xml', 100, 'Invalid parameter (template_bundle_id: not a positive integer)');
    expectError(await deactivate(web, '-5', 'json'), 'json', 100, 'Invalid parameter (template_bundle_id: not a positive integer)');
  });
});
