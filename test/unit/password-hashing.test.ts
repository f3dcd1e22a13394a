import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/services/password-hashing.js';

// Each scrypt run costs ~50 ms, so the hashes are made once and shared.
const PASSWORD = 'Caf\u00e9 s3cret!';
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
    expect(parts.slice(0, 4)).toEqual(['scrypt', '16384', '8', '1']);
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
