/**
 * Cross-site request forgery protection by double submit: a random token lives in the
 * `hearth_csrf` cookie and is repeated in a hidden field of every form; a POST is accepted only
 * when both are present and equal. Another site can make a browser POST to us, but it can neither
 * read the cookie nor set it (HttpOnly, and a site of another origin cannot write our cookies).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSRF_COOKIE, readCookie, setCookie } from './page-cookies.js';
import type { PageParams } from './page-params.js';
import { html, type SafeHtml } from './templates.js';

/** The form field that carries the token. */
export const CSRF_FIELD = 'csrf_token';

/**
 * The token for the forms of this response: the browser's existing one, or a new one set now.
 * Reusing it keeps forms in several tabs valid together.
 */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = readCookie(request, CSRF_COOKIE);
  if (existing !== undefined && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = randomBytes(32).toString('base64url');
  // A session cookie: a form left open past a browser restart is refused with "form has expired".
  setCookie(request, reply, CSRF_COOKIE, token);
  // A second form in the same response must see the same token.
  request.cookies[CSRF_COOKIE] = token;
  return token;
}

/** The hidden input every form includes. */
export function csrfField(token: string): SafeHtml {
  return html`<input type="hidden" name="${CSRF_FIELD}" value="${token}">`;
}

/** Whether a POST repeats the browser's token (compared in constant time). */
export function csrfMatches(request: FastifyRequest, params: PageParams): boolean {
  const cookie = readCookie(request, CSRF_COOKIE);
  const submitted = params.get(CSRF_FIELD);
  if (cookie === undefined || submitted === undefined) return false;
  const a = Buffer.from(cookie, 'utf8');
  const b = Buffer.from(submitted, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
