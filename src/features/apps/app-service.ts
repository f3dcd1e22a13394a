/** Registering and administering apps: key generation and the validation of operator input. */
import { randomBytes } from 'node:crypto';
import type { App, AppChanges, AppType, RateLimit } from './records.js';
import type { Store } from '../feature.js';
import { parseCidr } from '../../dispatch/address-allow-list.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import { parseWebUrl } from '../web-url.js';

export function newKey(): string {
  return randomBytes(16).toString('hex');
}

export function parseAppType(text: string): AppType {
  if (text === 'web' || text === 'desktop') return text;
  throw new InvalidInputError(`app type must be web or desktop, not ${JSON.stringify(text)}`);
}

/** An absolute http(s) URL: where the platform sends people back with their auth_token. */
export function parseCallbackUrl(text: string): string {
  return parseWebUrl(text, 'callback URL');
}

/** `REQUESTS/SECONDS`, e.g. `1000/3600`; `none` removes the limit. */
export function parseRateLimit(text: string): RateLimit | null {
  if (text.trim().toLowerCase() === 'none') return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*s?\s*$/.exec(text);
  const requests = Number(match?.[1]);
  const windowSeconds = Number(match?.[2]);
  if (!match || requests < 1 || windowSeconds < 1 || !Number.isSafeInteger(requests) || !Number.isSafeInteger(windowSeconds)) {
    throw new InvalidInputError(`rate limit must be REQUESTS/SECONDS such as 1000/3600, or none; got ${JSON.stringify(text)}`);
  }
  return { requests, windowSeconds };
}

export interface AppRegistration {
  readonly name: string;
  readonly type: AppType;
  readonly callbackUrl?: string | null;
  readonly allowedAddresses?: readonly string[];
  readonly rateLimit?: RateLimit | null;
  readonly postAuthorizeUrl?: string | null;
  readonly postRemoveUrl?: string | null;
}

/** Checks a URL the operator typed, keeping `null` (remove) and `undefined` (leave as is). */
function checkedUrl(value: string | null | undefined, what: string): string | null | undefined {
  return typeof value === 'string' ? parseWebUrl(value, what) : value;
}

export class AppService {
  readonly #store: Store;

  constructor(store: Store) {
    this.#store = store;
  }

  async register(registration: AppRegistration): Promise<App> {
    const name = registration.name.trim();
    if (name === '') throw new InvalidInputError('an app needs a name');
    return this.#store.apps.create({
      apiKey: newKey(),
      secret: newKey(),
      name,
      type: registration.type,
      callbackUrl: registration.callbackUrl == null ? null : parseCallbackUrl(registration.callbackUrl),
      allowedAddresses: (registration.allowedAddresses ?? []).map(parseCidr),
      rateLimit: registration.rateLimit ?? null,
      postAuthorizeUrl: checkedUrl(registration.postAuthorizeUrl, 'post-authorize URL') ?? null,
      postRemoveUrl: checkedUrl(registration.postRemoveUrl, 'post-remove URL') ?? null,
    });
  }

  /** The app a client or a page names by api_key (keys are compared in lower case). */
  findByApiKey(apiKey: string): Promise<App | undefined> {
    return this.#store.apps.findByApiKey(apiKey.toLowerCase());
  }

  /** The app whose canvas pages are `/apps/<name>/`; names match in any case. */
  findByCanvasName(name: string): Promise<App | undefined> {
    return this.#store.apps.findByCanvasName(name.toLowerCase());
  }

  /** Finds an app by app_id or api_key, as an operator would name it. */
  async find(idOrKey: string): Promise<App> {
    // An api_key is 32 characters; app ids are far shorter, so an all-digit key is still a key.
    const app = /^\d{1,15}$/.test(idOrKey)
      ? await this.#store.apps.findById(Number(idOrKey))
      : await this.#store.apps.findByApiKey(idOrKey.toLowerCase());
    if (!app) throw new InvalidInputError(`no app with app_id or api_key ${JSON.stringify(idOrKey)}`);
    return app;
  }

  /** Several apps by id; unknown ids are left out. Apps are few and served from memory, so one lookup each costs nothing. */
  async findMany(appIds: readonly number[]): Promise<App[]> {
    const apps = await Promise.all(appIds.map((appId) => this.#store.apps.findById(appId)));
    return apps.filter((app): app is App => app !== undefined);
  }

  list(): Promise<App[]> {
    return this.#store.apps.list();
  }

  /** The apps whose callback URL contains `fragment`, in app_id order. */
  withCallbackContaining(fragment: string): Promise<App[]> {
    return this.#store.apps.withCallbackContaining(fragment);
  }

  async update(idOrKey: string, changes: AppChanges & { readonly newSecret?: boolean }): Promise<App> {
    const app = await this.find(idOrKey);
    const { newSecret, ...fields } = changes;
    if (fields.name !== undefined && fields.name.trim() === '') throw new InvalidInputError('an app needs a name');
    const updated = await this.#store.apps.update(app.appId, {
      ...fields,
      ...(fields.name !== undefined ? { name: fields.name.trim() } : {}),
      callbackUrl: checkedUrl(fields.callbackUrl, 'callback URL'),
      postAuthorizeUrl: checkedUrl(fields.postAuthorizeUrl, 'post-authorize URL'),
      postRemoveUrl: checkedUrl(fields.postRemoveUrl, 'post-remove URL'),
      ...(fields.allowedAddresses ? { allowedAddresses: fields.allowedAddresses.map(parseCidr) } : {}),
      ...(newSecret ? { secret: newKey() } : {}),
    });
    if (!updated) throw new InvalidInputError(`app ${app.appId} no longer exists`);
    return updated;
  }
}
