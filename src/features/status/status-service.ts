/**
 * Statuses: a person's history of what they said they were doing. The newest entry is their current
 * status until they clear it; a cleared status stays in the history. Each entry is a post of their
 * stream (type 46), and its status_id is that post's story id: the stream records the entry when it
 * publishes such a post, and status.set / users.setStatus publish one.
 */
import type { Store } from '../feature.js';
import type { StatusEntry } from './records.js';

export type { StatusEntry } from './records.js';

/** The platform's status length: longer text is cut and ends with "...". */
export const MAX_STATUS_LENGTH = 255;

/** `text` cut to MAX_STATUS_LENGTH characters (as people count them, not UTF-16 units). */
export function statusText(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_STATUS_LENGTH ? text : `${characters.slice(0, MAX_STATUS_LENGTH - 3).join('')}...`;
}

export interface PostedStatus {
  readonly uid: number;
  /** The story id of the post. */
  readonly statusId: number;
  readonly message: string;
  readonly appId: number | null;
  readonly createdAt: Date;
  /** users.setStatus without status_includes_verb: shown as "Name is message". */
  readonly needsVerb?: boolean;
}

export class StatusService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  /** Makes the post the person's current status (again, with needsVerb, if already recorded). */
  recordFromPost(status: PostedStatus): Promise<void> {
    return this.#store.statuses.record({ ...status, message: statusText(status.message), needsVerb: status.needsVerb ?? false });
  }

  /** The status's post was removed from the stream: the status goes with it. */
  forgetPost(statusId: number): Promise<void> {
    return this.#store.statuses.remove(statusId);
  }

  clear(uid: number, now = new Date()): Promise<void> {
    return this.#store.statuses.clear(uid, now);
  }

  /** The current status of each of `uids` that has one. */
  async currentOf(uids: readonly number[]): Promise<Map<number, StatusEntry>> {
    return new Map((await this.#store.statuses.currentOf(uids)).map((entry) => [entry.uid, entry]));
  }

  async current(uid: number): Promise<StatusEntry | undefined> {
    return (await this.currentOf([uid])).get(uid);
  }

  /** Newest first, at most `limit` per person. */
  historyOf(uids: readonly number[], limit: number): Promise<StatusEntry[]> {
    return this.#store.statuses.historyOf(uids, limit);
  }

  byIds(statusIds: readonly number[]): Promise<StatusEntry[]> {
    return this.#store.statuses.byIds(statusIds);
  }
}
