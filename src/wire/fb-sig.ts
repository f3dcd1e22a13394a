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
  const stripped: Array<readonly [string, string]> = [];
  for (const key of Object.keys(params)) if (key.startsWith(PREFIX)) stripped.push([key.slice(PREFIX.length), params[key]!]);
  const signed: Record<string, string> = Object.assign({}, params);
  signed.fb_sig = computeSignature(stripped, secret);
  return signed;
}

/** Unix time with a fraction, as `fb_sig_time` carries it (e.g. `1262304000.5678`). */
export function fbSigTime(now: Date): string {
  return (now.getTime() / 1000).toFixed(4);
}
