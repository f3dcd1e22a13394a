/**
 * Shared links: a person shares a URL with a comment through an app (links.post); the link is a
 * link post of their stream, and whoever may see that post may read the link (the rule of
 * ../notes/story-visibility.ts). Hearth does not fetch the linked page: its title and summary are
 * empty, and the thumbnail is the image the app named, if any.
 */
import type { Services, Store } from '../feature.js';
import { webUrl } from '../stream/attachment.js';
import { visibleByStory } from '../notes/story-visibility.js';
import { linkStoryAttachment, LINK_POST_TYPE } from './link-story.js';
import type { SharedLink } from './records.js';

export type { SharedLink } from './records.js';

/** The most links one read gives per person (FQL by owner), newest first. */
export const MAX_LINKS_READ = 1000;

export interface NewLinkInput {
  readonly owner: number;
  readonly appId: number;
  /** Checked by the caller: an absolute http(s) URL (isShareableUrl). */
  readonly url: string;
  readonly comment: string;
  /** A thumbnail's URL; dropped unless it is an absolute http(s) URL. */
  readonly image?: string | undefined;
}

/** Whether `url` may be shared: an absolute http or https URL of at most 1,024 characters. */
export function isShareableUrl(url: string): boolean {
  return webUrl(url) !== undefined;
}

export class LinkService {
  readonly #store: Store;
  readonly #services: Pick<Services, 'stream'>;

  constructor(store: Store, services: Pick<Services, 'stream'>) {
    this.#store = store;
    this.#services = services;
  }

  async post(input: NewLinkInput, now = new Date()): Promise<SharedLink> {
    if (!isShareableUrl(input.url)) throw new Error(`not a shareable URL: ${input.url}`);
    const image = input.image === undefined ? undefined : webUrl(input.image);
    const fields = { owner: input.owner, appId: input.appId, url: input.url, comment: input.comment, title: '', summary: '', imageUrls: image === undefined ? [] : [image], createdAt: now };
    const link = await this.#store.links.insert(fields);
    let storyId: number;
    try {
      ({ storyId } = await this.#services.stream.publish(
        { actor: input.owner, wall: input.owner, appId: input.appId, type: LINK_POST_TYPE, message: '', attachment: linkStoryAttachment(fields), actionLinks: null },
        now,
      ));
    } catch (error) {
      // No link without its post.
      await this.#store.links.delete(link.linkId);
      throw error;
    }
    await this.#store.links.setStory(link.linkId, storyId);
    return { ...link, storyId };
  }

  /** The links with these ids, whoever may read them. */
  byIds(linkIds: readonly number[]): Promise<SharedLink[]> {
    return this.#store.links.byIds(linkIds);
  }

  /** Each person's links, newest first, at most MAX_LINKS_READ each, whoever may read them. */
  ofOwners(uids: readonly number[]): Promise<SharedLink[]> {
    return this.#store.links.ofOwners(uids, MAX_LINKS_READ);
  }

  /** One person's links shared through one app, newest first, at most `limit`, whoever may read them. */
  ofOwnerThroughApp(uid: number, appId: number, limit: number): Promise<SharedLink[]> {
    return this.#store.links.ofOwnerThroughApp(uid, appId, limit);
  }

  /** Those of `links` that `viewer` (undefined: nobody) may read, in their order. */
  readable(viewer: number | undefined, links: readonly SharedLink[]): Promise<SharedLink[]> {
    return visibleByStory(this.#services, viewer, links);
  }
}
