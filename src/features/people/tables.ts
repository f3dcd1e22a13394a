/** The people feature's table, as the query layer types it. */
import type { Generated } from 'kysely';

export interface PeopleTable {
  uid: Generated<number>;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  picture_url: string | null;
  sex: string | null;
  birthday: string | null;
  locale: Generated<string>;
  timezone: number | null;
  profile_updated_at: number | null;
  created_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    people: PeopleTable;
  }
}
