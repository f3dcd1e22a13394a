/**
 * The parameters of login.php (docs/pages.md, "/login.php") read once into a typed request, and the
 * way they travel on: hidden inputs in each form and the query of each redirect back to login.php,
 * so the flow an app started survives a sign-in or a wrong password. Unknown parameters are
 * dropped.
 */
import type { PageParams } from '../../../http/page-kit/page-params.js';

/** Every parameter login.php takes, in the order they are carried. */
const LOGIN_PARAMETERS = [
  'api_key',
  'v',
  'next',
  'auth_token',
  'canvas',
  'popup',
  'skipcookie',
  'hide_checkbox',
  // Extended permissions to ask for after sign-in and authorization (step 4 of login.php).
  'req_perms',
  'fbconnect',
  'return_session',
  // Sent by facebooker; its meaning is open in the spec, so it is only carried.
  'session_key_only',
  'cancel_url',
  'next_cancel',
  'display',
  // The Connect library's popup (docs/connect.md): `perms` is req_perms by another name,
  // `channel_url` is checked like `next`, and the others only say how the popup looks.
  'perms',
  'connect_display',
  'nochrome',
  'extern',
  'channel_url',
  'locale',
  'fname',
] as const;

export const LOGIN_PATH = '/login.php';

/** Which way login.php finishes (web, desktop or Connect); a desktop flow always has its token. */
export type LoginFlow = { readonly kind: 'web' } | { readonly kind: 'desktop'; readonly authToken: string } | { readonly kind: 'connect' };

export interface LoginRequest {
  readonly apiKey: string | undefined;
  readonly next: string | undefined;
  /** `cancel_url`, or `next_cancel` when that is all that was sent. */
  readonly cancelTarget: string | undefined;
  /** `req_perms` (or `perms`) as sent: a comma list of extended permissions (read by permission-request.ts). */
  readonly requestedPermissions: string | undefined;
  /** `channel_url`: the Connect site's receiver page, which must lie on the site like `next`. */
  readonly channelUrl: string | undefined;
  readonly flow: LoginFlow;
  /** `canvas`: treated like the web flow until canvas pages exist (docs/pages.md). */
  readonly canvas: boolean;
  /** `popup`, `display=popup`, `connect_display=popup` or `nochrome` (docs/pages.md, "Common to every page"). */
  readonly compact: boolean;
  readonly skipCookie: boolean;
  readonly hideCheckbox: boolean;
  /** The login.php parameters exactly as received (empty values kept: they are flags). */
  readonly carried: ReadonlyArray<readonly [string, string]>;
}

export function parseLoginRequest(params: PageParams): LoginRequest {
  const carried = LOGIN_PARAMETERS.flatMap((name) => {
    const value = params.raw(name);
    return value === undefined ? [] : [[name, value] as const];
  });
  const authToken = params.get('auth_token');
  // Connect wins over auth_token: the session goes to `next`, a token would be left unbound.
  const flow: LoginFlow =
    params.flag('fbconnect') || params.flag('return_session') ? { kind: 'connect' } : authToken !== undefined ? { kind: 'desktop', authToken } : { kind: 'web' };
  return {
    apiKey: params.get('api_key'),
    next: params.get('next'),
    cancelTarget: params.get('cancel_url') ?? params.get('next_cancel'),
    requestedPermissions: params.get('req_perms') ?? params.get('perms'),
    channelUrl: params.get('channel_url'),
    flow,
    canvas: params.flag('canvas'),
    compact: params.flag('popup') || params.get('display') === 'popup' || params.get('connect_display') === 'popup' || params.flag('nochrome'),
    skipCookie: params.flag('skipcookie'),
    hideCheckbox: params.flag('hide_checkbox'),
    carried,
  };
}

/** `/login.php?…` with the carried parameters, some changed: `undefined` drops one, a string sets it. */
export function loginUrl(request: LoginRequest, changes: Readonly<Record<string, string | undefined>> = {}): string {
  const pairs = request.carried.filter(([name]) => !(name in changes)).map(([name, value]) => [name, value]);
  for (const [name, value] of Object.entries(changes)) if (value !== undefined) pairs.push([name, value]);
  const query = new URLSearchParams(pairs).toString();
  return query === '' ? LOGIN_PATH : `${LOGIN_PATH}?${query}`;
}
