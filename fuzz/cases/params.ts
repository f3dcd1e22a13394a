/**
 * 4. Huge and duplicate parameters: thousands of names, one value near and over the body limit,
 * very long names, `method`/`api_key`/`sig`/`format`/`callback` given twice with different values,
 * empty names, query strings near and over Node's 16 KiB limit, multipart with too many parts.
 */
import type { Random } from '../random.js';
import {
  answerFor,
  anyTarget,
  basePairs,
  boundaryOf,
  bytes,
  FORM,
  joinRaw,
  multipartBody,
  rawRequest,
  signedPairs,
  safeEncode,
  SAFE_METHODS,
  type FuzzCase,
  type FuzzContext,
  type GeneratorEntry,
} from './kit.js';

/** Sends `pairs` in the query (GET) or the body (POST), whichever the case picked. */
function send(rng: Random, ctx: FuzzContext, generator: string, what: string, target: string, wire: string, options: { unreadable?: boolean; inQuery?: boolean } = {}): FuzzCase {
  const inQuery = options.inQuery ?? (wire.length < 12_000 && rng.chance(0.4));
  const request = inQuery ? rawRequest(ctx, { method: 'GET', target: `${target}?${wire}` }) : rawRequest(ctx, { method: 'POST', target, headers: [FORM], body: bytes(wire) });
  return {
    category: 'params',
    generator,
    description: `${inQuery ? 'GET' : 'POST'} ${target}: ${what}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(target)],
    unreadable: options.unreadable ?? inQuery,
  };
}

function manyNames(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const count = rng.pick([999, 1000, 1001, 1500, 3000, 10_000]);
  const names = Array.from({ length: count }, (_, i): [string, string] => [`p${i}`, rng.chance(0.5) ? '' : String(i)]);
  return send(rng, ctx, 'many-parameters', `${count} distinct parameters`, target, joinRaw([...basePairs(rng, ctx, target), ...names]));
}

function manyDuplicates(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const count = rng.pick([2, 1000, 5000, 20_000]);
  const name = rng.pick(['x', 'method', 'api_key', 'next', 'csrf_token', 'uid', 'email']);
  const repeated = Array.from({ length: count }, (_, i): [string, string] => [name, String(i)]);
  return send(rng, ctx, 'many-duplicates', `${name} given ${count} times`, target, joinRaw([...basePairs(rng, ctx, target), ...repeated]));
}

/** One value whose body is just under, at or over the body limit. */
function nearLimit(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const prefix = `${joinRaw(basePairs(rng, ctx, target))}&big=`;
  const offset = rng.pick([-200, -1, 0, 1, 1000, 100_000]);
  const size = ctx.bodyLimit - prefix.length + offset;
  const body = prefix + 'a'.repeat(Math.max(0, size));
  const request = rawRequest(ctx, { method: 'POST', target, headers: [FORM], body: bytes(body) });
  return {
    category: 'params',
    generator: 'body-near-limit',
    description: `POST ${target}: one value making the body ${offset >= 0 ? '+' : ''}${offset} bytes from the ${ctx.bodyLimit}-byte limit`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(target)],
  };
}

function longName(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const length = rng.pick([256, 4096, 65_536, 500_000]);
  const name = rng.chance(0.5) ? 'n'.repeat(length) : `${rng.pick(['method', 'api_key', 'uid'])}${'%41'.repeat(Math.floor(length / 3))}`;
  return send(rng, ctx, 'long-name', `a parameter name of ${length} characters`, target, joinRaw([...basePairs(rng, ctx, target), [name, '1']]));
}

/** method, api_key, sig, format, callback twice with different values; sometimes signed over one of them. */
function duplicateCore(rng: Random, ctx: FuzzContext): FuzzCase {
  const name = rng.pick(['method', 'api_key', 'sig', 'format', 'callback', 'v', 'session_key', 'call_id']);
  const values: Record<string, string[]> = {
    method: ['users.isAppUser', 'auth.createToken', '', 'no.such', 'users.getInfo'],
    api_key: [ctx.web.apiKey, ctx.desktop.apiKey, '', '0'.repeat(32)],
    sig: ['', '0'.repeat(32), 'X'.repeat(32)],
    format: ['json', 'xml', 'JSON', 'jsonp', ''],
    callback: ['cb', 'a.b', 'alert(1)//', ''],
    v: ['1.0', '2.0', ''],
    session_key: [ctx.sessions[0]!.sessionKey, 'x', ''],
    call_id: ['1', ctx.nextCallId(), '-1'],
  };
  const pairs = signedPairs(ctx, rng.pick(SAFE_METHODS.slice(0, 8)), [['format', 'json'], ['callback', 'cb']]).map(([n, v]): [string, string] => [safeEncode(n), safeEncode(v)]);
  const count = rng.int(1, 3);
  for (let i = 0; i < count; i++) pairs.splice(rng.int(0, pairs.length), 0, [name, safeEncode(rng.pick(values[name]!))]);
  const where = rng.int(0, 2);
  const target = '/restserver.php';
  if (where === 2) {
    // Split between query and body: the body's value wins and keeps the query's position.
    const half = rng.int(0, pairs.length);
    const request = rawRequest(ctx, { method: 'POST', target: `${target}?${joinRaw(pairs.slice(0, half))}&${name}=${safeEncode(rng.pick(values[name]!))}`, headers: [FORM], body: bytes(joinRaw(pairs.slice(half))) });
    return { category: 'params', generator: 'duplicate-core', description: `POST ${target}: ${name} in both query and body, and repeated`, exchange: { chunks: [{ bytes: request }] }, answers: ['api'] };
  }
  return send(rng, ctx, 'duplicate-core', `${name} repeated ${count + 1} times with different values`, target, joinRaw(pairs), { inQuery: where === 0, unreadable: false });
}

function emptyNames(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const noise = rng.pick(['=x&&=', '&&&', '=', '==', '=&=&=', '&=x', 'a==b', '&', ';', '=%00', '%3D=%26', '&&&&'.repeat(500), '='.repeat(1000)]);
  const pairs = basePairs(rng, ctx, target);
  const wire = rng.chance(0.5) ? `${noise}&${joinRaw(pairs)}` : `${joinRaw(pairs)}&${noise}`;
  return send(rng, ctx, 'empty-names', `empty names ${JSON.stringify(noise.slice(0, 20))}`, target, wire);
}

/** A request target near Node's 16 KiB limit on the request line and headers, and over it. */
function longQuery(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, false);
  const base = joinRaw(basePairs(rng, ctx, target));
  const total = rng.pick([8 * 1024, 16 * 1024 - 200, 16 * 1024 - 64, 16 * 1024, 16 * 1024 + 1, 16 * 1024 + 1000, 64 * 1024, 1024 * 1024]);
  const padding = Math.max(0, total - base.length - target.length - 10);
  const query = `${base}&pad=${'x'.repeat(padding)}`;
  return send(rng, ctx, 'long-query', `a query string of about ${total} bytes`, target, query, { inQuery: true, unreadable: true });
}

/** Too many parts, too many files, a huge field in multipart. */
function multipartLimits(rng: Random, ctx: FuzzContext): FuzzCase {
  const target = anyTarget(rng, true);
  const boundary = boundaryOf(rng);
  const kind = rng.int(0, 3);
  const fields = basePairs(rng, ctx, target).map(([name, value]) => ({ name: decodeURIComponent(name), value: decodeURIComponent(value.replace(/\+/g, ' ')) }));
  let parts: Array<{ name: string; value: string | Buffer; filename?: string }>;
  let what: string;
  if (kind === 0) {
    const count = rng.pick([1001, 1011, 3000]);
    parts = [...fields, ...Array.from({ length: count }, (_, i) => ({ name: `p${i}`, value: 'v' }))];
    what = `${count} multipart fields`;
  } else if (kind === 1) {
    const count = rng.pick([10, 11, 50]);
    parts = [...fields, ...Array.from({ length: count }, (_, i) => ({ name: `f${i}`, value: rng.bytes(100), filename: `f${i}.bin` }))];
    what = `${count} file parts`;
  } else if (kind === 2) {
    parts = [...fields, { name: 'big', value: 'b'.repeat(ctx.bodyLimit + rng.pick([-500, 10, 5000])) }];
    what = 'one multipart field near or over the body limit';
  } else {
    parts = [...fields, { name: 'big', value: rng.bytes(ctx.bodyLimit + rng.pick([-2000, 10])), filename: 'big.bin' }];
    what = 'one file near or over the body limit';
  }
  const body = multipartBody(boundary, parts);
  const request = rawRequest(ctx, { method: 'POST', target, headers: [['Content-Type', `multipart/form-data; boundary=${boundary}`]], body });
  return { category: 'params', generator: 'multipart-limits', description: `POST ${target}: ${what}`, exchange: { chunks: [{ bytes: request }] }, answers: [answerFor(target)] };
}

export const PARAMS: GeneratorEntry[] = [
  { name: 'many-parameters', category: 'params', weight: 2, make: manyNames },
  { name: 'many-duplicates', category: 'params', weight: 2, make: manyDuplicates },
  { name: 'body-near-limit', category: 'params', weight: 0.4, make: nearLimit },
  { name: 'long-name', category: 'params', weight: 1, make: longName },
  { name: 'duplicate-core', category: 'params', weight: 4, make: duplicateCore },
  { name: 'empty-names', category: 'params', weight: 2, make: emptyNames },
  { name: 'long-query', category: 'params', weight: 1.5, make: longQuery },
  { name: 'multipart-limits', category: 'params', weight: 0.6, make: multipartLimits },
];
