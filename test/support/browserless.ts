/**
 * A browser without a browser, for page tests: fetch with `redirect: 'manual'`, a cookie jar for
 * one host, and just enough HTML reading to find our own forms and submit them as a person would.
 */

export interface PageResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  /** The `Location` header, resolved against the request URL. */
  readonly location: string | undefined;
  /** Raw `Set-Cookie` lines of this response. */
  readonly setCookies: readonly string[];
  readonly url: string;
}

export interface HtmlForm {
  readonly action: string;
  readonly method: string;
  /** Hidden, text, e-mail and password inputs with their values (checkboxes are left out). */
  readonly fields: Array<[string, string]>;
  readonly buttons: Array<{ name: string; value: string }>;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity]!);
}

function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([a-zA-Z_:-]+)(?:="([^"]*)")?/g)) found.set(match[1]!.toLowerCase(), decodeEntities(match[2] ?? ''));
  return found;
}

export function parseForms(html: string): HtmlForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((match) => {
    const form = attributes(match[1]!);
    const inner = match[2]!;
    const fields: Array<[string, string]> = [];
    for (const input of inner.matchAll(/<input\b([^>]*)>/g)) {
      const attrs = attributes(input[1]!);
      const type = attrs.get('type') ?? 'text';
      if (attrs.has('name') && ['hidden', 'text', 'email', 'password'].includes(type)) fields.push([attrs.get('name')!, attrs.get('value') ?? '']);
    }
    const buttons = [...inner.matchAll(/<button\b([^>]*)>/g)].map((button) => {
      const attrs = attributes(button[1]!);
      return { name: attrs.get('name') ?? '', value: attrs.get('value') ?? '' };
    });
    return { action: form.get('action') ?? '', method: (form.get('method') ?? 'get').toLowerCase(), fields, buttons };
  });
}

/** The visible text of a page, tags dropped and white space collapsed. */
export function pageText(html: string): string {
  return decodeEntities(
    html
      .replace(/<head>[\s\S]*?<\/head>/, '')
      // Inline elements join the words around them; everything else separates them.
      .replace(/<\/?(?:a|b|strong|em|span|code)\b[^>]*>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' '),
  ).trim();
}

export interface SubmitOptions {
  /** The button pressed (by name); the form holding it is submitted. Default: the first form, no button. */
  readonly button?: string;
  /** Values typed or changed; they replace fields of the same name. */
  readonly fields?: Readonly<Record<string, string>>;
}

export class Browserless {
  readonly #baseUrl: string;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #cookies = new Map<string, string>();

  /** `headers` go on every request, e.g. `x-forwarded-for` to look like another address. */
  constructor(baseUrl: string, headers: Readonly<Record<string, string>> = {}) {
    this.#baseUrl = baseUrl;
    this.#headers = headers;
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  forget(name: string): void {
    this.#cookies.delete(name);
  }

  get(path: string): Promise<PageResponse> {
    return this.request('GET', path);
  }

  post(path: string, fields: Iterable<readonly [string, string]> | Readonly<Record<string, string>>): Promise<PageResponse> {
    const pairs = Symbol.iterator in fields ? [...(fields as Iterable<readonly [string, string]>)] : Object.entries(fields);
    return this.request('POST', path, new URLSearchParams(pairs.map(([k, v]) => [k, v])).toString(), 'application/x-www-form-urlencoded');
  }

  /** Submits a form of `page` as a browser would. */
  submit(page: PageResponse, options: SubmitOptions = {}): Promise<PageResponse> {
    const forms = parseForms(page.body);
    const form = options.button === undefined ? forms[0] : forms.find((candidate) => candidate.buttons.some((b) => b.name === options.button));
    if (!form) throw new Error(`no form${options.button ? ` with a ${options.button} button` : ''} on the page: ${pageText(page.body)}`);
    const typed = options.fields ?? {};
    const pairs = form.fields.filter(([name]) => !(name in typed));
    pairs.push(...Object.entries(typed));
    const button = form.buttons.find((b) => b.name === options.button);
    if (button) pairs.push([button.name, button.value]);
    return this.post(new URL(form.action, page.url).href, pairs);
  }

  async request(method: string, path: string, body?: string, contentType?: string): Promise<PageResponse> {
    const url = new URL(path, this.#baseUrl).href;
    const headers: Record<string, string> = { ...this.#headers };
    if (contentType) headers['content-type'] = contentType;
    if (this.#cookies.size > 0) headers.cookie = [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, { method, headers, body, redirect: 'manual' });
    const setCookies = response.headers.getSetCookie();
    for (const line of setCookies) this.#remember(line);
    const location = response.headers.get('location');
    return {
      status: response.status,
      headers: response.headers,
      body: await response.text(),
      location: location === null ? undefined : new URL(location, url).href,
      setCookies,
      url,
    };
  }

  #remember(line: string): void {
    const [pair, ...attrs] = line.split(';').map((part) => part.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    const expired = attrs.some((attr) => /^max-age=0$/i.test(attr) || (/^expires=/i.test(attr) && Date.parse(attr.slice(8)) < Date.now()));
    if (expired || value === '') this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}

/** The attributes of the `Set-Cookie` line for `name` in a response, lower-cased names. */
export function cookieAttributes(response: PageResponse, name: string): Map<string, string> | undefined {
  const line = response.setCookies.find((candidate) => candidate.startsWith(`${name}=`));
  if (!line) return undefined;
  const attrs = new Map<string, string>();
  for (const part of line.split(';').slice(1)) {
    const [key, ...value] = part.trim().split('=');
    attrs.set(key!.toLowerCase(), value.join('='));
  }
  return attrs;
}
