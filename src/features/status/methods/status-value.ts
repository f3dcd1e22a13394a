/** One status as status.get and the FQL `status` table write it. */
import type { StatusEntry } from '../records.js';

export function statusTime(entry: StatusEntry): number {
  return Math.floor(entry.createdAt.getTime() / 1000);
}

/** `<user_status>`: message, time, status_id, source (the app's id, 0 when set on Hearth), uid. */
export function userStatus(entry: StatusEntry): Record<string, string | number> {
  return { message: entry.message, time: statusTime(entry), status_id: entry.statusId, source: entry.appId ?? 0, uid: entry.uid };
}
