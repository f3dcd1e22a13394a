/**
 * Sessions the way a web app gets them, through the server's own pages and API: the demo person
 * signs in on login.php (form, CSRF cookie and field, e-mail and password), each later visit of
 * login.php with that browser's cookies hands the app a fresh auth_token, and auth.getSession
 * turns it into a session. Well-formed requests through fetch; the fuzzing itself is raw bytes.
 */
import { computeSignature } from '../src/wire/signature.js';
import type { Session } from './cases/kit.js';

export class CookieJar {
  readonly #cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      if (eq > 0) this.#cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
  }

  get(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  header(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function hiddenFields(html: string): Array<[string, string]> {
  const form = /<form\b[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1] ?? '';
  const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...form.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((match) => [decode(match[1]!), decode(match[2]!)]);
}

async function get(url: string, jar: CookieJar): Promise<Response> {
  const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.take(response);
  return response;
}

/** Signs a person in on `path` (login.php?api_key=… or editapps.php): the form, then the POST with its hidden fields. */
export async function signIn(base: string, path: string, email: string, password: string): Promise<CookieJar> {
  const jar = new CookieJar();
  const form = await get(`${base}${path}`, jar);
  const html = await form.text();
  const fields = hiddenFields(html);
  if (!fields.some(([name]) => name === 'csrf_token')) throw new Error(`sign-in form of ${path} has no csrf_token (HTTP ${form.status})`);
  const action = /<form\b[^>]*method="post"[^>]*action="([^"]*)"/.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? path;
  const body = new URLSearchParams([...fields, ['email', email], ['pass', password]]);
  const response = await fetch(`${base}${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
  });
  jar.take(response);
  await response.text();
  if (response.status !== 303 || jar.get('hearth_login') === undefined) throw new Error(`signing in on ${path} answered ${response.status}`);
  return jar;
}

export interface WebApp {
  readonly apiKey: string;
  readonly secret: string;
}

/** A signed API call through fetch, parsed as JSON. */
export async function callApi(base: string, app: WebApp, method: string, params: Record<string, string>): Promise<unknown> {
  const pairs: Array<[string, string]> = [['method', method], ['api_key', app.apiKey], ['v', '1.0'], ['format', 'json'], ...Object.entries(params)];
  pairs.push(['sig', computeSignature(pairs, app.secret)]);
  const response = await fetch(`${base}/restserver.php`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(pairs).toString(),
  });
  return JSON.parse(await response.text());
}

/** A new session of the signed-in person: login.php hands over an auth_token, auth.getSession exchanges it. */
export async function newSession(base: string, app: WebApp, jar: CookieJar): Promise<Session> {
  const response = await get(`${base}/login.php?api_key=${app.apiKey}&v=1.0`, jar);
  await response.text();
  const location = response.headers.get('location');
  const token = location ? new URL(location, base).searchParams.get('auth_token') : null;
  if (!token) throw new Error(`login.php did not hand over an auth_token (HTTP ${response.status}, Location ${location})`);
  const session = (await callApi(base, app, 'auth.getSession', { auth_token: token })) as { session_key?: string; uid?: number; error_code?: number };
  if (typeof session.session_key !== 'string') throw new Error(`auth.getSession answered ${JSON.stringify(session)}`);
  return { sessionKey: session.session_key, uid: Number(session.uid) };
}

/** call_ids as clients send them: the current time in seconds, strictly increasing across the run. */
export function callIdClock(): () => string {
  let last = 0;
  return () => {
    last = Math.max(Date.now() / 1000, last + 0.001);
    return last.toFixed(3);
  };
}
