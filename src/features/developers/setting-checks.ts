/**
 * What a typed setting must be before it is stored, said the way the form shows it: the field's
 * label, what is wrong, and what would be right. The property vocabulary checks the values again
 * as it stores them (app-admin/app-properties.ts); these checks come first because a person needs
 * the label, not the property name, and because the page holds URLs to what the platform allowed.
 */
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { parseWebUrl } from '../web-url.js';
import type { SettingField } from './app-settings.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Two or more labels of letters, digits and inner hyphens: example.com, apps.example.co.uk. */
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** The first letter in capitals and a full stop at the end, for a message shown as a sentence. */
export function sentence(message: string): string {
  const text = `${message.charAt(0).toUpperCase()}${message.slice(1)}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * The field's text as it will be stored (trimmed, a domain in lower case), or an
 * InvalidInputError whose message is meant for the form.
 */
export function checkedText(field: SettingField, typed: string): string {
  const text = field.kind === 'textarea' ? typed.replace(/\r\n/g, '\n').trim() : typed.trim();
  if (text === '') {
    if (field.required) throw new InvalidInputError(`${field.label} is required`);
    return text;
  }
  const length = [...text].length;
  if (field.maxLength !== undefined && length > field.maxLength) {
    throw new InvalidInputError(`${field.label} may be at most ${field.maxLength} characters long; this one has ${length}`);
  }
  switch (field.kind) {
    case 'url':
      return parseWebUrl(text, field.label);
    case 'email':
      if (!EMAIL.test(text)) throw new InvalidInputError(`${field.label} is not an e-mail address: “${text}”`);
      return text;
    case 'domain': {
      const domain = text.toLowerCase().replace(/\.$/, '');
      if (!DOMAIN.test(domain)) throw new InvalidInputError(`${field.label} must be a domain name such as example.com, without http:// or a path`);
      return domain;
    }
    case 'choice':
      if (!field.choices?.some(([value]) => value === text)) {
        throw new InvalidInputError(`${field.label} must be one of ${field.choices?.map(([, label]) => label).join(', ')}`);
      }
      return text;
    default:
      return text;
  }
}

/** Whether the host of `url` is `domain` or under it (www.example.com is under example.com). */
export function isUnderDomain(url: string, domain: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * A callback URL that does not end in `/` still works, but the rest of a canvas address is added
 * to it as it is: `…/fb` and `step.php` make `…/fbstep.php`.
 */
export function callbackUrlWarning(callbackUrl: string | null): string | undefined {
  if (callbackUrl === null || callbackUrl.endsWith('/')) return undefined;
  return `Your callback URL does not end in “/”. Canvas addresses are added to it as they are, so /apps/NAME/step.php would fetch ${callbackUrl}step.php.`;
}
