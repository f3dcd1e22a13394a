/**
 * The profile-info feature's tables: each person's info section per app (profile.setInfo), and the
 * typeahead options an app offers for one of its fields (profile.setInfoOptions).
 */

export interface ProfileInfoSectionsTable {
  uid: number;
  app_id: number;
  /** The section's header, as stored after the length cut (docs/profile-info.md, "Limits"). */
  title: string;
  /** 1: text items; 5: thumbnail (object) items. */
  type: number;
  /** JSON array of `{field, items: [{label, sublabel?, description?, link, image?}]}`, keys in that order. */
  fields: string;
  updated_at: number;
}

export interface ProfileInfoOptionsTable {
  app_id: number;
  /** The field name the options are for, as stored after the length cut. */
  field: string;
  /** JSON array of items, as in a section's field. */
  items: string;
  updated_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    profile_info_sections: ProfileInfoSectionsTable;
    profile_info_options: ProfileInfoOptionsTable;
  }
}
