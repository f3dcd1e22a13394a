/** The app-admin feature's tables (migration 29): the properties apps set, and each person's preferences with each app. */

export interface AppPropertiesTable {
  app_id: number;
  /** A property name of admin.setAppProperties that is not one of the app's own fields. */
  name: string;
  /** The value as JSON text: a string, the number 0 or 1, or a list of strings. */
  value: string;
}

export interface UserPreferencesTable {
  app_id: number;
  uid: number;
  /** 0–200. */
  pref_id: number;
  /** At most 128 characters; never "" or "0" (those remove the slot). */
  value: string;
}

declare module '../../db/database.js' {
  interface Tables {
    app_properties: AppPropertiesTable;
    user_preferences: UserPreferencesTable;
  }
}
