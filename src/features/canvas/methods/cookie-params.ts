/**
 * Parameter types of data.setCookie and data.getCookies. A cookie goes back to the app in the
 * `Cookie` header of canvas requests, so its name, value and path must be text that header can
 * carry: printable ASCII, no `;` (which would split it), and for names none of the separators.
 */
import { invalidParameter } from '../../../wire/errors.js';
import type { ParamType } from '../../../dispatch/params.js';

const MAX_PATH_LENGTH = 1_024;
const HEADER_TEXT = /^[\x20-\x3a\x3c-\x7e]*$/;

export const cookieNameParam: ParamType<string> = {
  description: 'string',
  clientType: 'string',
  parse(raw, name) {
    if (!HEADER_TEXT.test(raw) || /[\s,=]/.test(raw)) throw invalidParameter(name, 'a cookie name is printable ASCII without spaces, commas, semicolons or =');
    return raw;
  },
};

export const cookieValueParam: ParamType<string> = {
  description: 'string',
  clientType: 'string',
  parse(raw, name) {
    if (!HEADER_TEXT.test(raw)) throw invalidParameter(name, 'a cookie value is printable ASCII without semicolons (encode it, as PHP’s setcookie does with urlencode)');
    return raw;
  },
};

/** Unix seconds, possibly in the past (which deletes the cookie). */
export const cookieExpiresParam: ParamType<number> = {
  description: 'int',
  clientType: 'number',
  parse(raw, name) {
    const trimmed = raw.trim();
    if (!/^-?\d{1,12}$/.test(trimmed)) throw invalidParameter(name, 'not a Unix time in seconds');
    return Number(trimmed);
  },
};

/** A path on the canvas, relative to the callback URL; `step/` is taken as `/step/`. */
export const cookiePathParam: ParamType<string> = {
  description: 'string',
  clientType: 'string',
  parse(raw, name) {
    if (raw.length > MAX_PATH_LENGTH || !HEADER_TEXT.test(raw) || /\s/.test(raw)) {
      throw invalidParameter(name, `a cookie path is printable ASCII without spaces or semicolons, at most ${MAX_PATH_LENGTH} characters`);
    }
    return raw.startsWith('/') ? raw : `/${raw}`;
  },
};
