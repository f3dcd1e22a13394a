import { describe, expect, it } from 'vitest';
import { MAX_PARAMETERS, RequestParams } from '../../src/wire/request-params.js';

describe('request-params: RequestParams', () => {
  it('merges the query string and the body, query first (request_args order)', () => {
    const params = new RequestParams(
      [
        ['method', 'facebook.users.isAppUser'],
        ['session_key', ''],
        ['api_key', 'k'],
        ['v', '1.0'],
      ],
      [
        ['call_id', '1262304000.1234'],
        ['sig', 'abc'],
      ],
    );
    expect(params.entries()).toEqual([
      ['method', 'facebook.users.isAppUser'],
      ['session_key', ''],
      ['api_key', 'k'],
      ['v', '1.0'],
      ['call_id', '1262304000.1234'],
      ['sig', 'abc'],
    ]);
  });

  it('lets the body value win for a key in both, keeping the position where it was first seen', () => {
    const params = new RequestParams(
      [
        ['a', 'query-a'],
        ['format', 'xml'],
        ['b', 'query-b'],
      ],
      [
        ['c', 'body-c'],
        ['format', 'json'],
      ],
    );
    expect(params.raw('format')).toBe('json');
    expect(params.get('format')).toBe('json');
    expect(params.entries()).toEqual([
      ['a', 'query-a'],
      ['format', 'json'],
      ['b', 'query-b'],
      ['c', 'body-c'],
    ]);
  });

  it('lets an empty body value override a non-empty query value', () => {
    const params = new RequestParams([['uid', '500000001']], [['uid', '']]);
    expect(params.raw('uid')).toBe('');
    expect(params.get('uid')).toBeUndefined();
  });

  it('takes the last value of a key repeated within one source', () => {
    const params = new RequestParams([
      ['v', '1.0'],
      ['x', '1'],
      ['v', '2.0'],
    ]);
    expect(params.raw('v')).toBe('2.0');
    expect(params.entries()).toEqual([
      ['v', '2.0'],
      ['x', '1'],
    ]);
  });

  it('accepts any number of sources, later ones winning', () => {
    const params = new RequestParams([['k', '1']], [['k', '2']], [['k', '3']]);
    expect(params.raw('k')).toBe('3');
    expect(new RequestParams().entries()).toEqual([]);
  });

  it('treats an empty value as absent in get() but keeps it in raw() and entries()', () => {
    const params = new RequestParams([
      ['session_key', ''],
      ['uid', ''],
      ['v', '1.0'],
    ]);
    expect(params.get('session_key')).toBeUndefined();
    expect(params.get('uid')).toBeUndefined();
    expect(params.raw('session_key')).toBe('');
    expect(params.raw('uid')).toBe('');
    expect(params.get('v')).toBe('1.0');
    expect(params.entries()).toEqual([
      ['session_key', ''],
      ['uid', ''],
      ['v', '1.0'],
    ]);
  });

  it('answers undefined from raw() and get() for a key never sent', () => {
    const params = new RequestParams([['a', '1']]);
    expect(params.raw('b')).toBeUndefined();
    expect(params.get('b')).toBeUndefined();
  });

  it('looks keys up exactly (case-sensitive)', () => {
    const params = new RequestParams([['Format', 'json']]);
    expect(params.raw('format')).toBeUndefined();
    expect(params.raw('Format')).toBe('json');
  });

  it('keeps whitespace-only values as values', () => {
    expect(new RequestParams([['uid', ' ']]).get('uid')).toBe(' ');
  });

  it('returns a copy from entries(), so callers cannot change the parameters', () => {
    const params = new RequestParams([['a', '1']]);
    const entries = params.entries();
    entries.push(['b', '2']);
    entries[0]![1] = 'changed';
    expect(params.entries()).toEqual([['a', '1']]);
    expect(params.raw('a')).toBe('1');
  });

  it('allows exactly 1000 distinct parameters', () => {
    expect(MAX_PARAMETERS).toBe(1000);
    const pairs = Array.from({ length: 1000 }, (_, i): [string, string] => [`p${i}`, String(i)]);
    const params = new RequestParams(pairs);
    expect(params.entries()).toHaveLength(1000);
    expect(params.raw('p999')).toBe('999');
  });

  it('counts distinct keys, so the same 1000 keys in query and body are fine', () => {
    const pairs = Array.from({ length: 1000 }, (_, i): [string, string] => [`p${i}`, String(i)]);
    expect(new RequestParams(pairs, pairs).entries()).toHaveLength(1000);
  });

  it('counts distinct parameters across query and body, for the pipeline to refuse more than 1000', () => {
    const query = Array.from({ length: 600 }, (_, i): [string, string] => [`q${i}`, '']);
    const body = Array.from({ length: 401 }, (_, i): [string, string] => [`b${i}`, '']);
    expect(new RequestParams(query, body).size).toBe(1001);
    expect(new RequestParams(query, query).size).toBe(600);
  });
});
