/**
 * Table rows as both backends read them (the schemas use the same column names and millisecond
 * times) and their conversion into the store's records, so the two backends cannot drift apart.
 */
import type { ApiSession, App, AppChanges, AppType, AuthToken, FriendRequest, Person, PersonChanges, ProfileFbml } from './store.js';

export interface AppRow {
  app_id: number;
  api_key: string;
  secret: string;
  name: string;
  type: AppType;
  callback_url: string | null;
  allowed_addresses: string;
  rate_limit_requests: number | null;
  rate_limit_window_seconds: number | null;
  post_authorize_url: string | null;
  post_remove_url: string | null;
  created_at: number;
}

export function toApp(row: AppRow): App {
  return {
    appId: row.app_id,
    apiKey: row.api_key,
    secret: row.secret,
    name: row.name,
    type: row.type,
    callbackUrl: row.callback_url,
    allowedAddresses: row.allowed_addresses === '' ? [] : row.allowed_addresses.split(','),
    rateLimit:
      row.rate_limit_requests === null || row.rate_limit_window_seconds === null
        ? null
        : { requests: row.rate_limit_requests, windowSeconds: row.rate_limit_window_seconds },
    postAuthorizeUrl: row.post_authorize_url,
    postRemoveUrl: row.post_remove_url,
    createdAt: new Date(row.created_at),
  };
}

/** The columns an app update writes: only those whose field was given. */
export function appChangeColumns(changes: AppChanges): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  if (changes.name !== undefined) columns.name = changes.name;
  if (changes.type !== undefined) columns.type = changes.type;
  if (changes.callbackUrl !== undefined) columns.callback_url = changes.callbackUrl;
  if (changes.allowedAddresses !== undefined) columns.allowed_addresses = changes.allowedAddresses.join(',');
  if (changes.secret !== undefined) columns.secret = changes.secret;
  if (changes.postAuthorizeUrl !== undefined) columns.post_authorize_url = changes.postAuthorizeUrl;
  if (changes.postRemoveUrl !== undefined) columns.post_remove_url = changes.postRemoveUrl;
  if (changes.rateLimit !== undefined) {
    columns.rate_limit_requests = changes.rateLimit?.requests ?? null;
    columns.rate_limit_window_seconds = changes.rateLimit?.windowSeconds ?? null;
  }
  return columns;
}

export interface ProfileRow {
  profile: string | null;
  profile_main: string | null;
  mobile_profile: string | null;
  profile_action: string | null;
}

export function slotsOf(row: ProfileRow): ProfileFbml {
  return { profile: row.profile, profileMain: row.profile_main, mobileProfile: row.mobile_profile, profileAction: row.profile_action };
}

export interface PersonRow {
  uid: number;
  email: string;
  password_hash: string;
  first_name: string;
  last_name: string;
  picture_url: string | null;
  sex: string | null;
  birthday: string | null;
  locale: string;
  timezone: number | null;
  profile_updated_at: number | null;
  created_at: number;
}

export function toPerson(row: PersonRow): Person {
  return {
    uid: row.uid,
    email: row.email,
    passwordHash: row.password_hash,
    firstName: row.first_name,
    lastName: row.last_name,
    pictureUrl: row.picture_url,
    sex: row.sex,
    birthday: row.birthday,
    locale: row.locale,
    timezone: row.timezone,
    profileUpdatedAt: row.profile_updated_at === null ? null : new Date(row.profile_updated_at),
    createdAt: new Date(row.created_at),
  };
}

/** The column each changeable person field is stored in. */
export const PERSON_COLUMNS: Record<keyof PersonChanges, string> = {
  email: 'email',
  passwordHash: 'password_hash',
  firstName: 'first_name',
  lastName: 'last_name',
  pictureUrl: 'picture_url',
  sex: 'sex',
  birthday: 'birthday',
  locale: 'locale',
  timezone: 'timezone',
};

/** Changes to these are account settings, not profile changes that apps hear about. */
export const ACCOUNT_ONLY = new Set<keyof PersonChanges>(['email', 'passwordHash']);

export interface TokenRow {
  token: string;
  app_id: number;
  uid: number | null;
  expires_at: number;
}

export const toToken = (row: TokenRow): AuthToken => ({ token: row.token, appId: row.app_id, uid: row.uid, expiresAt: new Date(row.expires_at) });

export interface SessionRow {
  session_key: string;
  app_id: number;
  uid: number;
  secret: string | null;
  expires_at: number | null;
  created_at: number;
}

export const toSession = (row: SessionRow): ApiSession => ({
  sessionKey: row.session_key,
  appId: row.app_id,
  uid: row.uid,
  secret: row.secret,
  expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
  createdAt: new Date(row.created_at),
});

export interface RequestRow {
  from_uid: number;
  to_uid: number;
  created_at: number;
}

export function toRequest(row: RequestRow): FriendRequest {
  return { fromUid: row.from_uid, toUid: row.to_uid, createdAt: new Date(row.created_at) };
}

/** The stored order of a pair. */
export function orderedPair(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

export const SESSION_COLUMNS = 'session_key, app_id, uid, secret, expires_at, created_at';
