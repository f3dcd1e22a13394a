/**
 * The fields of a page in the platform's schema order (pages.getInfo writes them in this order
 * whatever order they were asked in), and the value of each. Hearth keeps no page pictures and no
 * opening hours: those are empty. Flags (parking, genre …) are booleans: 1/0 in XML, true/false in
 * JSON. Text fields that were never set are empty strings.
 */
import { pagePath } from './page-paths.js';
import type { PageFacts } from './page-service.js';
import type { Page } from './records.js';

type FieldValue = string | number | boolean | Readonly<Record<string, string | boolean>>;

export const LOCATION_PARTS = ['street', 'city', 'state', 'country', 'zip'] as const;
export const FLAG_FIELDS = {
  parking: ['street', 'lot', 'valet'],
  restaurant_services: ['reserve', 'walkins', 'groups', 'kids', 'takeout', 'delivery', 'catering', 'waiter', 'outdoor'],
  restaurant_specialties: ['breakfast', 'lunch', 'dinner', 'coffee', 'drinks'],
  genre: ['dance', 'party', 'relax', 'talk', 'think', 'workout', 'sing', 'intimate', 'raunchy', 'headphones'],
} as const;

const PICTURES = ['pic_small', 'pic_big', 'pic_square', 'pic', 'pic_large'] as const;

/** Every field name, in schema order. */
export const PAGE_FIELDS = [
  'page_id', 'name', ...PICTURES, 'page_url', 'status', 'type', 'website', 'has_added_app', 'fan_count', 'username',
  'founded', 'company_overview', 'mission', 'products',
  'location', 'parking', 'public_transit', 'hours', 'attire', 'payment_options', 'culinary_team', 'general_manager', 'price_range', 'restaurant_services', 'restaurant_specialties',
  'release_date', 'genre', 'starring', 'screenplay_by', 'directed_by', 'produced_by', 'studio', 'awards', 'plot_outline', 'network', 'season', 'schedule', 'written_by',
  'band_members', 'hometown', 'current_location', 'record_label', 'booking_agent', 'artists_we_like', 'influences', 'band_interests', 'bio',
  'affiliation', 'birthday', 'personal_info', 'personal_interests', 'members', 'built', 'features', 'mpg', 'general_info',
] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

const KNOWN = new Set<string>(PAGE_FIELDS);
export const isPageField = (name: string): name is PageField => KNOWN.has(name);

/**
 * The page's own URL: its page on Hearth (page.php?id=). The platform's address for it,
 * profile.php?id=, leads there too.
 */
export function pageUrl(origin: string, page: Page): string {
  return `${origin}${pagePath(page.pageId)}`;
}

/** The value of one field; details hold the text fields, location parts as `location_city` …, flags as `genre_party` = "1". */
export function pageFieldValue(page: Page, field: PageField, facts: PageFacts, origin: string): FieldValue {
  const detail = (key: string) => page.details[key] ?? '';
  switch (field) {
    case 'page_id':
      return page.pageId;
    case 'name':
      return page.name;
    case 'page_url':
      return pageUrl(origin, page);
    case 'type':
      return page.type;
    case 'website':
      return page.website;
    case 'has_added_app':
      return facts.withApp.has(page.pageId);
    case 'fan_count':
      return facts.fanCounts.get(page.pageId) ?? 0;
    case 'username':
      return page.username ?? '';
    case 'location':
      return Object.fromEntries(LOCATION_PARTS.map((part) => [part, detail(`location_${part}`)]));
    case 'hours':
      return {};
    case 'parking':
    case 'restaurant_services':
    case 'restaurant_specialties':
    case 'genre':
      return Object.fromEntries(FLAG_FIELDS[field].map((flag) => [flag, detail(`${field}_${flag}`) === '1']));
    default:
      return (PICTURES as readonly string[]).includes(field) ? '' : detail(field);
  }
}

/** The page with `fields` (page_id always, first), in schema order. */
export function pageInfo(page: Page, fields: ReadonlySet<PageField>, facts: PageFacts, origin: string): Record<string, FieldValue> {
  return Object.fromEntries(PAGE_FIELDS.filter((field) => field === 'page_id' || fields.has(field)).map((field) => [field, pageFieldValue(page, field, facts, origin)]));
}
