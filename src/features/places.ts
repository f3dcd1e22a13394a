/**
 * Places: what has a wall without being a person — an event, a group, a fan page. The stream keeps
 * their posts like anyone's (the post's wall is the place's id) and asks the feature that owns the
 * place who may read, post and tidy up there; a feature declares its kind of place once
 * (`places` in its defineFeature), and the stream learns them all when the services are built.
 *
 * The ids of places and people never meet (people start at 500000001, groups at 600000001, pages
 * at 400000001, events at 1), so a wall id names one thing; a kind answers only for its own ids.
 */

/** What one viewer may do at one place. */
export interface PlaceAccess {
  /** The place's name, as a post on its wall is headed ("Ada Lovelace ▸ Analytical Society"). */
  readonly name: string;
  /** Its page on Hearth (path and query). */
  readonly path: string;
  /** May read its wall. */
  readonly reads: boolean;
  /** May post on its wall and comment on and like what is there. */
  readonly posts: boolean;
  /** May remove any post and comment on its wall (its admins). */
  readonly manages: boolean;
  /** May post as the place itself (a fan page's admins). */
  readonly speaksFor: boolean;
}

export interface PlaceKind {
  /** `event`, `group`, `page`: for logs and docs. */
  readonly kind: string;
  /** Of `ids`, the places of this kind, with what `viewer` (undefined: nobody signed in) may do at each. */
  accessOf(ids: readonly number[], viewer: number | undefined): Promise<ReadonlyMap<number, PlaceAccess>>;
  /** The places whose own posts come into `uid`'s news feed (the pages they are a fan of). */
  followedBy?(uid: number): Promise<readonly number[]>;
}
