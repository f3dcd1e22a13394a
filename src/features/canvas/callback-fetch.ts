/**
 * One request from the canvas proxy to an app's server (docs/canvas.md, "What Hearth will not
 * fetch"): the host is resolved first and every address it names must be allowed
 * (callback-address.ts); the connection then goes to that checked address, so a name that
 * resolves differently a moment later (DNS rebinding) cannot lead elsewhere. The whole exchange
 * has one deadline and the answer a size cap; redirects are not followed here (the service
 * decides). Connections are kept alive per host: most canvas traffic goes to a few app servers.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { addressAllowed, type Network } from './callback-address.js';

export interface FetchLimits {
  /** The deadline for the whole exchange, connection to last byte. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly privateNetworks: readonly Network[];
}

export interface AppRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export type FetchOutcome =
  | { readonly kind: 'answer'; readonly status: number; readonly headers: IncomingHttpHeaders; readonly body: Buffer }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'too-large' }
  /** The host has no address, or refused or dropped the connection. */
  | { readonly kind: 'unreachable'; readonly reason: string }
  /** The host resolves to an address the proxy may not connect to. */
  | { readonly kind: 'forbidden-address'; readonly address: string };

const AGENTS = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

type Resolved = { readonly address: string; readonly family: number } | { readonly refused: string } | { readonly failed: string };

async function resolve(hostname: string, networks: readonly Network[]): Promise<Resolved> {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  let addresses: Array<{ address: string; family: number }>;
  if (ipaddr.isValid(bare)) {
    addresses = [{ address: bare, family: bare.includes(':') ? 6 : 4 }];
  } else {
    try {
      addresses = await dnsLookup(bare, { all: true });
    } catch (error) {
      return { failed: `${bare} has no address (${(error as NodeJS.ErrnoException).code ?? 'lookup failed'})` };
    }
  }
  // Every address must be allowed: which one a connection would use is not ours to choose.
  const refused = addresses.find(({ address }) => !addressAllowed(address, networks));
  if (refused) return { refused: refused.address };
  const first = addresses[0];
  return first ? first : { failed: `${bare} has no address` };
}

/** A lookup that answers the address already checked, in either of the forms Node asks for. */
function pinnedLookup(address: string, family: number): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

export async function fetchFromApp(url: URL, request: AppRequest, limits: FetchLimits): Promise<FetchOutcome> {
  const started = Date.now();
  const resolved = await resolve(url.hostname, limits.privateNetworks);
  if ('refused' in resolved) return { kind: 'forbidden-address', address: resolved.refused };
  if ('failed' in resolved) return { kind: 'unreachable', reason: resolved.failed };
  const remaining = limits.timeoutMs - (Date.now() - started);
  if (remaining <= 0) return { kind: 'timeout' };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise<FetchOutcome>((done) => {
    let settled = false;
    const finish = (outcome: FetchOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      done(outcome);
    };
    const outgoing = client.request(
      {
        protocol: url.protocol,
        host: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
        port: url.port === '' ? undefined : Number(url.port),
        path: `${url.pathname}${url.search}`,
        method: request.method,
        headers: request.body === undefined ? request.headers : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) },
        agent: AGENTS[url.protocol as 'http:' | 'https:'],
        lookup: pinnedLookup(resolved.address, resolved.family),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limits.maxBytes) {
            finish({ kind: 'too-large' });
            outgoing.destroy();
            return;
          }
          chunks.push(chunk);
        });
        response.on('end', () => finish({ kind: 'answer', status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', (error) => finish({ kind: 'unreachable', reason: error.message }));
        response.on('aborted', () => finish({ kind: 'unreachable', reason: 'the connection closed before the answer was complete' }));
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      outgoing.destroy();
    }, remaining);
    outgoing.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'unreachable', reason: error.code ?? error.message }));
    outgoing.end(request.body);
  });
}
