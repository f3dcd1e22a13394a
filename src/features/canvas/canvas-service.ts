/**
 * Canvas pages' rules (docs/canvas.md): which app a canvas name names, how the operator sets an
 * app's canvas name and render method, the operator's proxy settings, and the cookie jars.
 * The pages (pages/canvas-page.ts) put these together for each request.
 */
import { DuplicateError } from '../../db/store-errors.js';
import { InvalidInputError } from '../../dispatch/invalid-input-error.js';
import type { App, AppType } from '../apps/records.js';
import type { Services, Store } from '../feature.js';
import { canvasNameInPath, parseCanvasName } from './canvas-names.js';
import { changeCanvasSettings, MAX_ANSWER_BYTES, readCanvasSettings, type CanvasSettingChanges, type CanvasSettings } from './canvas-settings.js';
import type { FetchLimits } from './callback-fetch.js';
import type { CanvasMode, JarCookie, JarOwner } from './records.js';

export type { CanvasMode };

/** What a canvas page needs of the app's properties, read at each request (a change applies at once). */
export interface CanvasAppSettings {
  readonly mode: CanvasMode;
  readonly baseDomain: string | undefined;
  /** Where login.php sends a person with `canvas` and no `next` (post_authorize_redirect_url). */
  readonly afterAuthorize: string | undefined;
  /** Shown by fb:dashboard and fb:header. */
  readonly iconUrl: string | undefined;
}

export function parseCanvasMode(text: string): CanvasMode {
  if (text === 'fbml' || text === 'iframe') return text;
  throw new InvalidInputError(`canvas type must be fbml or iframe, not ${JSON.stringify(text)}`);
}

export interface CanvasChanges {
  /** `null` removes the canvas name. */
  readonly canvasName?: string | null;
  readonly mode?: CanvasMode;
}

export class CanvasService {
  readonly #store: Store;
  readonly #services: Services;

  constructor(store: Store, services: Services) {
    this.#store = store;
    this.#services = services;
  }

  /** The web app whose canvas name a path segment is (any case), or undefined. Desktop apps have no canvas. */
  async appNamed(segment: string): Promise<App | undefined> {
    const name = canvasNameInPath(segment);
    if (name === undefined) return undefined;
    const app = await this.#store.apps.findByCanvasName(name);
    return app && app.type === 'web' ? app : undefined;
  }

  /**
   * Throws InvalidInputError unless `name` could be given to an app of `type` (checked before an
   * app is created, so that a refused name leaves nothing behind). `null` (no name) always can.
   */
  async checkName(name: string | null, type: AppType, appId?: number): Promise<void> {
    if (name === null) return;
    const canvasName = parseCanvasName(name);
    if (type === 'desktop') throw new InvalidInputError('desktop apps have no canvas pages; only a web app can have a canvas name');
    const holder = await this.#store.apps.findByCanvasName(canvasName);
    if (holder && holder.appId !== appId) throw new InvalidInputError(`canvas name ${JSON.stringify(canvasName)} is taken by app ${holder.appId}`);
  }

  /** Sets an app's canvas name and render method (the CLI), each checked first. */
  async configure(app: App, changes: CanvasChanges): Promise<App> {
    if (changes.canvasName !== undefined) await this.checkName(changes.canvasName, app.type, app.appId);
    const canvasName = changes.canvasName === undefined || changes.canvasName === null ? changes.canvasName : parseCanvasName(changes.canvasName);
    let updated = app;
    if (canvasName !== undefined && canvasName !== app.canvasName) {
      try {
        updated = (await this.#store.apps.update(app.appId, { canvasName })) ?? app;
      } catch (error) {
        // Taken between the check and the write, by another process.
        if (error instanceof DuplicateError) throw new InvalidInputError(`canvas name ${JSON.stringify(canvasName)} is taken by another app`);
        throw error;
      }
    }
    if (changes.mode !== undefined) await this.#services.appProperties.write(updated, [['use_iframe', changes.mode === 'iframe' ? 1 : 0]]);
    return updated;
  }

  async appSettings(app: App): Promise<CanvasAppSettings> {
    const properties = (await this.#services.appProperties.values(app, ['use_iframe', 'base_domain', 'post_authorize_redirect_url', 'icon_url'])) as {
      use_iframe: number;
      base_domain: string;
      post_authorize_redirect_url: string;
      icon_url: string;
    };
    return {
      mode: properties.use_iframe === 1 ? 'iframe' : 'fbml',
      baseDomain: properties.base_domain || undefined,
      afterAuthorize: properties.post_authorize_redirect_url || undefined,
      iconUrl: properties.icon_url || undefined,
    };
  }

  settings(): Promise<CanvasSettings> {
    return readCanvasSettings(this.#store);
  }

  changeSettings(changes: CanvasSettingChanges): Promise<CanvasSettings> {
    return changeCanvasSettings(this.#store, changes);
  }

  async fetchLimits(): Promise<FetchLimits> {
    const settings = await this.settings();
    return { timeoutMs: settings.timeoutMs, maxBytes: MAX_ANSWER_BYTES, privateNetworks: settings.privateNetworks };
  }

  cookies(owner: JarOwner, appId: number, now = new Date()): Promise<JarCookie[]> {
    return this.#store.canvasCookies.list(owner, appId, now);
  }

  storeCookies(owner: JarOwner, appId: number, cookies: readonly JarCookie[], now = new Date()): Promise<void> {
    return this.#store.canvasCookies.store(owner, appId, cookies, now);
  }
}
