/** One link as links.get and the FQL `link` table write it. */
import { ApiList, type ApiObject } from '../../../wire/values.js';
import type { SharedLink } from '../records.js';

export function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

/** `<link>`: link_id, owner, owner_comment, created_time, title, summary, url, and image_urls as `<image_urls_elt>` items. */
export function linkValue(link: SharedLink): ApiObject {
  return {
    link_id: link.linkId,
    owner: link.owner,
    owner_comment: link.comment,
    created_time: seconds(link.createdAt),
    title: link.title,
    summary: link.summary,
    url: link.url,
    image_urls: new ApiList(undefined, link.imageUrls),
  };
}
