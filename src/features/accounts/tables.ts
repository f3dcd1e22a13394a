/** The accounts feature's tables: one-time codes (sign-ups waiting, e-mail changes, recoveries, invitations) and rate counts. */

export interface AccountCodesTable {
  /** SHA-256 of the code the link or the invitation carries; the code itself is never stored. */
  code_hash: string;
  /** `signup`, `email`, `recover` or `invite` (records.ts `CodePurpose`). */
  purpose: string;
  /** Where the code was mailed (the new address of an e-mail change); an invitation's address, if it names one. */
  email: string | null;
  /** The person an e-mail change or a recovery is for; `null` for sign-ups and invitations. */
  uid: number | null;
  /** A sign-up's name and password hash, kept until the address is confirmed. */
  first_name: string | null;
  last_name: string | null;
  password_hash: string | null;
  created_at: number;
  expires_at: number;
}

export interface AccountRateCountsTable {
  /** What is counted, e.g. `signup-address:192.0.2.1` (account-limits.ts). */
  subject: string;
  window_started_at: number;
  count: number;
}

declare module '../../db/database.js' {
  interface Tables {
    account_codes: AccountCodesTable;
    account_rate_counts: AccountRateCountsTable;
  }
}
