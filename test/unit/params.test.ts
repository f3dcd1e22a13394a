import { describe, expect, it } from 'vitest';
import { bool, MAX_TEXT_LENGTH, oneOf, optional, positiveId, required, text, uid } from '../../src/dispatch/params.js';
import { catchApiError } from './support/catch-error.js';

describe('params: positiveId', () => {
  const id = positiveId();

  it('parses positive decimal integers', () => {
    expect(id.parse('1', 'app_id')).toBe(1);
    expect(id.parse('500000001', 'app_id')).toBe(500000001);
    expect(id.parse('100000460660639', 'app_id')).toBe(100000460660639);
    expect(id.parse('9007199254740991', 'app_id')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it.each(['0', '-1', '01', '1.0', '1e3', ' 1', '1 ', '+1', '0x10', 'abc', '１', '9007199254740992', '12345678901234567'])(
    'refuses %j with error 100 naming the parameter',
    (raw) => {
      const error = catchApiError(() => id.parse(raw, 'app_id'));
      expect(error.code).toBe(100);
      expect(error.message).toBe('Invalid parameter (app_id: not a positive integer)');
    },
  );

  it('uses the given error code for bad values', () => {
    const error = catchApiError(() => positiveId(114).parse('x', 'uids'));
    expect(error.code).toBe(114);
    expect(error.message).toBe('Invalid user id list (uids: not a positive integer)');
  });

  it('describes itself as int', () => {
    expect(id.description).toBe('int');
  });
});

describe('params: uid', () => {
  it('parses a uid', () => {
    expect(uid.parse('500000001', 'uid')).toBe(500000001);
  });

  it.each(['abc', '0', '-500000001', '5000000001.5', '9007199254740993'])('refuses %j with error 110 Invalid user id', (raw) => {
    const error = catchApiError(() => uid.parse(raw, 'uid'));
    expect(error.code).toBe(110);
    expect(error.message).toBe('Invalid user id (uid: not a positive integer)');
    expect(error.detail).toBe('uid: not a positive integer');
  });
});

describe('params: bool', () => {
  it.each(['1', 'true', 'TRUE', 'True', 'tRuE'])('reads %j as true', (raw) => {
    expect(bool.parse(raw, 'flag')).toBe(true);
  });

  it.each(['0', 'false', 'FALSE', 'False'])('reads %j as false', (raw) => {
    expect(bool.parse(raw, 'flag')).toBe(false);
  });

  it.each(['yes', 'no', '2', '-1', 'on', ' 1', 't', '01'])('refuses %j with error 100', (raw) => {
    const error = catchApiError(() => bool.parse(raw, 'generate_session_secret'));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (generate_session_secret: not a boolean (1, 0, true or false))');
  });
});

describe('params: oneOf', () => {
  const perm = oneOf(['email', 'read_stream', 'publish_stream'], 'permission');

  it('accepts exactly the listed values', () => {
    expect(perm.parse('email', 'ext_perm')).toBe('email');
    expect(perm.parse('publish_stream', 'ext_perm')).toBe('publish_stream');
  });

  it.each(['EMAIL', 'Email', 'emails', ' email', 'publish_actions', 'toString', '__proto__'])('refuses %j with error 100', (raw) => {
    const error = catchApiError(() => perm.parse(raw, 'ext_perm'));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (ext_perm: unknown permission)');
  });

  it('lists the values in its description', () => {
    expect(perm.description).toBe('one of email, read_stream, publish_stream');
  });
});

describe('params: text', () => {
  it('returns the text unchanged', () => {
    expect(text().parse('  <fb:wide>Café</fb:wide> ', 'profile')).toBe('  <fb:wide>Café</fb:wide> ');
  });

  it('accepts text of exactly the maximum length and refuses one more character', () => {
    const short = text(5);
    expect(short.parse('abcde', 'markup')).toBe('abcde');
    const error = catchApiError(() => short.parse('abcdef', 'markup'));
    expect(error.code).toBe(100);
    expect(error.message).toBe('Invalid parameter (markup: longer than 5 characters)');
  });

  it('defaults to 64 KiB', () => {
    expect(MAX_TEXT_LENGTH).toBe(65536);
    expect(text().parse('x'.repeat(65536), 'profile')).toHaveLength(65536);
    expect(catchApiError(() => text().parse('x'.repeat(65537), 'profile')).message).toBe('Invalid parameter (profile: longer than 65536 characters)');
  });

  it('describes itself as string', () => {
    expect(text().description).toBe('string');
  });
});

describe('params: required and optional', () => {
  it('build specs carrying the type, the flag and the doc line', () => {
    expect(required(uid, 'the person')).toEqual({ type: uid, required: true, doc: 'the person' });
    expect(optional(bool, 'a flag')).toEqual({ type: bool, required: false, doc: 'a flag' });
  });
});
