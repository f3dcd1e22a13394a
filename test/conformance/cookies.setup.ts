/**
 * What the cookie suites share: a server on either backend, a canvas web app on an app server of the
 * test's own, a desktop app, Ada (who authorized the web app and holds a session) and Bob (who never
 * authorized it), and calls made in both formats.
 */
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import type { PersonCookie } from '../../src/features/canvas/person-cookie-repository.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { signedInSession } from '../support/sessions.js';
import { canvasApp, startScriptedAppServer, type ScriptedAppServer } from '../canvas/canvas-kit.js';
import { appClients, sessionClients, type Clients } from './app-admin.setup.js';

export { answers, BACKENDS, call, DECL, fails, NS, xmlOf, type Clients } from './app-admin.setup.js';

export interface CookieCast {
  readonly server: TestServer;
  readonly appServer: ScriptedAppServer;
  readonly web: App;
  readonly desktop: App;
  readonly ada: Person;
  readonly bob: Person;
  /** Ada's session with the web app, signed with the application secret. */
  readonly adaClients: Clients;
  /** The web app's server without a session. */
  readonly app: Clients;
  close(): Promise<void>;
}

export async function cookieCast(backend: 'sqlite' | 'postgres'): Promise<CookieCast> {
  const [server, appServer] = await Promise.all([startTestServer({ backend }), startScriptedAppServer()]);
  const web = await canvasApp(server, `${appServer.origin}/fb/`);
  const desktop = await server.createApp('desktop');
  const ada = await server.createPerson('Ada Lovelace');
  const bob = await server.createPerson('Bob Bobson');
  return {
    server,
    appServer,
    web,
    desktop,
    ada,
    bob,
    adaClients: await sessionClients(server, web, ada),
    app: appClients(server, web),
    close: async () => {
      await server.close();
      await appServer.close();
    },
  };
}

/** The person's session with the app, signed with its session secret (a Connect site's browser code), in both formats. */
export async function sessionSecretClients(server: TestServer, app: App, person: Person): Promise<Clients> {
  const session = await signedInSession(server, app, person, { generateSessionSecret: true });
  const client = (format: 'xml' | 'json') => server.client(app, { format }).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: true });
  return { xml: client('xml'), json: client('json') };
}

/** What the jar holds for the person with the app, as the API lists it. */
export function jarOf(cast: CookieCast, person: Person): Promise<PersonCookie[]> {
  return cast.server.services.appCookies.list([person.uid], cast.web.appId);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
