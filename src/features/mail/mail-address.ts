/**
 * What may stand in a mail's headers. An address is checked before it is written to the outbox, so
 * that no text a person or an app chose can add a header or a recipient: nothing but the
 * characters of an ordinary address, one `@`, a domain name. Subjects are made one line.
 */
import { isDomainName } from './mail-settings.js';

/** The dot-atom of RFC 5322's local part: letters, digits and these marks, dots only between them. */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

export const MAX_ADDRESS_LENGTH = 254;
export const MAX_SUBJECT_LENGTH = 250;

export function isMailAddress(text: string): boolean {
  if (text.length > MAX_ADDRESS_LENGTH) return false;
  const at = text.lastIndexOf('@');
  if (at <= 0 || at > 64) return false;
  return LOCAL_PART.test(text.slice(0, at)) && isDomainName(text.slice(at + 1));
}

/** One line: line breaks, tabs and other control characters become spaces, runs of spaces one. */
export function oneLine(text: string, maxLength = MAX_SUBJECT_LENGTH): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ').trim();
  return line.length <= maxLength ? line : `${line.slice(0, maxLength - 1).trimEnd()}…`;
}
