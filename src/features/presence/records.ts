/** Presence: when people were last seen, and what that makes them. */

/** online_presence as the platform wrote it; Hearth never answers `error` (docs/presence.md). */
export type OnlinePresence = 'active' | 'idle' | 'offline' | 'error';

export interface PresenceRepository {
  /** Records that the person was seen at `at`; an earlier time than the one stored changes nothing. */
  touch(uid: number, at: Date): Promise<void>;
  /** When each of these people was last seen; those never seen are left out. */
  lastSeen(uids: readonly number[]): Promise<Map<number, Date>>;
}
