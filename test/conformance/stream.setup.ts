/**
 * The cast of the stream's conformance suites, on either backend: a server, a web and a desktop
 * app, and four people — Ada, her friends Bob and Cleo (who are not each other's friends), and Dan,
 * a stranger to all. Each suite builds its own; people are authorized and granted permissions
 * through the store, as the sign-in pages would.
 */
import type { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { ExtendedPermission } from '../../src/features/grants/extended-permissions.js';
import type { Person } from '../../src/features/people/records.js';
import type { PostPrivacy } from '../../src/features/stream/privacy.js';
import { hasPostgres } from '../support/postgres.js';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';

/** Both backends; PostgreSQL skips only where no server answers outside CI (test/support/postgres.ts). */
export const BACKENDS = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

export interface StreamCast {
  readonly server: TestServer;
  readonly web: App;
  readonly desktop: App;
  readonly ada: Person;
  readonly bob: Person;
  readonly cleo: Person;
  readonly dan: Person;
}

/** Four new people: Ada, her friends Bob and Cleo (not each other's friends), and Dan, a stranger to all. */
export async function circle(server: TestServer): Promise<Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>> {
  const ada = await server.createPerson('Ada Lovelace');
  const bob = await server.createPerson('Bob Bobson');
  const cleo = await server.createPerson('Cleo Cleary');
  const dan = await server.createPerson('Dan Dennett');
  await server.services.friends.addDirectly(ada.uid, bob.uid);
  await server.services.friends.addDirectly(ada.uid, cleo.uid);
  return { ada, bob, cleo, dan };
}

export async function streamCast(backend: 'sqlite' | 'postgres'): Promise<StreamCast> {
  const server = await startTestServer({ backend });
  const [web, desktop] = await Promise.all([server.createApp('web'), server.createApp('desktop')]);
  return { server, web, desktop, ...(await circle(server)) };
}

/** The person authorizes the app and grants it these permissions. */
export async function grant(server: TestServer, app: App, person: Person, ...permissions: ExtendedPermission[]): Promise<void> {
  await server.store.authorizations.authorize(person.uid, app.appId);
  for (const permission of permissions) await server.store.permissions.grant(person.uid, app.appId, permission);
}

/** A client in a fresh session of the person with the app, who granted it `permissions`. */
export async function clientOf(
  server: TestServer,
  app: App,
  person: Person,
  permissions: readonly ExtendedPermission[] = ['publish_stream', 'read_stream'],
  format: 'xml' | 'json' = 'xml',
): Promise<RestClient> {
  await grant(server, app, person, ...permissions);
  const session = await signedInSession(server, app, person);
  return app.type === 'desktop' ? desktopClient(server, app, session, { format, useSessionSecret: true }) : webClient(server, app, session, { format });
}

/** The web app's server calling without a session (acting for a person by `uid`). */
export function sessionless(server: TestServer, app: App): RestClient {
  return server.client(app);
}

/** The XML document of a successful answer whose root holds `inner` (pretty-printed children, or a scalar). */
export function xmlDocument(root: string, inner: string, attributes = ''): string {
  return xmlScalarAnswer(root, inner, attributes);
}

/** Seconds, as the stream writes times. */
export function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export interface PostOptions {
  readonly wall?: Person;
  readonly app?: App | null;
  readonly message?: string;
  readonly attachment?: Record<string, unknown> | null;
  readonly actionLinks?: Array<{ text: string; href: string }> | null;
  readonly privacy?: PostPrivacy;
  readonly at?: Date;
}

/** A post made through the service, as a page or another feature makes one; its post_id. */
export async function postAs(server: TestServer, actor: Person, options: PostOptions = {}): Promise<string> {
  const wall = options.wall ?? actor;
  const attachment = options.attachment ?? null;
  const { postId } = await server.services.stream.publish(
    {
      actor: actor.uid,
      wall: wall.uid,
      appId: options.app === undefined || options.app === null ? null : options.app.appId,
      type: wall.uid !== actor.uid ? 56 : attachment ? 237 : 46,
      message: options.message ?? 'A post',
      attachment,
      actionLinks: options.actionLinks ?? null,
      privacy: options.privacy,
    },
    options.at,
  );
  return postId;
}
