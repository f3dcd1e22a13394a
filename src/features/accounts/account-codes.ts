/**
 * The codes of account links and invitations: 32 random bytes (43 base64url characters) that only
 * the link holds; the store keeps their SHA-256, so a copy of the database opens no account.
 */
import { createHash, randomBytes } from 'node:crypto';

export interface FreshCode {
  /** What goes in the link. */
  readonly code: string;
  /** What the store keeps. */
  readonly hash: string;
}

const CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function freshCode(): FreshCode {
  const code = randomBytes(32).toString('base64url');
  return { code, hash: hashCode(code) };
}

export function hashCode(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** The hash of a code as a link carries it, or `undefined` for text no code could be (checked before any lookup). */
export function hashOfLinkCode(text: string | undefined): string | undefined {
  return text !== undefined && CODE_SHAPE.test(text) ? hashCode(text) : undefined;
}

/** How long each kind of code may be used (docs/accounts.md, "Links and their lifetimes"). */
export const CODE_LIFETIMES_MS = {
  signup: 3 * 86_400_000,
  email: 86_400_000,
  recover: 3_600_000,
  invite: 14 * 86_400_000,
} as const;
