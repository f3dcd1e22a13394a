/**
 * A post's attachment and action links as the pages draw them. Everything in them is the app's
 * data (or a person's), never markup: text goes through the `html` template, and a URL is used only
 * when it passes a rule:
 *
 *  - links (the title, properties, action links, media links): absolute http(s) only, after the
 *    FBML link rule (docs/fbml.md, "URLs": no `script:` or `data:` anywhere, no hidden spellings);
 *  - images (image media, the still of a Flash movie or a video): FBML's image rule, so absolute
 *    http(s) and never on the host the viewer reached Hearth by (an `<img src>` there would make
 *    every viewer's browser request Hearth's own pages with their cookie).
 *
 * Nothing runs: a Flash movie or a video is shown as its still image linked to where it plays, an
 * MP3 as a link; there is no `<object>`, `<embed>`, `<video>`, `<audio>` or `<iframe>`. A URL that
 * fails its rule is left out (the text stays, unlinked).
 */
// The FBML folder's own URL rules, so that posts and profile boxes judge URLs alike. The renderer's
// index does not export them (yet); url-policy.ts is a leaf module with no state.
import { allowedUrl } from '../../fbml/index.js';
import { html, type SafeHtml } from '../../http/page-kit/templates.js';
import type { ActionLink } from '../stream/records.js';

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Text for a field that should be text; numbers are shown as the app sent them, anything else not at all. */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** The URL if a page may link to it: an absolute http(s) URL that passes FBML's link rule. */
export function linkUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const allowed = allowedUrl(value, 'link');
  if (allowed === undefined) return undefined;
  try {
    const url = new URL(allowed);
    return (url.protocol === 'http:' || url.protocol === 'https:') && /^https?:\/\//i.test(allowed) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** The URL if a page may show it as an image, for a viewer who reached Hearth by `host`. */
export function imageUrl(value: unknown, host: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const allowed = allowedUrl(value, 'image', host);
  if (allowed === undefined) return undefined;
  try {
    const url = new URL(allowed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `content` linked to `href` when it may be, else `content` alone. */
function linked(href: string | undefined, content: SafeHtml | string): SafeHtml {
  return href === undefined ? html`${content}` : html`<a href="${href}" rel="nofollow noopener noreferrer" target="_blank">${content}</a>`;
}

export interface AttachmentContext {
  /** The host the viewer reached Hearth by (request.hostname), for the image rule. */
  readonly host: string;
  /** Replaces `{*actor*}` in the caption, as the platform did. */
  readonly actorName: string;
}

function mediaItem(item: Json, attachmentHref: string | undefined, context: AttachmentContext): SafeHtml | undefined {
  const still = (src: unknown, href: unknown, label: string) => {
    const image = imageUrl(src, context.host);
    const target = linkUrl(href) ?? attachmentHref;
    if (image === undefined) return target === undefined ? undefined : html`<a class="media-link" href="${target}" rel="nofollow noopener noreferrer" target="_blank">${label}</a>`;
    return linked(target, html`<img src="${image}" alt="${label}" loading="lazy" referrerpolicy="no-referrer">`);
  };
  switch (item.type) {
    case 'image':
      return still(item.src, item.href, 'Image');
    case 'flash':
      // The movie never plays here: its still, linked to the post's link.
      return still(item.imgsrc, undefined, 'Flash movie');
    case 'video':
      return still(item.preview_img, item.video_link, textOf(item.video_title) || 'Video');
    case 'mp3': {
      const href = linkUrl(item.src);
      const title = [textOf(item.title), textOf(item.artist)].filter((part) => part !== '').join(' — ') || 'MP3';
      return href === undefined ? html`<span class="media-link">${title}</span>` : html`<a class="media-link" href="${href}" rel="nofollow noopener noreferrer" target="_blank">♪ ${title}</a>`;
    }
    default:
      return undefined;
  }
}

function property(label: string, value: unknown): SafeHtml | undefined {
  if (isObject(value)) {
    const text = textOf(value.text);
    return html`<li><span class="property-name">${label}:</span> ${linked(linkUrl(value.href), text)}</li>`;
  }
  const text = textOf(value);
  return text === '' ? undefined : html`<li><span class="property-name">${label}:</span> ${text}</li>`;
}

function properties(value: unknown): SafeHtml | undefined {
  // Stored as an object of label → value; stream.get's list form ({name, text, href}) is read too.
  const rows = isObject(value)
    ? Object.entries(value).map(([label, item]) => property(label, item))
    : Array.isArray(value)
      ? value.filter(isObject).map((item) => property(textOf(item.name), item.href === undefined ? item.text : item))
      : [];
  const shown = rows.filter((row): row is SafeHtml => row !== undefined);
  return shown.length === 0 ? undefined : html`<ul class="attachment-properties">${shown}</ul>`;
}

/** The attachment's box, or nothing when it has nothing a person could see. */
export function attachmentView(attachment: Json | null, context: AttachmentContext): SafeHtml | undefined {
  if (attachment === null || !isObject(attachment)) return undefined;
  const href = linkUrl(attachment.href);
  const name = textOf(attachment.name);
  const caption = textOf(attachment.caption).replaceAll('{*actor*}', context.actorName);
  const description = textOf(attachment.description);
  const media = (Array.isArray(attachment.media) ? attachment.media : [])
    .filter(isObject)
    .map((item) => mediaItem(item, href, context))
    .filter((item): item is SafeHtml => item !== undefined);
  const props = properties(attachment.properties);
  // A bare link post (a URL without a title) shows the URL itself as its title.
  const title = name !== '' ? name : href;
  if (title === undefined && caption === '' && description === '' && media.length === 0 && props === undefined) return undefined;
  return html`<div class="attachment">
${media.length > 0 && html`<div class="attachment-media">${media}</div>`}
<div class="attachment-text">
${title !== undefined && html`<p class="attachment-name">${linked(href, title)}</p>`}
${caption !== '' && html`<p class="attachment-caption muted">${caption}</p>`}
${description !== '' && html`<p class="attachment-description">${description}</p>`}
${props}
</div>
</div>`;
}

/** The action links under a post (stream.publish's action_links): those with an http(s) URL. */
export function actionLinksView(links: readonly ActionLink[] | null): SafeHtml | undefined {
  const shown = (Array.isArray(links) ? links : []).flatMap((link) => {
    const href = isObject(link) ? linkUrl(link.href) : undefined;
    const text = isObject(link) ? textOf(link.text) : '';
    return href === undefined || text === '' ? [] : [html`<a href="${href}" rel="nofollow noopener noreferrer" target="_blank">${text}</a>`];
  });
  return shown.length === 0 ? undefined : html`<span class="action-links">${shown.map((link, index) => html`${index > 0 ? ' · ' : ''}${link}`)}</span>`;
}
