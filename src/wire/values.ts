/**
 * The plain data a method returns, before any wire format is chosen. Handlers build these values;
 * only the serialisers know how each one looks in XML and JSON (docs/protocol-choices.md, "Responses").
 */

/** A list. XML names each item `itemName`, or `<parent>_elt` for a list of anonymous scalars. */
export class ApiList {
  constructor(
    readonly itemName: string | undefined,
    readonly items: readonly ApiValue[],
    /**
     * How an empty list nested in a structure is written in XML: `<name list="true"></name>` (the
     * methods' answers) or `<name list="true"/>` (FQL rows, as the platform's FQL samples show).
     */
    readonly emptyXml: 'open-close' | 'self-closing' = 'open-close',
  ) {}
}

/**
 * Named children in order where a name may repeat: an FQL row that selects a column twice, or
 * several anonymous expressions, has two `caption` or `anon` children (and duplicate JSON keys, as
 * the platform wrote them).
 */
export class ApiEntries {
  constructor(readonly entries: ReadonlyArray<readonly [string, ApiValue]>) {}
}

/** An object whose keys become child elements in insertion order. */
export interface ApiObject {
  readonly [key: string]: ApiValue;
}

/**
 * `boolean` is written `1`/`0` in XML and `true`/`false` in JSON; `null` is a field the caller may
 * not see (`xsi:nil` / `null`).
 */
export type ApiValue = string | number | boolean | null | ApiObject | ApiList | ApiEntries;

export function isApiObject(value: ApiValue): value is ApiObject {
  return typeof value === 'object' && value !== null && !(value instanceof ApiList) && !(value instanceof ApiEntries);
}

/** The named children of an object or an entry list, in order. */
export function childrenOf(value: ApiObject | ApiEntries): ReadonlyArray<readonly [string, ApiValue]> {
  return value instanceof ApiEntries ? value.entries : Object.entries(value);
}
