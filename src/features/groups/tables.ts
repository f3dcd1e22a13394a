/** The groups feature's tables (migration 21). */
import type { Generated } from 'kysely';

export interface GroupsTable {
  gid: Generated<number>;
  name: string;
  /** The network the group belongs to; 0 for none (Hearth has no networks). */
  nid: number;
  description: string;
  group_type: string;
  group_subtype: string;
  recent_news: string;
  office: string;
  website: string;
  venue_street: string;
  venue_city: string;
  venue_state: string;
  venue_country: string;
  /** OPEN, CLOSED or SECRET. */
  privacy: string;
  creator_uid: number | null;
  update_time: number;
}

export interface GroupMembersTable {
  gid: number;
  uid: number;
  /** 1 once the person joined; 0 while invited and not replied. */
  joined: number;
  officer: number;
  admin: number;
  added_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    groups: GroupsTable;
    group_members: GroupMembersTable;
  }
}
