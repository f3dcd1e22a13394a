import { ApiError } from '../../../wire/errors.js';
import type { ApiValue } from '../../../wire/values.js';
import { bool, defineMethod, optional, required, text } from '../../../dispatch/method-kit.js';
import type { MethodServices } from '../../../dispatch/define-method.js';
import type { App } from '../../apps/records.js';
import type { ApiSession } from '../records.js';
import { readSessionCode } from '../session-code-service.js';
import { baseDomainFor, readConnectSite } from '../../connect/connect-site.js';

const UNUSABLE = 'auth_token: unknown, expired, already used, or nobody has signed in with it';

export const getSession = defineMethod({
  name: 'auth.getSession',
  summary: 'Exchanges a signed-in auth_token, once, for a session.',
  params: {
    auth_token: required(text(64), 'from auth.createToken (desktop) or the callback URL (web)'),
    generate_session_secret: optional(bool, 'web apps: also issue a session secret for client-side code'),
    host_url: optional(text(2048), 'the page being built: the answer names the app’s base domain when the page lies inside it'),
  },
  answer: 'session',
  access: { session: 'none', sessionSecret: false, appTypes: ['web', 'desktop'], desktopHttps: true },
  handler: async ({ app, params, services }) => {
    const options = { withSecret: params.generate_session_secret === true };
    const code = readSessionCode(params.auth_token);
    const session = code === undefined ? await services.sessions.exchangeToken(app, params.auth_token, options) : await exchangeCode(services, app, code, options);
    if (!session) throw new ApiError(100, UNUSABLE);
    const answer: Record<string, ApiValue> = {
      session_key: session.sessionKey,
      uid: session.uid,
      expires: session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000),
    };
    // Never volunteered to a web app that did not ask: the PHP client would start signing with it.
    if (session.secret) answer.secret = session.secret;
    // Last, as the schema orders it; only for a page inside the app's base domain (docs/connect.md).
    const baseDomain = params.host_url === undefined ? undefined : baseDomainFor(await readConnectSite(services, app), params.host_url);
    if (baseDomain) answer.base_domain = baseDomain;
    return answer;
  },
});

/** A code from code_gen.php (docs/code-gen.md): a session that never expires, or error 4 once the app has sent too many wrong codes. */
async function exchangeCode(services: MethodServices, app: App, code: string, options: { withSecret: boolean }): Promise<ApiSession | undefined> {
  const outcome = await services.sessionCodes.exchange(app, code, options);
  if ('session' in outcome) return outcome.session;
  if (outcome.problem === 'unusable') return undefined;
  const minutes = Math.ceil(outcome.retryAfterSeconds / 60);
  throw new ApiError(4, `too many wrong code_gen.php codes for this application; no code is taken for ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`);
}
