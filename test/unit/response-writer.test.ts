import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/wire/errors.js';
import { parseFormat, readRendering, writeError, writeResult, type Rendering } from '../../src/wire/serialize/response-writer.js';
import { ApiList } from '../../src/wire/values.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS =
  'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

const XML: Rendering = { format: 'xml', callback: undefined };
const JSON_: Rendering = { format: 'json', callback: undefined };
const JSON_STRINGS: Rendering = { format: 'json-strings', callback: undefined };
const XML_CB: Rendering = { format: 'xml', callback: 'cb' };
const JSON_CB: Rendering = { format: 'json', callback: 'cb' };

const XML_TYPE = 'text/xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const JS_TYPE = 'text/javascript; charset=utf-8';

/** The request_args of the protocol.md §8.6 samples, in the order shown there. */
const SAMPLE_ARGS: Array<[string, string]> = [
  ['method', 'facebook.users.getLoggedInUser'],
  ['api_key', '0123456789abcdef0123456789abcdef'],
  ['v', '1.0'],
  ['call_id', '1262304000.1234'],
  ['sig', '00000000000000000000000000000000'],
];

/** protocol.md §8.6, XML sample, plus the trailing newline every document ends with (§8.7). */
const SPEC_ERROR_XML = `<?xml version="1.0" encoding="UTF-8"?>
<error_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd">
  <error_code>104</error_code>
  <error_msg>Incorrect signature</error_msg>
  <request_args list="true">
    <arg>
      <key>method</key>
      <value>facebook.users.getLoggedInUser</value>
    </arg>
    <arg>
      <key>api_key</key>
      <value>0123456789abcdef0123456789abcdef</value>
    </arg>
    <arg>
      <key>v</key>
      <value>1.0</value>
    </arg>
    <arg>
      <key>call_id</key>
      <value>1262304000.1234</value>
    </arg>
    <arg>
      <key>sig</key>
      <value>00000000000000000000000000000000</value>
    </arg>
  </request_args>
</error_response>
`;

/** protocol.md §8.6, JSON sample. */
const SPEC_ERROR_JSON =
  '{"error_code":104,"error_msg":"Incorrect signature","request_args":[{"key":"method","value":"facebook.users.getLoggedInUser"},{"key":"api_key","value":"0123456789abcdef0123456789abcdef"},{"key":"v","value":"1.0"},{"key":"call_id","value":"1262304000.1234"},{"key":"sig","value":"00000000000000000000000000000000"}]}';

describe('response-writer: parseFormat', () => {
  it('reads JSON in any case', () => {
    expect(parseFormat('JSON')).toBe('json');
    expect(parseFormat('json')).toBe('json');
    expect(parseFormat('Json')).toBe('json');
  });

  it('reads json-strings in any case', () => {
    expect(parseFormat('json-strings')).toBe('json-strings');
    expect(parseFormat('JSON-Strings')).toBe('json-strings');
  });

  it('falls back to XML for absent, XML, empty and unknown values', () => {
    expect(parseFormat(undefined)).toBe('xml');
    expect(parseFormat('XML')).toBe('xml');
    expect(parseFormat('')).toBe('xml');
    expect(parseFormat('php')).toBe('xml');
    expect(parseFormat(' json')).toBe('xml');
  });
});

describe('response-writer: readRendering and callback validation', () => {
  it('returns the format and no callback when none is given', () => {
    expect(readRendering('json', undefined)).toEqual({ rendering: { format: 'json', callback: undefined } });
    expect(readRendering(undefined, '')).toEqual({ rendering: { format: 'xml', callback: undefined } });
  });

  it.each([
    'cb',
    'handle',
    '$x',
    '_',
    '$',
    'a1',
    'FB.RestServer._callbacks.abc',
    'FB.ApiServer._callbacks.f3c2a1b0e9d8',
    'jQuery1234_5678',
    'a.$b._c',
  ])('accepts the callback %s', (callback) => {
    expect(readRendering('json', callback)).toEqual({ rendering: { format: 'json', callback } });
  });

  it.each([
    'alert(1)',
    'a-b',
    '1abc',
    'a..b',
    '.a',
    'a.',
    'a.1b',
    '<script>',
    'a b',
    'a;b',
    'a[0]',
    'café',
    'cb\n',
    "cb'",
  ])('refuses the callback %j with error 100 and no callback', (callback) => {
    const { rendering, error } = readRendering('json', callback);
    expect(rendering).toEqual({ format: 'json', callback: undefined });
    expect(error).toBeInstanceOf(ApiError);
    expect(error?.code).toBe(100);
    expect(error?.message).toBe('Invalid parameter (callback: must be a JavaScript function name)');
  });

  it('accepts a 256-character callback and refuses a 257-character one', () => {
    const ok = `a${'b'.repeat(255)}`;
    const long = `a${'b'.repeat(256)}`;
    expect(readRendering('xml', ok)).toEqual({ rendering: { format: 'xml', callback: ok } });
    const refused = readRendering('xml', long);
    expect(refused.rendering).toEqual({ format: 'xml', callback: undefined });
    expect(refused.error?.code).toBe(100);
  });

  it('keeps the requested format when the callback is refused', () => {
    expect(readRendering('JSON-STRINGS', 'a-b').rendering.format).toBe('json-strings');
    expect(readRendering(undefined, 'a-b').rendering.format).toBe('xml');
  });

  it('renders the refusal unwrapped, so the caller text only appears escaped inside request_args', () => {
    const { rendering, error } = readRendering('json', 'alert(1)');
    const response = writeError(rendering, error!, [['callback', 'alert(1)']]);
    expect(response).toEqual({
      contentType: JSON_TYPE,
      body: '{"error_code":100,"error_msg":"Invalid parameter (callback: must be a JavaScript function name)","request_args":[{"key":"callback","value":"alert(1)"}]}',
    });

    const xml = readRendering(undefined, '<script>');
    const xmlResponse = writeError(xml.rendering, xml.error!, [['callback', '<script>']]);
    expect(xmlResponse.contentType).toBe(XML_TYPE);
    expect(xmlResponse.body.startsWith(DECL)).toBe(true);
    expect(xmlResponse.body).not.toContain('<script>');
    expect(xmlResponse.body).toContain('<value>&lt;script&gt;</value>');
  });
});

describe('response-writer: writeResult golden samples (protocol.md §8.7)', () => {
  it('users.isAppUser true as XML', () => {
    expect(writeResult(XML, 'users.isAppUser', true)).toEqual({
      contentType: XML_TYPE,
      body:
        '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<users_isAppUser_response xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd">1</users_isAppUser_response>\n',
    });
  });

  it('users.isAppUser true as JSON', () => {
    expect(writeResult(JSON_, 'users.isAppUser', true)).toEqual({ contentType: JSON_TYPE, body: 'true' });
  });

  it('users.isAppUser true as JSON with callback=cb', () => {
    expect(writeResult(JSON_CB, 'users.isAppUser', true)).toEqual({ contentType: JS_TYPE, body: 'cb(true);' });
  });

  it('users.isAppUser true as XML with callback=cb', () => {
    expect(writeResult(XML_CB, 'users.isAppUser', true)).toEqual({
      contentType: JS_TYPE,
      body: String.raw`cb("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<users_isAppUser_response xmlns=\"http:\/\/api.facebook.com\/1.0\/\" xmlns:xsi=\"http:\/\/www.w3.org\/2001\/XMLSchema-instance\" xsi:schemaLocation=\"http:\/\/api.facebook.com\/1.0\/ http:\/\/api.facebook.com\/1.0\/facebook.xsd\">1<\/users_isAppUser_response>\n");`,
    });
  });

  it('the XML JSONP argument is a JSON string holding the whole XML document', () => {
    const plain = writeResult(XML, 'users.isAppUser', false).body;
    const wrapped = writeResult({ format: 'xml', callback: 'FB.RestServer._callbacks.abc' }, 'users.isAppUser', false).body;
    const prefix = 'FB.RestServer._callbacks.abc(';
    expect(wrapped.startsWith(prefix)).toBe(true);
    expect(wrapped.endsWith(');')).toBe(true);
    expect(JSON.parse(wrapped.slice(prefix.length, -2))).toBe(plain);
  });

  it('users.hasAppPermission false: 0 in XML and JSON', () => {
    expect(writeResult(XML, 'users.hasAppPermission', 0).body).toBe(`${DECL}<users_hasAppPermission_response ${NS}>0</users_hasAppPermission_response>\n`);
    expect(writeResult(JSON_, 'users.hasAppPermission', 0).body).toBe('0');
  });

  it('users.getLoggedInUser: list="true" on the scalar XML root, a number in JSON', () => {
    expect(writeResult(XML, 'users.getLoggedInUser', 500000001, { rootList: true }).body).toBe(
      `${DECL}<users_getLoggedInUser_response ${NS} list="true">500000001</users_getLoggedInUser_response>\n`,
    );
    expect(writeResult(JSON_, 'users.getLoggedInUser', 500000001, { rootList: true }).body).toBe('500000001');
  });

  it('auth.createToken: text in XML, a quoted string in JSON', () => {
    expect(writeResult(XML, 'auth.createToken', '3e4a22bb2f5ed75114b0fc9995ea85f1').body).toBe(
      `${DECL}<auth_createToken_response ${NS}>3e4a22bb2f5ed75114b0fc9995ea85f1</auth_createToken_response>\n`,
    );
    expect(writeResult(JSON_, 'auth.createToken', '3e4a22bb2f5ed75114b0fc9995ea85f1').body).toBe('"3e4a22bb2f5ed75114b0fc9995ea85f1"');
    expect(writeResult(JSON_CB, 'auth.createToken', '3e4a22bb2f5ed75114b0fc9995ea85f1').body).toBe('cb("3e4a22bb2f5ed75114b0fc9995ea85f1");');
  });
});

describe('response-writer: writeResult', () => {
  it('builds the root element from the canonical name, every dot an underscore', () => {
    expect(writeResult(XML, 'friends.getAppUsers', new ApiList('uid', [])).body).toBe(
      `${DECL}<friends_getAppUsers_response ${NS} list="true"></friends_getAppUsers_response>\n`,
    );
    expect(writeResult(XML, 'a.b.c', 1).body).toBe(`${DECL}<a_b_c_response ${NS}>1</a_b_c_response>\n`);
  });

  it('writes numbers as strings for json-strings, with the JSON content type', () => {
    expect(writeResult(JSON_STRINGS, 'users.getLoggedInUser', 500000001)).toEqual({ contentType: JSON_TYPE, body: '"500000001"' });
    expect(writeResult(JSON_STRINGS, 'auth.getSession', { uid: 5, expires: 0, session_key: 'k' }).body).toBe(
      '{"uid":"5","expires":"0","session_key":"k"}',
    );
    expect(writeResult(JSON_STRINGS, 'users.isAppUser', true).body).toBe('true');
  });

  it('wraps json-strings in the callback too', () => {
    expect(writeResult({ format: 'json-strings', callback: 'cb' }, 'x.y', 7)).toEqual({ contentType: JS_TYPE, body: 'cb("7");' });
  });

  it('ignores rootList for JSON', () => {
    expect(writeResult(JSON_, 'users.getLoggedInUser', 1, { rootList: true }).body).toBe('1');
  });
});

describe('response-writer: writeError (protocol.md §8.6)', () => {
  const error104 = new ApiError(104);

  it('writes the XML error envelope byte for byte as the spec sample', () => {
    expect(writeError(XML, error104, SAMPLE_ARGS)).toEqual({ contentType: XML_TYPE, body: SPEC_ERROR_XML });
  });

  it('writes the JSON error envelope byte for byte as the spec sample', () => {
    expect(writeError(JSON_, error104, SAMPLE_ARGS)).toEqual({ contentType: JSON_TYPE, body: SPEC_ERROR_JSON });
  });

  it('keeps error_code a number and request_args values strings for json-strings', () => {
    expect(writeError(JSON_STRINGS, error104, SAMPLE_ARGS)).toEqual({ contentType: JSON_TYPE, body: SPEC_ERROR_JSON });
  });

  it('wraps the JSON error in the callback', () => {
    expect(writeError(JSON_CB, error104, SAMPLE_ARGS)).toEqual({ contentType: JS_TYPE, body: `cb(${SPEC_ERROR_JSON});` });
  });

  it('wraps the XML error as a JSON string in the callback', () => {
    const response = writeError(XML_CB, error104, SAMPLE_ARGS);
    expect(response.contentType).toBe(JS_TYPE);
    expect(response.body.startsWith('cb("<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>\\n<error_response xmlns=\\"http:\\/\\/api.facebook.com')).toBe(true);
    expect(response.body.endsWith('<\\/error_response>\\n");')).toBe(true);
    expect(JSON.parse(response.body.slice('cb('.length, -2))).toBe(SPEC_ERROR_XML);
  });

  it('appends the detail to the short message in parentheses', () => {
    const error = new ApiError(5, 'ip was: 10.1.2.3');
    expect(writeError(JSON_, error, []).body).toBe('{"error_code":5,"error_msg":"Unauthorized source IP address (ip was: 10.1.2.3)","request_args":[]}');
  });

  it('writes empty request_args as an empty list element in XML', () => {
    expect(writeError(XML, new ApiError(3), []).body).toBe(
      `${DECL}<error_response ${NS}>\n` +
        '  <error_code>3</error_code>\n' +
        '  <error_msg>Unknown method</error_msg>\n' +
        '  <request_args list="true"></request_args>\n' +
        '</error_response>\n',
    );
  });

  it('echoes empty values as empty elements and escapes markup and non-ASCII', () => {
    const args: Array<[string, string]> = [
      ['session_key', ''],
      ['profile', '<fb:wide>Café & more</fb:wide>'],
    ];
    expect(writeError(XML, new ApiError(100, 'uid: x'), args).body).toBe(
      `${DECL}<error_response ${NS}>\n` +
        '  <error_code>100</error_code>\n' +
        '  <error_msg>Invalid parameter (uid: x)</error_msg>\n' +
        '  <request_args list="true">\n' +
        '    <arg>\n' +
        '      <key>session_key</key>\n' +
        '      <value/>\n' +
        '    </arg>\n' +
        '    <arg>\n' +
        '      <key>profile</key>\n' +
        '      <value>&lt;fb:wide&gt;Café &amp; more&lt;/fb:wide&gt;</value>\n' +
        '    </arg>\n' +
        '  </request_args>\n' +
        '</error_response>\n',
    );
    expect(writeError(JSON_, new ApiError(100, 'uid: x'), args).body).toBe(
      '{"error_code":100,"error_msg":"Invalid parameter (uid: x)","request_args":[{"key":"session_key","value":""},{"key":"profile","value":"<fb:wide>Caf\\u00e9 & more<\\/fb:wide>"}]}',
    );
  });

  it('produces an XML error that parses back to the codes and arguments', () => {
    const parser = new XMLParser({ parseTagValue: false, ignoreAttributes: false, attributeNamePrefix: '@' });
    const parsed = parser.parse(writeError(XML, error104, SAMPLE_ARGS).body) as {
      error_response: { error_code: string; error_msg: string; request_args: { arg: Array<{ key: string; value: string }> } };
    };
    expect(parsed.error_response.error_code).toBe('104');
    expect(parsed.error_response.error_msg).toBe('Incorrect signature');
    expect(parsed.error_response.request_args.arg.map(({ key, value }) => [key, value])).toEqual(SAMPLE_ARGS);
  });
});
