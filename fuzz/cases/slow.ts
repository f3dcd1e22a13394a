/**
 * 2. Slow requests: headers then a body one byte every ~500 ms, or headers one line every
 * ~500 ms (slowloris). The server must answer or close within its request timeout (the whole
 * request) or headers timeout, plus slack. These run in a lane of their own, a few at a time,
 * beside the main stream of cases; they need `hearth serve --request-timeout/--headers-timeout`.
 */
import type { Random } from '../random.js';
import { answerFor, basePairs, boundaryOf, bytes, FORM, joinRaw, multipartBody, PAGE_PATHS, rawRequest, type FuzzCase, type FuzzContext } from './kit.js';

export interface SlowTimeouts {
  /** The server's --request-timeout, in ms. */
  readonly requestMs: number;
  /** The server's --headers-timeout, in ms. */
  readonly headersMs: number;
  /** Extra time allowed for the server to notice. */
  readonly slackMs: number;
}

const BYTE_EVERY_MS = 500;

function slowTarget(rng: Random): string {
  return rng.chance(0.5) ? '/restserver.php' : rng.pick(PAGE_PATHS);
}

/** Bytes of `data`, one at a time, BYTE_EVERY_MS apart, enough of them to outlast `ms`. */
function dribble(data: Buffer, ms: number): Array<{ bytes: Buffer; delayMs: number }> {
  const count = Math.min(data.length, Math.ceil(ms / BYTE_EVERY_MS) + 4);
  return Array.from({ length: count }, (_, i) => ({ bytes: data.subarray(i, i + 1), delayMs: BYTE_EVERY_MS }));
}

function slowBody(rng: Random, ctx: FuzzContext, timeouts: SlowTimeouts, kind: 'urlencoded' | 'multipart' | 'chunked'): FuzzCase {
  const target = slowTarget(rng);
  const deadlineMs = timeouts.requestMs + timeouts.slackMs;
  // A body far longer than the time allows: it can never be complete before the timeout.
  const pairs = joinRaw([...basePairs(rng, ctx, target), ['pad', 'p'.repeat(Math.ceil(deadlineMs / BYTE_EVERY_MS) + 50)]]);
  let head: Buffer;
  let body: Buffer;
  if (kind === 'multipart') {
    const boundary = boundaryOf(rng);
    body = multipartBody(boundary, [{ name: 'pad', value: pairs }]);
    head = rawRequest(ctx, { method: 'POST', target, headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`], ['Content-Length', String(body.length)]] });
  } else if (kind === 'chunked') {
    body = bytes(`${pairs.length.toString(16)}\r\n${pairs}\r\n0\r\n\r\n`);
    head = rawRequest(ctx, { method: 'POST', target, headers: [FORM, ['Transfer-Encoding', 'chunked']] });
  } else {
    body = bytes(pairs);
    head = rawRequest(ctx, { method: 'POST', target, headers: [FORM, ['Content-Length', String(body.length)]] });
  }
  return {
    category: 'slow',
    generator: `slow-body-${kind}`,
    description: `POST ${target}: headers at once, then a ${kind} body one byte every ${BYTE_EVERY_MS} ms`,
    exchange: { chunks: [{ bytes: head }, ...dribble(body, deadlineMs)], deadlineMs },
    answers: [answerFor(target)],
    mustAnswer: false,
    unreadable: true,
  };
}

/** Slowloris: the request line, then one header line every BYTE_EVERY_MS, never the blank line. */
function slowHeaders(rng: Random, ctx: FuzzContext, timeouts: SlowTimeouts): FuzzCase {
  const target = slowTarget(rng);
  const deadlineMs = Math.min(timeouts.headersMs, timeouts.requestMs) + timeouts.slackMs;
  const lines = Array.from({ length: Math.ceil(deadlineMs / BYTE_EVERY_MS) + 4 }, (_, i) => ({ bytes: bytes(`X-Slow-${i}: ${rng.text(8)}\r\n`), delayMs: BYTE_EVERY_MS }));
  return {
    category: 'slow',
    generator: 'slowloris-headers',
    description: `GET ${target}: request line, then one header line every ${BYTE_EVERY_MS} ms, never ending the headers`,
    exchange: { chunks: [{ bytes: bytes(`GET ${target} HTTP/1.1\r\nHost: ${ctx.host()}\r\n`) }, ...lines], deadlineMs },
    answers: [answerFor(target)],
    mustAnswer: false,
    unreadable: true,
  };
}

/** The request line itself, one byte every BYTE_EVERY_MS. */
function slowRequestLine(rng: Random, ctx: FuzzContext, timeouts: SlowTimeouts): FuzzCase {
  const target = `${slowTarget(rng)}?${'q'.repeat(200)}`;
  const deadlineMs = Math.min(timeouts.headersMs, timeouts.requestMs) + timeouts.slackMs;
  return {
    category: 'slow',
    generator: 'slowloris-request-line',
    description: `GET ${target.slice(0, 30)}…: the request line one byte every ${BYTE_EVERY_MS} ms`,
    exchange: { chunks: dribble(bytes(`GET ${target} HTTP/1.1\r\nHost: ${ctx.host()}\r\n\r\n`), deadlineMs), deadlineMs },
    answers: [answerFor(target)],
    mustAnswer: false,
    unreadable: true,
  };
}

export type SlowGenerator = (rng: Random, ctx: FuzzContext, timeouts: SlowTimeouts) => FuzzCase;

/** The slow lane's cases, in the order they run. */
export const SLOW: ReadonlyArray<{ readonly name: string; readonly make: SlowGenerator }> = [
  { name: 'slow-body-urlencoded', make: (rng, ctx, t) => slowBody(rng, ctx, t, 'urlencoded') },
  { name: 'slowloris-headers', make: slowHeaders },
  { name: 'slow-body-multipart', make: (rng, ctx, t) => slowBody(rng, ctx, t, 'multipart') },
  { name: 'slow-body-chunked', make: (rng, ctx, t) => slowBody(rng, ctx, t, 'chunked') },
  { name: 'slowloris-request-line', make: slowRequestLine },
];
