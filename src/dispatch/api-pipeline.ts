/**
 * One API call from merged parameters to response body, in the check order of docs/architecture.md,
 * "The path of one API call". The order decides which error a client sees when several things are
 * wrong, and it never needs a secret before the app is known:
 *
 *   parameters → format/callback → maintenance → method (3) → api_key (101) → source address (5)
 *   → rate limit (4) → v (100) → ss (454/455/15) → sig (104) → session (102) → call_id (103)
 *   → session required, app type, https, target user and arguments (100/102/110/200/240)
 *   → handler → serialise.
 */
import type { AnyMethodDefinition } from './define-method.js';
import { parseMethodParams } from './parse-params.js';
import type { MethodRegistry } from './registry.js';
import { resolveTarget } from './target-resolution.js';
import { isAddressAllowed } from './address-allow-list.js';
import type { RateLimiter } from './rate-limiter.js';
import type { MethodServices } from './define-method.js';
import type { DispatchPorts, MethodApp as App } from './ports.js';
import { StoreUnavailableError } from '../db/store-errors.js';
import { ApiError, invalidParameter } from '../wire/errors.js';
import { MAX_PARAMETERS, RequestParams } from '../wire/request-params.js';
import { readRendering, writeError, writeResult, type Rendering, type WireResponse } from '../wire/serialize/response-writer.js';
import type { Upload } from '../wire/upload.js';
import { CallAuthenticator, type CallCredentials } from './call-credentials.js';

export interface ApiCall {
  readonly query: ReadonlyArray<readonly [string, string]>;
  readonly body: ReadonlyArray<readonly [string, string]>;
  /** A body that could not be read (too large, malformed multipart); reported after format is known. */
  readonly bodyError?: ApiError;
  /** The file of a multipart call, for the methods that take one. */
  readonly upload?: Upload;
  readonly clientAddress: string;
  /** Whether the call came over https (directly, or through a trusted proxy that says so). */
  readonly secure: boolean;
  /** This server as the caller reached it, e.g. `http://127.0.0.1:8080`. */
  readonly origin: string;
  readonly requestId: string;
}

/** What the request log line records; never parameters, signatures or keys. */
export interface CallOutcome {
  readonly method: string | undefined;
  readonly appId: number | undefined;
  /** 0 for success, else the error code sent. */
  readonly errorCode: number;
}

/** The two log levels the pipeline writes at; pino and Fastify loggers fit. */
export interface PipelineLog {
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface ApiPipelineOptions {
  readonly ports: DispatchPorts;
  /** What method handlers are given. */
  readonly services: MethodServices;
  readonly registry: MethodRegistry;
  readonly rateLimiter: RateLimiter;
  /** Developer mode: error 104 also shows the string the server expected to be signed. */
  readonly dev: boolean;
  /** Desktop apps must make `desktopHttps` calls (auth.getSession) over https. */
  readonly desktopHttpsRequired: boolean;
  readonly log: PipelineLog;
}

const DEFAULT_RENDERING: Rendering = { format: 'xml', callback: undefined };

export class ApiPipeline {
  readonly #options: ApiPipelineOptions;
  readonly #authenticator: CallAuthenticator;

  constructor(options: ApiPipelineOptions) {
    this.#options = options;
    this.#authenticator = new CallAuthenticator(options.ports.sessions, options.dev);
  }

  async handle(call: ApiCall): Promise<{ response: WireResponse; outcome: CallOutcome }> {
    let rendering = DEFAULT_RENDERING;
    let requestArgs: ReadonlyArray<readonly [string, string]> = [...call.query, ...call.body];
    let method: AnyMethodDefinition | undefined;
    let app: App | undefined;
    try {
      const params = new RequestParams(call.query, call.body);
      requestArgs = params.entries();
      const chosen = readRendering(params.raw('format'), params.raw('callback'));
      rendering = chosen.rendering;
      if (chosen.error) {
        // Never echo a refused callback name back, not even inside request_args.
        requestArgs = requestArgs.filter(([key]) => key !== 'callback');
        throw chosen.error;
      }
      if (call.bodyError) throw call.bodyError;
      if (params.size > MAX_PARAMETERS) throw invalidParameter('request', `more than ${MAX_PARAMETERS} parameters`);
      if (await this.#options.ports.maintenance.isOn()) throw new ApiError(2);

      method = this.#lookupMethod(params);
      app = await this.#authenticateApp(params, call.clientAddress);
      const credentials = await this.#authenticator.authenticate(method, app, params);
      const result = await this.#run(method, app, params, credentials, call);
      return {
        response: writeResult(rendering, method.name, result, method.xml),
        outcome: { method: method.name, appId: app.appId, errorCode: 0 },
      };
    } catch (thrown) {
      const error = this.#asApiError(thrown, call.requestId);
      return {
        response: writeError(rendering, error, requestArgs),
        outcome: { method: method?.name, appId: app?.appId, errorCode: error.code },
      };
    }
  }

  #lookupMethod(params: RequestParams): AnyMethodDefinition {
    const name = params.get('method');
    const method = name === undefined ? undefined : this.#options.registry.lookup(name);
    if (!method) throw new ApiError(3);
    return method;
  }

  async #authenticateApp(params: RequestParams, clientAddress: string): Promise<App> {
    const apiKey = params.get('api_key');
    const app = apiKey === undefined ? undefined : await this.#options.ports.apps.findByApiKey(apiKey);
    if (!app) throw new ApiError(101);
    if (!isAddressAllowed(app.allowedAddresses, clientAddress)) throw new ApiError(5, `ip was: ${clientAddress}`);
    if (app.rateLimit && !(await this.#options.rateLimiter.consume(app, app.rateLimit))) throw new ApiError(4);
    if (params.raw('v') !== '1.0') throw invalidParameter('v', 'must be 1.0');
    return app;
  }

  /** Step 10: the method's own rules, then the handler. */
  async #run(method: AnyMethodDefinition, app: App, params: RequestParams, credentials: CallCredentials, call: ApiCall) {
    const { services, ports } = this.#options;
    const { session } = credentials;
    if (method.access.session === 'required' && !session) throw new ApiError(102, 'this method needs a session_key');
    if (!method.access.appTypes.includes(app.type)) {
      throw invalidParameter('api_key', `${method.name} is not available to ${app.type} applications`);
    }
    if (method.access.desktopHttps && app.type === 'desktop' && this.#options.desktopHttpsRequired && !call.secure) {
      throw invalidParameter('api_key', `desktop applications must call ${method.name} over https`);
    }
    const targetUid = method.access.target
      ? await resolveTarget(
          { rule: method.access.target, app, rawUid: params.get('uid'), session, signedWithSessionSecret: credentials.signedWith === 'session' },
          ports,
        )
      : undefined;
    const values = parseMethodParams(method, params);
    return method.handler({ params: values, app, session, targetUid, services, origin: call.origin, signedWithSessionSecret: credentials.signedWith === 'session', upload: call.upload });
  }

  #asApiError(thrown: unknown, requestId: string): ApiError {
    if (thrown instanceof ApiError) return thrown;
    if (thrown instanceof StoreUnavailableError) {
      this.#options.log.warn({ requestId, err: thrown }, 'store unavailable');
      return new ApiError(2);
    }
    this.#options.log.error({ requestId, err: thrown }, 'unexpected failure');
    return new ApiError(1, `request id ${requestId}`);
  }
}
