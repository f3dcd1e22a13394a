/**
 * Whose cookies data.setCookie and data.getCookies reach: the person `uid` names, who need not have
 * authorized the app (canvas cookies work for every viewer). Desktop apps have no canvas and so no
 * cookies (200); a call signed with a session secret (a Connect site's browser code) reaches only
 * the session's own person (200).
 */
import type { CallSession, MethodApp } from '../../../dispatch/ports.js';
import type { MethodServices } from '../../../dispatch/define-method.js';
import { ApiError } from '../../../wire/errors.js';

export const COOKIE_ACCESS = { session: 'optional', sessionSecret: true, appTypes: ['web', 'desktop'] } as const;

export interface CookieCall {
  readonly app: MethodApp;
  readonly session: CallSession | undefined;
  readonly signedWithSessionSecret: boolean;
  readonly services: MethodServices;
}

/** `uid` once the call may reach that person's cookies; throws 200 or 110 otherwise. */
export async function cookieOwner(call: CookieCall, uid: number): Promise<number> {
  if (call.app.type === 'desktop') throw new ApiError(200, 'desktop applications have no canvas pages and so no cookies');
  if (call.signedWithSessionSecret && uid !== call.session?.uid) throw new ApiError(200, 'a call signed with a session secret may only reach the session user’s cookies');
  if ((await call.services.people.findMany([uid])).length === 0) throw new ApiError(110, `uid ${uid} names nobody`);
  return uid;
}
