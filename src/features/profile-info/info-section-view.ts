/**
 * The apps' info sections as the profile page draws them (docs/pages.md, "/profile.php"): each
 * under its title, with the app's name, then each field's name with a colon and its items. All of
 * it is the app's data, never markup: text goes through the `html` template, a link is used only
 * when it is an absolute http(s) URL that passes FBML's link rule, and an image only when it passes
 * FBML's image rule for the host the viewer reached Hearth by (attachment-view.ts judges posts'
 * URLs the same way). A URL that fails its rule is left out; the text stays, unlinked.
 *
 * Type 1 sections show each item's label (linked); type 5 sections add the thumbnail, the
 * sublabel and the description.
 */
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import { imageUrl, linkUrl } from '../home/attachment-view.js';
import type { ShownInfoSection } from './profile-info-service.js';
import type { InfoItem, InfoSectionType } from './records.js';

function label(item: InfoItem): SafeHtml {
  const href = linkUrl(item.link);
  return href === undefined ? html`${item.label}` : html`<a href="${href}" rel="nofollow noopener noreferrer" target="_blank">${item.label}</a>`;
}

function textItem(item: InfoItem): SafeHtml {
  return html`<li class="info-item">${label(item)}</li>`;
}

function thumbnailItem(item: InfoItem, host: string): SafeHtml {
  const image = imageUrl(item.image, host);
  return html`<li class="info-item attachment">${
    image !== undefined && html`<div class="attachment-media"><img src="${image}" alt="" loading="lazy" referrerpolicy="no-referrer"></div>`
  }<div class="attachment-text"><div class="attachment-name">${label(item)}</div>${item.sublabel && html`<div class="muted">${item.sublabel}</div>`}${
    item.description && html`<div>${item.description}</div>`
  }</div></li>`;
}

function itemView(item: InfoItem, type: InfoSectionType, host: string): SafeHtml {
  return type === 5 ? thumbnailItem(item, host) : textItem(item);
}

function sectionView({ app, section }: ShownInfoSection, host: string): SafeHtml {
  const titleId = `info-${app.appId}`;
  return html`
<section class="fbml-box info-section" aria-labelledby="${titleId}" data-app-id="${app.appId}">
<h2 class="fbml-box-title" id="${titleId}">${section.title}</h2>
<div class="fbml-box-body">
<p class="muted">From ${app.name}</p>
<dl class="info-fields">${section.fields.map(
    (field) => html`
<dt>${field.field}:</dt>
<dd><ul class="attachment-properties">${field.items.map((item) => itemView(item, section.type, host))}</ul></dd>`,
  )}
</dl>
</div>
</section>`;
}

/** The sections shown on a profile, or nothing when there are none. `host`: request.hostname. */
export function infoSectionsView(sections: readonly ShownInfoSection[], host: string): SafeHtml | false {
  return sections.length > 0 && html`<div class="profile-boxes wide-boxes info-sections">${sections.map((shown) => sectionView(shown, host))}</div>`;
}
