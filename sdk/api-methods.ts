/**
 * The typed surface of the client: each method's arguments and what its answer decodes to.
 * A test keeps this list equal to the server's method registry.
 */

/** How the raw answer (XML text or parsed JSON) becomes a typed value. */
export type ResultKind = 'boolean' | 'string' | 'number';

export interface ApiMethods {
  'users.isAppUser': { params: { uid?: number }; result: boolean };
  'users.hasAppPermission': { params: { ext_perm: string; uid?: number }; result: boolean };
  'profile.setFBML': {
    params: { uid?: number; profile?: string; profile_main?: string; mobile_profile?: string; profile_action?: string; markup?: string };
    result: boolean;
  };
  'profile.getFBML': { params: { uid?: number; type?: 1 | 2 }; result: string };
}

export type ApiMethodName = keyof ApiMethods;

export const RESULT_KINDS: { readonly [M in ApiMethodName]: ResultKind } = {
  'users.isAppUser': 'boolean',
  'users.hasAppPermission': 'boolean',
  'profile.setFBML': 'boolean',
  'profile.getFBML': 'string',
};
