/**
 * The FQL tables over people: `user` (the data behind users.getInfo, with its privacy),
 * `profile` (the public part, shared later with Pages) and `standard_user_info` (the app's own
 * users, for its servers).
 */
import { ApiError } from '../../wire/errors.js';
import { ApiList, isApiObject, type ApiValue } from '../../wire/values.js';
import { column, defineFqlTable, type FqlContext, type FqlColumn } from '../../fql/table.js';
import { array, bool, int, string, struct, time, type FqlScalar, type FqlType, type FqlValue } from '../../fql/types.js';
import { ALWAYS_VISIBLE, fieldValue, type StatusSummary } from './methods/user-fields.js';
import { viewerFriendsAmong } from '../friends/viewer-friends.js';
import type { Person } from './records.js';

/** What the privacy rules need about the people a statement found. */
export interface PeopleFacts {
  /** Those who authorized the calling app. */
  readonly appUsers: ReadonlySet<number>;
  /** The viewer's friends (empty without a session). */
  readonly viewerFriends: ReadonlySet<number>;
  /** Those who granted the app the `email` permission. */
  readonly emailGranted: ReadonlySet<number>;
  /** Current statuses, when the statement reads `status`. */
  readonly statuses: ReadonlyMap<number, StatusSummary>;
  /** online_presence of the viewer and their friends among the rows, when the statement reads it. */
  readonly presences: ReadonlyMap<number, string>;
}

const LOCATION = struct({ city: string, state: string, country: string, zip: string });
const AFFILIATION = struct({ nid: int, name: string, type: string, status: string, year: string });
const STATUS = struct({ message: string, time: time, status_id: int });
const HS_INFO = struct({ hs1_name: string, hs2_name: string, grad_year: string, hs1_id: int, hs2_id: int });
const EDUCATION = struct({ name: string, year: string, concentrations: array(string, 'concentration'), degree: string });
const WORK = struct({
  location: struct({ city: string, state: string, country: string }),
  company_name: string, position: string, description: string, start_date: string, end_date: string,
});
const FAMILY = struct({ relationship: string, uid: int, name: string, birthday: string });

function fromApi(value: ApiValue | undefined): FqlValue {
  if (value === undefined) return null;
  if (value instanceof ApiList) return value.items.map(fromApi);
  if (isApiObject(value)) return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, fromApi(child)]));
  return value as FqlScalar;
}

function fieldContext(person: Person, facts: PeopleFacts, context: FqlContext) {
  return { isAppUser: facts.appUsers.has(person.uid), origin: context.origin, now: context.now, status: facts.statuses.get(person.uid), presence: facts.presences.get(person.uid) };
}

/** Whether someone is online is for themselves and their friends only (docs/presence.md). */
function seesPresence(uid: number, facts: Pick<PeopleFacts, 'viewerFriends'>, context: FqlContext): boolean {
  return context.viewer !== undefined && (uid === context.viewer || facts.viewerFriends.has(uid));
}

async function presencesOf(uids: readonly number[], viewerFriends: ReadonlySet<number>, context: FqlContext): Promise<Map<number, string>> {
  const seen = uids.filter((uid) => seesPresence(uid, { viewerFriends }, context));
  // Read at call time: the presence feature is built after this one.
  return seen.length === 0 ? new Map() : context.services.presence.of(seen, context.now);
}

async function statusesOf(uids: readonly number[], context: FqlContext): Promise<Map<number, StatusSummary>> {
  const current = await context.services.status.currentOf(uids);
  return new Map([...current].map(([uid, entry]) => [uid, { message: entry.message, time: Math.floor(entry.createdAt.getTime() / 1000), statusId: entry.statusId }]));
}

/** A column users.getInfo also answers, read the same way. */
function field(type: FqlType, doc: string, options: { index?: boolean; as: string }): FqlColumn<Person, PeopleFacts> {
  return {
    type,
    doc,
    index: options.index,
    // `as`: the field of users.getInfo this column repeats (the *_with_logo pictures are the pictures).
    read: (person, facts, context) => fromApi(fieldValue(person, options.as, fieldContext(person, facts, context))),
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `MM/DD/YYYY`, or `MM/DD` when the year is not given, from the displayed `November 3, 1985`. */
export function birthdayDate(birthday: string | null): string | null {
  const match = birthday ? /^([A-Za-z]+) (\d{1,2})(?:, (\d{4}))?$/.exec(birthday) : null;
  const month = match ? MONTHS.indexOf(match[1]!) + 1 : 0;
  if (!match || month === 0) return null;
  const date = `${String(month).padStart(2, '0')}/${match[2]!.padStart(2, '0')}`;
  return match[3] ? `${date}/${match[3]}` : date;
}

/** The columns that say whether a person uses the app. */
const APP_USER_COLUMNS = ['is_app_user', 'has_added_app'];

/**
 * The facts of a table of people. `user` needs the viewer's friends, and whether a person uses the
 * app only for the columns that tell it and for people the viewer does not already see in full (a
 * friends list need not ask about every friend); `standard_user_info` needs it of everyone, as only
 * the app's users are its rows.
 */
function peopleFacts(needs: { readonly everyAppUser: boolean }) {
  return async (people: readonly Person[], context: FqlContext, columns: ReadonlySet<string>): Promise<PeopleFacts> => {
    const uids = people.map((person) => person.uid);
    const { viewer, app, services } = context;
    const viewerFriends = needs.everyAppUser ? new Set<number>() : await viewerFriendsAmong(context, uids);
    const unsure =
      needs.everyAppUser || APP_USER_COLUMNS.some((column) => columns.has(column))
        ? uids
        : viewer === undefined
          ? []
          : uids.filter((uid) => uid !== viewer && !viewerFriends.has(uid));
    const [appUsers, emailGranted, statuses, presences] = await Promise.all([
      unsure.length === 0 ? new Set<number>() : services.grants.appUsersAmong(app.appId, unsure),
      columns.has('email') || columns.has('contact_email') ? services.grants.grantedAmong(app.appId, 'email', uids) : new Set<number>(),
      columns.has('status') ? statusesOf(uids, context) : new Map<number, StatusSummary>(),
      columns.has('online_presence') ? presencesOf(uids, viewerFriends, context) : new Map<number, string>(),
    ]);
    return { appUsers, viewerFriends, emailGranted, statuses, presences };
  };
}

/** The person themselves, their friends and the app's users are seen in full, as users.getInfo sees them. */
function seesInFull(person: Person, facts: PeopleFacts, context: FqlContext): boolean {
  const { viewer } = context;
  return viewer !== undefined && (person.uid === viewer || facts.appUsers.has(person.uid) || facts.viewerFriends.has(person.uid));
}

const EMAIL_COLUMNS = new Set(['email', 'contact_email']);

function fetchPeople(column: string, values: readonly FqlScalar[], context: FqlContext): Promise<readonly Person[]> {
  if (column === 'name') return context.services.people.findByFullNames(values.map(String));
  return context.services.people.findMany(values as number[]);
}

const own = (read: (person: Person) => FqlValue) => (person: Person) => read(person);

export const userTable = defineFqlTable<Person, PeopleFacts>({
  name: 'user',
  summary: "A person's profile: the data behind users.getInfo.",
  privacyDoc:
    'Any person is a row. Without a session only uid, first_name, last_name, name, locale, affiliations, pic_square and profile_url are seen; in a session the person, their friends and the app’s users are seen in full, others as without one. email and contact_email only of people who granted the app `email`. Unseen values are nil.',
  session: 'optional',
  key: ['uid'],
  columns: {
    uid: field(int, 'user id', { index: true, as: 'uid' }),
    first_name: field(string, 'given name', { as: 'first_name' }),
    last_name: field(string, 'family name', { as: 'last_name' }),
    middle_name: column(string, 'always empty: Hearth keeps given and family names', () => ''),
    name: field(string, 'full name; indexable (exact match)', { index: true, as: 'name' }),
    pic_small: field(string, 'picture URL (one picture serves every size)', { as: 'pic_small' }),
    pic_big: field(string, 'picture URL', { as: 'pic_big' }),
    pic_square: field(string, 'picture URL', { as: 'pic_square' }),
    pic: field(string, 'picture URL', { as: 'pic' }),
    pic_small_with_logo: field(string, 'the picture', { as: 'pic_small' }),
    pic_big_with_logo: field(string, 'the picture', { as: 'pic_big' }),
    pic_square_with_logo: field(string, 'the picture', { as: 'pic_square' }),
    pic_with_logo: field(string, 'the picture', { as: 'pic' }),
    affiliations: field(array(AFFILIATION, 'affiliation'), 'networks: always an empty list (Hearth has no networks)', { as: 'affiliations' }),
    profile_update_time: field(time, 'last profile change, 0 if not in the last three days', { as: 'profile_update_time' }),
    timezone: field(int, 'hours from GMT', { as: 'timezone' }),
    religion: column(string, 'not kept: nil'),
    birthday: field(string, 'as displayed, e.g. November 3, 1985', { as: 'birthday' }),
    birthday_date: column(string, 'MM/DD/YYYY, or MM/DD without a year', own((person) => birthdayDate(person.birthday))),
    sex: field(string, 'male, female or empty', { as: 'sex' }),
    hometown_location: column(LOCATION, 'not kept: nil'),
    meeting_sex: column(array(string, 'sex'), 'not kept: an empty list'),
    meeting_for: column(array(string, 'seeking'), 'not kept: an empty list'),
    relationship_status: column(string, 'not kept: nil'),
    significant_other_id: column(int, 'not kept: nil'),
    political: column(string, 'not kept: nil'),
    current_location: column(LOCATION, 'not kept: nil'),
    activities: column(string, 'not kept: nil'),
    interests: column(string, 'not kept: nil'),
    is_app_user: field(bool, 'the person authorized the calling app', { as: 'is_app_user' }),
    music: column(string, 'not kept: nil'),
    tv: column(string, 'not kept: nil'),
    movies: column(string, 'not kept: nil'),
    books: column(string, 'not kept: nil'),
    quotes: column(string, 'not kept: nil'),
    about_me: column(string, 'not kept: nil'),
    hs_info: column(HS_INFO, 'not kept: nil'),
    education_history: column(array(EDUCATION, 'education_info'), 'not kept: an empty list'),
    work_history: column(array(WORK, 'work_info'), 'not kept: an empty list'),
    notes_count: column(int, 'not kept: nil'),
    wall_count: column(int, 'not kept: nil'),
    status: field(STATUS, 'the current status (message, time, status_id); empty values ("", 0, 0) when there is none', { as: 'status' }),
    has_added_app: field(bool, 'the same as is_app_user', { as: 'has_added_app' }),
    online_presence: field(string, 'active (seen in the last 10 minutes), idle (30 minutes) or offline; nil but to the person and their friends', { as: 'online_presence' }),
    locale: field(string, 'e.g. en_US', { as: 'locale' }),
    proxied_email: column(string, 'not kept: nil'),
    profile_url: field(string, 'this server’s profile page of the person', { as: 'profile_url' }),
    email_hashes: column(array(string, 'email_hashes_elt'), 'not kept: an empty list'),
    allowed_restrictions: column(string, 'always empty: no restrictions', () => ''),
    verified: column(bool, 'not kept: nil'),
    profile_blurb: column(string, 'not kept: nil'),
    family: column(array(FAMILY, 'family_info'), 'not kept: an empty list'),
    username: column(string, 'not kept: nil (Hearth has no usernames)'),
    website: column(string, 'not kept: nil'),
    is_blocked: column(bool, 'always false: Hearth has no blocking', () => false),
    email: column(string, 'the sign-in address, for apps the person granted `email`', own((person) => person.email)),
    contact_email: column(string, 'the same as email', own((person) => person.email)),
    third_party_id: column(string, 'not kept: nil'),
  },
  fetch: fetchPeople,
  facts: peopleFacts({ everyAppUser: false }),
  canSee: (person, name, facts, context) => {
    if (EMAIL_COLUMNS.has(name)) return facts.emailGranted.has(person.uid);
    if (name === 'online_presence') return seesPresence(person.uid, facts, context);
    return ALWAYS_VISIBLE.has(name) || seesInFull(person, facts, context);
  },
});

export const profileTable = defineFqlTable<Person, PeopleFacts>({
  name: 'profile',
  summary: 'The public part of a person (and, later, of a Page).',
  privacyDoc: 'Public: every person is a row, every column seen, with or without a session.',
  session: 'optional',
  key: ['id'],
  columns: {
    id: column(int, 'the uid', own((person) => person.uid), { index: true }),
    name: field(string, 'full name', { as: 'name' }),
    url: field(string, 'profile page URL', { as: 'profile_url' }),
    pic: field(string, 'picture URL', { as: 'pic' }),
    pic_square: field(string, 'picture URL', { as: 'pic_square' }),
    pic_small: field(string, 'picture URL', { as: 'pic_small' }),
    pic_big: field(string, 'picture URL', { as: 'pic_big' }),
    type: column(string, '`user`', () => 'user'),
    username: column(string, 'indexable; Hearth has no usernames, so it is nil and finds nobody', undefined, { index: true }),
  },
  fetch: (name, values, context) => (name === 'id' ? context.services.people.findMany(values as number[]) : Promise.resolve([])),
  facts: async () => ({ appUsers: new Set(), viewerFriends: new Set(), emailGranted: new Set(), statuses: new Map(), presences: new Map() }),
});

const STANDARD_COLUMNS = [
  'uid', 'name', 'first_name', 'last_name', 'locale', 'profile_url', 'birthday', 'sex', 'proxied_email', 'timezone', 'affiliations',
  'current_location', 'allowed_restrictions', 'username', 'third_party_id', 'email',
];

export const standardUserInfoTable = defineFqlTable<Person, PeopleFacts>({
  name: 'standard_user_info',
  summary: 'What an app may keep about its own users for its servers (users.getStandardInfo).',
  privacyDoc:
    'Only people who authorized the calling app are rows; no session is needed. Calls signed with a session secret are refused (15), as for users.getStandardInfo. email only of people who granted `email`.',
  session: 'optional',
  key: ['uid'],
  // The same columns as `user`, read the same way; only who is a row and who sees email differ.
  columns: Object.fromEntries(STANDARD_COLUMNS.map((name) => [name, userTable.columns[name]!])),
  fetch: (_column, values, context) => {
    if (context.signedWithSessionSecret) throw new ApiError(15, 'standard_user_info is for the app’s servers, not for calls signed with a session secret');
    return context.services.people.findMany(values as number[]);
  },
  facts: peopleFacts({ everyAppUser: true }),
  visible: (person, facts) => facts.appUsers.has(person.uid),
  canSee: (person, name, facts) => name !== 'email' || facts.emailGranted.has(person.uid),
});
