/** The Connect library's own MD5 and request signature (library/md5.js), against Node's crypto and the server's signature. */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { computeSignature } from '../../src/wire/signature.js';

interface HearthSigning {
  md5(text: string): string;
  signature(params: Record<string, string>, secret: string): string;
}

const source = readFileSync(new URL('../../src/features/connect/library/md5.js', import.meta.url), 'utf8');
const signing = runInNewContext(`${source}\nHearthSigning`) as HearthSigning;
const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

describe('connect library: md5 and sig', () => {
  it('hashes like Node: empty, block edges, long, non-ASCII, astral and lone surrogates', () => {
    const texts = ['', 'a', 'abc', 'message digest', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(63), 'x'.repeat(64), 'y'.repeat(10_000), 'Jérôme Ünal', '名前', 'emoji 😀 here', 'lone \ud800 surrogate'];
    for (const text of texts) expect(signing.md5(text), JSON.stringify(text.slice(0, 20))).toBe(md5(text));
    for (let i = 0; i < 50; i++) {
      const text = randomBytes(1 + i * 7).toString('latin1');
      expect(signing.md5(text)).toBe(md5(text));
    }
  });

  it('signs like the server: sorted by name, sig left out, the secret appended', () => {
    const params = {
      method: 'users.getInfo',
      api_key: '0123456789abcdef0123456789abcdef',
      call_id: '1262304000123',
      format: 'JSON',
      session_key: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
      ss: '1',
      v: '1.0',
      uids: '500000001,500000002',
      fields: 'name,pic_square',
      callback: 'FB.RestServer._callbacks.c1',
      sig: 'ignored',
    };
    expect(signing.signature(params, '9a8b7c6d5e4f30211203f4e5d6c7b8a9')).toBe(computeSignature(params, '9a8b7c6d5e4f30211203f4e5d6c7b8a9'));
  });

  it('reproduces the Connect cookie signature of the worked example', () => {
    const cookies = { user: '500000001', session_key: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001', expires: '1262390400', ss: '9a8b7c6d5e4f30211203f4e5d6c7b8a9' };
    expect(signing.signature(cookies, 'fedcba9876543210fedcba9876543210')).toBe('5b140685b1568dd06f9e890a325687b2');
  });
});
