/**
 * The application properties of admin.getAppProperties / admin.setAppProperties
 * (docs/app-admin.md): each name's type, whether an app may change it, and where it lives. Those
 * Hearth acts on are the app's own fields (its name, callback URL, post-authorize and post-remove
 * URLs, type and address allow-list); every other name is kept as the app set it, in
 * `app_properties`, so that the app reads back what it wrote.
 */
import { parseCidr } from '../../dispatch/address-allow-list.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { parseWebUrl } from '../web-url.js';
import type { App, AppChanges } from '../apps/records.js';

/** A property's value as the answer's JSON writes it: booleans are the numbers 0 and 1. */
export type PropertyValue = string | number | readonly string[];

/** `int` only for creator_uid, which is read-only. */
type Kind = 'string' | 'bool' | 'int' | 'array';

interface StoredProperty {
  readonly kind: Kind;
  readonly where: 'stored';
  /** The value of a property the app never set. */
  readonly initial: PropertyValue;
  /** The platform's limit on its length, in characters. */
  readonly maxLength?: number;
  /** Another name for the same stored value (post_install_url is the 2007–08 name of post_authorize_redirect_url). */
  readonly storedAs?: string;
  /** Checks a string value beyond its type (preload_fql must be JSON). */
  readonly check?: (value: string) => void;
}

interface AppField {
  readonly kind: Kind;
  readonly where: 'app';
  readonly read: (app: App) => PropertyValue;
  /** Absent: the property is read-only. */
  readonly write?: (value: PropertyValue) => AppChanges;
  readonly maxLength?: number;
}

type PropertyDefinition = StoredProperty | AppField;

const stored = (kind: Kind, options: Partial<Omit<StoredProperty, 'kind' | 'where'>> = {}): StoredProperty => ({
  kind,
  where: 'stored',
  initial: options.initial ?? (kind === 'bool' ? 0 : kind === 'array' ? [] : ''),
  ...options,
});

/** A URL of the app's that Hearth calls or sends people to; "" removes it. */
function urlChange(what: string, change: (url: string | null) => AppChanges) {
  return (value: PropertyValue): AppChanges => (value === '' ? change(null) : change(parseWebUrl(String(value), what)));
}

function ipListEntry(entry: string): string {
  try {
    return parseCidr(entry);
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(`ip_list: ${error.message}`);
    throw error;
  }
}

function checkJson(value: string): void {
  if (value === '') return;
  try {
    JSON.parse(value);
  } catch {
    throw new InvalidInputError('preload_fql must be a JSON text');
  }
}

const DEFINITIONS: Readonly<Record<string, PropertyDefinition>> = {
  application_name: {
    kind: 'string',
    where: 'app',
    read: (app) => app.name,
    write: (value) => {
      const name = String(value).trim();
      if (name === '') throw new InvalidInputError('application_name may not be empty');
      return { name };
    },
  },
  about_url: stored('string'),
  app_id: { kind: 'string', where: 'app', read: (app) => String(app.appId) },
  authorize_url: { kind: 'string', where: 'app', maxLength: 100, read: (app) => app.postAuthorizeUrl ?? '', write: urlChange('authorize_url', (postAuthorizeUrl) => ({ postAuthorizeUrl })) },
  post_authorize_redirect_url: stored('string'),
  uninstall_url: { kind: 'string', where: 'app', read: (app) => app.postRemoveUrl ?? '', write: urlChange('uninstall_url', (postRemoveUrl) => ({ postRemoveUrl })) },
  post_install_url: stored('string', { storedAs: 'post_authorize_redirect_url' }),
  callback_url: { kind: 'string', where: 'app', maxLength: 100, read: (app) => app.callbackUrl ?? '', write: urlChange('callback_url', (callbackUrl) => ({ callbackUrl })) },
  // The operator names an app's canvas pages (`hearth app update --canvas-name`); the Connect logo is the platform's to make.
  canvas_name: { kind: 'string', where: 'app', read: (app) => app.canvasName ?? '' },
  connect_url: stored('string'),
  base_domain: stored('string'),
  base_domains: stored('array'),
  connect_logo_url: { kind: 'string', where: 'app', read: () => '' },
  connect_reclaim_url: stored('string'),
  connect_preview_template: stored('string'),
  dashboard_url: stored('string'),
  edit_url: stored('string'),
  help_url: stored('string'),
  privacy_url: stored('string'),
  tos_url: stored('string'),
  see_all_url: stored('string'),
  support_url: stored('string'),
  info_changed_url: stored('string'),
  profile_tab_url: stored('string'),
  tab_default_name: stored('string'),
  default_fbml: stored('string'),
  default_action_fbml: stored('string'),
  default_column: stored('bool', { initial: 1 }),
  description: stored('string'),
  // The type decides how the app signs its calls; the operator sets it (`hearth app update --type`).
  desktop: { kind: 'bool', where: 'app', read: (app) => (app.type === 'desktop' ? 1 : 0) },
  dev_mode: stored('bool'),
  email: stored('string'),
  contact_email: stored('string'),
  email_domain: stored('string'),
  icon_url: stored('string'),
  logo_url: stored('string'),
  ip_list: {
    kind: 'string',
    where: 'app',
    read: (app) => app.allowedAddresses.join(','),
    write: (value) => ({ allowedAddresses: String(value).split(',').map((entry) => entry.trim()).filter((entry) => entry !== '').map(ipListEntry) }),
  },
  ignore_ip_whitelist_for_ss: stored('bool'),
  // The platform's apps could be added by anyone until their developers said otherwise.
  installable: stored('bool', { initial: 1 }),
  is_mobile: stored('bool'),
  private_install: stored('bool'),
  use_iframe: stored('bool'),
  wide_mode: stored('bool'),
  iframe_enable_util: stored('bool'),
  quick_transitions: stored('bool'),
  targeted: stored('bool'),
  video_rentals: stored('bool'),
  message_url: stored('string'),
  message_action: stored('string', { maxLength: 20 }),
  publish_url: stored('string'),
  publish_action: stored('string'),
  publish_self_url: stored('string'),
  publish_self_action: stored('string'),
  preload_fql: stored('string', { check: checkJson }),
  // Hearth's apps are registered by the operator, not by a person.
  creator_uid: { kind: 'int', where: 'app', read: () => 0 },
};

export function isPropertyName(name: string): boolean {
  return Object.hasOwn(DEFINITIONS, name);
}

function definitionOf(name: string): PropertyDefinition {
  const definition = DEFINITIONS[name];
  if (definition === undefined) throw new InvalidInputError(`unknown property ${JSON.stringify(name)}`);
  return definition;
}

/** The row name a stored property keeps its value under. */
export function storedName(name: string): string {
  const definition = definitionOf(name);
  return definition.where === 'stored' ? (definition.storedAs ?? name) : name;
}

/** A property's value: the app's field, what the app stored (JSON text in `stored`), or the initial value. */
export function readProperty(name: string, app: App, stored: ReadonlyMap<string, string>): PropertyValue {
  const definition = definitionOf(name);
  if (definition.where === 'app') return definition.read(app);
  const text = stored.get(definition.storedAs ?? name);
  return text === undefined ? definition.initial : (JSON.parse(text) as PropertyValue);
}

/** A JSON value as the property's type, or why it is not one. */
function coerce(name: string, kind: Kind, value: unknown): PropertyValue {
  if (kind === 'bool') {
    if (value === true || value === 1 || value === '1') return 1;
    if (value === false || value === 0 || value === '0') return 0;
    throw new InvalidInputError(`${name} is a boolean: 0 or 1`);
  }
  if (kind === 'int') throw new InvalidInputError(`${name} is read-only`);
  if (kind === 'array') {
    // A comma list is also taken, as the singular base_domain is written.
    if (typeof value === 'string') return value.split(',').map((item) => item.trim()).filter((item) => item !== '');
    if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.map((item: string) => item.trim());
    throw new InvalidInputError(`${name} is a list of strings`);
  }
  // PHP's json_encode writes a numeric PHP string as a number; null clears a text.
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value === null) return '';
  throw new InvalidInputError(`${name} is a string`);
}

/** What a set of properties changes: the app's fields, and the stored values (JSON text by row name). */
export interface PropertyChanges {
  readonly app: AppChanges;
  readonly stored: ReadonlyMap<string, string>;
}

/** Checks every property before anything is written, so that either all are stored or none. */
export function propertyChanges(values: ReadonlyArray<readonly [string, unknown]>): PropertyChanges {
  let app: AppChanges = {};
  const storedValues = new Map<string, string>();
  for (const [name, raw] of values) {
    const definition = definitionOf(name);
    if (definition.where === 'app' && !definition.write) throw new InvalidInputError(`${name} is read-only`);
    const value = coerce(name, definition.kind, raw);
    if (definition.maxLength !== undefined && typeof value === 'string' && [...value].length > definition.maxLength) {
      throw new InvalidInputError(`${name} is longer than ${definition.maxLength} characters`);
    }
    if (definition.where === 'app') {
      if (definition.write) app = { ...app, ...definition.write(value) };
      continue;
    }
    if (definition.check && typeof value === 'string') definition.check(value);
    storedValues.set(definition.storedAs ?? name, JSON.stringify(value));
  }
  return { app, stored: storedValues };
}
