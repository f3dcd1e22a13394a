/**
 * The parameters of one API call: query string and body merged into one map
 * (docs/protocol-choices.md, "Requests"). The PHP client splits a call across both, so neither
 * source is privileged except that a key present in both takes the body's value, as PHP's
 * GET-then-POST merge does.
 */
/** PHP's default max_input_vars; no call of this API needs more. */
export const MAX_PARAMETERS = 1000;

export class RequestParams {
  readonly #values = new Map<string, string>();

  /** @param sources pairs in the order received: query string first, then body. */
  constructor(...sources: Array<Iterable<readonly [string, string]>>) {
    for (const source of sources) {
      for (const [key, value] of source) {
        // Re-inserting keeps the first-seen position for request_args but takes the later value.
        this.#values.set(key, value);
      }
    }
  }

  /** How many distinct parameters arrived; the pipeline refuses more than MAX_PARAMETERS once it knows the format. */
  get size(): number {
    return this.#values.size;
  }

  /** The raw value, `undefined` when the key was not sent. */
  raw(key: string): string | undefined {
    return this.#values.get(key);
  }

  /** The value, with an empty value treated as absent (the PHP client sends `uid=` for "no uid"). */
  get(key: string): string | undefined {
    const value = this.#values.get(key);
    return value === '' ? undefined : value;
  }

  /** Every parameter in the order first received, `sig` included: what request_args echoes and what is signed. */
  entries(): Array<[string, string]> {
    return [...this.#values];
  }
}
