/**
 * scrypt password hashes, stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later: a
 * hash made at a lower cost still verifies, and the sign-in service stores a new one at the current
 * cost once the password is known to be right.
 *
 * At the current cost one derivation takes ~128 MiB and a few hundred milliseconds of a core, so
 * derivations run a few at a time and a bounded number wait; past that the hasher says it is busy
 * instead of queueing without limit (a burst of sign-ins must not exhaust memory).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** The cost Hearth hashes new passwords with: N = 2^17, r = 8, p = 1 (OWASP's recommendation for scrypt). */
export const DEFAULT_PASSWORD_COST: PasswordCost = { N: 2 ** 17, r: 8, p: 1 };

export interface PasswordCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export interface PasswordHasherOptions {
  readonly cost?: PasswordCost;
  /** Derivations at once (each holds 128·N·r bytes). */
  readonly concurrency?: number;
  /** Derivations that may wait for a turn; one more is refused with `PasswordHasherBusyError`. */
  readonly queueLimit?: number;
}

/** Too many passwords are being checked at once; the caller should ask the person to try again shortly. */
export class PasswordHasherBusyError extends Error {
  constructor() {
    super('too many passwords are being checked at once');
    this.name = 'PasswordHasherBusyError';
  }
}

const KEY_LENGTH = 32;
/** Stored costs above this are treated as damaged: verifying them would take seconds and a gigabyte. */
const MAX_STORED_N = 2 ** 18;

export class PasswordHasher {
  readonly cost: PasswordCost;
  readonly #concurrency: number;
  readonly #queueLimit: number;
  #running = 0;
  readonly #waiting: Array<() => void> = [];
  /** A hash of a random password at the current cost, to check against when an account is unknown. */
  #decoy: Promise<string> | undefined;

  constructor(options: PasswordHasherOptions = {}) {
    this.cost = options.cost ?? DEFAULT_PASSWORD_COST;
    this.#concurrency = options.concurrency ?? 2;
    this.#queueLimit = options.queueLimit ?? 64;
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16);
    const { N, r, p } = this.cost;
    const key = await this.#derive(password, salt, this.cost);
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  /** Whether `password` matches `stored`; false (not an exception) for a damaged or foreign hash. */
  async verify(password: string, stored: string): Promise<boolean> {
    const parsed = parseStored(stored);
    if (!parsed) return false;
    try {
      const key = await this.#derive(password, parsed.salt, parsed.cost);
      return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
    } catch (error) {
      if (error instanceof PasswordHasherBusyError) throw error;
      // Cost fields out of range: no password matches.
      return false;
    }
  }

  /**
   * Checks a password against an account that may not exist: an unknown account costs the same
   * derivation as a known one, so the time taken does not tell which addresses are registered.
   */
  verifyOrDecoy(password: string, stored: string | undefined): Promise<boolean> {
    if (stored !== undefined) return this.verify(password, stored);
    this.#decoy ??= this.hash(randomBytes(16).toString('base64'));
    return this.#decoy.then((decoy) => this.verify(password, decoy)).then(() => false);
  }

  /** Whether `stored` was made at another cost than the current one and should be made again. */
  needsRehash(stored: string): boolean {
    const parsed = parseStored(stored);
    return parsed === undefined || parsed.cost.N !== this.cost.N || parsed.cost.r !== this.cost.r || parsed.cost.p !== this.cost.p;
  }

  async #derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
    await this.#turn();
    try {
      return await derive(password, salt, cost);
    } finally {
      // A waiting derivation takes this slot over; otherwise it is free again.
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running--;
    }
  }

  #turn(): Promise<void> {
    if (this.#running < this.#concurrency) {
      this.#running++;
      return Promise.resolve();
    }
    if (this.#waiting.length >= this.#queueLimit) return Promise.reject(new PasswordHasherBusyError());
    return new Promise((resolve) => this.#waiting.push(resolve));
  }
}

interface StoredHash {
  readonly cost: PasswordCost;
  readonly salt: Buffer;
  readonly key: Buffer;
}

function parseStored(stored: string): StoredHash | undefined {
  const [scheme, n, r, p, salt, key, ...rest] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key || rest.length > 0) return undefined;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (![cost.N, cost.r, cost.p].every(Number.isSafeInteger) || cost.N > MAX_STORED_N || cost.r > 32 || cost.p > 16) return undefined;
  return { cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

function derive(password: string, salt: Buffer, options: ScryptOptions & PasswordCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses more than its maxmem, so it is sized to the cost.
  const maxmem = 128 * options.N * options.r + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N: options.N, r: options.r, p: options.p, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
