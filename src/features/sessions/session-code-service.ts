/**
 * /code_gen.php's one-time codes (docs/code-gen.md): a signed-in person makes one for an app, the
 * app's program passes it to auth.getSession as `auth_token`, and gets a session that never
 * expires, with an `offline_access` grant recorded so that every other answer agrees.
 *
 * Six characters from 32 symbols are about a billion codes, few enough to guess given time, so the
 * app's code exchanges are counted per fixed window and refused over a budget (`CODE_POLICY`). A
 * desktop program's secret ships with the program, so anyone may sign such calls: the budget is
 * what keeps a guesser's chance negligible.
 */
import { randomInt } from 'node:crypto';
import type { App } from '../apps/records.js';
import type { Store } from '../feature.js';
import { DuplicateError } from '../../db/store-errors.js';
import type { ApiSession } from './records.js';
import type { SessionCode } from './session-code-records.js';
import type { SessionService } from './session-service.js';

/** No I, O, 0 or 1: nothing a person could misread when typing the code. */
export const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export interface CodePolicy {
  /** How long an unused code may wait for its exchange. */
  readonly lifetimeMs: number;
  /** The fixed window code exchanges are counted in, per app. */
  readonly windowMs: number;
  /**
   * Wrong codes an app may send in one window; past them every code exchange of the app is
   * refused until the window ends. 100 an hour over a year is under 900,000 guesses, which finds
   * one of 10 waiting codes among 32⁶ with a chance below 1 %.
   */
  readonly wrongCodesPerWindow: number;
}

export const CODE_POLICY: CodePolicy = { lifetimeMs: 3_600_000, windowMs: 3_600_000, wrongCodesPerWindow: 100 };

const CODE_SHAPE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/**
 * The code an `auth_token` holds, as stored (capitals), or `undefined` when the text is not
 * shaped like one — auth.createToken's tokens are 32 hex characters, so the two never meet.
 * Codes are typed by people: any case counts, and spaces around are dropped.
 */
export function readSessionCode(authToken: string): string | undefined {
  const code = authToken.trim().toUpperCase();
  return CODE_SHAPE.test(code) ? code : undefined;
}

function newCode(): string {
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Tries at drawing a code the app has not handed out already; a billion codes make a second try rare. */
const DRAWS = 8;

export type CodeExchange =
  | { readonly session: ApiSession }
  | { readonly problem: 'unusable' }
  | { readonly problem: 'too-many-wrong-codes'; readonly retryAfterSeconds: number };

export class SessionCodeService {
  readonly #store: Store;
  readonly #sessions: SessionService;
  readonly #policy: CodePolicy;

  constructor(store: Store, sessions: SessionService, policy: CodePolicy = CODE_POLICY) {
    this.#store = store;
    this.#sessions = sessions;
    this.#policy = policy;
  }

  get policy(): CodePolicy {
    return this.#policy;
  }

  /** A new code for the person and app, replacing the person's older unused one. */
  async generate(app: App, uid: number, now = new Date()): Promise<SessionCode> {
    const expiresAt = new Date(now.getTime() + this.#policy.lifetimeMs);
    for (let draw = 1; ; draw++) {
      const code: SessionCode = { appId: app.appId, code: newCode(), uid, expiresAt };
      try {
        await this.#store.sessionCodes.replace(code, now);
        return code;
      } catch (error) {
        if (!(error instanceof DuplicateError) || draw === DRAWS) throw error;
      }
    }
  }

  /**
   * auth.getSession with a code (from `readSessionCode`): the session, never expiring, or why not.
   * The attempt is counted before the code is looked up, so a burst of guesses sent at once gets
   * no more tries than the same guesses one by one; a right code takes its count back.
   */
  async exchange(app: App, code: string, options: { withSecret: boolean }, now = new Date()): Promise<CodeExchange> {
    const windowStart = new Date(now.getTime() - (now.getTime() % this.#policy.windowMs));
    const attempts = await this.#store.sessionCodes.countAttempt(app.appId, windowStart);
    if (attempts > this.#policy.wrongCodesPerWindow) {
      return { problem: 'too-many-wrong-codes', retryAfterSeconds: Math.ceil((windowStart.getTime() + this.#policy.windowMs - now.getTime()) / 1000) };
    }
    const consumed = await this.#store.sessionCodes.consume(app.appId, code, now);
    if (!consumed) return { problem: 'unusable' };
    await this.#store.sessionCodes.refundAttempt(app.appId, windowStart);
    // Removing the app deletes its codes with it; this covers a removal racing the exchange.
    if (!(await this.#store.authorizations.isAuthorized(consumed.uid, app.appId))) return { problem: 'unusable' };
    // Granted before the session is made, so the session is made never to expire, and
    // users.hasAppPermission, fb_sig_expires and fb_sig_ext_perms say so too.
    await this.#store.permissions.grant(consumed.uid, app.appId, 'offline_access');
    return { session: await this.#sessions.createSession(app, consumed.uid, options, now) };
  }
}
