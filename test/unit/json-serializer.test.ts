import { describe, expect, it } from 'vitest';
import { phpStyleJson, serializeJson } from '../../src/wire/serialize/json-serializer.js';
import { ApiList } from '../../src/wire/values.js';

describe('json-serializer: keys', () => {
  it('keeps a key named __proto__ as an ordinary key', () => {
    expect(serializeJson({ ['__proto__']: 1, a: 2 })).toBe('{"__proto__":1,"a":2}');
  });
});

describe('json-serializer: scalars (protocol.md §8.3)', () => {
  it('writes booleans as true and false', () => {
    expect(serializeJson(true)).toBe('true');
    expect(serializeJson(false)).toBe('false');
  });

  it('writes numbers as JSON numbers', () => {
    expect(serializeJson(500000001)).toBe('500000001');
    expect(serializeJson(0)).toBe('0');
    expect(serializeJson(-3)).toBe('-3');
    expect(serializeJson(1262304000.1234)).toBe('1262304000.1234');
  });

  it('writes a string result as a top-level JSON string', () => {
    expect(serializeJson('3e4a22bb2f5ed75114b0fc9995ea85f1')).toBe('"3e4a22bb2f5ed75114b0fc9995ea85f1"');
    expect(serializeJson('')).toBe('""');
  });

  it('writes null as null', () => {
    expect(serializeJson(null)).toBe('null');
    expect(serializeJson({ name: null })).toBe('{"name":null}');
  });
});

describe('json-serializer: objects and lists', () => {
  it('writes the auth.getSession object with keys in order and uid/expires as numbers', () => {
    expect(
      serializeJson({
        session_key: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
        uid: 500000001,
        expires: 1262390400,
        secret: '3e4a22bb2f5ed75114b0fc9995ea85f1',
      }),
    ).toBe(
      '{"session_key":"3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001","uid":500000001,"expires":1262390400,"secret":"3e4a22bb2f5ed75114b0fc9995ea85f1"}',
    );
  });

  it('writes lists as arrays whatever their XML item name', () => {
    expect(serializeJson(new ApiList('uid', [500000001, 500000002]))).toBe('[500000001,500000002]');
    expect(serializeJson(new ApiList(undefined, ['a', true, null]))).toBe('["a",true,null]');
    expect(serializeJson(new ApiList('user', [{ uid: 1, tags: new ApiList(undefined, ['x']) }]))).toBe('[{"uid":1,"tags":["x"]}]');
  });

  it('writes an empty list as [] and an empty object as {}', () => {
    expect(serializeJson(new ApiList('uid', []))).toBe('[]');
    expect(serializeJson({})).toBe('{}');
    expect(serializeJson({ friends: new ApiList('uid', []), o: {} })).toBe('{"friends":[],"o":{}}');
  });

  it('writes no whitespace', () => {
    expect(serializeJson({ a: { b: new ApiList('c', [1, 2]) } })).toBe('{"a":{"b":[1,2]}}');
  });
});

describe('json-serializer: PHP json_encode escaping', () => {
  it('matches the §8.3 example exactly', () => {
    expect(serializeJson({ u: 'http://x/y', n: 'café' })).toBe('{"u":"http:\\/\\/x\\/y","n":"caf\\u00e9"}');
  });

  it('escapes non-ASCII characters as \\uXXXX with lower-case hex', () => {
    expect(serializeJson('É€ÿ\u0080')).toBe('"\\u00c9\\u20ac\\u00ff\\u0080"');
  });

  it('escapes astral characters as a surrogate pair', () => {
    expect(serializeJson('😀')).toBe('"\\ud83d\\ude00"');
    expect(serializeJson('a𝄞b')).toBe('"a\\ud834\\udd1eb"');
  });

  it('escapes U+2028 and U+2029 (unsafe in JavaScript before ES2019) and leaves ASCII alone', () => {
    expect(serializeJson('\u2028\u2029~')).toBe('"\\u2028\\u2029~"');
  });

  it('escapes quotes, backslashes and control characters as JSON does', () => {
    expect(serializeJson('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(serializeJson('\n\t\r\u0001')).toBe('"\\n\\t\\r\\u0001"');
  });

  it('escapes a backslash followed by a slash unambiguously', () => {
    const json = serializeJson('\\/');
    expect(json).toBe('"\\\\\\/"');
    expect(JSON.parse(json)).toBe('\\/');
  });

  it('escapes </script> so JSONP cannot close a script element', () => {
    expect(serializeJson('</script>')).toBe('"<\\/script>"');
  });

  it('escapes keys as well as values', () => {
    expect(serializeJson({ 'é/k': 1 })).toBe('{"\\u00e9\\/k":1}');
  });

  it('is valid JSON that JSON.parse reads back to the same data', () => {
    const text = `Café "quoted" \\ back/slash </script> 😀 日本 \u2028 \u0000 tab\t`;
    const value = { text, list: new ApiList('item', [text, 1, true, null]), nested: { 'k/é': text } };
    expect(JSON.parse(serializeJson(value))).toEqual({ text, list: [text, 1, true, null], nested: { 'k/é': text } });
  });

  it('writes only ASCII bytes', () => {
    expect(serializeJson({ s: 'Café 😀 日本 \u00a0' })).toMatch(/^[\x20-\x7e]*$/);
  });
});

describe('json-serializer: json-strings (numbersAsStrings)', () => {
  it('writes every number as a string, at any depth', () => {
    const value = {
      uid: 500000001,
      expires: 0,
      ratio: 1.5,
      ids: new ApiList('uid', [1, 2]),
      nested: { n: -7 },
    };
    expect(serializeJson(value, { numbersAsStrings: true })).toBe(
      '{"uid":"500000001","expires":"0","ratio":"1.5","ids":["1","2"],"nested":{"n":"-7"}}',
    );
  });

  it('writes a number at the root as a string', () => {
    expect(serializeJson(500000001, { numbersAsStrings: true })).toBe('"500000001"');
  });

  it('leaves booleans, null and strings unchanged', () => {
    expect(serializeJson({ b: true, f: false, n: null, s: '12' }, { numbersAsStrings: true })).toBe('{"b":true,"f":false,"n":null,"s":"12"}');
  });

  it('writes numbers as numbers when the option is off', () => {
    expect(serializeJson({ uid: 1 }, { numbersAsStrings: false })).toBe('{"uid":1}');
  });
});

describe('json-serializer: phpStyleJson', () => {
  it('encodes plain JavaScript values with the same escaping', () => {
    expect(phpStyleJson({ a: ['/', 'é'] })).toBe('{"a":["\\/","\\u00e9"]}');
    expect(phpStyleJson('<?xml version="1.0"?>\n<r>1</r>')).toBe('"<?xml version=\\"1.0\\"?>\\n<r>1<\\/r>"');
  });
});
