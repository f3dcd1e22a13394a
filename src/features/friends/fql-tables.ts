/** The FQL tables over friendships: `friend`, `friend_request`, `friendlist` and `friendlist_member`. */
import { column, defineFqlTable } from '../../fql/table.js';
import { bool, int, string, time } from '../../fql/types.js';
import type { FriendList, FriendRequest } from './records.js';
import { rememberViewerFriends } from './viewer-friends.js';

export interface Pair {
  readonly uid1: number;
  readonly uid2: number;
}

export const friendTable = defineFqlTable<Pair, undefined>({
  name: 'friend',
  summary: 'Friendships, once in each direction: uid1 = a person lists their friends in uid2, and uid2 = them in uid1.',
  privacyDoc:
    'Needs a session. A side may be looked up alone only for the session user; any other person only together with the other side (is this a pair of friends?), else 604.',
  session: 'required',
  key: ['uid1', 'uid2'],
  columns: {
    uid1: column(int, 'one person of the pair', (pair) => pair.uid1, { index: true }),
    uid2: column(int, 'the other', (pair) => pair.uid2, { index: true }),
  },
  refuse: (lookup, context) => {
    const other = lookup.column === 'uid1' ? 'uid2' : 'uid1';
    if (lookup.values.every((value) => value === context.viewer) || lookup.alongside.has(other)) return undefined;
    return `friend.${lookup.column} may name only the session user, unless ${other} is given too`;
  },
  fetch: async (name, values, context) => {
    const people = new Set(values as number[]);
    const pairs: Pair[] = [];
    const viewerFriends = new Set<number>();
    // Each stored pair is a row in both directions; keep the direction whose looked-up side was asked for.
    for (const [low, high] of await context.services.friends.friendshipsOf([...people])) {
      if (low === context.viewer) viewerFriends.add(high);
      if (high === context.viewer) viewerFriends.add(low);
      if (people.has(name === 'uid1' ? low : high)) pairs.push({ uid1: low, uid2: high });
      if (people.has(name === 'uid1' ? high : low)) pairs.push({ uid1: high, uid2: low });
    }
    // Every friendship of the viewer came back: the user table's privacy need not ask again.
    if (context.viewer !== undefined && people.has(context.viewer)) rememberViewerFriends(context, viewerFriends);
    return pairs;
  },
  facts: async () => undefined,
});

export const friendRequestTable = defineFqlTable<FriendRequest, undefined>({
  name: 'friend_request',
  summary: 'Friend requests waiting for an answer.',
  privacyDoc: 'Needs a session. Requests to the session user, and the session user’s own requests to a given person; nothing else.',
  session: 'required',
  key: ['uid_from', 'uid_to'],
  columns: {
    uid_from: column(int, 'who asked', (request) => request.fromUid),
    uid_to: column(int, 'who is asked', (request) => request.toUid, { index: true }),
    time: column(time, 'when', (request) => Math.floor(request.createdAt.getTime() / 1000)),
    message: column(string, 'always empty: requests carry no message', () => ''),
    unread: column(bool, 'always true: Hearth does not track reading', () => true),
  },
  fetch: async (_name, values, context) => {
    const viewer = context.viewer!;
    const wanted = new Set(values as number[]);
    const pending = await context.services.friends.pending(viewer);
    return [...(wanted.has(viewer) ? pending.incoming : []), ...pending.outgoing.filter((request) => wanted.has(request.toUid))];
  },
  facts: async () => undefined,
});

export const friendlistTable = defineFqlTable<FriendList, undefined>({
  name: 'friendlist',
  summary: 'The friend lists a person made.',
  privacyDoc: 'Needs a session. Only the session user’s own lists; another owner gives no rows.',
  session: 'required',
  key: ['flid'],
  columns: {
    flid: column(int, 'list id', (list) => list.flid),
    name: column(string, 'list name', (list) => list.name),
    owner: column(int, 'who made it', (list) => list.owner, { index: true }),
    type: column(string, 'nil: Hearth has one kind of list'),
  },
  fetch: async (_name, values, context) => ((values as number[]).includes(context.viewer!) ? context.services.friendLists.listsOf(context.viewer!) : []),
  facts: async () => undefined,
});

export interface Membership {
  readonly flid: number;
  readonly uid: number;
}

export const friendlistMemberTable = defineFqlTable<Membership, undefined>({
  name: 'friendlist_member',
  summary: 'Who is on which friend list.',
  privacyDoc: 'Needs a session. Only the session user’s own lists; another person’s list gives no rows.',
  session: 'required',
  key: ['flid', 'uid'],
  columns: {
    flid: column(int, 'list id', (member) => member.flid, { index: true }),
    uid: column(int, 'member', (member) => member.uid),
  },
  fetch: (_name, values, context) => context.services.friendLists.membersOfLists(context.viewer!, values as number[]),
  facts: async () => undefined,
});
