/** The status feature's tables: the history of each person's statuses, and when they last cleared it. */

export interface StatusesTable {
  /** The story id of the stream post the status is. */
  status_id: number;
  uid: number;
  /** As the app sent it, cut to the platform's length; never with a verb put in front. */
  message: string;
  /** 1 when shown as "Ada is …": users.setStatus without status_includes_verb. */
  needs_verb: number;
  /** The app that set it; null when set on Hearth's own pages or the app is gone. */
  app_id: number | null;
  created_at: number;
}

export interface StatusClearsTable {
  uid: number;
  cleared_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    statuses: StatusesTable;
    status_clears: StatusClearsTable;
  }
}
