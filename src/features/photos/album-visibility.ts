/**
 * Who sees an album, and so its photos and their tags: `everyone` anybody (nobody included);
 * `friends` and `networks` (Hearth has no networks) the owner and their friends;
 * `friends-of-friends` also whoever shares a friend with the owner. A photo waiting for approval is
 * its owner's alone. The facts for a batch cost the viewer's friends and, only for
 * friends-of-friends albums, the owners' friendships — one query each.
 */
import type { Store } from '../feature.js';
import type { Album, Photo } from './records.js';

export interface AlbumAudience {
  readonly viewer: number | undefined;
  /** The viewer's friends. */
  readonly friends: ReadonlySet<number>;
  /** Owners of friends-of-friends albums with whom the viewer shares a friend. */
  readonly sharesFriendWith: ReadonlySet<number>;
}

export async function albumAudience(store: Store, viewer: number | undefined, albums: readonly Album[]): Promise<AlbumAudience> {
  if (viewer === undefined) return { viewer, friends: new Set(), sharesFriendWith: new Set() };
  const friends = new Set(await store.friendships.friendsOf(viewer));
  const distant = [...new Set(albums.filter((album) => album.visible === 'friends-of-friends').map((album) => album.owner))].filter((owner) => owner !== viewer && !friends.has(owner));
  const sharesFriendWith = new Set<number>();
  if (distant.length > 0 && friends.size > 0) {
    const wanted = new Set(distant);
    for (const [a, b] of await store.friendships.friendshipsOf(distant)) {
      if (wanted.has(a) && friends.has(b)) sharesFriendWith.add(a);
      if (wanted.has(b) && friends.has(a)) sharesFriendWith.add(b);
    }
  }
  return { viewer, friends, sharesFriendWith };
}

export function maySeeAlbum(album: Album, audience: AlbumAudience): boolean {
  const { viewer } = audience;
  if (album.visible === 'everyone' || viewer === album.owner) return true;
  if (viewer === undefined) return false;
  if (audience.friends.has(album.owner)) return true;
  return album.visible === 'friends-of-friends' && audience.sharesFriendWith.has(album.owner);
}

export function maySeePhoto(photo: Photo, album: Album | undefined, audience: AlbumAudience): boolean {
  if (album === undefined) return false;
  if (photo.pending && audience.viewer !== photo.owner) return false;
  return maySeeAlbum(album, audience);
}
