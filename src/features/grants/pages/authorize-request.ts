/**
 * The parameters of the permission prompt (docs/pages.md, "/authorize.php") — authorize.php and its
 * Connect-era aliases — read once, and carried through the sign-in form and the decision forms like
 * login.php's. Unknown parameters (`fbconnect`, `extern`, …) are accepted and dropped.
 */
import type { PageParams } from '../../../http/page-kit/page-params.js';

/** Every path the prompt answers on; all behave the same. */
export const AUTHORIZE_PATHS = ['/authorize.php', '/prompt_permission.php', '/prompt_permissions.php', '/connect/prompt_permissions.php'] as const;
export type AuthorizePath = (typeof AUTHORIZE_PATHS)[number];

/** Carried as received, in this order. The cancel address is carried separately (see below). */
const CARRIED = ['api_key', 'v', 'ext_perm', 'perms', 'next', 'popup', 'display', 'skipcookie', 'hide_checkbox'] as const;

/** The one name the cancel address travels under in our own forms and redirects. */
const CARRIED_CANCEL = 'next_cancel';

export interface AuthorizeRequest {
  readonly path: AuthorizePath;
  readonly apiKey: string | undefined;
  /** `ext_perm` (the doc's name), or `perms` (what the XFBML tag sends) when there is no ext_perm. */
  readonly permissionText: string | undefined;
  /** Which of the two the list came from, to name it in an error. */
  readonly permissionParameter: 'ext_perm' | 'perms';
  readonly next: string | undefined;
  /** `next_cancel`, else `cancel_url` (mobile lib), else `cancel` (PHP mobile lib, GET only). */
  readonly cancelTarget: string | undefined;
  /** `popup`, or `display=popup`. */
  readonly compact: boolean;
  readonly skipCookie: boolean;
  readonly hideCheckbox: boolean;
  readonly carried: ReadonlyArray<readonly [string, string]>;
}

/**
 * `method` matters for one name: `cancel` is a cancel address in an app's link (GET) but the
 * Don't allow button in our forms (POST), so a POST never reads it as an address. That is also
 * why the address is carried as `next_cancel`, whatever name the app used.
 */
export function parseAuthorizeRequest(path: AuthorizePath, params: PageParams, method: string): AuthorizeRequest {
  const cancelTarget = params.get('next_cancel') ?? params.get('cancel_url') ?? (method === 'POST' ? undefined : params.get('cancel'));
  const carried: Array<readonly [string, string]> = CARRIED.flatMap((name) => {
    const value = params.raw(name);
    return value === undefined ? [] : [[name, value] as const];
  });
  if (cancelTarget !== undefined) carried.push([CARRIED_CANCEL, cancelTarget]);
  const extPerm = params.get('ext_perm');
  return {
    path,
    apiKey: params.get('api_key'),
    permissionText: extPerm ?? params.get('perms'),
    permissionParameter: extPerm === undefined && params.get('perms') !== undefined ? 'perms' : 'ext_perm',
    next: params.get('next'),
    cancelTarget,
    compact: params.flag('popup') || params.get('display') === 'popup',
    skipCookie: params.flag('skipcookie'),
    hideCheckbox: params.flag('hide_checkbox'),
    carried,
  };
}

/** The prompt's own URL with the carried parameters, some changed: `undefined` drops one. */
export function authorizeUrl(request: AuthorizeRequest, changes: Readonly<Record<string, string | undefined>> = {}): string {
  const pairs = request.carried.filter(([name]) => !(name in changes)).map(([name, value]) => [name, value]);
  for (const [name, value] of Object.entries(changes)) if (value !== undefined) pairs.push([name, value]);
  const query = new URLSearchParams(pairs).toString();
  return query === '' ? request.path : `${request.path}?${query}`;
}
