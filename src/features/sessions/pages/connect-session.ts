/**
 * The `session` parameter of a Connect-style login (docs/pages.md, "/login.php" step 5, and
 * docs/connect.md): the session as JSON, signed exactly as the Connect cookies on the site are —
 * `uid` renamed `user`, `secret` renamed `ss`, `sig` and `base_domain` left out, sorted by name,
 * `name=value` concatenated, the application secret appended, MD5. The Connect library stores these
 * fields in the `APIKEY_*` cookies and this `sig` as the `APIKEY` cookie, so the PHP client's cookie
 * check accepts them, and so do sites that verify `session` themselves.
 */
import { computeSignature } from '../../../wire/signature.js';
import type { ApiSession } from '../records.js';

export interface ConnectSession {
  readonly session_key: string;
  /** A string, as Facebook sent it. */
  readonly uid: string;
  /** Unix time; 0 for a session that never expires. */
  readonly expires: number;
  /**
   * Absent only for a web app's session that never expires: session secrets are temporary
   * (docs/pages.md, "/login.php", offline sessions), so such a session signs with the application
   * secret.
   */
  readonly secret?: string;
  readonly sig: string;
  /** The app's base domain, when it has one (not signed). */
  readonly base_domain?: string;
}

/** The fields of a Connect session as the site's cookies name them, without the `APIKEY_` prefix. */
export function connectCookieFields(fields: Pick<ConnectSession, 'session_key' | 'uid' | 'expires' | 'secret'>): Record<string, string> {
  const named: Record<string, string> = { expires: String(fields.expires), session_key: fields.session_key, user: fields.uid };
  if (fields.secret !== undefined) named.ss = fields.secret;
  return named;
}

export function signConnectSession(fields: Omit<ConnectSession, 'sig'>, appSecret: string): ConnectSession {
  return { ...fields, sig: computeSignature(connectCookieFields(fields), appSecret) };
}

/** The session as a Connect site receives it: the fields of the captured example, in its order. */
export function connectSessionFields(session: ApiSession, appSecret: string, baseDomain?: string): ConnectSession {
  const signed = signConnectSession(
    {
      session_key: session.sessionKey,
      uid: String(session.uid),
      expires: session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000),
      ...(session.secret === null ? {} : { secret: session.secret }),
    },
    appSecret,
  );
  return {
    session_key: signed.session_key,
    uid: signed.uid,
    expires: signed.expires,
    ...(signed.secret === undefined ? {} : { secret: signed.secret }),
    sig: signed.sig,
    ...(baseDomain ? { base_domain: baseDomain } : {}),
  };
}

/** The JSON text for `next?session=…`. */
export function connectSessionJson(session: ApiSession, appSecret: string, baseDomain?: string): string {
  return JSON.stringify(connectSessionFields(session, appSecret, baseDomain));
}
