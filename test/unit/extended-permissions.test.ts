import { describe, expect, it } from 'vitest';
import { EXTENDED_PERMISSIONS, isExtendedPermission, LEGACY_PERMISSIONS, permissionCovers } from '../../src/features/grants/extended-permissions.js';

const IMPLIED = ['status_update', 'photo_upload', 'video_upload', 'create_note', 'share_item'] as const;

describe('extended-permissions: the permission names', () => {
  it('lists exactly the twelve names of seed 002, in its order', () => {
    expect([...EXTENDED_PERMISSIONS]).toEqual([
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
    ]);
  });

  it('lists the two legacy names', () => {
    expect([...LEGACY_PERMISSIONS]).toEqual(['create_listing', 'read_mailbox']);
  });

  it('knows every current and legacy name', () => {
    for (const name of [...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS]) expect(isExtendedPermission(name)).toBe(true);
  });

  it.each(['', 'EMAIL', 'Email', 'publish_actions', 'user_photos', 'email ', 'toString', '__proto__', 'constructor'])(
    'does not know %j',
    (name) => {
      expect(isExtendedPermission(name)).toBe(false);
    },
  );
});

describe('extended-permissions: permissionCovers', () => {
  it('covers a permission that was granted', () => {
    expect(permissionCovers(['email'], 'email')).toBe(true);
    expect(permissionCovers(['read_stream', 'offline_access'], 'offline_access')).toBe(true);
  });

  it('covers nothing when nothing was granted', () => {
    for (const name of [...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS]) expect(permissionCovers([], name)).toBe(false);
  });

  it.each(IMPLIED)('publish_stream implies %s', (name) => {
    expect(permissionCovers(['publish_stream'], name)).toBe(true);
  });

  it('publish_stream covers itself but none of the permissions it does not supersede', () => {
    expect(permissionCovers(['publish_stream'], 'publish_stream')).toBe(true);
    const notImplied = [...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS].filter(
      (name) => name !== 'publish_stream' && !(IMPLIED as readonly string[]).includes(name),
    );
    expect(notImplied).toEqual(['email', 'read_stream', 'offline_access', 'create_event', 'rsvp_event', 'sms', 'create_listing', 'read_mailbox']);
    for (const name of notImplied) expect(permissionCovers(['publish_stream'], name)).toBe(false);
  });

  it('does not work the other way round: the five do not imply publish_stream', () => {
    expect(permissionCovers([...IMPLIED], 'publish_stream')).toBe(false);
  });

  it('does not let one implied permission imply another', () => {
    expect(permissionCovers(['status_update'], 'status_update')).toBe(true);
    expect(permissionCovers(['status_update'], 'photo_upload')).toBe(false);
  });

  it('answers legacy names only when they were granted', () => {
    expect(permissionCovers(['read_mailbox'], 'read_mailbox')).toBe(true);
    expect(permissionCovers(['create_listing'], 'create_listing')).toBe(true);
    expect(permissionCovers(['read_stream', 'email'], 'read_mailbox')).toBe(false);
  });

  it('compares names exactly', () => {
    expect(permissionCovers(['EMAIL', 'Publish_Stream'], 'email')).toBe(false);
    expect(permissionCovers(['Publish_Stream'], 'status_update')).toBe(false);
  });
});
