/**
 * The background POSTs of docs/pages.md, "App callbacks": an app's post-authorize URL hears when a
 * person authorizes it, its post-remove URL when a person removes it. They are signed like canvas
 * requests, sent with a short timeout, logged, and never make the person's page wait or fail.
 */
import { fbSigTime, signFbSigParams } from '../../wire/fb-sig.js';
import type { ApiSession } from '../sessions/records.js';
import type { App } from './records.js';

export interface NotifierLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

export interface AppNotifierOptions {
  readonly log: NotifierLog;
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

export class AppNotifier {
  readonly #options: AppNotifierOptions;
  readonly #pending = new Set<Promise<void>>();

  constructor(options: AppNotifierOptions) {
    this.#options = options;
  }

  /** Post-Authorize callback: a person authorized the app. */
  authorized(app: App, uid: number, session: ApiSession | undefined, now = new Date()): void {
    if (!app.postAuthorizeUrl) return;
    const params: Record<string, string> = {
      fb_sig_authorize: '1',
      fb_sig_time: fbSigTime(now),
      fb_sig_user: String(uid),
      fb_sig_profile_update_time: '0',
      fb_sig_api_key: app.apiKey,
      fb_sig_app_id: String(app.appId),
      fb_sig_added: '1',
    };
    if (session) {
      params.fb_sig_session_key = session.sessionKey;
      params.fb_sig_expires = String(session.expiresAt === null ? 0 : Math.floor(session.expiresAt.getTime() / 1000));
    }
    this.#send(app, app.postAuthorizeUrl, 'post-authorize', params);
  }

  /** Post-Remove callback: a person removed the app (not sent when the app revoked itself). */
  removed(app: App, uid: number, now = new Date()): void {
    if (!app.postRemoveUrl) return;
    this.#send(app, app.postRemoveUrl, 'post-remove', {
      fb_sig_uninstall: '1',
      fb_sig_time: fbSigTime(now),
      fb_sig_user: String(uid),
      fb_sig_app_id: String(app.appId),
      fb_sig_api_key: app.apiKey,
      fb_sig_added: '0',
    });
  }

  /** Resolves when every callback sent so far has finished (for orderly shutdown and tests). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  #send(app: App, url: string, kind: string, params: Record<string, string>): void {
    const { log, timeoutMs = 5000 } = this.#options;
    const doFetch = this.#options.fetch ?? fetch;
    const started = Date.now();
    const delivery = doFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(signFbSigParams(params, app.secret)).toString(),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'manual',
    })
      .then(async (response) => {
        await response.body?.cancel();
        log.info({ app: app.appId, callback: kind, status: response.status, ms: Date.now() - started }, 'app callback sent');
      })
      .catch((error: unknown) => {
        log.warn({ app: app.appId, callback: kind, error: (error as Error)?.message ?? String(error), ms: Date.now() - started }, 'app callback failed');
      })
      .finally(() => this.#pending.delete(delivery));
    this.#pending.add(delivery);
  }
}
