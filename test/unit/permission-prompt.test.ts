import { describe, expect, it } from 'vitest';
import { readPermissionList } from '../../src/features/grants/pages/permission-request.js';
import { permissionSentence } from '../../src/features/grants/pages/permission-views.js';
import { EXTENDED_PERMISSIONS, LEGACY_PERMISSIONS } from '../../src/features/grants/extended-permissions.js';

describe('permission prompt: reading ext_perm / perms / req_perms', () => {
  it('reads one name or a comma list, spaces and repeats dropped', () => {
    expect(readPermissionList('email')).toEqual({ permissions: ['email'] });
    expect(readPermissionList(' email , offline_access,email,,')).toEqual({ permissions: ['email', 'offline_access'] });
    expect(readPermissionList('create_listing,read_mailbox')).toEqual({ permissions: ['create_listing', 'read_mailbox'] });
  });

  it('names what it does not know, each once, and nothing else', () => {
    expect(readPermissionList('email,bogus,Email,bogus')).toEqual({ unknown: ['bogus', 'Email'] });
    expect(readPermissionList('offline access')).toEqual({ unknown: ['offline access'] });
  });

  it('tells a list of nothing apart', () => {
    for (const text of [undefined, '', ',', ' , , ']) expect(readPermissionList(text), String(text)).toEqual({ none: true });
  });
});

describe('permission prompt: what each permission lets an app do', () => {
  const all = [...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS];

  it('has a sentence of its own for each of the fourteen names', () => {
    const sentences = all.map((permission) => permissionSentence(permission, 'Word Game'));
    expect(new Set(sentences).size).toBe(14);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z][^.]+[^.\s]$/);
  });

  it('names the app where the sentence needs it', () => {
    expect(permissionSentence('offline_access', 'Word Game')).toBe('Reach your information even when you are not using Word Game');
  });
});
