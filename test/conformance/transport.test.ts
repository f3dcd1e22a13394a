/**
 * How a call reaches the server (protocol.md §1, §2, §8.1): GET and POST, the PHP client's
 * query/body split, multipart bodies, method-name spellings, merging, formats, call_id without a
 * session, and the parameters that are signed but otherwise ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { FORMATS, startTestServer, type TestServer } from '../support/test-server.js';
import {
  addSig,
  encode,
  expectAnswer,
  expectError,
  formatArg,
  get,
  httpRequest,
  jsonErrorBody,
  merged,
  phpJson,
  post,
  rawHttp,
  sign,
  xmlAnswer,
  type Answer,
  type Format,
  type Pairs,
} from './protocol-helpers.js';

let server: TestServer;
let web: App;
let member: Person;
let stranger: Person;

beforeAll(async () => {
  server = await startTestServer();
  web = await server.createApp('web');
  [member, stranger] = await Promise.all([server.createPerson('Ada Lovelace'), server.createPerson('Charles Babbage')]);
  await server.store.authorizations.authorize(member.uid, web.appId);
  await server.store.permissions.grant(member.uid, web.appId, 'email');
});
afterAll(() => server?.close());

const IS_APP_USER = 'users_isAppUser_response';

/** The standard parameters for `method` (unsigned), as the PHP client orders them. */
function standard(method: string, sessionKey = ''): Pairs {
  return [
    ['method', method],
    ['session_key', sessionKey],
    ['api_key', web.apiKey],
    ['v', '1.0'],
  ];
}

/** One signed call with everything in the body. */
function signedBody(method: string, args: Pairs, extra: Pairs = []): Pairs {
  const body: Pairs = [...standard(method), ...args, ['call_id', '1262304000.1234'], ...extra];
  return addSig(web.secret, body, body);
}

function expectIsAppUser(answer: Answer, format: Format, value: boolean): void {
  expectAnswer(answer, format, IS_APP_USER, value ? '1' : '0', value ? 'true' : 'false');
}

describe.each(FORMATS)('%s: transports', (format) => {
  const fmt = format === 'json' ? 'JSON' : undefined;

  it.each(['php', 'body', 'query'] as const)('answers a call sent with the %s transport', async (transport) => {
    const answer = await server.client(web).callRaw('users.isAppUser', { uid: member.uid }, { transport, format: fmt });
    expectIsAppUser(answer, format, true);
  });

  it('answers a POST whose body is empty and whose query string holds everything', async () => {
    const query: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(member.uid)], ['call_id', '1262304000.1234'], ...formatArg(format)];
    addSig(web.secret, query, query);
    expectIsAppUser(await post(server, query, ''), format, true);
  });

  it('answers a signed JSONP GET as connect-js sends it (callback is part of the signed set)', async () => {
    const query: Pairs = [
      ['api_key', web.apiKey],
      ['call_id', '1262304000123'],
      ['callback', 'FB.RestServer._callbacks.f2d4'],
      ...formatArg(format),
      ['method', 'users.isAppUser'],
      ['session_key', ''],
      ['uid', String(member.uid)],
      ['v', '1.0'],
    ];
    addSig(web.secret, query, query);
    const answer = await get(server, query);
    expect(answer.status).toBe(200);
    expect(answer.contentType).toBe('text/javascript; charset=utf-8');
    const inner = format === 'json' ? 'true' : phpJson(xmlAnswer(IS_APP_USER, '1'));
    expect(answer.body).toBe(`FB.RestServer._callbacks.f2d4(${inner});`);
  });

  it('reads a chunked POST body', async () => {
    const body = encode(signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], formatArg(format)));
    const half = Math.floor(body.length / 2);
    const chunked = `${half.toString(16)}\r\n${body.slice(0, half)}\r\n${(body.length - half).toString(16)}\r\n${body.slice(half)}\r\n0\r\n\r\n`;
    const answer = await rawHttp(
      server,
      httpRequest('POST', '/restserver.php', { 'content-type': 'application/x-www-form-urlencoded', 'transfer-encoding': 'chunked' }, chunked),
    );
    expect(answer).toBeDefined();
    expectIsAppUser(answer!, format, true);
  });

  it.each(['application/x-www-form-urlencoded; charset=UTF-8', 'Application/X-WWW-Form-URLEncoded', 'application/x-www-form-urlencoded;charset=utf-8'])(
    'accepts the form content type written %j',
    async (contentType) => {
      const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], formatArg(format));
      expectIsAppUser(await post(server, [], body, { 'content-type': contentType }), format, true);
    },
  );
});

describe.each(FORMATS)('%s: method names (§1.1)', (format) => {
  it.each([
    'facebook.users.isAppUser',
    'users.isAppUser',
    'USERS.ISAPPUSER',
    'Users.isAppUser',
    'users.isappuser',
    'facebook.USERS.ISAPPUSER',
    'Facebook.Users.IsAppUser',
  ])('accepts %s and answers with the canonical root element', async (method) => {
    const body = signedBody(method, [['uid', String(member.uid)]], formatArg(format));
    expectIsAppUser(await post(server, [], body), format, true);
  });

  it('uses the canonical root for users.hasAppPermission sent in upper case', async () => {
    const body = signedBody('USERS.HASAPPPERMISSION', [['ext_perm', 'email'], ['uid', String(member.uid)]], formatArg(format));
    expectAnswer(await post(server, [], body), format, 'users_hasAppPermission_response', '1', '1');
  });

  it('echoes the method exactly as sent in request_args', async () => {
    const body = signedBody('Users.IsAppUser', [['uid', 'abc']], formatArg(format));
    expectError(await post(server, [], body), format, 110, 'Invalid user id (uid: not a positive integer)', body);
  });
});

describe.each(FORMATS)('%s: multipart/form-data (§2.1)', (format) => {
  function multipart(fields: Pairs, withFile: boolean): FormData {
    const form = new FormData();
    fields.forEach(([key, value], index) => {
      form.append(key, value);
      // File parts are not parameters: put two in the middle, one of them named like a real parameter.
      if (withFile && index === 1) {
        form.append('photo', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01, 0x25])], { type: 'image/jpeg' }), 'photo.jpg');
        form.append('uid', new Blob([String(stranger.uid)], { type: 'text/plain' }), 'uid.txt');
      }
    });
    return form;
  }

  it('reads signed fields from a multipart body, the PHP split in the query string, and ignores file parts', async () => {
    const query = standard('facebook.users.isAppUser');
    const fields: Pairs = [['uid', String(member.uid)], ['call_id', '1262304000.1234'], ['caption', 'Café & <more>'], ...formatArg(format)];
    addSig(web.secret, fields, query, fields);
    const response = await fetch(`${server.endpoint}?${encode(query)}`, { method: 'POST', body: multipart(fields, true) });
    expect(response.headers.get('content-type')).toBe(format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8');
    expectIsAppUser({ status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() }, format, true);
  });

  it('echoes multipart fields (not files) in request_args after the query parameters', async () => {
    const query = standard('facebook.users.isAppUser');
    const fields: Pairs = [['uid', String(member.uid)], ['call_id', '1262304000.1234'], ...formatArg(format), ['sig', '0'.repeat(32)]];
    const response = await fetch(`${server.endpoint}?${encode(query)}`, { method: 'POST', body: multipart(fields, true) });
    const answer = { status: response.status, contentType: response.headers.get('content-type') ?? '', body: await response.text() };
    expectError(answer, format, 104, 'Incorrect signature', [...query, ...fields]);
  });
});

describe.each(FORMATS)('%s: merging query and body (§2.1)', (format) => {
  it('lets the body win when a key is in both, and signs the merged value', async () => {
    const query: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(stranger.uid)]];
    const body: Pairs = [['uid', String(member.uid)], ['call_id', '1262304000.1234'], ...formatArg(format)];
    addSig(web.secret, body, query, body);
    expectIsAppUser(await post(server, query, body), format, true);
  });

  it('refuses a signature made over the query value of a duplicated key', async () => {
    const query: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(stranger.uid)]];
    const body: Pairs = [['uid', String(member.uid)], ['call_id', '1262304000.1234'], ...formatArg(format)];
    body.push(['sig', sign(web.secret, [...body, ...query])]);
    expectError(await post(server, query, body), format, 104, 'Incorrect signature');
  });

  it('uses keys exactly as received: no [] arrays, no renaming of dots, and signs them so', async () => {
    const extra: Pairs = [['a.b', 'dotted'], ['c[]', '1'], ['c d', 'spaced']];
    const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [...extra, ...formatArg(format)]);
    expectIsAppUser(await post(server, [], body), format, true);

    const unsigned = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [...extra, ...formatArg(format)]);
    unsigned[unsigned.length - 1]![1] = '0'.repeat(32);
    expectError(await post(server, [], unsigned), format, 104, 'Incorrect signature', unsigned);
  });

  it('decodes + as a space and %XX as UTF-8 bytes before signing (§2.1, example E)', async () => {
    const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [['note', 'Café & more <fb:name/>'], ...formatArg(format)]);
    const raw = body
      .map(([key, value]) => `${key}=${key === 'note' ? 'Caf%C3%A9+%26%20more+%3Cfb%3Aname%2F%3E' : encodeURIComponent(value)}`)
      .join('&');
    expectIsAppUser(await post(server, [], raw), format, true);
  });
});

describe('formats (§8.1)', () => {
  it.each(['XML', 'xml', 'Xml', '', 'yaml', 'php', 'jsonp'])('format=%j answers XML', async (format) => {
    const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [['format', format]]);
    expectIsAppUser(await post(server, [], body), 'xml', true);
  });

  it.each(['JSON', 'json', 'Json'])('format=%j answers JSON', async (format) => {
    const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [['format', format]]);
    expectIsAppUser(await post(server, [], body), 'json', true);
  });

  it('format=json-strings writes numbers as strings ("1" / "0") and keeps booleans', async () => {
    const granted = signedBody('facebook.users.hasAppPermission', [['ext_perm', 'email'], ['uid', String(member.uid)]], [['format', 'json-strings']]);
    expectAnswer(await post(server, [], granted), 'json', 'users_hasAppPermission_response', '', '"1"');
    const notGranted = signedBody('facebook.users.hasAppPermission', [['ext_perm', 'sms'], ['uid', String(member.uid)]], [['format', 'json-strings']]);
    expectAnswer(await post(server, [], notGranted), 'json', 'users_hasAppPermission_response', '', '"0"');
    const isUser = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [['format', 'json-strings']]);
    expectAnswer(await post(server, [], isUser), 'json', IS_APP_USER, '', 'true');
  });

  it('format=json-strings keeps error_code a number', async () => {
    const body = signedBody('facebook.users.isAppUser', [['uid', 'abc']], [['format', 'json-strings']]);
    const answer = await post(server, [], body);
    expectError(answer, 'json', 110, 'Invalid user id (uid: not a positive integer)', body);
    expect(answer.body).toBe(jsonErrorBody(110, 'Invalid user id (uid: not a positive integer)', body));
  });
});

describe.each(FORMATS)('%s: call_id without a session (§6) and parameters that are only signed', (format) => {
  it.each(['1259178232.8811', '1262304000123', '1', '0', 'not-a-number'])('accepts call_id=%s when no session is used', async (callId) => {
    const body: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(member.uid)], ['call_id', callId], ...formatArg(format)];
    addSig(web.secret, body, body);
    expectIsAppUser(await post(server, [], body), format, true);
  });

  it('does not track call_id without a session: the same and a smaller value work again', async () => {
    for (const callId of ['1259178232.8811', '1259178232.8811', '1259178000']) {
      const body: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(member.uid)], ['call_id', callId], ...formatArg(format)];
      addSig(web.secret, body, body);
      expectIsAppUser(await post(server, [], body), format, true);
    }
  });

  it('accepts a call without call_id when no session is used', async () => {
    const body: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(member.uid)], ...formatArg(format)];
    addSig(web.secret, body, body);
    expectIsAppUser(await post(server, [], body), format, true);
  });

  it('signs and ignores unknown parameters (locale, return_ssl_resources, call_as_apikey, anything)', async () => {
    const extra: Pairs = [
      ['locale', 'en_US'],
      ['return_ssl_resources', '1'],
      ['call_as_apikey', '0123456789abcdef0123456789abcdef'],
      ['zz_custom', 'whatever'],
      ['A_UPPER', 'sorted before lower case'],
    ];
    const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [...extra, ...formatArg(format)]);
    expectIsAppUser(await post(server, [], body), format, true);

    // The same extras left out of the signature make it wrong.
    const unsignedExtras: Pairs = [...standard('facebook.users.isAppUser'), ['uid', String(member.uid)], ['call_id', '1262304000.1234'], ...formatArg(format)];
    unsignedExtras.push(['sig', sign(web.secret, unsignedExtras)], ...extra);
    expectError(await post(server, [], unsignedExtras), format, 104, 'Incorrect signature', unsignedExtras);
  });

  it('signs empty values PHP-style (session_key= and uid=): empty uid is absent, so 102 and not 104', async () => {
    const query = standard('facebook.users.isAppUser');
    const body: Pairs = [['uid', ''], ['call_id', '1262304000.1234'], ...formatArg(format)];
    addSig(web.secret, body, query, body);
    expectError(await post(server, query, body), format, 102, 'Session key invalid or no longer valid (pass a uid or a session_key)', [...query, ...body]);

    // Dropping the empty pairs from the signed string (as facebooker would) does not match what was sent.
    const withoutEmpty: Pairs = [['uid', ''], ['call_id', '1262304000.1234'], ...formatArg(format)];
    withoutEmpty.push(['sig', sign(web.secret, merged(query, withoutEmpty).filter(([, value]) => value !== ''))]);
    expectError(await post(server, query, withoutEmpty), format, 104, 'Incorrect signature', [...query, ...withoutEmpty]);
  });

  it('signs an empty session_key and other empty optional arguments', async () => {
    const query = standard('facebook.users.hasAppPermission');
    const body: Pairs = [['ext_perm', 'email'], ['uid', String(member.uid)], ['generate_session_secret', ''], ['call_id', '1262304000.1234'], ...formatArg(format)];
    addSig(web.secret, body, query, body);
    expectAnswer(await post(server, query, body), format, 'users_hasAppPermission_response', '1', '1');

    const unsigned: Pairs = [['ext_perm', 'email'], ['uid', String(member.uid)], ['call_id', '1262304000.1234'], ...formatArg(format)];
    unsigned.push(['sig', sign(web.secret, merged(query, unsigned).filter(([key]) => key !== 'session_key'))]);
    expectError(await post(server, query, unsigned), format, 104, 'Incorrect signature', [...query, ...unsigned]);
  });

  it('treats a key without = as an empty value that is signed (`popup` is signed as `popup=`)', async () => {
    const body = signedBody('facebook.users.isAppUser', [['uid', String(member.uid)]], [['popup', ''], ...formatArg(format)]);
    const raw = encode(body).replace('popup=&', 'popup&');
    expect(raw).toContain('&popup&');
    expectIsAppUser(await post(server, [], raw), format, true);
  });
});
