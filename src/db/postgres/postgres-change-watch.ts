import type pg from 'pg';
import type { ChangeWatch } from '../change-watch.js';

/** Triggers on `apps` and `settings` notify this channel (migration 6). */
export const CHANGE_CHANNEL = 'hearth_changes';
/** The listening connection's application_name, as operators see it in pg_stat_activity. */
export const CHANGE_LISTENER_NAME = 'hearth change listener';

/**
 * A notification arrives within milliseconds of the commit on another instance; the age bound only
 * matters if one were lost without the connection noticing (a silent network partition).
 */
const MAX_AGE_MS = 5_000;
const RETRY_DELAYS_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * LISTENs on one connection of its own. While it listens, the version moves with every
 * notification; while it does not (not yet connected, connection lost), `version()` is
 * `undefined` and every read goes to the database — so a cache is never trusted across a gap in
 * which notifications could have been missed.
 */
export class PostgresChangeWatch implements ChangeWatch {
  readonly maxAgeMs = MAX_AGE_MS;
  readonly #newClient: () => pg.Client;
  #version = 0;
  #listening = false;
  #client: pg.Client | undefined;
  #retryTimer: NodeJS.Timeout | undefined;
  #failures = 0;
  #closed = false;

  constructor(newClient: () => pg.Client) {
    this.#newClient = newClient;
    void this.#listen();
  }

  version(): number | undefined {
    return this.#listening ? this.#version : undefined;
  }

  async #listen(): Promise<void> {
    if (this.#closed) return;
    const client = this.#newClient();
    this.#client = client;
    client.on('error', () => this.#lost(client));
    client.on('end', () => this.#lost(client));
    client.on('notification', () => {
      this.#version++;
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch {
      this.#lost(client);
      return;
    }
    if (this.#client !== client) return;
    // Anything may have changed while nobody listened.
    this.#version++;
    this.#listening = true;
    this.#failures = 0;
  }

  #lost(client: pg.Client): void {
    if (this.#client !== client) return;
    this.#client = undefined;
    this.#listening = false;
    client.end().catch(() => undefined);
    if (this.#closed) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.#failures++, RETRY_DELAYS_MS.length - 1)];
    this.#retryTimer = setTimeout(() => void this.#listen(), delay);
    this.#retryTimer.unref();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listening = false;
    clearTimeout(this.#retryTimer);
    const client = this.#client;
    this.#client = undefined;
    await client?.end().catch(() => undefined);
  }
}
