/**
 * The `session` parameter of a Connect-style login (docs/pages.md, "/login.php" step 5): the new
 * session as JSON, signed the way Connect signs its cookies — the other fields sorted by name,
 * `name=value` concatenated, the application secret appended, MD5. Clients drop `sig` and use
 * `secret` as the session secret.
 */
import { computeSignature } from '../../../wire/signature.js';
import type { ApiSession } from '../records.js';

export interface ConnectSession {
  readonly session_key: string;
  readonly uid: number;
  /** Unix time; 0 for a session that never expires. */
  readonly expires: number;
  /**
   * Absent only for a web app's session that never expires: session secrets are temporary
   * (docs/pages.md, "/login.php", offline sessions), so such a session signs with the application
   * secret.
   */
  readonly secret?: string;
  readonly sig: string;
}

export function signConnectSession(fields: Omit<ConnectSession, 'sig'>, appSecret: string): ConnectSession {
  const signed: Record<string, string> = { session_key: fields.session_key, uid: String(fields.uid), expires: String(fields.expires) };
  if (fields.secret !== undefined) signed.secret = fields.secret;
  return { ...fields, sig: computeSignature(signed, appSecret) };
}

/** The JSON text for `next?session=…`, fields in the order of the captured example. */
export function connectSessionJson(session: ApiSession, appSecret: string): string {
  const signed = signConnectSession(
    {
      session_key: session.sessionKey,
      uid: session.uid,
      expires: session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000),
      ...(session.secret === null ? {} : { secret: session.secret }),
    },
    appSecret,
  );
  return JSON.stringify({ session_key: signed.session_key, uid: signed.uid, expires: signed.expires, secret: signed.secret, sig: signed.sig });
}
