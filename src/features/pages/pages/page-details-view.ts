/**
 * What a page's own page says about it: its type in words, its fan count, and the details it keeps
 * (the text fields of pages.getInfo, its location, its flags, its username and website), in the
 * schema's order, leaving out what is not set. Everything is the operator's text, never markup;
 * the website is linked only when it passes the stream's link rule (absolute http(s)).
 */
import { html, type SafeHtml } from '../../../http/page-kit/templates.js';
import { linkUrl } from '../../home/attachment-view.js';
import { FLAG_FIELDS, LOCATION_PARTS, PAGE_FIELDS, type PageField } from '../page-fields.js';
import type { Page, PageType } from '../records.js';

const TYPE_LABELS: Readonly<Record<PageType, string>> = {
  ACTOR_DIRECTOR: 'Actor/Director', APPLICATION: 'Application', ARTIST: 'Artist', ATHLETE: 'Athlete', AUTHOR: 'Author', AUTOMOBILES: 'Automobiles',
  BAR: 'Bar', BOOK: 'Book', BUSINESS_PERSON: 'Business person', CAFE: 'Café', CLUB: 'Club', COMEDIAN: 'Comedian', COMMUNITY: 'Community',
  COMPANY: 'Company', CONSUMER_PRODUCTS: 'Consumer products', EDUCATION: 'Education', FILM: 'Film', GAMES: 'Games', GOVERNMENT: 'Government',
  HOTEL: 'Hotel', LOCAL_BUSINESS: 'Local business', MUSEUM: 'Museum', MUSICIANS: 'Musicians', NON_PROFIT: 'Non-profit', ORGANIZATION: 'Organization',
  POLITICIAN: 'Politician', PRODUCTS: 'Products', PUBLIC_FIGURE: 'Public figure', RADIO_STATION: 'Radio station', RESTAURANT: 'Restaurant',
  RETAIL: 'Retail', SPORTS_TEAM: 'Sports team', STORE: 'Store', TV_SHOW: 'TV show', WEBSITE: 'Website',
};

export function typeLabel(type: PageType): string {
  return TYPE_LABELS[type];
}

/** "No fans yet", "1 fan", "1,204 fans". */
export function fanCountText(count: number): string {
  return count === 0 ? 'No fans yet' : count === 1 ? '1 fan' : `${count.toLocaleString('en-GB')} fans`;
}

/** Fields that are no detail of the page: shown elsewhere on it (name, type, fans), kept nowhere (pictures, hours, status), or the API's own. */
const NOT_DETAILS = ['page_id', 'name', 'pic_small', 'pic_big', 'pic_square', 'pic', 'pic_large', 'page_url', 'status', 'type', 'has_added_app', 'fan_count', 'hours'] as const;
type DetailField = Exclude<PageField, (typeof NOT_DETAILS)[number]>;

const DETAIL_LABELS: Readonly<Record<DetailField, string>> = {
  website: 'Website', username: 'Username', founded: 'Founded', company_overview: 'Company overview', mission: 'Mission', products: 'Products',
  location: 'Location', parking: 'Parking', public_transit: 'Public transit', attire: 'Attire', payment_options: 'Payment options',
  culinary_team: 'Culinary team', general_manager: 'General manager', price_range: 'Price range', restaurant_services: 'Services',
  restaurant_specialties: 'Specialties', release_date: 'Release date', genre: 'Genre', starring: 'Starring', screenplay_by: 'Screenplay by',
  directed_by: 'Directed by', produced_by: 'Produced by', studio: 'Studio', awards: 'Awards', plot_outline: 'Plot outline', network: 'Network',
  season: 'Season', schedule: 'Schedule', written_by: 'Written by', band_members: 'Band members', hometown: 'Hometown',
  current_location: 'Current location', record_label: 'Record label', booking_agent: 'Booking agent', artists_we_like: 'Artists we like',
  influences: 'Influences', band_interests: 'Band interests', bio: 'Biography', affiliation: 'Affiliation', birthday: 'Birthday',
  personal_info: 'Personal information', personal_interests: 'Personal interests', members: 'Members', built: 'Built', features: 'Features',
  mpg: 'MPG', general_info: 'General information',
};

const SKIPPED = new Set<string>(NOT_DETAILS);
const DETAIL_FIELDS = PAGE_FIELDS.filter((field): field is DetailField => !SKIPPED.has(field));

/** Flags whose name alone says too little. */
const FLAG_LABELS: Readonly<Record<string, string>> = {
  restaurant_services_reserve: 'Reservations', restaurant_services_walkins: 'Walk-ins', restaurant_services_groups: 'Good for groups',
  restaurant_services_kids: 'Good for kids', restaurant_services_takeout: 'Take-out', restaurant_services_waiter: 'Waiter service',
  restaurant_services_outdoor: 'Outdoor seating', parking_lot: 'Parking lot',
};

const capitalised = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/** Text as the operator wrote it, its line breaks kept. */
function textWithBreaks(text: string): SafeHtml {
  return html`${text.split(/\r\n|\r|\n/).map((line, index) => html`${index > 0 && html`<br>`}${line}`)}`;
}

/** The value of one detail as the page shows it, or undefined when it is not set. */
function detailValue(page: Page, field: DetailField): SafeHtml | undefined {
  const detail = (key: string) => page.details[key]?.trim() ?? '';
  switch (field) {
    case 'website': {
      const website = page.website.trim();
      if (website === '') return undefined;
      const href = linkUrl(website);
      return href === undefined ? html`<span class="page-website">${website}</span>` : html`<a class="page-website" href="${href}" rel="nofollow noopener noreferrer" target="_blank">${website}</a>`;
    }
    case 'username':
      return page.username === null ? undefined : html`${page.username}`;
    case 'location': {
      const [street, city, state, country, zip] = LOCATION_PARTS.map((part) => detail(`location_${part}`));
      const parts = [street, city, [state, zip].filter((part) => part !== '').join(' '), country].filter((part) => part !== '');
      return parts.length === 0 ? undefined : html`${parts.join(', ')}`;
    }
    case 'parking':
    case 'restaurant_services':
    case 'restaurant_specialties':
    case 'genre': {
      const set = FLAG_FIELDS[field].filter((flag) => detail(`${field}_${flag}`) === '1').map((flag) => FLAG_LABELS[`${field}_${flag}`] ?? capitalised(flag));
      return set.length === 0 ? undefined : html`${set.join(', ')}`;
    }
    default: {
      const text = detail(field);
      return text === '' ? undefined : textWithBreaks(text);
    }
  }
}

/** The "Information" box, or nothing when the page keeps no details. */
export function detailsView(page: Page): SafeHtml | false {
  const shown = DETAIL_FIELDS.flatMap((field) => {
    const value = detailValue(page, field);
    return value === undefined ? [] : [html`
<dt class="property-name">${DETAIL_LABELS[field]}</dt>
<dd data-field="${field}">${value}</dd>`];
  });
  return (
    shown.length > 0 &&
    html`<div class="profile-boxes wide-boxes">
<section class="fbml-box page-details" aria-labelledby="page-details-title">
<h2 class="fbml-box-title" id="page-details-title">Information</h2>
<div class="fbml-box-body"><dl class="info-fields">${shown}
</dl></div>
</section>
</div>`
  );
}
