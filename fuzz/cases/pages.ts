/**
 * 6. Page parameters: every page with random, duplicate, huge and badly encoded parameters, GET
 * and POST, with and without the CSRF cookie and field, signed in (the fuzz person) or not, with
 * hostile `next`, `cancel_url`, `api_key`, `id`, `Origin` and `Cookie` headers.
 */
import type { Random } from '../random.js';
import {
  answerFor,
  bytes,
  FORM,
  GET_ONLY_PAGES,
  hostileValue,
  HOSTILE_URLS,
  joinRaw,
  mayBeUnreadable,
  PAGE_NAMES,
  PAGE_PATHS,
  rawRequest,
  safeEncode,
  type FuzzCase,
  type FuzzContext,
  type GeneratorEntry,
  type HeaderLine,
} from './kit.js';

/** A token of the shape the server issues, so a cookie and field pair of ours passes the double submit. */
function csrfToken(rng: Random): string {
  return rng.text(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-');
}

function apiKeyValue(rng: Random, ctx: FuzzContext): string {
  return rng.pick([ctx.web.apiKey, ctx.web.apiKey, ctx.desktop.apiKey, String(ctx.web.appId), '0'.repeat(32), ctx.web.apiKey.toUpperCase(), '', `${ctx.web.apiKey}%00`, `${ctx.web.apiKey}&api_key=x`, 'x'.repeat(5000)]);
}

function valueFor(rng: Random, ctx: FuzzContext, name: string): string {
  if (rng.chance(0.3)) return hostileValue(rng);
  switch (name) {
    case 'api_key':
    case 'app_key':
      return apiKeyValue(rng, ctx);
    case 'next':
    case 'cancel_url':
    case 'next_cancel':
    case 'cancel':
    case 'picture_url':
      return safeEncode(rng.chance(0.7) ? rng.pick(HOSTILE_URLS) : rng.pick(['http://127.0.0.1/', `${ctx.host()}/`, 'callback?x=1', '#top', '?a=b&c=d', '/connect/login_success.html']));
    case 'id':
    case 'remove':
    case 'accept':
    case 'decline':
    case 'who':
      return rng.pick([String(ctx.demoUid), String(ctx.fuzzUid), String(ctx.web.appId), '0', '-1', '1e3', '99999999999999999999', '0x1', '+1', '1.0', '', 'abc', '9'.repeat(400)]);
    case 'req_perms':
    case 'ext_perm':
    case 'perms':
      return safeEncode(rng.pick(['email', 'email,offline_access', 'Email', ',', ',,,,', 'publish_stream,status_update', 'no_such', 'email,'.repeat(500), '']));
    case 'friend':
    case 'email':
      return safeEncode(rng.pick(['demo@hearth.local', 'DEMO@HEARTH.LOCAL ', String(ctx.demoUid), String(ctx.fuzzUid), 'nobody@example.org', '@', '', 'a@b', 'x'.repeat(300)]));
    case 'name':
      return safeEncode(rng.pick(['Ada Lovelace', 'Ada', ' ', 'A B C D E F', '<b>Bold</b> Name', 'x'.repeat(1000), 'Ünï Cödé']));
    case 'birthday':
      return safeEncode(rng.pick(['November 3', 'November 3, 1985', 'February 30', 'Smarch 1', '', '3 November', 'November 3, -1', 'November 3, 99999']));
    case 'sex':
      return rng.pick(['male', 'female', 'none', '', 'other', 'MALE']);
    case 'locale':
      return rng.pick(['en_US', 'fr_FR', 'xx_XX', '', 'en-US', '../../x']);
    case 'timezone':
      return rng.pick(['-8', '5.5', '5.75', '14', '15', '-13', 'x', '', '1e9', 'NaN']);
    case 'display':
      return rng.pick(['popup', 'page', 'wap', 'touch', '', 'x']);
    case 'step':
      return rng.pick(['permissions', '', 'x']);
    default:
      return rng.chance(0.5) ? '' : safeEncode(rng.text(rng.int(1, 12)));
  }
}

function randomParams(rng: Random, ctx: FuzzContext, count: number): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i < count; i++) {
    const name = rng.chance(0.9) ? rng.pick(PAGE_NAMES) : safeEncode(rng.text(rng.int(0, 8)));
    pairs.push([name, valueFor(rng, ctx, name)]);
  }
  return pairs;
}

const BAD_COOKIES = [
  ';;;',
  'hearth_login',
  '=x',
  'hearth_login="unterminated',
  'hearth_login=%zz',
  'hearth_login=a; hearth_login=b',
  'hearth_login=; hearth_csrf=',
  'hearth_csrf=' + 'A'.repeat(43) + '; hearth_csrf=' + 'B'.repeat(43),
  'hearth_login=' + 'x'.repeat(8000),
  Array.from({ length: 1500 }, (_, i) => `c${i}=v`).join('; '),
  '__proto__=1; constructor=2',
  'hearth_login=%00%FF',
  'hearth_login=\t',
  'a=b;c',
  '$Version=1; hearth_login="x"; $Path="/"',
];

const ORIGINS = ['null', 'http://evil.example', '', 'http://127.0.0.1', 'x'.repeat(5000), 'http://[::1', 'file://', 'http://evil.example, http://127.0.0.1'];

function headersFor(rng: Random, ctx: FuzzContext, path: string): { headers: HeaderLine[]; csrf?: string; note: string[] } {
  const headers: HeaderLine[] = [];
  const cookies: string[] = [];
  const note: string[] = [];
  let csrf: string | undefined;
  if (path !== '/logout.php' && rng.chance(0.35)) {
    cookies.push(ctx.signedInCookie);
    note.push('signed in');
  }
  if (rng.chance(0.5)) {
    csrf = csrfToken(rng);
    cookies.push(`hearth_csrf=${csrf}`);
    note.push('CSRF cookie');
  }
  if (rng.chance(0.25)) {
    cookies.push(rng.pick(BAD_COOKIES));
    note.push('malformed cookie');
  }
  if (cookies.length > 0) headers.push(['Cookie', rng.shuffle(cookies).join('; ')]);
  if (rng.chance(0.2)) {
    headers.push(['Origin', rng.pick(ORIGINS)]);
    note.push('hostile Origin');
  }
  if (rng.chance(0.1)) headers.push(['Referer', rng.pick(HOSTILE_URLS)]);
  if (rng.chance(0.1)) headers.push(['Accept', rng.pick(['application/json', 'text/xml', '*/*;q=x', ''])]);
  return { headers, csrf, note };
}

function pageRequest(rng: Random, ctx: FuzzContext, generator: string, path: string, params: Array<[string, string]>, what: string): FuzzCase {
  const { headers, csrf, note } = headersFor(rng, ctx, path);
  const post = !(GET_ONLY_PAGES as readonly string[]).includes(path) && rng.chance(0.5);
  let request: Buffer;
  if (post) {
    const body = [...params];
    // With the cookie: the matching field (it passes), another one, or none.
    if (csrf && rng.chance(0.7)) body.push(['csrf_token', rng.chance(0.8) ? csrf : rng.pick(['', csrf.toLowerCase(), csrf.slice(1), 'x'])]);
    else if (rng.chance(0.3)) body.push(['csrf_token', csrfToken(rng)]);
    const split = rng.int(0, body.length);
    const query = rng.chance(0.4) ? joinRaw(body.slice(0, split)) : '';
    request = rawRequest(ctx, { method: 'POST', target: query ? `${path}?${query}` : path, headers: [...headers, FORM], body: bytes(joinRaw(query ? body.slice(split) : body)) });
  } else {
    request = rawRequest(ctx, { method: 'GET', target: params.length ? `${path}?${joinRaw(params)}` : path, headers });
  }
  return {
    category: 'pages',
    generator,
    description: `${post ? 'POST' : 'GET'} ${path}: ${what}${note.length ? ` (${note.join(', ')})` : ''}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(path)],
    // A cookie or Origin far over 16 KiB, or bytes the parser refuses, leave the path unknown.
    unreadable: mayBeUnreadable(request),
  };
}

function randomPage(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.pick([...PAGE_PATHS, ...GET_ONLY_PAGES]);
  const params = randomParams(rng, ctx, rng.int(0, 12));
  if (rng.chance(0.6)) params.unshift(['api_key', apiKeyValue(rng, ctx)], ['v', '1.0']);
  return pageRequest(rng, ctx, 'page-random', path, rng.shuffle(params), `${params.length} random parameters`);
}

function duplicateParams(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.pick(PAGE_PATHS);
  const name = rng.pick(['api_key', 'next', 'csrf_token', 'email', 'pass', 'id', 'remove', 'grant', 'cancel', 'step', 'save', 'fbconnect', 'auth_token']);
  const params: Array<[string, string]> = [['api_key', ctx.web.apiKey], ['v', '1.0']];
  for (let i = 0; i < rng.int(2, 50); i++) params.push([name, valueFor(rng, ctx, name)]);
  return pageRequest(rng, ctx, 'page-duplicates', path, params, `${name} given many times`);
}

function hugeParams(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.pick(PAGE_PATHS);
  const name = rng.pick(['next', 'email', 'pass', 'name', 'api_key', 'req_perms', 'x', 'picture_url', 'friend']);
  const size = rng.pick([4096, 15_000, 100_000, 900_000]);
  const params: Array<[string, string]> = [['api_key', ctx.web.apiKey], ['v', '1.0'], [name, 'h'.repeat(size)]];
  return pageRequest(rng, ctx, 'page-huge', path, params, `${name} of ${size} characters`);
}

function hostileRedirects(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.pick(['/login.php', '/authorize.php', '/logout.php', '/prompt_permissions.php']);
  const params: Array<[string, string]> = [['api_key', rng.chance(0.8) ? ctx.web.apiKey : ctx.desktop.apiKey], ['v', '1.0']];
  for (const name of rng.shuffle(['next', 'cancel_url', 'next_cancel', 'cancel']).slice(0, rng.int(1, 3))) params.push([name, safeEncode(rng.pick(HOSTILE_URLS))]);
  if (rng.chance(0.5)) params.push([rng.pick(['fbconnect', 'return_session', 'connect_next', 'canvas', 'popup']), '']);
  if (rng.chance(0.4)) params.push(['ext_perm', 'email']);
  if (rng.chance(0.3)) params.push(['grant', '1']);
  if (rng.chance(0.3)) params.push(['cancel', '1']);
  return pageRequest(rng, ctx, 'page-hostile-next', path, params, 'hostile next / cancel_url');
}

function profileId(rng: Random, ctx: FuzzContext): FuzzCase {
  const id = rng.chance(0.8) ? valueFor(rng, ctx, 'id') : hostileValue(rng);
  const params: Array<[string, string]> = [['id', id]];
  if (rng.chance(0.2)) params.push(['id', String(ctx.demoUid)]);
  return pageRequest(rng, ctx, 'profile-id', '/profile.php', params, `id=${JSON.stringify(id.slice(0, 30))}`);
}

/** Forms of the signed-in fuzz person with a passing CSRF pair, carrying hostile fields. */
function signedInForms(rng: Random, ctx: FuzzContext): FuzzCase {
  const csrf = csrfToken(rng);
  const form = rng.pick(['editprofile', 'friends', 'editapps', 'authorize', 'login'] as const);
  const params: Array<[string, string]> = [['csrf_token', csrf]];
  let path: string;
  if (form === 'editprofile') {
    path = '/editprofile.php';
    params.push(['save', '1']);
    for (const name of ['name', 'picture_url', 'sex', 'birthday', 'locale', 'timezone']) if (rng.chance(0.7)) params.push([name, valueFor(rng, ctx, name)]);
  } else if (form === 'friends') {
    path = '/friends.php';
    const action = rng.pick(['request', 'remove', 'accept', 'decline', 'cancel']);
    if (action === 'request') params.push(['request', '1'], ['friend', valueFor(rng, ctx, 'friend')]);
    else params.push([action, valueFor(rng, ctx, 'id')]);
  } else if (form === 'editapps') {
    path = '/editapps.php';
    params.push(['remove', rng.pick([String(ctx.web.appId), String(ctx.desktop.appId), '0', '-1', 'x', '99999999999999999999'])]);
  } else {
    path = form === 'authorize' ? '/authorize.php' : '/login.php';
    params.push(['api_key', rng.chance(0.5) ? ctx.desktop.apiKey : ctx.web.apiKey], ['v', '1.0']);
    if (rng.chance(0.6)) params.push([rng.pick(['ext_perm', 'req_perms']), valueFor(rng, ctx, 'ext_perm')]);
    params.push([rng.pick(['grant', 'cancel']), '1']);
    if (rng.chance(0.5)) params.push(['step', 'permissions']);
    if (rng.chance(0.3)) params.push(['auth_token', rng.pick(['', '0'.repeat(32), 'x'])]);
  }
  const request = rawRequest(ctx, { method: 'POST', target: path, headers: [['Cookie', `${ctx.signedInCookie}; hearth_csrf=${csrf}`], FORM], body: bytes(joinRaw(params)) });
  return {
    category: 'pages',
    generator: 'signed-in-forms',
    description: `POST ${path} signed in with a passing CSRF pair: ${params.map(([name]) => name).join(', ')}`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(path)],
  };
}

function stylesheetAndStatic(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.pick(GET_ONLY_PAGES);
  const query = rng.pick(['', '?v=', '?v=0370f2c6afa3', '?v=x', `?v=${'a'.repeat(3000)}`, '?v=%FF', '?v=1&v=2', '?session={"a":1}', '?session=%7B%22uid%22%3A1%7D']);
  const headers: HeaderLine[] = [];
  if (rng.chance(0.5)) headers.push(['If-None-Match', rng.pick(['*', 'W/"x"', '"x", "y"', '', 'x'.repeat(8000), '""'])]);
  if (rng.chance(0.3)) headers.push(['If-Modified-Since', rng.pick(['yesterday', 'Thu, 01 Jan 1970 00:00:00 GMT', '', '9'.repeat(50)])]);
  if (rng.chance(0.3)) headers.push(['Range', rng.pick(['bytes=0-0', 'bytes=-1', 'bytes=99999999999-', 'bytes=a-b', 'bytes=0-1,2-3,4-5'])]);
  if (rng.chance(0.2)) headers.push(['Accept-Encoding', rng.pick(['gzip', 'br', '*', 'x;q=2'])]);
  const method = rng.chance(0.8) ? 'GET' : 'HEAD';
  const request = rawRequest(ctx, { method, target: `${path}${query}`, headers });
  return {
    category: 'pages',
    generator: 'static-pages',
    description: `${method} ${path}${query.slice(0, 30)} with ${headers.map((h) => (typeof h === 'string' ? h : h[0])).join(', ') || 'no extra headers'}`,
    exchange: { chunks: [{ bytes: request }], head: [method === 'HEAD'] },
    answers: [answerFor(path)],
    unreadable: mayBeUnreadable(request),
  };
}

/** Sign-in attempts with odd credentials: refused, slowed down (429), never a 5xx. */
function signInAttempts(rng: Random, ctx: FuzzContext): FuzzCase {
  const path = rng.pick(['/login.php', '/editapps.php', '/friends.php', '/editprofile.php', '/authorize.php']);
  const csrf = csrfToken(rng);
  const params: Array<[string, string]> = [['csrf_token', csrf], ['email', valueFor(rng, ctx, 'email')], ['pass', safeEncode(rng.pick(['', 'x', 'correct horse', 'p'.repeat(10_000), '\u0000', 'pässwörd']))]];
  if (path === '/login.php' || path === '/authorize.php') params.push(['api_key', ctx.web.apiKey], ['v', '1.0']);
  if (path === '/authorize.php') params.push(['ext_perm', 'email']);
  if (rng.chance(0.3)) params.push(['persistent', '1']);
  const request = rawRequest(ctx, { method: 'POST', target: path, headers: [['Cookie', `hearth_csrf=${csrf}${rng.chance(0.3) ? '; hearth_browser=' + rng.text(43) : ''}`], FORM], body: bytes(joinRaw(params)) });
  return {
    category: 'pages',
    generator: 'sign-in-attempts',
    description: `POST ${path}: a sign-in attempt with odd e-mail and password`,
    exchange: { chunks: [{ bytes: request }] },
    answers: [answerFor(path)],
  };
}

export const PAGES: GeneratorEntry[] = [
  { name: 'page-random', category: 'pages', weight: 8, make: randomPage },
  { name: 'page-duplicates', category: 'pages', weight: 2, make: duplicateParams },
  { name: 'page-huge', category: 'pages', weight: 1, make: hugeParams },
  { name: 'page-hostile-next', category: 'pages', weight: 4, make: hostileRedirects },
  { name: 'profile-id', category: 'pages', weight: 3, make: profileId },
  { name: 'signed-in-forms', category: 'pages', weight: 4, make: signedInForms },
  { name: 'static-pages', category: 'pages', weight: 2, make: stylesheetAndStatic },
  { name: 'sign-in-attempts', category: 'pages', weight: 0.5, make: signInAttempts },
];
