/**
 * Parameters of a page request: the query string (decoded strictly, as the API does) and, for a
 * POST, the form body that our own body parsers turned into ordered pairs. A value given twice
 * counts once, the later one winning (PHP's rule), and a body value wins over the query's.
 */
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../wire/errors.js';
import { decodeForm } from '../../wire/form-decoding.js';
import type { ParsedBody } from '../request-bodies.js';

export class PageParams {
  readonly #values: ReadonlyMap<string, string>;

  constructor(pairs: Iterable<readonly [string, string]>) {
    this.#values = new Map(pairs);
  }

  /** The value, or `undefined` when absent. An empty value counts as absent: `next=` means no next. */
  get(name: string): string | undefined {
    const value = this.#values.get(name);
    return value === undefined || value === '' ? undefined : value;
  }

  /**
   * Browser flags are true when present, whatever the value (docs/pages.md, "Common to every
   * page"): the toolbar sent `login.php?popup&v=1.0`, and facebooker warns that `canvas=false`
   * still behaved as canvas.
   */
  flag(name: string): boolean {
    return this.#values.has(name);
  }

  /** The raw value (empty included) when present, to carry a parameter along unchanged. */
  raw(name: string): string | undefined {
    return this.#values.get(name);
  }
}

/** Either the parameters, or why they could not be read (for a 400 page). */
export type PageParamsResult = { readonly params: PageParams } | { readonly unreadable: string };

function queryPairs(request: FastifyRequest): Array<[string, string]> {
  const url = request.raw.url ?? '';
  const mark = url.indexOf('?');
  // Node gives the request line as latin1 text (one character per byte), as decodeForm expects.
  return mark === -1 ? [] : decodeForm(url.slice(mark + 1));
}

export function readPageParams(request: FastifyRequest): PageParamsResult {
  let query: Array<[string, string]>;
  try {
    query = queryPairs(request);
  } catch (error) {
    if (error instanceof ApiError) return { unreadable: `the address: ${error.detail ?? error.message}` };
    throw error;
  }
  if (request.method !== 'POST') return { params: new PageParams(query) };
  const body = (request.body as ParsedBody | undefined) ?? { pairs: [] };
  if (body.error) return { unreadable: `the form: ${body.error.detail ?? body.error.message}` };
  return { params: new PageParams([...query, ...body.pairs]) };
}
