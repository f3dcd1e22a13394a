/**
 * The platform sign-in of a browser: who the `hearth_login` cookie names, signing in with an
 * e-mail and password, and signing out. Password checks and their slow-down are the sign-in
 * service's; this file only adds the cookie.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../feature.js';
import type { Person } from '../../people/records.js';
import { clearCookie, KNOWN_BROWSER_COOKIE, readCookie, setCookie, SIGN_IN_COOKIE } from '../../../http/page-kit/page-cookies.js';

export function signedInPerson(request: FastifyRequest, services: Services): Promise<Person | undefined> {
  return services.signIn.personFromCookie(readCookie(request, SIGN_IN_COOKIE));
}

export interface SignInForm {
  readonly email: string;
  readonly password: string;
  /**
   * "Keep me signed in": the cookie outlives the browser session (docs/pages.md, "Common to every
   * page", sign-in cookie).
   */
  readonly persistent: boolean;
}

export type SignInOutcome =
  | { readonly signedIn: Person }
  | { readonly problem: 'wrong-credentials' }
  | { readonly problem: 'slow-down'; readonly retryAfterSeconds: number };

export async function signIn(request: FastifyRequest, reply: FastifyReply, services: Services, form: SignInForm): Promise<SignInOutcome> {
  const result = await services.signIn.checkPassword({
    email: form.email,
    password: form.password,
    address: request.ip,
    knownBrowser: readCookie(request, KNOWN_BROWSER_COOKIE),
  });
  if ('problem' in result) return result;
  setCookie(request, reply, KNOWN_BROWSER_COOKIE, result.knownBrowser.value, result.knownBrowser.maxAgeSeconds);
  // Someone else may have been signed in here (skipcookie): their sign-in ends, not just its cookie.
  await services.signIn.endBrowserSignIn(readCookie(request, SIGN_IN_COOKIE));
  const now = new Date();
  const started = await services.signIn.startBrowserSignIn(result.person.uid, form.persistent, now);
  // Without "keep me signed in" the cookie dies with the browser session, or after a day at most (store side).
  const maxAge = form.persistent ? Math.floor((started.expiresAt.getTime() - now.getTime()) / 1000) : undefined;
  setCookie(request, reply, SIGN_IN_COOKIE, started.cookieValue, maxAge);
  return { signedIn: result.person };
}

/** Ends the browser's sign-in, in the store and in the browser. Answers who was signed in. */
export async function signOut(request: FastifyRequest, reply: FastifyReply, services: Services): Promise<Person | undefined> {
  const cookie = readCookie(request, SIGN_IN_COOKIE);
  const person = await services.signIn.personFromCookie(cookie);
  await services.signIn.endBrowserSignIn(cookie);
  if (cookie !== undefined) clearCookie(request, reply, SIGN_IN_COOKIE);
  return person;
}

export function displayName(person: Person): string {
  return `${person.firstName} ${person.lastName}`;
}
