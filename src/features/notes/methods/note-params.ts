/** The parameters the notes methods share, and the permission every note write needs. */
import { ApiError, invalidParameter } from '../../../wire/errors.js';
import { listItems, type ParamType } from '../../../dispatch/params.js';
import type { MethodServices } from '../../../dispatch/define-method.js';
import type { CallSession, MethodApp } from '../../../dispatch/ports.js';
import { text } from '../../../dispatch/method-kit.js';

/** A title is one line: longer ones are refused (100) rather than cut, so the app knows. */
export const MAX_TITLE_LENGTH = 255;
/** A note's body, in UTF-16 units as the parameter arrives. */
export const MAX_CONTENT_LENGTH = 65_536;
/** The most ids one `note_ids` or `link_ids` may list. */
export const MAX_LISTED_IDS = 1000;

export const title = text(MAX_TITLE_LENGTH);
export const content = text(MAX_CONTENT_LENGTH);

/**
 * A list of positive ids as clients send one (social-methods §0.3): a JSON array, a comma list, or
 * the PHP client's bracket-less JSON; blanks and white space ignored. Anything else → 100.
 */
export function idList(maxItems = MAX_LISTED_IDS): ParamType<number[]> {
  return {
    description: 'list of int',
    clientType: 'readonly number[]',
    parse(raw, name) {
      const items = listItems(raw);
      if (items === undefined) throw invalidParameter(name, 'not a JSON array or a comma-separated list');
      const present = items.filter((item) => item !== '');
      if (present.length > maxItems) throw invalidParameter(name, `more than ${maxItems} ids`);
      return present.map((item) => {
        const value = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN;
        if (!Number.isSafeInteger(value)) throw invalidParameter(name, `${JSON.stringify(item)} is not an id`);
        return value;
      });
    },
  };
}

/** Text that must hold something besides white space (title, content): else 100 naming it. */
export function needText(value: string, name: string): string {
  if (value.trim() === '') throw invalidParameter(name, 'must not be empty');
  return value;
}

/** create_note, or publish_stream which covers it; else 281. */
export async function needCreateNote(services: MethodServices, uid: number, app: MethodApp, session: CallSession | undefined): Promise<void> {
  if (!(await services.grants.hasPermission(uid, app.appId, 'create_note', session))) throw new ApiError(281);
}
