import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PASSWORD_COST, PasswordHasher, PasswordHasherBusyError } from '../../src/features/people/password-hashing.js';

// At the default cost each scrypt run takes ~0.4 s and 128 MiB, so the hashes are made once and shared.
const PASSWORD = 'Caf\u00e9 s3cret!';
const hasher = new PasswordHasher();
const hashPassword = (password: string) => hasher.hash(password);
const verifyPassword = (password: string, stored: string) => hasher.verify(password, stored);
let stored: string;
let storedAgain: string;

beforeAll(async () => {
  [stored, storedAgain] = await Promise.all([hashPassword(PASSWORD), hashPassword(PASSWORD)]);
});

describe('password-hashing', () => {
  it('stores scrypt$N$r$p$salt$hash with the current cost, a 16-byte salt and a 32-byte key', () => {
    const parts = stored.split('$');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(parts).toHaveLength(6);
    expect(parts.slice(0, 4)).toEqual(['scrypt', '131072', '8', '1']);
    expect(DEFAULT_PASSWORD_COST).toEqual({ N: 131072, r: 8, p: 1 });
    expect(Buffer.from(parts[4]!, 'base64')).toHaveLength(16);
    expect(Buffer.from(parts[5]!, 'base64')).toHaveLength(32);
    expect(stored).not.toContain('s3cret');
  });

  it('verifies the right password and refuses wrong ones', async () => {
    const [right, otherCase, empty] = await Promise.all([
      verifyPassword(PASSWORD, stored),
      verifyPassword('Caf\u00e9 S3cret!', stored),
      verifyPassword('', stored),
    ]);
    expect(right).toBe(true);
    expect(otherCase).toBe(false);
    expect(empty).toBe(false);
  });

  it('salts every hash, and each verifies on its own', async () => {
    expect(storedAgain).not.toBe(stored);
    expect(storedAgain.split('$')[4]).not.toBe(stored.split('$')[4]);
    expect(await verifyPassword(PASSWORD, storedAgain)).toBe(true);
  });

  it('treats composed and decomposed Unicode spellings as the same password (NFC)', async () => {
    expect(await verifyPassword('Cafe\u0301 s3cret!', stored)).toBe(true);
  });

  it('answers false, not an exception, for a damaged stored hash', async () => {
    const [, , r, p, salt, hash] = stored.split('$');
    expect(await verifyPassword('x', `scrypt$abc$${r}$${p}$${salt}$${hash}`)).toBe(false);
    expect(await verifyPassword('x', `scrypt$1048576$${r}$${p}$${salt}$${hash}`)).toBe(false);
  });

  it('still verifies a hash made at an older, lower cost, and says it should be made again', async () => {
    const old = await new PasswordHasher({ cost: { N: 16384, r: 8, p: 1 } }).hash(PASSWORD);
    expect(old.split('$')[1]).toBe('16384');
    expect(await verifyPassword(PASSWORD, old)).toBe(true);
    expect(hasher.needsRehash(old)).toBe(true);
    expect(hasher.needsRehash(stored)).toBe(false);
  });

  it('runs a few derivations at a time and refuses, rather than queues, past its limit', async () => {
    const small = new PasswordHasher({ cost: { N: 1024, r: 8, p: 1 }, concurrency: 1, queueLimit: 2 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => small.hash('x')));
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected']);
    expect((results[4] as PromiseRejectedResult).reason).toBeInstanceOf(PasswordHasherBusyError);
    // The slots are free again afterwards.
    expect(await small.verify('x', await small.hash('x'))).toBe(true);
  });

  it('refuses a hash whose key was altered', async () => {
    const parts = stored.split('$');
    const key = Buffer.from(parts[5]!, 'base64');
    key[0] = key[0]! ^ 1;
    parts[5] = key.toString('base64');
    expect(await verifyPassword(PASSWORD, parts.join('$'))).toBe(false);
  });

  it.each(['', 'plain-text', 'bcrypt$2b$10$abc', 'scrypt$16384$8$1$$', 'scrypt$16384$8$1$c2FsdA=='])(
    'refuses the malformed stored value %j',
    async (value) => {
      expect(await verifyPassword(PASSWORD, value)).toBe(false);
    },
  );
});
