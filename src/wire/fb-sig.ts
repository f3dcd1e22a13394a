/**
 * The `fb_sig_*` signature the platform puts on what it sends to apps (docs/pages.md, "App
 * callbacks"): parameters with the prefix, the prefix dropped, signed like an API call with the
 * application secret. Apps verify it with the same code they use for canvas requests, so it must
 * match to the byte.
 */
import { computeSignature } from './signature.js';

const PREFIX = 'fb_sig_';

/** Adds `fb_sig` to `params` (whose keys all start with `fb_sig_`). */
export function signFbSigParams(params: Readonly<Record<string, string>>, secret: string): Record<string, string> {
  const stripped = Object.entries(params)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, value]) => [key.slice(PREFIX.length), value] as const);
  return { ...params, fb_sig: computeSignature(stripped, secret) };
}

/** Unix time with a fraction, as `fb_sig_time` carries it (e.g. `1262304000.5678`). */
export function fbSigTime(now: Date): string {
  return (now.getTime() / 1000).toFixed(4);
}
