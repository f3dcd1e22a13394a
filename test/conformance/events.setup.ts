/**
 * The events suites' cast: Ada and Bob are friends, Cleo is Bob's friend, Dan knows nobody; all of
 * them use the web app, Ada and Bob granted create_event and rsvp_event. Calls go raw (the answer's
 * bytes are what the suites check) through `call`, and `event` makes one through events.create.
 */
import type { RestClient, SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { expectError, type Answer } from './protocol-helpers.js';

export const BACKENDS = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

export type Name = 'ada' | 'bob' | 'cleo' | 'dan';
type Args = Readonly<Record<string, string | number>>;

export interface EventCast {
  readonly server: TestServer;
  readonly web: App;
  readonly ada: Person;
  readonly bob: Person;
  readonly cleo: Person;
  readonly dan: Person;
  readonly sessions: { readonly [name in Name]: SessionInfo };
  as(name: Name): RestClient;
  /** The web app calling without a session. */
  readonly app: RestClient;
  /** A raw call by a person (or the app alone, `undefined`), in XML unless told. */
  call(who: Name | undefined, method: string, args: Args, format?: 'xml' | 'json'): Promise<Answer>;
  /** events.create by `who` with this event_info; the eid. */
  event(who: Name | undefined, info: Record<string, unknown>): Promise<number>;
  /** The call fails with `code` and its short message, in both formats. */
  fails(who: Name | undefined, method: string, args: Args, code: number, message: string | RegExp): Promise<void>;
}

export async function eventCast(backend: 'sqlite' | 'postgres'): Promise<EventCast> {
  const server = await startTestServer({ backend });
  const web = await server.createApp('web');
  const [ada, bob, cleo, dan] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary'), await server.createPerson('Dan Dennett')];
  await server.services.friends.addDirectly(ada.uid, bob.uid);
  await server.services.friends.addDirectly(bob.uid, cleo.uid);
  const sessions = { ada: await signedInSession(server, web, ada), bob: await signedInSession(server, web, bob), cleo: await signedInSession(server, web, cleo), dan: await signedInSession(server, web, dan) };
  for (const person of [ada, bob]) {
    await server.store.permissions.grant(person.uid, web.appId, 'create_event');
    await server.store.permissions.grant(person.uid, web.appId, 'rsvp_event');
  }
  const as = (name: Name) => webClient(server, web, sessions[name]);
  const app = server.client(web);
  const call = (who: Name | undefined, method: string, args: Args, format: 'xml' | 'json' = 'xml') => (who === undefined ? app : as(who)).callRaw(method, args, { format });
  return {
    server,
    web,
    ada,
    bob,
    cleo,
    dan,
    sessions,
    as,
    app,
    call,
    event: async (who, info) => {
      const answer = await call(who, 'events.create', { event_info: JSON.stringify(info) }, 'json');
      const eid = JSON.parse(answer.body) as unknown;
      if (typeof eid !== 'number') throw new Error(`events.create answered ${answer.body}`);
      return eid;
    },
    fails: async (who, method, args, code, message) => {
      for (const format of ['xml', 'json'] as const) expectError(await call(who, method, args, format), format, code, message);
    },
  };
}
