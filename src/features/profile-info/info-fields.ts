/**
 * The rules of an info section's content (docs/profile-info.md, "What an app may send"): which
 * keys an item has, which are required, what types they may be, and the limits. Everything here
 * reads decoded JSON of any shape and either returns checked records or throws 1051, whose message
 * tells apps to check the formatting of their info fields; the detail names the first problem.
 */
import { ApiError } from '../../wire/errors.js';
import type { InfoField, InfoItem } from './records.js';

/** The section header: the documentation's 25 characters, cut silently as the platform's limits are. */
export const MAX_TITLE_LENGTH = 25;
/** Field names: "about 30 characters" in the documentation; cut silently. */
export const MAX_FIELD_NAME_LENGTH = 30;
/** Fields per section; the Info tab had room for a handful, and one call cannot store thousands. */
export const MAX_FIELDS = 20;
/** Items per field, and options per field (the typeahead's choices). */
export const MAX_ITEMS = 100;
/** Texts of an item, cut silently. */
export const MAX_LABEL_LENGTH = 100;
export const MAX_SUBLABEL_LENGTH = 100;
/** As an attachment's description (stream.publish). */
export const MAX_DESCRIPTION_LENGTH = 1000;
/** As an attachment's `href`. A longer URL is refused: a URL cut short points somewhere else. */
export const MAX_URL_LENGTH = 1024;

/** The keys an item may have, in the order profile.getInfo writes them. Others are dropped. */
const TEXT_KEYS = [
  ['label', MAX_LABEL_LENGTH],
  ['sublabel', MAX_SUBLABEL_LENGTH],
  ['description', MAX_DESCRIPTION_LENGTH],
] as const;

function refused(detail: string): ApiError {
  return new ApiError(1051, detail);
}

/** At most `max` characters (code points, so that no emoji is cut in half). */
export function cutText(text: string, max: number): string {
  const characters = [...text];
  return characters.length <= max ? text : characters.slice(0, max).join('');
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A text value as apps send them: a string, or a number (PHP arrays hold years and counts as
 * integers, which json_encode writes as numbers). `null` is "not sent". Anything else is refused.
 */
function textValue(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  throw refused(`${where} must be a string`);
}

/** One item; `where` names it in messages, e.g. `info_fields[0].items[2]`. */
export function parseInfoItem(value: unknown, where: string): InfoItem {
  if (!isObject(value)) throw refused(`${where} must be an object with label and link`);
  const texts: Record<string, string> = {};
  for (const [key, max] of TEXT_KEYS) {
    const text = textValue(value[key], `${where}.${key}`);
    if (text !== undefined) texts[key] = cutText(text, max);
  }
  const link = textValue(value.link, `${where}.link`);
  const image = textValue(value.image, `${where}.image`);
  if (texts.label === undefined || texts.label.trim() === '') throw refused(`${where} has no label`);
  if (link === undefined) throw refused(`${where} has no link`);
  for (const [key, url] of [['link', link], ['image', image]] as const) {
    if (url !== undefined && url.length > MAX_URL_LENGTH) throw refused(`${where}.${key} is longer than ${MAX_URL_LENGTH} characters`);
  }
  // Built key by key so that stored items always have profile.getInfo's order.
  return {
    label: texts.label,
    ...(texts.sublabel !== undefined && { sublabel: texts.sublabel }),
    ...(texts.description !== undefined && { description: texts.description }),
    link,
    ...(image !== undefined && { image }),
  };
}

/** A list of items (a field's `items`, or profile.setInfoOptions' `options`). */
export function parseInfoItems(value: unknown, where: string, options: { readonly allowEmpty: boolean }): InfoItem[] {
  if (!Array.isArray(value)) throw refused(`${where} must be a JSON array of items`);
  if (value.length === 0 && !options.allowEmpty) throw refused(`${where} holds no items`);
  if (value.length > MAX_ITEMS) throw refused(`${where} holds more than ${MAX_ITEMS} items`);
  return value.map((item, index) => parseInfoItem(item, `${where}[${index}]`));
}

/** A field name as stored: surrounding white space dropped, cut to the limit; blank is refused. */
export function fieldName(value: string, where: string): string {
  const name = value.trim();
  if (name === '') throw refused(`${where} is blank`);
  return cutText(name, MAX_FIELD_NAME_LENGTH);
}

/** profile.setInfo's `info_fields`, already decoded from JSON. An empty list is a section with no fields. */
export function parseInfoFields(value: unknown): InfoField[] {
  if (!Array.isArray(value)) throw refused('info_fields must be a JSON array of fields');
  if (value.length > MAX_FIELDS) throw refused(`info_fields holds more than ${MAX_FIELDS} fields`);
  return value.map((field, index): InfoField => {
    const where = `info_fields[${index}]`;
    if (!isObject(field)) throw refused(`${where} must be an object with field and items`);
    if (field.field === undefined || field.field === null) throw refused(`${where} has no field name`);
    if (typeof field.field !== 'string') throw refused(`${where}.field must be a string`);
    if (field.items === undefined || field.items === null) throw refused(`${where} has no items`);
    return { field: fieldName(field.field, `${where}.field`), items: parseInfoItems(field.items, `${where}.items`, { allowEmpty: false }) };
  });
}
