/** The sign-in feature's tables: browsers signed in, attempt counts per subject, and browsers known to a person. */
export interface BrowserSignInsTable {
  /** The hash of the secret in the browser's cookie. */
  id_hash: string;
  uid: number;
  created_at: number;
  expires_at: number;
}

export interface SignInFailuresTable {
  /** An account, an address or a known browser (sign-in-service.ts). */
  subject: string;
  failures: number;
  first_failure_at: number;
  last_failure_at: number;
  wait_ms: number;
  blocked_until: number;
  last_claim: string | null;
}

export interface KnownBrowsersTable {
  id_hash: string;
  uid: number;
  expires_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    browser_sign_ins: BrowserSignInsTable;
    sign_in_failures: SignInFailuresTable;
    known_browsers: KnownBrowsersTable;
  }
}
