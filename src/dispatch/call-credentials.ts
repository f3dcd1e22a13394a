/**
 * The credential checks of the pipeline (docs/architecture.md, "The path of one API call", step 3):
 * which secret signed the call, whether the signature holds, which session the call is made in,
 * and its call_id. Which secret signs (docs/protocol-choices.md, "Sessions"):
 *
 *  - `ss=1`: the session secret, and nothing else (454 without a session_key, 455 for a session
 *    without a secret, 15 when the method may not be signed that way);
 *  - desktop apps with a session: the session secret, or else the application secret (clients such
 *    as facebooker sign with the session secret and never send `ss`);
 *  - web apps: the application secret, or else a secret the session was given.
 */
import type { AnyMethodDefinition } from './define-method.js';
import type { ApiSession, CallerApp as App, CallSession, SessionLookup, SessionPort } from './ports.js';
import { ApiError, invalidParameter } from '../wire/errors.js';
import type { RequestParams } from '../wire/request-params.js';
import { signatureBaseString, signatureMatches, signBaseString } from '../wire/signature.js';

type SecretKind = 'app' | 'session';

export interface CallCredentials {
  readonly session: CallSession | undefined;
  readonly signedWith: SecretKind;
}

/** call_id as clients send it: PHP's microtime floats (`1262304000.1234`) or integer milliseconds. */
const CALL_ID = /^\d{1,20}(\.\d{1,20})?$/;
/**
 * The largest call_id taken: 2^53 − 1, far above any clock in microseconds (~1.3e15). A larger one
 * cannot be compared exactly, and once stored it would leave the session no greater call_id to send.
 */
const MAX_CALL_ID = Number.MAX_SAFE_INTEGER;

function sessionError(lookup: Exclude<SessionLookup, { session: ApiSession }>, now: Date): ApiError {
  if (lookup.problem === 'expired') {
    const expired = Math.floor(lookup.expiredAt.getTime() / 1000);
    return new ApiError(102, `session has expired at unix time ${expired}; the current unix time is ${Math.floor(now.getTime() / 1000)}`);
  }
  return new ApiError(102);
}

export class CallAuthenticator {
  readonly #sessions: SessionPort;
  readonly #dev: boolean;

  constructor(sessions: SessionPort, dev: boolean) {
    this.#sessions = sessions;
    this.#dev = dev;
  }

  async authenticate(method: AnyMethodDefinition, app: App, params: RequestParams, now = new Date()): Promise<CallCredentials> {
    const ss = params.get('ss');
    const sessionSecretClaimed = ss !== undefined && ss !== '0';
    // Methods without sessions ignore session_key (the PHP client sends it empty), unless the call
    // claims to be signed with that session's secret.
    const sessionKey = method.access.session === 'none' && !sessionSecretClaimed ? undefined : params.get('session_key');
    if (sessionKey === undefined) return this.#check(method, app, params, sessionSecretClaimed, undefined, now);

    // Looked up before the signature so its secret can be tried; refused only after the signature holds.
    // A session remembered from an earlier call saves the read; it may have ended or gained a
    // secret since, so a refusal is only given on what the store says now.
    const remembered = this.#sessions.remembered(app, sessionKey, now);
    if (remembered) {
      try {
        return await this.#check(method, app, params, sessionSecretClaimed, { session: remembered }, now);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        this.#sessions.forget(sessionKey);
      }
    }
    return this.#check(method, app, params, sessionSecretClaimed, await this.#sessions.resolve(app, sessionKey, now), now);
  }

  async #check(
    method: AnyMethodDefinition,
    app: App,
    params: RequestParams,
    sessionSecretClaimed: boolean,
    lookup: SessionLookup | undefined,
    now: Date,
  ): Promise<CallCredentials> {
    const sessionSecret = lookup && ('session' in lookup ? lookup.session.secret : lookup.problem === 'expired' ? lookup.secret : null);

    if (sessionSecretClaimed) {
      if (lookup === undefined) throw new ApiError(454);
      if (!('session' in lookup)) throw sessionError(lookup, now);
      if (!lookup.session.secret) throw new ApiError(455);
      if (!method.access.sessionSecret) throw new ApiError(15);
      this.#verify(params, [['session', lookup.session.secret]]);
      return this.#withCallId(params, lookup.session, 'session', now);
    }

    const candidates: Array<[SecretKind, string]> = [['app', app.secret]];
    if (sessionSecret) {
      if (app.type === 'desktop') candidates.unshift(['session', sessionSecret]);
      else candidates.push(['session', sessionSecret]);
    }
    const signedWith = this.#verify(params, candidates);
    if (signedWith === 'session' && !method.access.sessionSecret) throw new ApiError(15);

    if (lookup === undefined) return { session: undefined, signedWith };
    if (!('session' in lookup)) throw sessionError(lookup, now);
    return this.#withCallId(params, lookup.session, signedWith, now);
  }

  /** Which of the candidate secrets signed the call (compared in constant time), or error 104. */
  #verify(params: RequestParams, candidates: ReadonlyArray<readonly [SecretKind, string]>): SecretKind {
    const base = signatureBaseString(params.entries());
    const received = params.raw('sig') ?? '';
    const match = candidates.find(([, secret]) => signatureMatches(received, signBaseString(base, secret)));
    if (match) return match[0];
    if (!this.#dev) throw new ApiError(104);
    const which = candidates.map(([kind]) => (kind === 'app' ? 'the application secret' : 'the session secret')).join(' or ');
    throw new ApiError(104, `expected md5 of: ${base} followed by ${which}`);
  }

  /** Each call in a session carries a call_id greater than the last; the check-and-store is atomic. */
  async #withCallId(params: RequestParams, session: ApiSession, signedWith: SecretKind, now: Date): Promise<CallCredentials> {
    const raw = params.get('call_id');
    if (raw === undefined || !CALL_ID.test(raw)) throw new ApiError(103, raw === undefined ? 'call_id: missing' : 'call_id: not a number');
    const callId = Number(raw);
    if (!(callId <= MAX_CALL_ID)) throw invalidParameter('call_id', `larger than ${MAX_CALL_ID}`);
    const admitted = await this.#sessions.advanceCallId(session, callId, now);
    if (!admitted) throw new ApiError(103);
    return { session: admitted, signedWith };
  }
}
