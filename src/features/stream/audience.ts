/**
 * Who reads the stream, and what the privacy rule needs to know about them for a batch of posts
 * (privacy.ts): the viewer's friends once per read, then for the posts at hand the wall owners
 * they share a friend with (only for friends-of-friends posts) and the friend lists CUSTOM
 * settings name — one query each, and none when no post needs it.
 */
import type { Store } from '../feature.js';
import { listIdsNamed, mayView, type AudienceFacts } from './privacy.js';
import type { Post } from './records.js';

/** A reader of the stream. */
export interface Viewing {
  /** `undefined`: nobody (public posts only). */
  readonly viewer: number | undefined;
  /** The viewer's friends. */
  readonly friends: ReadonlySet<number>;
  /** Only what everyone may see, whoever the viewer is (FQL without read_stream). */
  readonly publicOnly: boolean;
}

export const NOBODY: Viewing = { viewer: undefined, friends: new Set(), publicOnly: true };

export async function viewingAs(store: Store, viewer: number | undefined, publicOnly = false): Promise<Viewing> {
  if (viewer === undefined) return NOBODY;
  return { viewer, friends: new Set(await store.friendships.friendsOf(viewer)), publicOnly };
}

function needsFriendsOfFriends(post: Post): boolean {
  return post.privacy.value === 'FRIENDS_OF_FRIENDS' || (post.privacy.value === 'CUSTOM' && post.privacy.friends === 'FRIENDS_OF_FRIENDS');
}

/** The facts of the rule for `posts`, in at most three queries. */
export async function audienceFacts(store: Store, viewing: Viewing, posts: readonly Post[]): Promise<AudienceFacts> {
  const { viewer, friends } = viewing;
  const base = { viewer, viewerFriends: friends, publicOnly: viewing.publicOnly };
  if (viewer === undefined) return { ...base, sharesFriendWith: new Set(), lists: new Map() };
  const walls = [...new Set(posts.filter(needsFriendsOfFriends).map((post) => post.wall))].filter((wall) => wall !== viewer && !friends.has(wall));
  const listIds = listIdsNamed(posts);
  const [pairs, lists] = await Promise.all([
    walls.length === 0 || friends.size === 0 ? [] : store.friendships.friendshipsOf(walls),
    listIds.length === 0 ? [] : store.friendLists.listsById(listIds),
  ]);
  const wallSet = new Set(walls);
  const sharesFriendWith = new Set<number>();
  for (const [a, b] of pairs) {
    if (wallSet.has(a) && friends.has(b)) sharesFriendWith.add(a);
    if (wallSet.has(b) && friends.has(a)) sharesFriendWith.add(b);
  }
  const members = lists.length === 0 ? [] : await store.friendLists.membersOf(lists.map((list) => list.flid));
  const byList = new Map(lists.map((list) => [list.flid, { owner: list.owner, members: new Set<number>() }]));
  for (const member of members) byList.get(member.flid)?.members.add(member.uid);
  return { ...base, sharesFriendWith, lists: byList };
}

/** Those of `posts` the viewer may see, in their order. */
export async function visiblePosts(store: Store, viewing: Viewing, posts: readonly Post[]): Promise<Post[]> {
  if (posts.length === 0) return [];
  const facts = await audienceFacts(store, viewing, posts);
  return posts.filter((post) => mayView(post, facts));
}

/** Whether the viewer may comment on and like a post they see: its wall's owner, its author, or a friend of either. */
export function mayInteract(post: Post, viewing: Viewing): boolean {
  const { viewer, friends } = viewing;
  if (viewer === undefined) return false;
  return viewer === post.wall || viewer === post.actor || friends.has(post.wall) || friends.has(post.actor);
}
