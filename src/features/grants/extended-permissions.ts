/**
 * The extended permissions an app may ask a person for (docs/protocol-choices.md, "Methods",
 * users.hasAppPermission). Wire names are the identifiers; this is the one place they are listed.
 */

/** The twelve names the platform's Users.hasAppPermission wiki page lists, in its order. */
export const EXTENDED_PERMISSIONS = [
  'email',
  'read_stream',
  'publish_stream',
  'offline_access',
  'status_update',
  'photo_upload',
  'create_event',
  'rsvp_event',
  'sms',
  'video_upload',
  'create_note',
  'share_item',
] as const;

/** Names from other revisions of the platform: valid to ask about, answered 0 unless granted. */
export const LEGACY_PERMISSIONS = ['create_listing', 'read_mailbox'] as const;

export type ExtendedPermission = (typeof EXTENDED_PERMISSIONS)[number] | (typeof LEGACY_PERMISSIONS)[number];

const KNOWN = new Set<string>([...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS]);

/** publish_stream superseded these five; holding it answers yes for each. */
const IMPLIED_BY_PUBLISH_STREAM = new Set<string>(['status_update', 'photo_upload', 'video_upload', 'create_note', 'share_item']);

export function isExtendedPermission(name: string): name is ExtendedPermission {
  return KNOWN.has(name);
}

/** Whether `granted` (the names a person gave an app) covers `wanted`. */
export function permissionCovers(granted: readonly string[], wanted: ExtendedPermission): boolean {
  return granted.includes(wanted) || (IMPLIED_BY_PUBLISH_STREAM.has(wanted) && granted.includes('publish_stream'));
}
