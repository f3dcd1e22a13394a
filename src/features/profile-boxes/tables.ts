/** The profile boxes' table: the FBML slots an app set for a person. */
export interface ProfileFbmlTable {
  uid: number;
  app_id: number;
  profile: string | null;
  profile_main: string | null;
  mobile_profile: string | null;
  profile_action: string | null;
  updated_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    profile_fbml: ProfileFbmlTable;
  }
}
