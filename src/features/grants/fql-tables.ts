/** The FQL `permissions` table: what the session user granted the calling app, one 1/0 column per permission. */
import { column, defineFqlTable, type FqlColumn } from '../../fql/table.js';
import { flag, int } from '../../fql/types.js';
import { EXTENDED_PERMISSIONS, LEGACY_PERMISSIONS, permissionCovers, type ExtendedPermission } from './extended-permissions.js';

/**
 * The data permissions of 2010 (`user_*` for the person's own data, `friends_*` for their
 * friends'): valid column names, 1 once granted. Hearth's prompts do not offer them yet, so they are 0.
 */
const DATA_SUBJECTS = [
  'about_me', 'activities', 'birthday', 'checkins', 'education_history', 'events', 'groups', 'hometown', 'interests', 'likes',
  'location', 'notes', 'online_presence', 'photo_video_tags', 'photos', 'relationships', 'relationship_details',
  'religion_politics', 'status', 'videos', 'website', 'work_history',
];
export const DATA_PERMISSIONS = [
  ...DATA_SUBJECTS.map((subject) => `user_${subject}`),
  ...DATA_SUBJECTS.map((subject) => `friends_${subject}`),
  'read_friendlists', 'read_requests', 'read_insights', 'manage_pages', 'xmpp_login', 'ads_management',
];

export interface Viewer {
  readonly uid: number;
}
export interface Granted {
  readonly names: readonly string[];
}

function permissionColumn(name: string, doc: string): FqlColumn<Viewer, Granted> {
  return column(flag, doc, (_viewer, granted) => (permissionCovers(granted.names, name as ExtendedPermission) ? 1 : 0));
}

export const permissionsTable = defineFqlTable<Viewer, Granted>({
  name: 'permissions',
  summary: 'The extended permissions the session user granted the calling app, each 1 or 0 (a number in JSON too).',
  privacyDoc: 'Only the session user’s own row; any other uid gives no row. Needs a session. `WHERE 1` reads the session user’s row.',
  session: 'required',
  viewerColumn: 'uid',
  columns: {
    uid: column(int, 'the session user', (viewer) => viewer.uid, { index: true }),
    ...Object.fromEntries(EXTENDED_PERMISSIONS.map((name) => [name, permissionColumn(name, 'granted?')])),
    ...Object.fromEntries(LEGACY_PERMISSIONS.map((name) => [name, permissionColumn(name, 'granted? (named by other revisions of the platform)')])),
    ...Object.fromEntries(DATA_PERMISSIONS.map((name) => [name, permissionColumn(name, '2010 data permission: 0 (not offered yet)')])),
  },
  fetch: async (_column, values, context) => (context.viewer !== undefined && values.includes(context.viewer) ? [{ uid: context.viewer }] : []),
  facts: async (rows, context) => ({ names: rows.length ? await context.services.grants.grantedTo(context.viewer!, context.app.appId) : [] }),
});
