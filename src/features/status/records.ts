/** What the status feature keeps, and the repository that keeps it. */

export interface StatusEntry {
  readonly statusId: number;
  readonly uid: number;
  readonly message: string;
  /** Shown as "Name is message" rather than "Name message". */
  readonly needsVerb: boolean;
  /** The app that set it; null when set on Hearth's pages (source 0 on the wire). */
  readonly appId: number | null;
  readonly createdAt: Date;
}

export interface StatusRepository {
  /** Adds the entry, or replaces the one with its status_id (the stream and status.set may both record it). */
  record(entry: StatusEntry): Promise<void>;
  /** Ends the current status; recording a newer one starts a current status again. */
  clear(uid: number, at: Date): Promise<void>;
  /** Each person's entries, newest first, at most `limit` each (clearing removes none). */
  historyOf(uids: readonly number[], limit: number): Promise<StatusEntry[]>;
  /** Deletes the entry (its post was removed); the one before becomes current again. */
  remove(statusId: number): Promise<void>;
  /** The entries with these ids, whoever made them. */
  byIds(statusIds: readonly number[]): Promise<StatusEntry[]>;
  /** The newest entry of each person, if they have not cleared it since; one query. */
  currentOf(uids: readonly number[]): Promise<StatusEntry[]>;
}
