/**
 * HTML built from tagged templates: every interpolated value is escaped unless it is itself a
 * fragment made by `html` (or, for the few strings we write ourselves, `trustedHtml`). Pages are
 * only ever built this way, so a value from a request or the store cannot become markup.
 *
 * ```ts
 * const row = html`<li>${app.name}</li>`;             // app.name is escaped
 * const page = html`<ul>${apps.map((app) => row)}</ul>`; // fragments and arrays of them nest as is
 * ```
 */
import escapeHtml from 'escape-html';

/** Markup that is already safe to put in a page. Only `html` and `trustedHtml` make one. */
export class SafeHtml {
  readonly #text: string;

  private constructor(text: string) {
    this.#text = text;
  }

  /** @internal Use `html` or `trustedHtml`. */
  static fromTrusted(text: string): SafeHtml {
    return new SafeHtml(text);
  }

  toString(): string {
    return this.#text;
  }
}

/** What may appear in `${…}`: text (escaped), fragments (kept), lists of either, or nothing. */
export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.toString();
  // `false`, `null` and `undefined` render nothing, so `${condition && html`…`}` reads naturally.
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, index) => {
    out += render(value) + (strings[index + 1] ?? '');
  });
  return SafeHtml.fromTrusted(out);
}

/** Markup written by us in code (never built from input), e.g. the document type line. */
export function trustedHtml(text: string): SafeHtml {
  return SafeHtml.fromTrusted(text);
}
