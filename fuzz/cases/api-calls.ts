/**
 * 5. Properly signed calls that carry hostile values past the signature check: JSONP callbacks,
 * formats, call_ids within a real session, and the arguments of every method that a fuzz run may
 * call without ending its own sessions. What the server does with hostile call_ids is observed:
 * the run checks afterwards that the sessions still work (fuzz.ts).
 */
import type { ExchangeResult } from '../engine.js';
import type { Random } from '../random.js';
import { bytes, FORM, formText, rawRequest, signedPairs, SAFE_METHODS, type FuzzCase, type FuzzContext, type GeneratorEntry, type Session } from './kit.js';

const CALLBACKS = [
  'alert(1)//',
  'alert(1)',
  '</script><script>alert(1)</script>',
  'a'.repeat(256),
  'a'.repeat(257),
  'a.'.repeat(200) + 'b',
  'f'.repeat(100_000),
  'ünïcödé',
  'ƒ',
  '\u2028cb',
  'cb\u2029',
  'cb;alert(1)',
  'cb()',
  'a..b',
  '.a',
  'a.',
  '1abc',
  '$',
  '_',
  '$.ajax',
  'FB.RestServer._callbacks.abc',
  '__proto__',
  'constructor.constructor',
  'x y',
  'cb\u0000',
  'cb\n',
  'cb%00',
  '[0]',
  'a["b"]',
  'eval',
  '/**/cb',
  '\ufeffcb',
];

const FORMATS = ['XML', 'Xml', 'json', 'JSON', 'jsonp', 'JSONP', 'json-strings', 'JSON-STRINGS', 'php', 'serialized', '', ' json', 'json ', 'json\u0000', 'x'.repeat(5000), 'ｊｓｏｎ', 'xml;json', 'json,xml'];

export const HOSTILE_CALL_IDS = [
  '99999999999999999999',
  '1e20',
  '-1',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x10',
  ' 1',
  '1 ',
  '1.',
  '.5',
  '9'.repeat(400),
  `1${'0'.repeat(308)}`,
  `1.${'9'.repeat(1000)}`,
  `0.${'0'.repeat(500)}1`,
  '1e-400',
  '1e400',
  '1.7976931348623157e309',
  '+5',
  '1_000',
  '0b101',
  '0o17',
  '',
  '١٢٣',
  '1,5',
  '1e',
  'e1',
  '--1',
  '0',
  '-0',
  '00000000001',
  '9007199254740993',
  '1\u0000',
  '\t2',
];

/** Whether the answer (JSON) was a result rather than an error: the call_id was accepted. */
function accepted(result: ExchangeResult): boolean {
  const response = result.responses[0];
  if (!response || response.status !== 200) return false;
  try {
    const value = JSON.parse(response.body.toString('utf8')) as unknown;
    return !(typeof value === 'object' && value !== null && 'error_code' in value);
  } catch {
    return false;
  }
}

function post(ctx: FuzzContext, pairs: ReadonlyArray<readonly [string, string]>, inQuery: boolean): Buffer {
  const wire = formText(pairs);
  return inQuery ? rawRequest(ctx, { method: 'GET', target: `/restserver.php?${wire}` }) : rawRequest(ctx, { method: 'POST', target: '/restserver.php', headers: [FORM], body: bytes(wire) });
}

function apiCase(generator: string, description: string, request: Buffer, observe?: FuzzCase['observe']): FuzzCase {
  return { category: 'api-calls', generator, description, exchange: { chunks: [{ bytes: request }] }, answers: ['api'], observe };
}

function hostileCallback(rng: Random, ctx: FuzzContext): FuzzCase {
  const callback = rng.pick(CALLBACKS);
  const session = rng.chance(0.5) ? rng.pick(ctx.sessions) : undefined;
  const method = session ? 'users.getLoggedInUser' : 'users.isAppUser';
  const extra: Array<[string, string]> = [['format', rng.pick(['json', 'xml', 'json-strings'])], ['callback', callback]];
  if (!session) extra.push(['uid', String(ctx.demoUid)]);
  const pairs = signedPairs(ctx, method, extra, { session });
  return apiCase('hostile-callback', `signed ${method} with callback ${JSON.stringify(callback.slice(0, 40))}${callback.length > 40 ? ` (${callback.length} chars)` : ''}`, post(ctx, pairs, rng.chance(0.3)));
}

function hostileFormat(rng: Random, ctx: FuzzContext): FuzzCase {
  const format = rng.pick(FORMATS);
  const extra: Array<[string, string]> = [['format', format], ['uid', String(ctx.demoUid)]];
  if (rng.chance(0.3)) extra.push(['callback', 'cb']);
  const pairs = signedPairs(ctx, rng.pick(['users.isAppUser', 'users.getInfo', 'friends.get']), [...extra, ['fields', 'name,uid']]);
  return apiCase('hostile-format', `signed call with format ${JSON.stringify(format.slice(0, 30))}`, post(ctx, pairs, rng.chance(0.3)));
}

function hostileCallId(rng: Random, ctx: FuzzContext): FuzzCase {
  const callId = rng.pick(HOSTILE_CALL_IDS);
  const session: Session = rng.chance(0.5) ? ctx.hostileSession : ctx.freshHostileSession;
  const pairs = signedPairs(ctx, 'users.getLoggedInUser', [['format', 'json']], { session, callId });
  const which = session === ctx.hostileSession ? 'the hostile session' : 'the fresh hostile session';
  return apiCase('hostile-call-id', `signed users.getLoggedInUser in ${which} with call_id ${JSON.stringify(callId.slice(0, 30))}${callId.length > 30 ? ` (${callId.length} chars)` : ''}`, post(ctx, pairs, false), (result) => {
    if (!accepted(result)) return;
    const list = ctx.acceptedHostile.get(session.sessionKey) ?? [];
    list.push(callId);
    ctx.acceptedHostile.set(session.sessionKey, list);
  });
}

const FBML = [
  '<fb:name uid="1e999"/>',
  '<fb:name uid="loggedinuser" useyou="false"/>',
  '<fb:name uid="-1"/>',
  '<fb:if-is-own-profile>a<fb:else>b</fb:else></fb:if-is-own-profile>',
  '<fb:visible-to-owner><script>alert(1)</script></fb:visible-to-owner>',
  '<b>'.repeat(5000) + '</b>'.repeat(5000),
  '<fb:wide>'.repeat(500) + '</fb:wide>'.repeat(500),
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<a href="javascript:alert(1)">x</a>',
  '<img src="x" onerror="alert(1)">',
  '&#xD800;&#0;&#x110000;&bogus;&',
  '<b>unclosed',
  '</b>',
  '<![CDATA[x]]><!-- c --><?pi?>',
  '<fb:name uid="500000001" linked="maybe" firstnameonly="2" />',
  'x'.repeat(65_536),
  'x'.repeat(65_537),
  '\u0000',
  '<fb:name uid="99999999999999999999999"/>',
];

/** Arguments of the safe methods, hostile or odd, with a valid signature. */
function hostileArguments(rng: Random, ctx: FuzzContext): FuzzCase {
  const method = rng.pick(SAFE_METHODS);
  const uidish = () => rng.pick([String(ctx.demoUid), String(ctx.fuzzUid), '0', '-1', '1e3', '99999999999999999999', '0x1DCD6501', ' 500000001', '500000001.0', 'abc', '', '[]', '[500000001]', '["500000001"]', '9'.repeat(400), 'null', '{"a":1}']);
  const listish = () =>
    rng.pick([
      `${ctx.demoUid},${ctx.fuzzUid}`,
      `[${ctx.demoUid},${ctx.fuzzUid}]`,
      '[',
      '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
      `[${'['.repeat(10_000)}`,
      ',,,',
      Array.from({ length: 2000 }, (_, i) => 500_000_000 + i).join(','),
      '["a",{"b":1},null,true,1e999]',
      'uid',
      '',
    ]);
  const args: Record<string, () => string> = {
    uid: uidish,
    uids: listish,
    users: listish,
    uids1: listish,
    uids2: listish,
    fields: () => rng.pick(['name', 'uid,name,pic_square', '', ',', 'religion,movies', 'no_such_field', '["name","sex"]', 'name,'.repeat(2000), '__proto__']),
    ext_perm: () => rng.pick(['email', 'Email', 'publish_stream', '', 'offline_access,email', 'x'.repeat(1000)]),
    type: () => rng.pick(['1', '2', '3', '0', '-1', 'x', '1.5']),
    profile: () => rng.pick(FBML),
    profile_main: () => rng.pick(FBML),
    markup: () => rng.pick(FBML),
    mobile_profile: () => rng.pick(FBML),
    auth_token: () => rng.pick(['', '0'.repeat(32), 'x', 'a'.repeat(5000), '%00']),
    generate_session_secret: () => rng.pick(['1', 'true', '0', '']),
    flid: () => rng.pick(['1', '', 'x']),
    ss: () => rng.pick(['1', '0', 'true', '']),
  };
  const chosen = rng.shuffle(Object.keys(args)).slice(0, rng.int(1, 4));
  const extra: Array<[string, string]> = chosen.map((name) => [name, args[name]!()]);
  extra.push(['format', rng.pick(['xml', 'json'])]);
  const session = rng.chance(0.5) ? rng.pick(ctx.sessions) : undefined;
  const pairs = signedPairs(ctx, method, extra, { session });
  return apiCase('hostile-arguments', `signed ${method}${session ? ' in a session' : ''} with ${chosen.join(', ')}`, post(ctx, pairs, rng.chance(0.2)));
}

function badSignature(rng: Random, ctx: FuzzContext): FuzzCase {
  const pairs = signedPairs(ctx, rng.pick(SAFE_METHODS), [['uid', String(ctx.demoUid)], ['format', rng.pick(['xml', 'json'])]]);
  const sig = pairs.pop()![1];
  const variant = rng.int(0, 6);
  const bad = [sig.toUpperCase(), sig.slice(1), `${sig}0`, '', ' '.repeat(32), sig.replace(/./, 'g'), `${sig}\u0000`][variant]!;
  if (rng.chance(0.1)) pairs.push(['sig', sig]);
  pairs.push(['sig', bad]);
  return apiCase('bad-signature', `signed call with its sig changed (${['upper case', 'one short', 'one long', 'empty', 'spaces', 'not hex', 'NUL'][variant]})`, post(ctx, pairs, rng.chance(0.3)));
}

export const API_CALLS: GeneratorEntry[] = [
  { name: 'hostile-callback', category: 'api-calls', weight: 4, make: hostileCallback },
  { name: 'hostile-format', category: 'api-calls', weight: 2, make: hostileFormat },
  { name: 'hostile-call-id', category: 'api-calls', weight: 3, make: hostileCallId },
  { name: 'hostile-arguments', category: 'api-calls', weight: 6, make: hostileArguments },
  { name: 'bad-signature', category: 'api-calls', weight: 2, make: badSignature },
];
