/**
 * The profile fields users.getInfo knows (docs/protocol-choices.md, "Methods"), how each is
 * written, and which of them an app may see without a closer relation to the person.
 */
import { ApiList, type ApiValue } from '../../../wire/values.js';
import type { Person } from '../records.js';

/** A person's current status as users.getInfo writes it (the status feature keeps them). */
export interface StatusSummary {
  readonly message: string;
  /** Unix seconds. */
  readonly time: number;
  readonly statusId: number;
}

/** What a field needs besides the person. */
export interface FieldContext {
  readonly isAppUser: boolean;
  /** The person's current status, when `status` is asked for; undefined or null: none. */
  readonly status?: StatusSummary | null;
  /** `https://host` of this server, for profile_url. */
  readonly origin: string;
  readonly now: Date;
  /**
   * online_presence (`active`, `idle`, `offline`), given only when the viewer may see it: it is
   * themselves or a friend (docs/presence.md); undefined: nil.
   */
  readonly presence?: string;
}

type FieldReader = (person: Person, context: FieldContext) => ApiValue;

const THREE_DAYS_MS = 3 * 86_400_000;

/** Implemented fields: the basic fields of users.getInfo, `uid` first. */
const BASIC_FIELDS: Readonly<Record<string, FieldReader>> = {
  uid: (person) => person.uid,
  first_name: (person) => person.firstName,
  last_name: (person) => person.lastName,
  name: (person) => `${person.firstName} ${person.lastName}`,
  // One picture URL serves every size; "may be blank" (doc) when the person set none.
  pic_square: (person) => person.pictureUrl ?? '',
  pic_small: (person) => person.pictureUrl ?? '',
  pic: (person) => person.pictureUrl ?? '',
  pic_big: (person) => person.pictureUrl ?? '',
  sex: (person) => person.sex ?? '',
  birthday: (person) => person.birthday ?? '',
  locale: (person) => person.locale,
  profile_url: (person, context) => `${context.origin}/profile.php?id=${person.uid}`,
  timezone: (person) => person.timezone,
  // "0 if not updated in the last three days" (doc).
  profile_update_time: (person, context) =>
    person.profileUpdatedAt && context.now.getTime() - person.profileUpdatedAt.getTime() <= THREE_DAYS_MS
      ? Math.floor(person.profileUpdatedAt.getTime() / 1000)
      : 0,
  is_app_user: (_person, context) => context.isAppUser,
  has_added_app: (_person, context) => context.isAppUser,
  // Hearth has no networks, so everyone's list is empty.
  affiliations: () => new ApiList('affiliation', []),
  // No status: the struct with its empty values, as clients that read status.message expect one.
  status: (_person, context) => ({ message: context.status?.message ?? '', time: context.status?.time ?? 0, status_id: context.status?.statusId ?? 0 }),
  online_presence: (_person, context) => context.presence ?? null,
};

/** Names from the platform's schema that Hearth keeps no data for: accepted, answered as nil. */
const HISTORIC_FIELDS = [
  'about_me', 'activities', 'books', 'current_location', 'education_history', 'email_hashes', 'hometown_location', 'hs_info',
  'interests', 'meeting_for', 'meeting_sex', 'movies', 'music', 'notes_count', 'political', 'proxied_email', 'quotes',
  'relationship_status', 'religion', 'significant_other_id', 'tv', 'wall_count', 'work_history',
];

/** Visible to any app, with or without a session (2009 wiki). */
export const ALWAYS_VISIBLE: ReadonlySet<string> = new Set(['uid', 'first_name', 'last_name', 'name', 'locale', 'affiliations', 'pic_square', 'profile_url']);

const KNOWN = new Set([...Object.keys(BASIC_FIELDS), ...HISTORIC_FIELDS]);

export function isUserField(name: string): boolean {
  return KNOWN.has(name);
}

/** A field's value, or `undefined` for a name Hearth keeps no data for (a historic field, or no field). */
export function fieldValue(person: Person, field: string, context: FieldContext): ApiValue | undefined {
  return Object.hasOwn(BASIC_FIELDS, field) ? BASIC_FIELDS[field]!(person, context) : undefined;
}

/**
 * One `<user>`: `uid` first, then the asked fields in the order asked. A field the app may not see
 * (or that Hearth keeps no data for) is nil: `xsi:nil="true"` in XML, `null` in JSON.
 */
export function describePerson(person: Person, fields: readonly string[], seesEverything: boolean, context: FieldContext): Record<string, ApiValue> {
  const out: Record<string, ApiValue> = { uid: person.uid };
  for (const field of fields) {
    if (field === 'uid') continue;
    out[field] = seesEverything || ALWAYS_VISIBLE.has(field) ? (fieldValue(person, field, context) ?? null) : null;
  }
  return out;
}
