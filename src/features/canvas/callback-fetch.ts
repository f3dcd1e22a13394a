/**
 * One request from the canvas proxy to an app's server (docs/canvas.md, "What Hearth will not
 * fetch"): the host is resolved first and every address it names must be allowed
 * (callback-address.ts); the connection then goes to that checked address, so a name that
 * resolves differently a moment later (DNS rebinding) cannot lead elsewhere. The whole exchange
 * has one deadline and the answer a size cap; redirects are not followed here (the service
 * decides). Connections are kept alive, in a pool per app origin and checked address: most canvas
 * traffic goes to a few app servers.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { EventEmitter } from 'node:events';
import type { IncomingHttpHeaders } from 'node:http';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { LRUCache } from 'lru-cache';
import { Pool } from 'undici';
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

/** Pools kept at once, one per app server address; the least recently used is closed first. */
const MAX_POOLS = 256;

/**
 * One connection pool per app origin and checked address (undici: a lighter client than
 * node:http's, which was a sixth of a canvas page's time). Every connection of a pool goes to
 * its address and no other, whatever the name resolves to by then.
 */
const POOLS = new LRUCache<string, Pool>({
  max: MAX_POOLS,
  dispose: (pool) => void pool.close().catch(() => undefined),
});

function poolFor(origin: string, address: string, family: number): Pool {
  const key = `${origin} ${address}`;
  let pool = POOLS.get(key);
  if (!pool) {
    pool = new Pool(origin, { connections: 256, connect: { lookup: pinnedLookup(address, family) } });
    POOLS.set(key, pool);
  }
  return pool;
}

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
  const deadline = new Deadline(remaining);
  try {
    const answer = await poolFor(url.origin, resolved.address, resolved.family).request({
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: deadline,
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of answer.body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limits.maxBytes) {
        answer.body.destroy();
        return { kind: 'too-large' };
      }
      chunks.push(chunk);
    }
    return { kind: 'answer', status: answer.statusCode, headers: nodeHeaders(answer.headers), body: Buffer.concat(chunks) };
  } catch (error) {
    if (deadline.aborted) return { kind: 'timeout' };
    return { kind: 'unreachable', reason: failureReason(error) };
  } finally {
    deadline.clear();
  }
}

/**
 * The exchange's deadline, as the signal undici takes: an emitter of `abort` with an `aborted`
 * flag (an AbortController per request cost more than the rest of the request's bookkeeping).
 */
class Deadline extends EventEmitter {
  aborted = false;
  readonly #timer: NodeJS.Timeout;

  constructor(milliseconds: number) {
    super();
    this.#timer = setTimeout(() => {
      this.aborted = true;
      this.emit('abort');
    }, milliseconds);
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** As node:http gives headers: `set-cookie` always a list, any other repeated header's first value. */
function nodeHeaders(headers: Record<string, string | string[] | undefined>): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (name === 'set-cookie') result['set-cookie'] = Array.isArray(value) ? value : [value];
    else result[name] = Array.isArray(value) ? value[0] : value;
  }
  return result;
}

/** The system's code (ECONNREFUSED …) where there is one, else undici's words. */
function failureReason(error: unknown): string {
  const { code, cause, message } = error as { code?: string; cause?: { code?: string }; message?: string };
  if (cause?.code && !cause.code.startsWith('UND_')) return cause.code;
  if (code && !code.startsWith('UND_')) return code;
  if (code === 'UND_ERR_SOCKET') return 'the connection closed before the answer was complete';
  return message ?? 'the request failed';
}
