/**
 * The time a sign-up form was shown, signed, in a hidden field: a form sent back sooner than a
 * person could fill it in is a program's, and one kept open for hours is stale. The key lives in
 * the settings table, made on first use, so every instance checks the stamps of the others.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { SettingRepository } from '../maintenance/records.js';

/** Sooner than this after the form was shown, a submission is refused (docs/accounts.md). */
export const MIN_FORM_SECONDS = 3;
/** Later than this, the form is shown again with a new stamp. */
export const MAX_FORM_SECONDS = 2 * 3600;

const KEY_SETTING = 'accounts_form_key';

export type StampCheck = 'ok' | 'too-soon' | 'too-old' | 'invalid';

export class FormStamps {
  readonly #settings: SettingRepository;

  constructor(settings: SettingRepository) {
    this.#settings = settings;
  }

  async #key(): Promise<string> {
    const existing = await this.#settings.get(KEY_SETTING);
    if (existing !== undefined) return existing;
    const key = randomBytes(32).toString('base64url');
    await this.#settings.set(KEY_SETTING, key);
    return key;
  }

  /** `<ms>.<signature>` for a form of `form` shown at `now`. */
  async stamp(form: string, now = new Date()): Promise<string> {
    const time = String(now.getTime());
    return `${time}.${sign(await this.#key(), form, time)}`;
  }

  async check(form: string, stamp: string | undefined, now = new Date()): Promise<StampCheck> {
    const match = stamp === undefined ? null : /^(\d{13})\.([A-Za-z0-9_-]{43})$/.exec(stamp);
    if (!match) return 'invalid';
    const expected = Buffer.from(sign(await this.#key(), form, match[1]!));
    const given = Buffer.from(match[2]!);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
    const age = (now.getTime() - Number(match[1])) / 1000;
    if (age < MIN_FORM_SECONDS) return 'too-soon';
    return age > MAX_FORM_SECONDS ? 'too-old' : 'ok';
  }
}

function sign(key: string, form: string, time: string): string {
  return createHmac('sha256', key).update(`${form}\n${time}`).digest('base64url');
}
