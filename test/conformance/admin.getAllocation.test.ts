/**
 * admin.getAllocation on both backends: each integration point's number in XML and JSON, the same
 * number for a person (uid or user), a session sent anyway, and every error.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { answers, appClients, BACKENDS, fails, sessionClients, xmlOf, type Clients } from './app-admin.setup.js';

const METHOD = 'admin.getAllocation';

describe.each(BACKENDS)('$backend: admin.getAllocation', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let desktop: App;
  let ada: Person;
  let app: Clients;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    [web, desktop] = [await server.createApp('web'), await server.createApp('desktop')];
    ada = await server.createPerson('Ada Lovelace');
    app = appClients(server, web);
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('answers each integration point as a number: 40 notifications a day, as the captured answer', async () => {
    await answers(app, METHOD, { integration_point_name: 'notifications_per_day' }, xmlOf(METHOD, '40'), '40');
    await answers(app, METHOD, { integration_point_name: 'announcement_notifications_per_week' }, xmlOf(METHOD, '7'), '7');
    await answers(app, METHOD, { integration_point_name: 'requests_per_day' }, xmlOf(METHOD, '20'), '20');
    await answers(app, METHOD, { integration_point_name: 'emails_per_day' }, xmlOf(METHOD, '5'), '5');
    await answers(app, METHOD, { integration_point_name: 'email_disable_message_location' }, xmlOf(METHOD, '1'), '1');
  });

  it.skipIf(skip)('emails_per_day for a person, named uid or user, is the same number: every recipient is limited alike', async () => {
    await answers(app, METHOD, { integration_point_name: 'emails_per_day', uid: ada.uid }, xmlOf(METHOD, '5'), '5');
    await answers(app, METHOD, { integration_point_name: 'emails_per_day', user: ada.uid }, xmlOf(METHOD, '5'), '5');
  });

  it.skipIf(skip)('a session sent anyway is checked and then ignored; a desktop app may ask', async () => {
    await answers(await sessionClients(server, web, ada), METHOD, { integration_point_name: 'requests_per_day' }, xmlOf(METHOD, '20'), '20');
    await answers(appClients(server, desktop), METHOD, { integration_point_name: 'requests_per_day' }, xmlOf(METHOD, '20'), '20');
  });

  it.skipIf(skip)('refuses: an unknown or missing integration point 100, a bad uid 100, a session secret 15', async () => {
    await fails(app, METHOD, { integration_point_name: 'pokes_per_day' }, 100, 'Invalid parameter (integration_point_name: unknown integration point)');
    await fails(app, METHOD, {}, 100, /^Invalid parameter \(integration_point_name/);
    await fails(app, METHOD, { integration_point_name: 'emails_per_day', uid: 'ada' }, 100, 'Invalid parameter (uid: not a positive integer)');
    await fails(await sessionClients(server, desktop, ada), METHOD, { integration_point_name: 'requests_per_day' }, 15, /^This method call must be signed with the application secret/);
  });
});
