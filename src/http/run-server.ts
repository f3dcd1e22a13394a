/**
 * A running Hearth: the store, its services and one Fastify instance for http — plus a second for
 * https when TLS is configured — sharing one rate limiter, as `hearth serve` starts them.
 */
import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import type { ServerConfig } from '../config/server-config.js';
import { purgeExpired } from '../platform.js';
import { MemoryRateLimiter, StoreRateLimiter, type RateLimiter } from '../dispatch/rate-limiter.js';
import { createServices } from '../platform.js';
import { type Services } from '../features/feature.js';
import { isPostgresLocation } from '../db/open-database.js';
import { openStore } from '../platform.js';
import type { Store } from '../features/feature.js';
import { buildServer, type ServerParts } from './build-server.js';
import { createPlatformProxy } from './platform-proxy.js';

export interface RunningServer {
  readonly store: Store;
  readonly services: Services;
  /** `http://host:port` */
  readonly httpUrl: string;
  /** `https://host:port` when TLS is served. */
  readonly httpsUrl: string | undefined;
  /** `http://host:port` of the forward proxy for the platform's host names, when `--proxy-port` opened one. */
  readonly proxyUrl: string | undefined;
  close(): Promise<void>;
}

/** Raised when a port cannot be listened on; the CLI turns it into one line. */
export class ListenError extends Error {
  constructor(
    readonly where: string,
    cause: unknown,
  ) {
    super(`cannot listen on ${where}`, { cause });
  }
}

const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

/** One limit per app across every instance: in Redis when given, else in a shared PostgreSQL store. */
async function chooseRateLimiter(config: ServerConfig, store: Store): Promise<RateLimiter> {
  if (config.redis) {
    // Loaded only when asked for: the Redis client is a large part of a server's memory.
    const { RedisRateLimiter } = await import('../dispatch/redis-rate-limiter.js');
    return new RedisRateLimiter(config.redis);
  }
  // A SQLite store serves one instance; counting in memory spares a write per call.
  return isPostgresLocation(config.db) ? new StoreRateLimiter(store.rateLimits) : new MemoryRateLimiter();
}

function urlOf(server: FastifyInstance | Server, scheme: 'http' | 'https', host: string): string {
  const address = ('server' in server ? server.server : server).address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

async function listen(server: FastifyInstance, host: string, port: number): Promise<void> {
  try {
    await server.listen({ host, port });
  } catch (error) {
    throw new ListenError(`${host}:${port}`, error);
  }
}

export interface RunOptions {
  readonly extraRoutes?: ServerParts['extraRoutes'];
}

export async function runServer(config: ServerConfig, options: RunOptions = {}): Promise<RunningServer> {
  const logger = pino({ level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] });
  const tls = config.tls && { key: readFileSync(config.tls.keyFile), cert: readFileSync(config.tls.certFile) };
  // A long-running server: SQLite checkpoints from a worker thread (a checkpoint inside a call would
  // hold up every call behind it); PostgreSQL listens for changes to what it keeps in memory.
  const store = await openStore(config.db, { migrate: config.migrate, serving: true });
  const services = createServices(store, {
    sessions: { sessionLifetimeSeconds: config.sessionLifetimeSeconds, tokenLifetimeSeconds: config.tokenLifetimeSeconds },
    log: logger,
    mail: config.mail,
  });
  const rateLimiter = await chooseRateLimiter(config, store);
  const shared = { config, store, services, logger, rateLimiter, tlsServed: tls !== undefined, extraRoutes: options.extraRoutes };
  const servers = [await buildServer(shared)];
  if (tls) servers.push(await buildServer({ ...shared, https: tls }));
  const proxy = config.proxyPort === undefined ? undefined : openProxy(config, servers[0]!, servers[1]);
  try {
    await listen(servers[0]!, config.host, config.port);
    if (servers[1]) await listen(servers[1], config.host, config.tls!.port);
    if (proxy) await proxy.listen(config.host, config.proxyPort!);
  } catch (error) {
    await proxy?.close();
    await Promise.all(servers.map((server) => server.close()));
    await rateLimiter.close?.();
    await store.close();
    throw error;
  }
  // Mail that waited while the relay was down (or the server was stopped) goes now, then on each round.
  const retryMail = () => void services.mail.deliverPending().catch((error: unknown) => logger.warn({ err: error }, 'sending waiting mail failed'));
  retryMail();
  // Expired rows are already ignored by every lookup; clearing them now and then keeps tables small.
  const housekeeping = setInterval(() => {
    purgeExpired(store).catch((error: unknown) => logger.warn({ err: error }, 'housekeeping failed'));
    retryMail();
  }, HOUSEKEEPING_INTERVAL_MS);
  housekeeping.unref();
  return {
    store,
    services,
    httpUrl: urlOf(servers[0]!, 'http', config.host),
    httpsUrl: servers[1] && urlOf(servers[1], 'https', config.host),
    proxyUrl: proxy && urlOf(proxy.server, 'http', config.host),
    close: async () => {
      clearInterval(housekeeping);
      const proxyClosed = proxy?.close();
      await Promise.all(servers.map((server) => server.close()));
      // What is still open on the proxy (a request under way, a tunnel) has nobody left to answer it.
      proxy?.dropConnections();
      await proxyClosed;
      await services.notifier.settled();
      await services.mail.close();
      await rateLimiter.close?.();
      await store.close();
    },
  };
}

/** The forward proxy's listener, with the same timeouts and per-address limit as the server's own port. */
function openProxy(config: ServerConfig, app: FastifyInstance, tlsApp: FastifyInstance | undefined) {
  const proxy = createPlatformProxy({
    app,
    tlsApp,
    limits: { requestTimeoutSeconds: config.requestTimeoutSeconds, headersTimeoutSeconds: config.headersTimeoutSeconds, maxConnectionsPerAddress: config.maxConnectionsPerAddress },
    trustedProxies: config.trustProxy === false ? [] : config.trustProxy,
  });
  const { server } = proxy;
  return {
    server,
    dropConnections: proxy.dropConnections,
    listen: (host: string, port: number) =>
      new Promise<void>((resolve, reject) => {
        server.once('error', (error) => reject(new ListenError(`${host}:${port}`, error)));
        server.listen({ host, port }, () => resolve());
      }),
    // Idle keep-alive connections go at once; a request being answered is let finish.
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
