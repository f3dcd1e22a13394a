/**
 * Sections and items as the methods answer them (docs/profile-info.md, "Answers"): item keys in the
 * order label, sublabel, description, link, image, each present exactly when it was sent; lists
 * carry `list="true"` in XML, also when empty.
 */
import { ApiList, type ApiObject } from '../../wire/values.js';
import type { InfoItem, InfoSection } from './records.js';

export function itemValue(item: InfoItem): ApiObject {
  const value: Record<string, string> = { label: item.label };
  if (item.sublabel !== undefined) value.sublabel = item.sublabel;
  if (item.description !== undefined) value.description = item.description;
  value.link = item.link;
  if (item.image !== undefined) value.image = item.image;
  return value;
}

export function itemsValue(items: readonly InfoItem[]): ApiList {
  return new ApiList('info_item', items.map(itemValue), 'self-closing');
}

/** The wiki's layout: title and info_fields under the root, then type. */
export function sectionValue(section: InfoSection): ApiObject {
  return {
    title: section.title,
    info_fields: new ApiList('info_field', section.fields.map((field) => ({ field: field.field, items: itemsValue(field.items) })), 'self-closing'),
    type: section.type,
  };
}
