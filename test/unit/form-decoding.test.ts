import { describe, expect, it } from 'vitest';
import { checkParameterText, decodeForm } from '../../src/wire/form-decoding.js';
import { catchApiError } from './support/catch-error.js';

describe('form-decoding: decodeForm', () => {
  it('skips a pair with an empty name before looking at its value', () => {
    expect(decodeForm('=%FF&a=1')).toEqual([['a', '1']]);
  });

  it('splits pairs in order and keeps duplicate keys as separate pairs', () => {
    expect(decodeForm('method=facebook.users.isAppUser&v=1.0&uid=&v=2')).toEqual([
      ['method', 'facebook.users.isAppUser'],
      ['v', '1.0'],
      ['uid', ''],
      ['v', '2'],
    ]);
  });

  it('returns no pairs for an empty input', () => {
    expect(decodeForm('')).toEqual([]);
    expect(decodeForm(Buffer.alloc(0))).toEqual([]);
  });

  it('decodes + as a space, and %2B as a literal plus', () => {
    expect(decodeForm('q=a+b++c&p=1%2B1')).toEqual([
      ['q', 'a b  c'],
      ['p', '1+1'],
    ]);
  });

  it('decodes %XX sequences as UTF-8 bytes, upper- or lower-case hex', () => {
    expect(decodeForm('name=Caf%C3%A9&euro=%e2%82%ac&smile=%F0%9F%98%80')).toEqual([
      ['name', 'Café'],
      ['euro', '€'],
      ['smile', '😀'],
    ]);
  });

  it('decodes the Example E profile argument', () => {
    expect(decodeForm('profile=%3Cfb%3Awide%3ECaf%C3%A9+%26+more%3C%2Ffb%3Awide%3E')).toEqual([
      ['profile', '<fb:wide>Café & more</fb:wide>'],
    ]);
  });

  it('decodes keys too, and keeps them exactly (no [] arrays, no . to _)', () => {
    expect(decodeForm('a%5B%5D=1&b.c=2&d%20e=3&uids[]=4')).toEqual([
      ['a[]', '1'],
      ['b.c', '2'],
      ['d e', '3'],
      ['uids[]', '4'],
    ]);
  });

  it('leaves a % that is not followed by two hex digits literal, as PHP urldecode does', () => {
    expect(decodeForm('a=100%&b=%zz&c=%4&d=%%41&e=%4g%41&f=%')).toEqual([
      ['a', '100%'],
      ['b', '%zz'],
      ['c', '%4'],
      ['d', '%A'],
      ['e', '%4gA'],
      ['f', '%'],
    ]);
  });

  it('keeps everything after the first = in the value', () => {
    expect(decodeForm('fields=a=b=c&x==')).toEqual([
      ['fields', 'a=b=c'],
      ['x', '='],
    ]);
  });

  it('gives a key without = an empty value', () => {
    expect(decodeForm('popup&v=1.0&next')).toEqual([
      ['popup', ''],
      ['v', '1.0'],
      ['next', ''],
    ]);
  });

  it('skips empty pieces and pairs with an empty key', () => {
    expect(decodeForm('&&a=1&&=orphan&b=2&')).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
    expect(decodeForm('&')).toEqual([]);
    expect(decodeForm('=x')).toEqual([]);
  });

  it('reads a Buffer as raw bytes, decoding unencoded UTF-8 bytes', () => {
    expect(decodeForm(Buffer.from('name=Café&x=ü+%C3%BC', 'utf8'))).toEqual([
      ['name', 'Café'],
      ['x', 'ü ü'],
    ]);
  });

  it('reads a string as latin1 text, one character per byte (the request line as Node gives it)', () => {
    // "é" sent raw (not percent-encoded) arrives as the two latin1 characters C3 A9.
    const latin1 = Buffer.from('n=Café', 'utf8').toString('latin1');
    expect(latin1).toBe('n=Caf\u00c3\u00a9');
    expect(decodeForm(latin1)).toEqual([['n', 'Café']]);
  });

  it('refuses bytes that are not UTF-8 with error 100 naming the parameter', () => {
    const error = catchApiError(() => decodeForm('v=1.0&name=Caf%E9'));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (name: not valid UTF-8)');
    expect(error.detail).toBe('name: not valid UTF-8');
  });

  it('refuses raw non-UTF-8 bytes in a Buffer', () => {
    const error = catchApiError(() => decodeForm(Buffer.from([0x71, 0x3d, 0xff, 0xfe])));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (q: not valid UTF-8)');
  });

  it('refuses a truncated UTF-8 sequence and an overlong encoding', () => {
    expect(catchApiError(() => decodeForm('a=%C3')).message).toBe('Invalid parameter (a: not valid UTF-8)');
    expect(catchApiError(() => decodeForm('b=%C0%AF')).message).toBe('Invalid parameter (b: not valid UTF-8)');
    // An encoded UTF-16 surrogate (CESU-8) is not UTF-8 either.
    expect(catchApiError(() => decodeForm('c=%ED%A0%80')).message).toBe('Invalid parameter (c: not valid UTF-8)');
  });

  it('calls a key that is not UTF-8 "parameter name"', () => {
    const error = catchApiError(() => decodeForm('%FF=1'));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (parameter name: not valid UTF-8)');
  });

  it('refuses control characters in values, naming the parameter', () => {
    for (const encoded of ['%00', '%01', '%08', '%0B', '%0C', '%0E', '%1F']) {
      const error = catchApiError(() => decodeForm(`fbml=a${encoded}b`));
      expect(error.code).toBe(100);
      expect(error.message).toBe('Invalid parameter (fbml: contains control characters)');
    }
  });

  it('refuses a raw control character that needs no percent-decoding', () => {
    expect(catchApiError(() => decodeForm('a=x\u0001y')).message).toBe('Invalid parameter (a: contains control characters)');
  });

  it('refuses U+FFFE and U+FFFF, which XML cannot carry', () => {
    expect(catchApiError(() => decodeForm('a=%EF%BF%BE')).message).toBe('Invalid parameter (a: contains control characters)');
    expect(catchApiError(() => decodeForm('a=%EF%BF%BF')).message).toBe('Invalid parameter (a: contains control characters)');
  });

  it('refuses control characters in keys as "parameter name"', () => {
    expect(catchApiError(() => decodeForm('a%00b=1')).message).toBe('Invalid parameter (parameter name: contains control characters)');
  });

  it('accepts tab, line feed, carriage return and DEL', () => {
    expect(decodeForm('t=a%09b&n=a%0Ab&r=a%0D%0Ab&d=%7F')).toEqual([
      ['t', 'a\tb'],
      ['n', 'a\nb'],
      ['r', 'a\r\nb'],
      ['d', '\u007f'],
    ]);
  });
});

describe('form-decoding: checkParameterText', () => {
  it('accepts ordinary text, including non-ASCII and astral characters', () => {
    expect(() => checkParameterText('x', 'Café 😀 \t\r\n')).not.toThrow();
  });

  it('throws error 100 with the given name for a control character', () => {
    const error = catchApiError(() => checkParameterText('profile_main', 'a\u0000'));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (profile_main: contains control characters)');
  });
});
