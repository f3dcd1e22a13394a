/**
 * The three cookies the pages set. Both are HttpOnly (no script of ours reads them), SameSite=Lax
 * (sent on the top-level GET an app sends a person with, not on cross-site POSTs), Path=/, and
 * Secure whenever the page was reached over https.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** The platform sign-in: a secret whose hash names a browser sign-in in the store. */
export const SIGN_IN_COOKIE = 'hearth_login';
/** The double-submit token every form repeats (csrf.ts). */
export const CSRF_COOKIE = 'hearth_csrf';
/** Set at each successful sign-in: in this browser, that person's attempts have a budget of their own (sign-in service). */
export const KNOWN_BROWSER_COOKIE = 'hearth_browser';

export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const value = request.cookies[name];
  return value === undefined || value === '' ? undefined : value;
}

export function setCookie(request: FastifyRequest, reply: FastifyReply, name: string, value: string, maxAgeSeconds?: number): void {
  reply.setCookie(name, value, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    ...(maxAgeSeconds === undefined ? {} : { maxAge: maxAgeSeconds }),
  });
}

export function clearCookie(request: FastifyRequest, reply: FastifyReply, name: string): void {
  reply.clearCookie(name, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
