/**
 * The extended permissions a page is asked for — `ext_perm` or `perms` on authorize.php,
 * `req_perms` on login.php — read as a comma list of the names of users.hasAppPermission, and the
 * error pages for a list that names none or names something else. Both are the app's mistake, so
 * they are reported before anyone signs in.
 */
import { EXTENDED_PERMISSIONS, isExtendedPermission, LEGACY_PERMISSIONS, type ExtendedPermission } from '../extended-permissions.js';
import { parsePermissionList } from '../permission-service.js';
import type { App } from '../../apps/records.js';
import type { Problem } from '../../../http/page-kit/page-replies.js';
import { html } from '../../../http/page-kit/templates.js';

export type PermissionListReading =
  | { readonly permissions: ExtendedPermission[] }
  /** Names that are not permissions, each once, in the order given. */
  | { readonly unknown: string[] }
  /** Nothing but commas and spaces. */
  | { readonly none: true };

export function readPermissionList(text: string | undefined): PermissionListReading {
  const names = (text ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (names.length === 0) return { none: true };
  const unknown = [...new Set(names.filter((name) => !isExtendedPermission(name)))];
  if (unknown.length > 0) return { unknown };
  // The service's reading (duplicates dropped); it agrees with the check above.
  return { permissions: parsePermissionList(names.join(',')) };
}

/** Enough of a long list of unknown names to recognise it. */
const SHOWN_UNKNOWN = 10;

function quotedList(names: readonly string[]): string {
  const shown = names.slice(0, SHOWN_UNKNOWN).map((name) => `“${name}”`);
  const more = names.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

export function noPermissionNamed(app: App, parameter: string): Problem {
  return {
    status: 400,
    title: 'This permission request is incomplete',
    message: html`${app.name} did not say which permission it asks for (${parameter} is missing). Go back to ${app.name} and try again.`,
  };
}

export function unknownPermissions(app: App, unknown: readonly string[], parameter: string): Problem {
  const known = [...EXTENDED_PERMISSIONS, ...LEGACY_PERMISSIONS].join(', ');
  return {
    status: 400,
    title: 'This permission request cannot be used',
    message: html`${app.name} asked for ${unknown.length === 1 ? 'a permission' : 'permissions'} that Hearth does not know: ${quotedList(unknown)}
(in ${parameter}). Go back to ${app.name} and try again.`,
    note: `For the developer of ${app.name}, the names Hearth knows are: ${known}.`,
  };
}
