/**
 * Sessions the way apps get them: a token bound to a person (as login.php binds it), exchanged
 * through the real auth.getSession call.
 */
import type { RestClient, SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import type { TestServer } from './test-server.js';

/** A person who has authorized `app` and holds a fresh session with it. */
export async function signedInSession(
  server: TestServer,
  app: App,
  person: Person,
  options: { generateSessionSecret?: boolean; authorize?: boolean } = {},
): Promise<SessionInfo> {
  if (options.authorize !== false) await server.store.authorizations.authorize(person.uid, app.appId);
  let token: string;
  if (app.type === 'desktop') {
    token = await server.services.sessions.createToken(app);
    await server.services.sessions.bindToken(app, token, person.uid);
  } else {
    token = await server.services.sessions.issueToken(app, person.uid);
  }
  return server.client(app).call('auth.getSession', { auth_token: token, generate_session_secret: options.generateSessionSecret });
}

/** The client a desktop app uses after sign-in: its session key, signed with the session secret. */
export function desktopClient(server: TestServer, app: App, session: SessionInfo, options: { format?: 'xml' | 'json'; useSessionSecret?: boolean } = {}): RestClient {
  return server.client(app, { format: options.format }).withSession({ sessionKey: session.session_key, secret: session.secret, useSessionSecret: options.useSessionSecret });
}

/** The client a web app's server uses: the session key, signed with the application secret. */
export function webClient(server: TestServer, app: App, session: SessionInfo, options: { format?: 'xml' | 'json' } = {}): RestClient {
  return server.client(app, { format: options.format }).withSession({ sessionKey: session.session_key });
}
