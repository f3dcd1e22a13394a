/** Absolute http(s) URLs typed by operators and people: callback URLs, picture URLs. */
import { InvalidInputError } from '../dispatch/invalid-input-error.js';

/** Returns the URL as given, or refuses it naming `what` it was meant to be. */
export function parseWebUrl(text: string, what: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidInputError(`${what} is not a URL: ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidInputError(`${what} must start with http:// or https://, not ${JSON.stringify(text)}`);
  }
  return text;
}
