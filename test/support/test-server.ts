/**
 * A real Hearth server on an ephemeral port over a private in-memory store, plus the data helpers
 * conformance tests need. Authorizations and permissions are written through the store, as sign-in
 * would write them, never through the API.
 */
import pino from 'pino';
import { Writable } from 'node:stream';
import { buildServer } from '../../src/http/build-server.js';
import type { ConnectionLimits } from '../../src/http/connection-limits.js';
import type { RateLimiter } from '../../src/dispatch/rate-limiter.js';
import { createServices } from '../../src/platform.js';
import { type Services } from '../../src/features/feature.js';
import { SqliteStore } from '../../src/platform.js';
import type { App, AppType } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import type { Store } from '../../src/features/feature.js';
import { RestClient, type RestClientOptions } from '../../sdk/index.js';
import { testSchema } from './postgres.js';

export interface TestServerOptions {
  readonly dev?: boolean;
  readonly trustProxy?: readonly string[];
  readonly bodyLimit?: number;
  /** Wraps the store, e.g. to inject failures. */
  readonly wrapStore?: (store: Store) => Store;
  readonly rateLimiter?: RateLimiter;
  readonly desktopHttps?: 'auto' | 'required' | 'off';
  /** Serve https with this key and certificate. */
  readonly https?: { readonly key: Buffer; readonly cert: Buffer };
  /** The deployment serves TLS (so desktop auth.getSession must use it under `auto`). */
  readonly tlsServed?: boolean;
  /** Timeouts and the per-address connection limit; `hearth serve`'s defaults otherwise. */
  readonly limits?: Partial<ConnectionLimits>;
  /** The store under the server: a private in-memory SQLite database (the default), or a fresh PostgreSQL schema. */
  readonly backend?: 'sqlite' | 'postgres';
}

export interface TestServer {
  readonly url: string;
  readonly endpoint: string;
  readonly store: Store;
  readonly services: Services;
  /** Every log line the server wrote, parsed. */
  readonly logs: Array<Record<string, unknown>>;
  createApp(type?: AppType, extra?: { callbackUrl?: string }): Promise<App>;
  createPerson(name?: string): Promise<Person>;
  client(app: App, options?: Partial<RestClientOptions>): RestClient;
  close(): Promise<void>;
}

let people = 0;

/**
 * scrypt at a small cost, so that the hundreds of people the suites create and sign in cost
 * milliseconds; the default cost and the re-hash on sign-in have tests of their own.
 */
export const TEST_PASSWORD_COST = { N: 2 ** 12, r: 8, p: 1 } as const;

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const schema = options.backend === 'postgres' ? testSchema() : undefined;
  const baseStore = schema ? await schema.open() : SqliteStore.open(':memory:');
  const store = options.wrapStore ? options.wrapStore(baseStore) : baseStore;
  const services = createServices(store, { passwordCost: TEST_PASSWORD_COST });
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
      done();
    },
  });
  const server = await buildServer({
    config: {
      dev: options.dev ?? false,
      trustProxy: options.trustProxy ? [...options.trustProxy] : false,
      bodyLimit: options.bodyLimit ?? 1024 * 1024,
      desktopHttps: options.desktopHttps ?? 'auto',
      ...options.limits,
    },
    https: options.https,
    tlsServed: options.tlsServed,
    store,
    services,
    logger: pino({ level: 'info' }, sink),
    rateLimiter: options.rateLimiter,
  });
  await server.listen({ host: '127.0.0.1', port: 0 });
  const address = server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    url,
    endpoint: `${url}/restserver.php`,
    store,
    services,
    logs,
    createApp: (type = 'web', extra = {}) =>
      services.apps.register({ name: `Test ${type} app`, type, callbackUrl: extra.callbackUrl ?? 'http://app.example.org/callback/' }),
    createPerson: (name = 'Ada Lovelace') =>
      services.people.register({ email: `person${++people}.${Date.now()}@example.org`, password: 'correct horse', name }),
    client: (app, clientOptions = {}) => new RestClient({ serverUrl: url, apiKey: app.apiKey, secret: app.secret, ...clientOptions }),
    close: async () => {
      await server.close();
      await baseStore.close();
      await schema?.drop();
    },
  };
}

/** The XML document the server sends for a successful scalar answer (protocol.md §8.7). */
export function xmlScalarAnswer(root: string, text: string, attributes = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<${root} xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"${attributes}>${text}</${root}>\n`
  );
}

export const FORMATS = ['xml', 'json'] as const;

/** The usual cast of a conformance suite: a server, a web app, a desktop app and one person. */
export interface StandardSetup {
  readonly server: TestServer;
  readonly web: App;
  readonly desktop: App;
  readonly person: Person;
}

export async function standardSetup(options: TestServerOptions = {}): Promise<StandardSetup> {
  const server = await startTestServer(options);
  const [web, desktop, person] = await Promise.all([server.createApp('web'), server.createApp('desktop'), server.createPerson()]);
  return { server, web, desktop, person };
}
