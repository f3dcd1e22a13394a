/**
 * Apps and operator settings are read by every API call and change rarely — from the CLI, or from
 * another instance sharing the database. A ChangeWatch lets a backend serve those reads from memory
 * for as long as it can prove nobody else has written them: SQLite through `PRAGMA data_version`,
 * PostgreSQL through LISTEN/NOTIFY.
 */
export interface ChangeWatch {
  /**
   * A number that moves whenever another process may have changed apps or settings since it was
   * last read; `undefined` while the watch cannot tell (reads then go to the database).
   */
  version(): number | undefined;
  /** The longest a cached read is served even though `version` has not moved. */
  readonly maxAgeMs: number;
  close(): Promise<void>;
}

/** For stores whose every read must go to the database. */
export const NO_WATCH: ChangeWatch = {
  version: () => undefined,
  maxAgeMs: 0,
  close: async () => undefined,
};
