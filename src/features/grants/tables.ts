/** The grants feature's tables: who authorized which app, and the extended permissions they granted it. */
export interface AppAuthorizationsTable {
  uid: number;
  app_id: number;
  authorized_at: number;
}

export interface ExtendedPermissionsTable {
  uid: number;
  app_id: number;
  /** Wire name: `email`, `offline_access`, … */
  permission: string;
  granted_at: number;
}

declare module '../../db/database.js' {
  interface Tables {
    app_authorizations: AppAuthorizationsTable;
    extended_permissions: ExtendedPermissionsTable;
  }
}
