/**
 * What the app-admin suites share: a server on either backend, a web and a desktop app, people who
 * authorized the web app, and calls made in both formats.
 */
import { expect } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { expectError } from './protocol-helpers.js';
import { clientOf, grant, sessionless } from './stream.setup.js';
import type { TestServer } from '../support/test-server.js';

export { BACKENDS } from './stream.setup.js';

export const NS =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
export const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';

export type Args = Readonly<Record<string, string | number>>;
export type Clients = { readonly xml: RestClient; readonly json: RestClient };

/** The whole XML answer of `method` holding `inner` (text, or nothing for the empty root). */
export function xmlOf(method: string, inner: string | undefined, attributes = ''): string {
  const root = `${method.replace(/\./g, '_')}_response`;
  return inner === undefined ? `${DECL}<${root} ${NS}${attributes}/>\n` : `${DECL}<${root} ${NS}${attributes}>${inner}</${root}>\n`;
}

/** A person's session with the app, in both formats (they authorized it). */
export async function sessionClients(server: TestServer, app: App, person: Person): Promise<Clients> {
  return { xml: await clientOf(server, app, person, []), json: await clientOf(server, app, person, [], 'json') };
}

/** The app's server without a session, in both formats. */
export function appClients(server: TestServer, app: App): Clients {
  return { xml: sessionless(server, app), json: sessionless(server, app) };
}

export async function call(clients: Clients, method: string, args: Args, format: 'xml' | 'json') {
  return clients[format].callRaw(method, args, { format });
}

/** The same error, code and message, in XML and in JSON. */
export async function fails(clients: Clients, method: string, args: Args, code: number, message: string | RegExp): Promise<void> {
  for (const format of ['xml', 'json'] as const) expectError(await call(clients, method, args, format), format, code, message);
}

/** Both formats answer exactly these bodies. */
export async function answers(clients: Clients, method: string, args: Args, xml: string, json: string): Promise<void> {
  expect((await call(clients, method, args, 'xml')).body).toBe(xml);
  expect((await call(clients, method, args, 'json')).body).toBe(json);
}

export { grant };
