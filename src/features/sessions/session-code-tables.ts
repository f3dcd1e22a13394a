/** The tables of /code_gen.php's codes (migrations/033-session-codes.ts), as the query layer types them. */
export interface SessionCodesTable {
  app_id: number;
  /** Stored in capitals; matched case-insensitively by upper-casing what the app sends. */
  code: string;
  uid: number;
  created_at: number;
  expires_at: number;
}

export interface SessionCodeFailuresTable {
  app_id: number;
  /** Start of the fixed window, in milliseconds since the epoch. */
  window_start: number;
  /** Code exchanges of the window not known to have succeeded: wrong codes and those still in progress. */
  attempts: number;
}

declare module '../../db/database.js' {
  interface Tables {
    session_codes: SessionCodesTable;
    session_code_failures: SessionCodeFailuresTable;
  }
}
