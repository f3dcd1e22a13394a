/** What the app-admin feature keeps: the properties apps set beyond their own fields, and people's preference slots. */
import type { Tx } from '../../db/database.js';

/** One set slot of a person's preferences with an app. */
export interface Preference {
  readonly prefId: number;
  readonly value: string;
}

export interface AppPropertyRepository {
  /** The stored values (JSON text) of these row names that the app has set. */
  read(appId: number, names: readonly string[]): Promise<Map<string, string>>;
  /** Stores each value (JSON text) under its row name, in the transaction given. */
  write(appId: number, values: ReadonlyMap<string, string>, trx: Tx): Promise<void>;
}

export interface PreferenceRepository {
  find(appId: number, uid: number, prefId: number): Promise<string | undefined>;
  /** The set slots in ascending pref_id. */
  list(appId: number, uid: number): Promise<Preference[]>;
  /**
   * Sets the slots whose value is a string and removes those whose value is null; `replace` first
   * removes every slot not given. One transaction.
   */
  apply(appId: number, uid: number, values: ReadonlyMap<number, string | null>, replace: boolean): Promise<void>;
}
