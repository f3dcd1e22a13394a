/** Operator switches that every instance must see at once (the maintenance switch). */
export interface SettingRepository {
  get(name: string): Promise<string | undefined>;
  /** `undefined` removes the setting. */
  set(name: string, value: string | undefined): Promise<void>;
}
