/** Who may see a post: the privacy values, CUSTOM's lists, and reading without a viewer or read_stream. */
import { describe, expect, it } from 'vitest';
import { mayView, parsePrivacy, privacyValue, type AudienceFacts, type PostPrivacy } from '../../src/features/stream/privacy.js';

const WALL = 1;
const AUTHOR = 2;
const FRIEND = 3;
const FRIEND_OF_FRIEND = 4;
const STRANGER = 5;
const FLID = 300000001;

/** The wall's owner's friends are AUTHOR and FRIEND; FRIEND_OF_FRIEND shares FRIEND with them; the list holds FRIEND. */
function factsFor(viewer: number | undefined, publicOnly = false): AudienceFacts {
  const friendsOf: Record<number, number[]> = { [WALL]: [AUTHOR, FRIEND], [AUTHOR]: [WALL], [FRIEND]: [WALL, FRIEND_OF_FRIEND], [FRIEND_OF_FRIEND]: [FRIEND] };
  return {
    viewer,
    viewerFriends: new Set(viewer === undefined ? [] : (friendsOf[viewer] ?? [])),
    sharesFriendWith: new Set(viewer === FRIEND_OF_FRIEND ? [WALL] : []),
    lists: new Map([[FLID, { owner: WALL, members: new Set([FRIEND]) }]]),
    publicOnly,
  };
}

const seers = (privacy: PostPrivacy, publicOnly = false) =>
  [WALL, AUTHOR, FRIEND, FRIEND_OF_FRIEND, STRANGER, undefined].filter((viewer) => mayView({ wall: WALL, actor: AUTHOR, privacy }, factsFor(viewer, publicOnly)));

describe('stream privacy: mayView', () => {
  it.each<[string, PostPrivacy, Array<number | undefined>]>([
    ['EVERYONE: everyone, nobody included', { value: 'EVERYONE' }, [WALL, AUTHOR, FRIEND, FRIEND_OF_FRIEND, STRANGER, undefined]],
    ['ALL_FRIENDS: the wall owner’s friends', { value: 'ALL_FRIENDS' }, [WALL, AUTHOR, FRIEND]],
    ['NETWORKS_FRIENDS: the same, Hearth has no networks', { value: 'NETWORKS_FRIENDS' }, [WALL, AUTHOR, FRIEND]],
    ['FRIENDS_OF_FRIENDS: and their friends', { value: 'FRIENDS_OF_FRIENDS' }, [WALL, AUTHOR, FRIEND, FRIEND_OF_FRIEND]],
    ['SELF: the wall’s owner and the author', { value: 'SELF' }, [WALL, AUTHOR]],
    ['CUSTOM SOME_FRIENDS: those allowed (a list of the owner’s)', { value: 'CUSTOM', friends: 'SOME_FRIENDS', allow: [FLID], deny: [] }, [WALL, AUTHOR, FRIEND]],
    ['CUSTOM allowing a person by uid', { value: 'CUSTOM', friends: 'SELF', allow: [STRANGER], deny: [] }, [WALL, AUTHOR, STRANGER]],
    ['CUSTOM EVERYONE but one', { value: 'CUSTOM', friends: 'EVERYONE', allow: [], deny: [STRANGER] }, [WALL, AUTHOR, FRIEND, FRIEND_OF_FRIEND, undefined]],
    ['CUSTOM friends but a list', { value: 'CUSTOM', friends: 'ALL_FRIENDS', allow: [], deny: [FLID] }, [WALL, AUTHOR]],
    ['CUSTOM deny wins over allow', { value: 'CUSTOM', friends: 'NO_FRIENDS', allow: [FRIEND], deny: [FRIEND] }, [WALL, AUTHOR]],
  ])('%s', (_what, privacy, expected) => {
    expect(seers(privacy)).toEqual(expected);
  });

  it('takes an id that is not one of the wall owner’s lists for a person', () => {
    const facts: AudienceFacts = { ...factsFor(STRANGER), lists: new Map([[STRANGER, { owner: 99, members: new Set() }]]) };
    expect(mayView({ wall: WALL, actor: AUTHOR, privacy: { value: 'CUSTOM', friends: 'SELF', allow: [STRANGER], deny: [] } }, facts)).toBe(true);
  });

  it('without read_stream shows only what everyone may see, to the owner too', () => {
    expect(seers({ value: 'EVERYONE' }, true)).toEqual([WALL, AUTHOR, FRIEND, FRIEND_OF_FRIEND, STRANGER, undefined]);
    expect(seers({ value: 'ALL_FRIENDS' }, true)).toEqual([]);
    expect(seers({ value: 'CUSTOM', friends: 'EVERYONE', allow: [], deny: [FRIEND] }, true)).toEqual([WALL, AUTHOR, FRIEND_OF_FRIEND, STRANGER, undefined]);
  });
});

describe('stream privacy: parsePrivacy and privacyValue', () => {
  it('reads the value in any case, and CUSTOM’s lists as comma lists or arrays', () => {
    expect(parsePrivacy({ value: 'all_friends', allow: '1,2' })).toEqual({ value: 'ALL_FRIENDS' });
    expect(parsePrivacy({ value: 'CUSTOM', friends: 'some_friends', allow: ' 3, 4,,3', deny: [5] })).toEqual({ value: 'CUSTOM', friends: 'SOME_FRIENDS', allow: [3, 4], deny: [5] });
    expect(parsePrivacy({ value: 'CUSTOM', allow: '7' })).toEqual({ value: 'CUSTOM', friends: 'SOME_FRIENDS', allow: [7], deny: [] });
    expect(parsePrivacy({ value: 'CUSTOM' })).toEqual({ value: 'CUSTOM', friends: 'SELF', allow: [], deny: [] });
  });

  it.each<[unknown, string]>([
    [[], 'privacy must be a JSON object with a value'],
    [{}, 'privacy.value must be one of'],
    [{ value: 'CUSTOM', friends: 'ENEMIES' }, 'privacy.friends must be one of'],
    [{ value: 'CUSTOM', deny: { a: 1 } }, 'privacy.deny must be a comma-separated list of ids'],
    [{ value: 'CUSTOM', allow: '0' }, 'privacy.allow: "0" is not an id'],
    [{ value: 'CUSTOM', allow: Array.from({ length: 1001 }, (_, n) => n + 1) }, 'privacy.allow may name at most 1000 ids'],
  ])('refuses %j', (input, message) => {
    expect(() => parsePrivacy(input)).toThrow(message);
  });

  it('writes the struct with a description, and the CUSTOM fields only for CUSTOM', () => {
    expect(privacyValue({ value: 'FRIENDS_OF_FRIENDS' })).toEqual({ description: 'Friends of Friends', value: 'FRIENDS_OF_FRIENDS', friends: '', networks: '', allow: '', deny: '' });
    expect(privacyValue({ value: 'CUSTOM', friends: 'ALL_FRIENDS', allow: [1, 2], deny: [3] })).toEqual({ description: 'Custom', value: 'CUSTOM', friends: 'ALL_FRIENDS', networks: '', allow: '1,2', deny: '3' });
  });
});
