/** The sessions feature's tables: one-time auth tokens, and API sessions with their latest call_id. */
export interface AuthTokensTable {
  token: string;
  app_id: number;
  /** `null` until someone signs in with it (desktop tokens from auth.createToken). */
  uid: number | null;
  created_at: number;
  expires_at: number;
}

export interface ApiSessionsTable {
  session_key: string;
  app_id: number;
  uid: number;
  secret: string | null;
  /** `null`: the session never expires (offline_access). */
  expires_at: number | null;
  created_at: number;
  last_call_id: number | null;
}

declare module '../../db/database.js' {
  interface Tables {
    auth_tokens: AuthTokensTable;
    api_sessions: ApiSessionsTable;
  }
}
