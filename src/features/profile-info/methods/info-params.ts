/** Parameter types of the info-section methods that the shared kit (dispatch/params.ts) has no word for. */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import type { ParamType } from '../../../dispatch/params.js';
import { cutText, fieldName, MAX_TITLE_LENGTH } from '../info-fields.js';
import type { InfoSectionType } from '../records.js';

/**
 * Room for a full section (20 fields of 100 items with long descriptions would not fit, a real one
 * does); longer text is refused before it is parsed.
 */
export const MAX_INFO_JSON_LENGTH = 128 * 1024;

/**
 * JSON text, decoded. Text that is not JSON at all is 100, as for every JSON argument of the
 * social methods; JSON of the wrong shape is for the method's own checks (1051).
 */
export const jsonText: ParamType<unknown> = {
  description: 'JSON array',
  clientType: 'string',
  parse(raw, name) {
    if (raw.length > MAX_INFO_JSON_LENGTH) throw invalidParameter(name, `longer than ${MAX_INFO_JSON_LENGTH} characters`);
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      throw invalidParameter(name, 'not valid JSON');
    }
  },
};

/** `1` (text) or `5` (thumbnails); Java sends them as text, facebooker as integers: the same on the wire. */
export const sectionType: ParamType<InfoSectionType> = {
  description: 'one of 1, 5',
  clientType: '1 | 5',
  parse(raw, name) {
    if (raw === '1' || raw === '5') return Number(raw) as InfoSectionType;
    throw invalidParameter(name, 'must be 1 (text) or 5 (thumbnails)');
  },
};

/** A field name as profile.setInfo stores it, so that the options of a field are found by the name sent. */
export const infoFieldName: ParamType<string> = {
  description: 'string',
  clientType: 'string',
  parse(raw, name) {
    // Blank names are the caller's mistake in the parameter itself: 100, as for any bad argument.
    try {
      return fieldName(raw, name);
    } catch (error) {
      if (error instanceof ApiError) throw invalidParameter(name, 'blank');
      throw error;
    }
  },
};

/** The section header as stored: surrounding white space dropped, cut to the header's length; blank is refused. */
export const sectionTitle: ParamType<string> = {
  description: 'string',
  clientType: 'string',
  parse(raw, name) {
    if (raw.length > MAX_INFO_JSON_LENGTH) throw invalidParameter(name, `longer than ${MAX_INFO_JSON_LENGTH} characters`);
    const title = raw.trim();
    if (title === '') throw invalidParameter(name, 'blank');
    return cutText(title, MAX_TITLE_LENGTH);
  },
};
