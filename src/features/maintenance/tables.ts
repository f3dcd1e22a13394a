/** The maintenance feature's table: operator switches every instance must see at once. */
export interface SettingsTable {
  name: string;
  value: string;
}

declare module '../../db/database.js' {
  interface Tables {
    settings: SettingsTable;
  }
}
