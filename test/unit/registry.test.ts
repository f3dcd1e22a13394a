import { describe, expect, it } from 'vitest';
import type { AnyMethodDefinition } from '../../src/dispatch/define-method.js';
import { METHODS } from '../../src/platform.js';
import { MethodRegistry } from '../../src/dispatch/registry.js';

/** A definition with only what the registry reads; the handler is never called here. */
function fake(name: string): AnyMethodDefinition {
  return {
    name,
    summary: name,
    params: {},
    access: { session: 'none', sessionSecret: false, appTypes: ['web'] },
    answer: 'boolean',
    handler: async () => true,
  };
}

describe('registry: MethodRegistry.lookup', () => {
  const isAppUser = fake('users.isAppUser');
  const revoke = fake('auth.revokeAuthorization');
  const registry = new MethodRegistry([isAppUser, revoke]);

  it('finds the canonical facebook.-prefixed name', () => {
    expect(registry.lookup('facebook.users.isAppUser')).toBe(isAppUser);
  });

  it('finds the name without the facebook. prefix (connect-js style)', () => {
    expect(registry.lookup('users.isAppUser')).toBe(isAppUser);
  });

  it('finds the name in any letter case, with or without the prefix', () => {
    expect(registry.lookup('Auth.revokeAuthorization')).toBe(revoke);
    expect(registry.lookup('USERS.ISAPPUSER')).toBe(isAppUser);
    expect(registry.lookup('users.isappuser')).toBe(isAppUser);
    expect(registry.lookup('Facebook.Users.IsAppUser')).toBe(isAppUser);
    expect(registry.lookup('FACEBOOK.auth.REVOKEAUTHORIZATION')).toBe(revoke);
  });

  it.each([
    '',
    'facebook.',
    'facebook',
    'isAppUser',
    'users.isAppUsers',
    'users_isAppUser',
    ' users.isAppUser',
    'users.isAppUser ',
    'facebook.facebook.users.isAppUser',
    'fb.users.isAppUser',
    'facebookusers.isAppUser',
  ])('answers undefined for %j', (name) => {
    expect(registry.lookup(name)).toBeUndefined();
  });

  it('keeps the definitions it was given', () => {
    expect(registry.definitions).toEqual([isAppUser, revoke]);
  });

  it('refuses a method declared twice, also when only the case differs', () => {
    expect(() => new MethodRegistry([fake('users.isAppUser'), fake('users.isAppUser')])).toThrow('method users.isAppUser is declared twice');
    expect(() => new MethodRegistry([fake('users.isAppUser'), fake('Users.IsAppUser')])).toThrow('method Users.IsAppUser is declared twice');
  });
});

describe('registry: the served methods', () => {
  const registry = new MethodRegistry(METHODS);

  it('finds every served method by its facebook. name and by its short name', () => {
    for (const method of METHODS) {
      expect(registry.lookup(`facebook.${method.name}`)).toBe(method);
      expect(registry.lookup(method.name)).toBe(method);
      expect(registry.lookup(method.name.toUpperCase())).toBe(method);
    }
  });

  it('serves users.isAppUser, users.hasAppPermission, profile.setFBML and profile.getFBML', () => {
    expect(registry.lookup('facebook.users.isAppUser')?.name).toBe('users.isAppUser');
    expect(registry.lookup('facebook.users.hasAppPermission')?.name).toBe('users.hasAppPermission');
    expect(registry.lookup('facebook.profile.setFBML')?.name).toBe('profile.setFBML');
    expect(registry.lookup('facebook.profile.getFBML')?.name).toBe('profile.getFBML');
    expect(registry.lookup('facebook.marketplace.createListing')).toBeUndefined();
  });
});
