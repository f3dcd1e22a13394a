/** The methods `../shared/spec/methods.md` puts in scope, in its order. A test checks this list against the spec. */
export const SPEC_METHODS = [
  'auth.createToken',
  'auth.getSession',
  'auth.promoteSession',
  'auth.expireSession',
  'auth.revokeAuthorization',
  'auth.revokeExtendedPermission',
  'users.getLoggedInUser',
  'users.isAppUser',
  'users.hasAppPermission',
  'users.getInfo',
  'profile.setFBML',
  'profile.getFBML',
] as const;
