/**
 * Assembly only: a Fastify instance with the body parsers, the API route, one error handler and
 * one not-found handler, wired to a store and its services.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { DEFAULT_SERVER_CONFIG, type ServerConfig } from '../config/server-config.js';
import { dispatchPorts, METHODS, PAGE_ROUTES } from '../platform.js';
import { MethodRegistry } from '../dispatch/registry.js';
import { registerPages } from './pages.js';
import { sendProblem } from './page-kit/page-replies.js';
import { html } from './page-kit/templates.js';
import { invalidParameter } from '../wire/errors.js';
import { ApiPipeline } from '../dispatch/api-pipeline.js';
import { MemoryRateLimiter, type RateLimiter } from '../dispatch/rate-limiter.js';
import type { Services } from '../features/feature.js';
import type { Store } from '../features/feature.js';
import { answerMalformedHttp, answerUnknownExpectations, answerUnreadableRequest, API_PATH, registerApiRoute, sendApiResponse } from './api-route.js';
import { limitConnectionsPerAddress, timeoutOptions, type ConnectionLimits } from './connection-limits.js';
import { registerHealthRoutes } from './health-routes.js';
import { registerBodyParsers } from './request-bodies.js';
import { fixedFirstSegment, platformHostRole, routedUrl } from './platform-hosts.js';

export interface ServerParts {
  readonly config: Pick<ServerConfig, 'dev' | 'trustProxy' | 'bodyLimit' | 'desktopHttps'> & Partial<Pick<ServerConfig, 'uploadLimit'>> & Partial<ConnectionLimits>;
  /** Key and certificate (PEM) when this instance serves https. */
  readonly https?: { readonly key: Buffer; readonly cert: Buffer };
  readonly store: Store;
  readonly services: Services;
  readonly logger: FastifyBaseLogger;
  readonly rateLimiter?: RateLimiter;
  /** True when this deployment serves TLS (on this instance or beside it): desktop apps must then use it for auth.getSession. */
  readonly tlsServed?: boolean;
  /** Routes of an embedder (the benchmarks' hand-written comparisons), registered after Hearth's own. */
  readonly extraRoutes?: (app: FastifyInstance, parts: { readonly store: Store; readonly services: Services }) => void;
}

export async function buildServer(parts: ServerParts): Promise<FastifyInstance> {
  const { config, logger } = parts;
  const limits: ConnectionLimits = {
    requestTimeoutSeconds: config.requestTimeoutSeconds ?? DEFAULT_SERVER_CONFIG.requestTimeoutSeconds,
    headersTimeoutSeconds: config.headersTimeoutSeconds ?? DEFAULT_SERVER_CONFIG.headersTimeoutSeconds,
    maxConnectionsPerAddress: config.maxConnectionsPerAddress ?? DEFAULT_SERVER_CONFIG.maxConnectionsPerAddress,
  };
  const serverOptions = timeoutOptions(limits);
  // First path segments of Hearth's own routes, filled in as the routes are registered below.
  const ownSegments = new Set<string>();
  const app = Fastify({
    ...(parts.https ? { https: { key: parts.https.key, cert: parts.https.cert, ...serverOptions } } : { http: serverOptions }),
    requestTimeout: serverOptions.requestTimeout,
    loggerInstance: logger,
    // Fastify's own two lines per request are replaced by the single line of the onResponse hook below.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy === false ? false : [...config.trustProxy],
    bodyLimit: config.bodyLimit,
    // Request ids are ours; a client-supplied header must not end up in logs as if it were.
    requestIdHeader: false,
    clientErrorHandler: (error, socket) => answerMalformedHttp(error, socket, limits),
    // The platform's host names (api.facebook.com, apps.facebook.com …) reach what Hearth serves for them.
    rewriteUrl: (request) => {
      const role = platformHostRole(request.headers.host);
      return role === undefined ? (request.url ?? '/') : routedUrl(role, request.url ?? '/', (segment) => ownSegments.has(segment));
    },
  }) as unknown as FastifyInstance;
  app.addHook('onRoute', (route) => {
    const segment = fixedFirstSegment(route.url ?? route.path);
    if (segment !== undefined) ownSegments.add(segment);
  });
  limitConnectionsPerAddress(app.server, limits.maxConnectionsPerAddress, config.trustProxy === false ? [] : config.trustProxy);
  answerUnknownExpectations(app.server);

  const pipeline = new ApiPipeline({
    ports: dispatchPorts(parts.store, parts.services),
    services: parts.services,
    registry: new MethodRegistry(METHODS),
    rateLimiter: parts.rateLimiter ?? new MemoryRateLimiter(),
    dev: config.dev,
    desktopHttpsRequired: config.desktopHttps === 'required' || (config.desktopHttps === 'auto' && parts.tlsServed === true),
    log: logger,
  });

  // One line per request: what was called, by which app, how it ended and how long it took.
  app.addHook('onResponse', async (request, reply) => {
    const outcome = request.apiOutcome;
    request.log.info(
      {
        path: request.routeOptions.url ?? request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 100) / 100,
        ...(outcome && { apiMethod: outcome.method ?? null, app: outcome.appId ?? null, outcome: outcome.errorCode === 0 ? 'ok' : `error ${outcome.errorCode}` }),
      },
      'request',
    );
  });

  // Over https (here or at a trusted proxy), browsers are told to use nothing else for a year.
  // Only such a server can see https requests, so only it pays for the hook.
  if (parts.https || config.trustProxy !== false) {
    app.addHook('onSend', async (request, reply) => {
      if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
    });
  }

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (request.url.split('?')[0] === API_PATH) {
      const reason = error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `larger than ${config.bodyLimit} bytes` : 'could not be read';
      const { response, outcome } = await answerUnreadableRequest(pipeline, request, invalidParameter('request body', reason));
      request.apiOutcome = outcome;
      return sendApiResponse(reply, response);
    }
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unexpected failure');
    return reply.code(status).type('text/plain; charset=utf-8').send(status === 500 ? `Something went wrong (request ${request.id}).\n` : `${error.message}\n`);
  });

  // Machines call the API, so it answers in its envelope whatever the HTTP method; people get a page.
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path === API_PATH) {
      const problem = invalidParameter('request', `HTTP method ${request.method} is not taken here; send GET or POST`);
      const { response, outcome } = await answerUnreadableRequest(pipeline, request, problem);
      request.apiOutcome = outcome;
      return sendApiResponse(reply, response);
    }
    if (app.hasRoute({ method: 'GET', url: path })) {
      return sendProblem(reply.header('allow', 'GET, HEAD, POST'), { status: 405, title: 'Not a way to open this page', message: `This page does not take ${request.method} requests.` });
    }
    return sendProblem(reply, {
      status: 404,
      title: 'No such page',
      message: 'Hearth has no page at this address.',
      note: html`Applications call the API at <code>${API_PATH}</code>.`,
    });
  });

  // Routes last: hooks and handlers above must be in place before any plugin scope is loaded.
  await app.register(fastifyCookie);
  registerBodyParsers(app, config.bodyLimit, config.uploadLimit ?? DEFAULT_SERVER_CONFIG.uploadLimit);
  registerApiRoute(app, pipeline);
  registerHealthRoutes(app, parts.store);
  await registerPages(app, { services: parts.services, routes: PAGE_ROUTES });
  parts.extraRoutes?.(app, parts);

  return app;
}
