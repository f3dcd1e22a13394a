/** A cookie of a person's jar as data.getCookies and the FQL `cookies` table write it, in the table's column order. */
import type { PersonCookie } from './person-cookie-repository.js';

/** Unix seconds, as the platform wrote cookie expiry times. */
export function expiresOf(cookie: PersonCookie): number {
  return Math.floor(cookie.expiresAt.getTime() / 1000);
}

export function cookieValue(cookie: PersonCookie): { uid: number; name: string; value: string; expires: number; path: string } {
  return { uid: cookie.uid, name: cookie.name, value: cookie.value, expires: expiresOf(cookie), path: cookie.path };
}
