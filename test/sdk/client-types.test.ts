/**
 * Compile-time checks of the client's method map; `npm test` type-checks this file
 * (tsconfig.test.json), so a wrong expectation here fails the build, not a runtime assertion.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { RestClient } from 'hearth/client';

function typeChecksOnly(client: RestClient) {
  expectTypeOf(client.call('users.isAppUser', { uid: 1 })).resolves.toEqualTypeOf<boolean>();
  expectTypeOf(client.call('profile.getFBML', {})).resolves.toEqualTypeOf<string>();
  // @ts-expect-error ext_perm is required
  void client.call('users.hasAppPermission', { uid: 1 });
  // @ts-expect-error uid is a number
  void client.call('users.isAppUser', { uid: 'me' });
  // @ts-expect-error only declared methods can be called through call(); callRaw takes any name
  void client.call('users.unknownMethod', {});
  // @ts-expect-error profile.getFBML knows only box types 1 and 2
  void client.call('profile.getFBML', { type: 3 });
}

describe('hearth/client types', () => {
  it('are checked by the compiler', () => {
    expectTypeOf(typeChecksOnly).toBeFunction();
  });
});
