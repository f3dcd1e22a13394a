/** Parameter types of the notification methods that the shared kit (dispatch/params.ts) has no word for. */
import { listItems, type ParamType } from '../../../dispatch/params.js';
import { invalidParameter } from '../../../wire/errors.js';

/** The most ids one notifications.markRead takes. */
export const MAX_MARKED = 1000;

export const notificationIdList: ParamType<number[]> = {
  description: 'list of int',
  clientType: 'readonly number[]',
  parse(raw, name) {
    const items = listItems(raw);
    if (items === undefined) throw invalidParameter(name, 'not a JSON array or a comma-separated list');
    if (items.length === 0) throw invalidParameter(name, 'name at least one notification');
    if (items.length > MAX_MARKED) throw invalidParameter(name, `more than ${MAX_MARKED} ids`);
    return items.map((item) => {
      const value = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN;
      if (!Number.isSafeInteger(value)) throw invalidParameter(name, `${JSON.stringify(item)} is not a notification id`);
      return value;
    });
  },
};

/** A Unix time in seconds. */
export const unixTime: ParamType<number> = {
  description: 'int',
  clientType: 'number',
  parse(raw, name) {
    const value = /^\d{1,12}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (!Number.isSafeInteger(value)) throw invalidParameter(name, 'not a Unix time in seconds');
    return value;
  },
};
