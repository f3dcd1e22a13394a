/**
 * Who may see a post. A post's privacy is set when it is made (stream.publish's `privacy`, the
 * values of the platform's privacy table) and is read relative to the wall's owner: "friends" are
 * the wall owner's friends. The wall's owner and the post's author always see it; nobody (a call
 * without a viewer, or FQL without read_stream) sees only what everyone may see.
 *
 * CUSTOM names a base audience (`friends`) and lists of people to add (`allow`) and take away
 * (`deny`); an id in those lists is one of the wall owner's friend lists if they have a list with
 * that id, else a person. `deny` wins over everything but ownership. Hearth has no networks, so
 * NETWORKS_FRIENDS is the owner's friends.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';

export const PRIVACY_VALUES = ['EVERYONE', 'ALL_FRIENDS', 'NETWORKS_FRIENDS', 'FRIENDS_OF_FRIENDS', 'SELF', 'CUSTOM'] as const;
export type PrivacyValue = (typeof PRIVACY_VALUES)[number];

/** The base audiences of a CUSTOM setting. */
export const CUSTOM_AUDIENCES = ['EVERYONE', 'NETWORKS_FRIENDS', 'FRIENDS_OF_FRIENDS', 'ALL_FRIENDS', 'SOME_FRIENDS', 'SELF', 'NO_FRIENDS'] as const;
export type CustomAudience = (typeof CUSTOM_AUDIENCES)[number];

export type PostPrivacy =
  | { readonly value: Exclude<PrivacyValue, 'CUSTOM'> }
  | { readonly value: 'CUSTOM'; readonly friends: CustomAudience; readonly allow: readonly number[]; readonly deny: readonly number[] };

/** At most this many ids in each of `allow` and `deny`. */
export const MAX_PRIVACY_IDS = 1000;

/** The default: everyone for a post on one's own wall, the owner's friends on a friend's wall. */
export function defaultPrivacy(ownWall: boolean): PostPrivacy {
  return { value: ownWall ? 'EVERYONE' : 'ALL_FRIENDS' };
}

export class PrivacyInputError extends InvalidInputError {}

function ids(value: unknown, name: string): number[] {
  if (value === undefined || value === null || value === '') return [];
  const items = typeof value === 'string' ? value.split(',').map((item) => item.trim()).filter((item) => item !== '') : Array.isArray(value) ? value : undefined;
  if (items === undefined) throw new PrivacyInputError(`privacy.${name} must be a comma-separated list of ids`);
  if (items.length > MAX_PRIVACY_IDS) throw new PrivacyInputError(`privacy.${name} may name at most ${MAX_PRIVACY_IDS} ids`);
  const out = items.map((item) => {
    const id = /^[1-9]\d{0,15}$/.test(String(item)) ? Number(item) : NaN;
    if (!Number.isSafeInteger(id)) throw new PrivacyInputError(`privacy.${name}: ${JSON.stringify(item)} is not an id`);
    return id;
  });
  return [...new Set(out)];
}

function oneOf<T extends string>(values: readonly T[], raw: unknown, name: string): T {
  const text = typeof raw === 'string' ? raw.trim().toUpperCase() : undefined;
  const found = values.find((value) => value === text);
  if (found === undefined) throw new PrivacyInputError(`privacy.${name} must be one of ${values.join(', ')}`);
  return found;
}

/** The privacy object an app sent (parsed JSON), checked. */
export function parsePrivacy(input: unknown): PostPrivacy {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new PrivacyInputError('privacy must be a JSON object with a value');
  const fields = input as Record<string, unknown>;
  const value = oneOf(PRIVACY_VALUES, fields.value, 'value');
  if (value !== 'CUSTOM') return { value };
  const allow = ids(fields.allow, 'allow');
  const deny = ids(fields.deny, 'deny');
  const given = fields.friends === undefined || fields.friends === '' ? undefined : oneOf(CUSTOM_AUDIENCES, fields.friends, 'friends');
  // Without a base audience, CUSTOM is the people allowed, or the owner alone.
  return { value, friends: given ?? (allow.length > 0 ? 'SOME_FRIENDS' : 'SELF'), allow, deny };
}

const DESCRIPTIONS: Readonly<Record<PrivacyValue, string>> = {
  EVERYONE: 'Everyone',
  ALL_FRIENDS: 'Friends Only',
  NETWORKS_FRIENDS: 'Friends and Networks',
  FRIENDS_OF_FRIENDS: 'Friends of Friends',
  SELF: 'Only Me',
  CUSTOM: 'Custom',
};

/** The privacy struct of stream.get and the FQL stream table. */
export function privacyValue(privacy: PostPrivacy): { description: string; value: string; friends: string; networks: string; allow: string; deny: string } {
  const custom = privacy.value === 'CUSTOM' ? privacy : undefined;
  return {
    description: DESCRIPTIONS[privacy.value],
    value: privacy.value,
    friends: custom?.friends ?? '',
    networks: '',
    allow: custom?.allow.join(',') ?? '',
    deny: custom?.deny.join(',') ?? '',
  };
}

/** What the rule needs to know about the viewer and the posts at hand, gathered in a few queries. */
export interface AudienceFacts {
  /** `undefined`: nobody. */
  readonly viewer: number | undefined;
  readonly viewerFriends: ReadonlySet<number>;
  /** Wall owners with whom the viewer has a friend in common (asked only for FRIENDS_OF_FRIENDS posts). */
  readonly sharesFriendWith: ReadonlySet<number>;
  /** The friend lists CUSTOM settings name, by flid, with their owner and members. */
  readonly lists: ReadonlyMap<number, { readonly owner: number; readonly members: ReadonlySet<number> }>;
  /** Only what everyone may see: FQL without read_stream. */
  readonly publicOnly: boolean;
}

interface Placed {
  readonly wall: number;
  readonly actor: number;
  readonly privacy: PostPrivacy;
}

/** Whether one of `ids` (people, or lists of the wall owner) takes in the viewer. */
function names(ids: readonly number[], viewer: number, wall: number, facts: AudienceFacts): boolean {
  return ids.some((id) => {
    const list = facts.lists.get(id);
    return list !== undefined && list.owner === wall ? list.members.has(viewer) : id === viewer;
  });
}

function audienceTakesIn(audience: CustomAudience | PrivacyValue, post: Placed, viewer: number, facts: AudienceFacts): boolean {
  switch (audience) {
    case 'EVERYONE':
      return true;
    case 'ALL_FRIENDS':
    case 'NETWORKS_FRIENDS':
      return facts.viewerFriends.has(post.wall);
    case 'FRIENDS_OF_FRIENDS':
      return facts.viewerFriends.has(post.wall) || facts.sharesFriendWith.has(post.wall);
    default:
      return false;
  }
}

/** Everyone may see it: a viewer need not be anyone's friend (CUSTOM may still deny them). */
function isPublic(privacy: PostPrivacy): boolean {
  return privacy.value === 'EVERYONE' || (privacy.value === 'CUSTOM' && privacy.friends === 'EVERYONE');
}

/** The rule itself: whether the viewer of `facts` may see the post. */
export function mayView(post: Placed, facts: AudienceFacts): boolean {
  const { viewer } = facts;
  const { privacy } = post;
  if (viewer === undefined) return isPublic(privacy);
  const denied = privacy.value === 'CUSTOM' && names(privacy.deny, viewer, post.wall, facts);
  if (facts.publicOnly) return isPublic(privacy) && !denied;
  if (viewer === post.wall || viewer === post.actor) return true;
  if (privacy.value !== 'CUSTOM') return audienceTakesIn(privacy.value, post, viewer, facts);
  if (denied) return false;
  return names(privacy.allow, viewer, post.wall, facts) || audienceTakesIn(privacy.friends, post, viewer, facts);
}

/** The ids CUSTOM settings of these posts name, which may be friend lists. */
export function listIdsNamed(posts: readonly Placed[]): number[] {
  const ids = new Set<number>();
  for (const { privacy } of posts) if (privacy.value === 'CUSTOM') for (const id of [...privacy.allow, ...privacy.deny]) ids.add(id);
  return [...ids];
}

/** Privacy values the SQL may not leave out before the rule runs (they turn on more than the viewer's friends). */
export const DECIDED_AFTER_READING: readonly PrivacyValue[] = ['FRIENDS_OF_FRIENDS', 'CUSTOM'];
