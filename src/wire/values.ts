/**
 * The plain data a method returns, before any wire format is chosen. Handlers build these values;
 * only the serialisers know how each one looks in XML and JSON (docs/protocol-choices.md, "Responses").
 */

/** A list. XML names each item `itemName`, or `<parent>_elt` for a list of anonymous scalars. */
export class ApiList {
  constructor(
    readonly itemName: string | undefined,
    readonly items: readonly ApiValue[],
  ) {}
}

/** An object whose keys become child elements in insertion order. */
export interface ApiObject {
  readonly [key: string]: ApiValue;
}

/**
 * `boolean` is written `1`/`0` in XML and `true`/`false` in JSON; `null` is a field the caller may
 * not see (`xsi:nil` / `null`).
 */
export type ApiValue = string | number | boolean | null | ApiObject | ApiList;

export function isApiObject(value: ApiValue): value is ApiObject {
  return typeof value === 'object' && value !== null && !(value instanceof ApiList);
}
