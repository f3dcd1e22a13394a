/**
 * Attachments: what an app sends with a post (`attachment`: a title linked somewhere, a caption, a
 * description, labelled properties, up to five images or one Flash movie, MP3 or video) and how it
 * comes back in the stream, normalised as the platform returned it.
 *
 * On the way in (`checkAttachment`) the shape is checked — a malformed one is refused with the
 * reason — and the documented limits applied: descriptions are cut at 1,000 characters, property
 * labels at 50, images after the fifth and media after the first of the other kinds are dropped,
 * Flash sizes are brought into their ranges. URLs are the app's data, never trusted: any that is
 * not an absolute http(s) URL (or is longer than 1,024 characters, which cutting would only turn
 * into another URL) is dropped, and a media item without its URLs goes with it. What is stored is
 * what is echoed back in `app_data.attachment_data`, so that echo carries no other URL either.
 * Keys Hearth does not know are kept as sent.
 *
 * On the way out (`attachmentValue`) media types become the stream's (image → link, flash → swf,
 * mp3 → music, video → video) with their per-type details, properties a list, and `{*actor*}` in
 * the caption the actor's name.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

export const MAX_HREF_LENGTH = 1024;
export const MAX_DESCRIPTION_LENGTH = 1000;
export const MAX_PROPERTY_KEY_LENGTH = 50;
export const MAX_IMAGES = 5;

export class AttachmentInputError extends InvalidInputError {}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The URL if it is an absolute http(s) URL Hearth may hand on, else undefined. */
export function webUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_HREF_LENGTH) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
}

/** Cut to `max` characters as people count them, not UTF-16 units. */
function cut(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw new AttachmentInputError(`attachment.${name} must be text`);
}

function clamp(value: unknown, low: number, high: number): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return undefined;
  return Math.min(high, Math.max(low, Math.round(number)));
}

const MEDIA_TYPES = ['image', 'flash', 'mp3', 'video'] as const;
type MediaType = (typeof MEDIA_TYPES)[number];

/** Optional URL fields: kept only when valid. Required ones: the item goes without them. */
const MEDIA_URLS: Readonly<Record<MediaType, { readonly required: readonly string[]; readonly optional: readonly string[] }>> = {
  image: { required: ['src'], optional: ['href'] },
  flash: { required: ['swfsrc', 'imgsrc'], optional: [] },
  mp3: { required: ['src'], optional: [] },
  video: { required: ['video_src', 'preview_img'], optional: ['video_link'] },
};

const MEDIA_TEXT: Readonly<Record<MediaType, readonly string[]>> = {
  image: [],
  flash: [],
  mp3: ['title', 'artist', 'album'],
  video: ['video_title', 'video_type'],
};

/** The documented Flash sizes: width one of 100, 110, 130; the others within ranges. */
function flashSizes(item: Json): Record<string, number> {
  const out: Record<string, number> = {};
  const width = clamp(item.width, 100, 130);
  if (width !== undefined) out.width = [100, 110, 130].reduce((best, allowed) => (Math.abs(allowed - width) < Math.abs(best - width) ? allowed : best));
  const height = clamp(item.height, 30, 100);
  if (height !== undefined) out.height = height;
  const expandedWidth = clamp(item.expanded_width, 30, 320);
  if (expandedWidth !== undefined) out.expanded_width = expandedWidth;
  const expandedHeight = clamp(item.expanded_height, 30, 260);
  if (expandedHeight !== undefined) out.expanded_height = expandedHeight;
  return out;
}

function checkMediaItem(item: Json, type: MediaType, index: number): Json | undefined {
  const out: Record<string, unknown> = { type };
  const urls = MEDIA_URLS[type];
  for (const name of urls.required) {
    const url = webUrl(item[name]);
    if (url === undefined) return undefined;
    out[name] = url;
  }
  for (const name of urls.optional) {
    const url = webUrl(item[name]);
    if (url !== undefined) out[name] = url;
  }
  for (const name of MEDIA_TEXT[type]) {
    const value = text(item[name], `media[${index}].${name}`);
    if (value !== undefined) out[name] = value;
  }
  return type === 'flash' ? { ...out, ...flashSizes(item) } : out;
}

function checkMedia(value: unknown): Json[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new AttachmentInputError('attachment.media must be a list of media items');
  let kind: MediaType | undefined;
  const items: Json[] = [];
  for (const [index, item] of value.entries()) {
    if (!isObject(item)) throw new AttachmentInputError(`attachment.media[${index}] must be an object`);
    const type = MEDIA_TYPES.find((known) => known === item.type);
    if (type === undefined) throw new AttachmentInputError(`attachment.media[${index}].type must be one of ${MEDIA_TYPES.join(', ')}`);
    if (kind !== undefined && type !== kind) throw new AttachmentInputError(`attachment.media holds one type of media per post, not both ${kind} and ${type}`);
    kind = type;
    const checked = checkMediaItem(item, type, index);
    if (checked !== undefined) items.push(checked);
  }
  return items.slice(0, kind === 'image' ? MAX_IMAGES : 1);
}

function checkProperty(label: string, value: unknown): [string, unknown] {
  const key = cut(label, MAX_PROPERTY_KEY_LENGTH);
  if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return [key, String(value)];
  if (isObject(value)) {
    const linkText = text(value.text, `properties.${key}.text`) ?? '';
    const href = webUrl(value.href);
    return [key, href === undefined ? linkText : { text: linkText, href }];
  }
  throw new AttachmentInputError(`attachment.properties.${key} must be text or {"text":…,"href":…}`);
}

function checkProperties(value: unknown): Json | undefined {
  if (value === undefined || value === null) return undefined;
  // PHP's json_encode writes an empty array as [], whatever it was meant to be.
  if (Array.isArray(value) && value.length === 0) return {};
  if (!isObject(value)) throw new AttachmentInputError('attachment.properties must be an object of label → text or {"text":…,"href":…}');
  return Object.fromEntries(Object.entries(value).map(([label, item]) => checkProperty(label, item)));
}

/**
 * The attachment as stored: checked, cut, its URLs vetted. `null` for none (an empty object, or
 * PHP's empty array). Throws `AttachmentInputError` for a shape the platform did not accept.
 */
export function checkAttachment(input: Json | null): Json | null {
  if (input === null || Object.keys(input).length === 0) return null;
  if (nestsDeeperThan(input, MAX_JSON_DEPTH)) throw new AttachmentInputError(`the attachment nests more than ${MAX_JSON_DEPTH} deep`);
  const out: Record<string, unknown> = { ...input };
  for (const name of ['name', 'caption', 'comments_xid']) {
    const value = text(input[name], name);
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  const description = text(input.description, 'description');
  if (description === undefined) delete out.description;
  else out.description = cut(description, MAX_DESCRIPTION_LENGTH);
  const href = webUrl(input.href);
  if (href === undefined) delete out.href;
  else out.href = href;
  const media = checkMedia(input.media);
  if (media === undefined) delete out.media;
  else out.media = media;
  const properties = checkProperties(input.properties);
  if (properties === undefined) delete out.properties;
  else out.properties = properties;
  return out;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One media item as the stream returns it: `href`, `type`, `src`, and the details of its kind. */
function mediaValue(item: Json, attachmentHref: string, actor: number): Record<string, unknown> {
  switch (item.type) {
    case 'image':
      return { href: str(item.href) || attachmentHref, type: 'link', src: str(item.src) };
    case 'flash':
      return {
        href: attachmentHref,
        type: 'swf',
        src: str(item.imgsrc),
        swf: { source_url: str(item.swfsrc), preview_img: str(item.imgsrc), flash_vars: '', width: item.width ?? 0, height: item.height ?? 0 },
      };
    case 'mp3':
      return { href: attachmentHref, type: 'music', src: str(item.src), music: { source_url: str(item.src), title: str(item.title), artist: str(item.artist), album: str(item.album) } };
    default:
      return {
        href: str(item.video_link) || attachmentHref,
        type: 'video',
        src: str(item.preview_img),
        video: {
          display_url: str(item.video_link),
          source_url: str(item.video_src),
          owner: actor,
          permalink: str(item.video_link),
          preview_img: str(item.preview_img),
          source_type: str(item.video_type) || 'application/x-shockwave-flash',
        },
      };
  }
}

/** `href` only for the properties that link somewhere. */
function propertyValues(properties: unknown): Array<Record<string, string>> {
  if (!isObject(properties)) return [];
  return Object.entries(properties).map(([name, value]): Record<string, string> =>
    isObject(value) ? { name, text: str(value.text), href: str(value.href) } : { name, text: str(value) },
  );
}

/**
 * The normalised attachment of stream.get and the FQL stream table; an empty struct for a post
 * without one. `actorName` replaces `{*actor*}` in the caption.
 */
export function attachmentValue(attachment: Json | null, actor: number, actorName: string): Record<string, unknown> {
  if (attachment === null) return {};
  const href = str(attachment.href);
  const media = Array.isArray(attachment.media) ? (attachment.media as Json[]) : [];
  return {
    media: media.map((item) => mediaValue(item, href, actor)),
    name: str(attachment.name),
    href,
    caption: str(attachment.caption).replaceAll('{*actor*}', actorName),
    description: str(attachment.description),
    properties: propertyValues(attachment.properties),
    // Apps have no icons in Hearth, and app stories are no Facebook objects.
    icon: '',
    fb_object_type: '',
    fb_object_id: '',
  };
}
