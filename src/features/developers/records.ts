/** Developers: the people who may see and change an app on /developers/. */
import type { Tx } from '../../db/database.js';

export interface DeveloperRepository {
  /** Adds `uid` to the app's developers; false when they already were one. */
  add(appId: number, uid: number, now: Date, trx?: Tx): Promise<boolean>;
  /** False when `uid` was not a developer of the app. */
  remove(appId: number, uid: number): Promise<boolean>;
  isDeveloper(appId: number, uid: number): Promise<boolean>;
  /** The app's developers' uids, in the order they were added. */
  developersOf(appId: number): Promise<number[]>;
  /** The ids of the apps `uid` develops, oldest app first. */
  appsOf(uid: number): Promise<number[]>;
}
