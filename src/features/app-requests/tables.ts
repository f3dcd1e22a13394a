/** The app requests feature's table (migration 35): one row per person a request was sent to. */
import type { Generated } from 'kysely';

export interface AppRequestsTable {
  request_id: Generated<number>;
  app_id: number;
  sender_uid: number;
  recipient_uid: number;
  /** The noun the app gave the request (`fb:request-form type`). */
  type: string;
  /** 1 for an invitation, 0 for a request. */
  is_invite: number;
  /** The request's FBML as the app wrote it, fb:req-choice buttons included; emptied once answered. */
  content: string;
  created_at: number;
  /** When the recipient accepted or ignored it (or removed the app); null while it waits. */
  answered_at: number | null;
}

declare module '../../db/database.js' {
  interface Tables {
    app_requests: AppRequestsTable;
  }
}
