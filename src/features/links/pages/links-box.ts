/**
 * The profile's "Links" box: the person's latest shared links that the viewer may read (the rule
 * of their stories, ../notes/story-visibility.ts), each its page's title — or its URL while the
 * title is not known — and the owner's comment as text. Nothing when there is none to show.
 *
 * links.post takes only absolute http(s) URLs, but a stored URL is still the app's data: it is
 * linked only when it passes the rule the stream's attachments use (linkUrl: absolute http(s), and
 * FBML's link rule), and shown as text otherwise. A link opens in a new tab, tells the next site
 * nothing of this page, and carries no weight for search engines, as links in posts do.
 */
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { timeText } from '../../../http/page-kit/time-text.js';
import type { Services } from '../../feature.js';
import { linkUrl } from '../../home/attachment-view.js';
import type { Person } from '../../people/records.js';
import type { SharedLink } from '../records.js';

/** How many links the box lists. */
export const LINKS_IN_BOX = 5;

export async function linksBox(services: Services, owner: Person, viewer: Person | undefined): Promise<SafeHtml | false> {
  const links = (await services.links.readable(viewer?.uid, await services.links.ofOwners([owner.uid]))).slice(0, LINKS_IN_BOX);
  if (links.length === 0) return false;
  return html`<section class="fbml-box profile-links" aria-labelledby="box-links">
<h2 class="fbml-box-title" id="box-links">Links</h2>
<div class="fbml-box-body">
<ul class="box-list">${links.map(linkItem)}</ul>
</div>
</section>`;
}

function linkItem(link: SharedLink): SafeHtml {
  const href = linkUrl(link.url);
  const label = link.title === '' ? link.url : link.title;
  return html`<li class="link-item">${
    href === undefined ? html`<span class="link-item-title">${label}</span>` : html`<a class="link-item-title" href="${href}" rel="nofollow noopener noreferrer" target="_blank">${label}</a>`
  } <time class="muted" datetime="${link.createdAt.toISOString()}">${timeText(link.createdAt)}</time>${link.comment !== '' && html`<p class="link-item-comment">${link.comment}</p>`}</li>`;
}
