/**
 * The story a shared link makes: a link post (type 80) on the owner's own wall, with no message of
 * its own and the link as its attachment — `href` the URL, `name` the page's title (the URL itself
 * while the title is not known, so the post always has a line to click), `caption` the URL's host,
 * `description` the owner's comment (the stream cuts it at 1,000 characters) and the thumbnail, when
 * there is one, as an image.
 */
import type { NewLink } from './records.js';

export const LINK_POST_TYPE = 80;

export function linkStoryAttachment(link: Pick<NewLink, 'url' | 'title' | 'comment' | 'imageUrls'>): Record<string, unknown> {
  const attachment: Record<string, unknown> = {
    name: link.title === '' ? link.url : link.title,
    href: link.url,
    caption: new URL(link.url).host,
    description: link.comment,
  };
  if (link.imageUrls.length > 0) attachment.media = link.imageUrls.map((src) => ({ type: 'image', src, href: link.url }));
  return attachment;
}
