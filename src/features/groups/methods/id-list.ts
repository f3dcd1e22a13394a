/** Lists of ids as groups.get (gids) and pages.getInfo (page_ids) take them: a JSON array or a comma-separated list; a bad item is 100. */
import type { ParamType } from '../../../dispatch/params.js';
import { listItems } from '../../../dispatch/params.js';
import { invalidParameter } from '../../../wire/errors.js';

function parseId(item: string, name: string): number {
  const value = /^[1-9]\d{0,15}$/.test(item) ? Number(item) : NaN;
  if (!Number.isSafeInteger(value)) throw invalidParameter(name, `${JSON.stringify(item.slice(0, 40))} is not an id`);
  return value;
}

/** A list of positive integer ids (gids, page_ids). */
export function idList(what: string, maxItems = 1000): ParamType<number[]> {
  return {
    description: `list of int (${what})`,
    clientType: 'readonly number[]',
    parse(raw, name) {
      const items = listItems(raw);
      if (items === undefined) throw invalidParameter(name, 'not a JSON array or a comma-separated list');
      if (items.length > maxItems) throw invalidParameter(name, `more than ${maxItems} ids`);
      return items.filter((item) => item !== '').map((item) => parseId(item, name));
    },
  };
}
