import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeForm } from '../../src/wire/form-decoding.js';
import { RequestParams } from '../../src/wire/request-params.js';
import { computeSignature, signatureBaseString, signatureMatches } from '../../src/wire/signature.js';

// Shared inputs of protocol.md §3.1.
const API_KEY = '0123456789abcdef0123456789abcdef';
const APP_SECRET = 'fedcba9876543210fedcba9876543210';
const SESSION_KEY = '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001';

const md5 = (text: string, encoding: BufferEncoding = 'utf8') => createHash('md5').update(Buffer.from(text, encoding)).digest('hex');

describe('signature: protocol.md §3.1 worked examples', () => {
  it('Example A: users.getLoggedInUser split across query and body', () => {
    // PHP lib: method, session_key, api_key, v in the query; call_id and sig in the body.
    const params = new RequestParams(
      [
        ['method', 'facebook.users.getLoggedInUser'],
        ['session_key', SESSION_KEY],
        ['api_key', API_KEY],
        ['v', '1.0'],
      ],
      [
        ['call_id', '1262304000.1234'],
        ['sig', '30e0522a7ba87648b077e7bef9e1d8b1'],
      ],
    );
    const base = signatureBaseString(params.entries());
    expect(base + APP_SECRET).toBe(
      'api_key=0123456789abcdef0123456789abcdefcall_id=1262304000.1234method=facebook.users.getLoggedInUsersession_key=3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001v=1.0fedcba9876543210fedcba9876543210',
    );
    expect(computeSignature(params.entries(), APP_SECRET)).toBe('30e0522a7ba87648b077e7bef9e1d8b1');
  });

  it('Example B: JSON list arguments and an empty session_key', () => {
    const params = {
      method: 'facebook.users.getInfo',
      session_key: '',
      api_key: API_KEY,
      v: '1.0',
      call_id: '1262304001.5',
      uids: '[500000001,500000002]',
      fields: '["name","pic_square"]',
    };
    expect(signatureBaseString(params) + APP_SECRET).toBe(
      'api_key=0123456789abcdef0123456789abcdefcall_id=1262304001.5fields=["name","pic_square"]method=facebook.users.getInfosession_key=uids=[500000001,500000002]v=1.0fedcba9876543210fedcba9876543210',
    );
    expect(computeSignature(params, APP_SECRET)).toBe('719581e473120c823aeca41e73b50118');
  });

  it('Example C: auth.getSession as the PHP lib sends it', () => {
    const params = {
      method: 'facebook.auth.getSession',
      session_key: '',
      api_key: API_KEY,
      v: '1.0',
      auth_token: '3e4a22bb2f5ed75114b0fc9995ea85f1',
      generate_session_secret: '',
      call_id: '1262304000.1234',
    };
    expect(computeSignature(params, APP_SECRET)).toBe('4dfed5a8b4b56069c5e68ca42c608a24');
  });

  it('Example D: signed with the session secret, ss=1 included in the signed set', () => {
    const params = {
      ss: '1',
      method: 'facebook.users.isAppUser',
      session_key: SESSION_KEY,
      api_key: API_KEY,
      v: '1.0',
      call_id: '1262304002.25',
      uid: '',
    };
    const sessionSecret = 'Xy7pQ2vR9sT4uW6zA1bC3d__';
    expect(signatureBaseString(params) + sessionSecret).toBe(
      'api_key=0123456789abcdef0123456789abcdefcall_id=1262304002.25method=facebook.users.isAppUsersession_key=3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001ss=1uid=v=1.0Xy7pQ2vR9sT4uW6zA1bC3d__',
    );
    expect(computeSignature(params, sessionSecret)).toBe('196dc31d946ce1371f1197a9a86b4708');
    // Without ss the signature is different: ss is an ordinary signed parameter.
    const { ss: _ss, ...withoutSs } = params;
    expect(computeSignature(withoutSs, sessionSecret)).not.toBe('196dc31d946ce1371f1197a9a86b4708');
  });

  describe('Example E: non-ASCII and spaces', () => {
    // The profile argument as it travels on the wire, decoded the way the server decodes it.
    const [profilePair] = decodeForm('profile=%3Cfb%3Awide%3ECaf%C3%A9+%26+more%3C%2Ffb%3Awide%3E');
    const params: Array<[string, string]> = [
      ['method', 'facebook.profile.setFBML'],
      ['session_key', SESSION_KEY],
      ['api_key', API_KEY],
      ['v', '1.0'],
      ['call_id', '1262304005.5'],
      ['markup', ''],
      ['uid', ''],
      ['profile_action', ''],
      ['mobile_profile', ''],
      ['profile_main', 'Hi <fb:name uid="500000001" useyou="false"/>'],
      profilePair!,
    ];

    it('decodes the profile value to the text that is signed', () => {
      expect(profilePair).toEqual(['profile', '<fb:wide>Café & more</fb:wide>']);
      expect(signatureBaseString(params)).toContain('profile=<fb:wide>Café & more</fb:wide>');
    });

    it('produces the documented signature', () => {
      expect(computeSignature(params, APP_SECRET)).toBe('88d8bac6984cf4b3216b060d4e4ea20f');
    });

    it('hashes the UTF-8 bytes (é as C3 A9), not latin1 or UTF-16', () => {
      const hashed = signatureBaseString(params) + APP_SECRET;
      expect(computeSignature(params, APP_SECRET)).toBe(md5(hashed, 'utf8'));
      expect(md5(hashed, 'latin1')).not.toBe('88d8bac6984cf4b3216b060d4e4ea20f');
    });
  });

  it('facebook-java-api reference vector', () => {
    const params = { aA: 'aA', bB: 'bB', cC: 'cC' };
    expect(signatureBaseString(params)).toBe('aA=aAbB=bBcC=cC');
    expect(computeSignature(params, 'secret')).toBe('9376fd922ce506221cc1b3892ddca0b9');
  });
});

describe('signature: signatureBaseString', () => {
  it('is empty for no parameters, so the signature is the MD5 of the secret alone', () => {
    expect(signatureBaseString({})).toBe('');
    expect(computeSignature({}, 'secret')).toBe(md5('secret'));
  });

  it('excludes sig, wherever it appears', () => {
    const withSig: Array<[string, string]> = [
      ['sig', 'ffffffffffffffffffffffffffffffff'],
      ['b', '2'],
      ['a', '1'],
    ];
    expect(signatureBaseString(withSig)).toBe('a=1b=2');
    expect(computeSignature(withSig, 's')).toBe(computeSignature({ a: '1', b: '2' }, 's'));
    expect(computeSignature({ a: '1', b: '2', sig: 'x' }, 's')).toBe(md5('a=1b=2s'));
  });

  it('excludes only the exact key sig (keys are used as received)', () => {
    expect(signatureBaseString({ SIG: 'x', sig_x: 'y', sig: 'z' })).toBe('SIG=xsig_x=y');
  });

  it('keeps parameters with empty values', () => {
    expect(signatureBaseString({ uid: '', session_key: '', v: '1.0' })).toBe('session_key=uid=v=1.0');
  });

  it('keeps format, callback, ss and locale', () => {
    expect(signatureBaseString({ v: '1.0', format: 'JSON', callback: 'cb', ss: '1', locale: 'en_US' })).toBe(
      'callback=cbformat=JSONlocale=en_USss=1v=1.0',
    );
  });

  it('uses the values exactly, with no URL-encoding', () => {
    expect(signatureBaseString({ q: 'a b&c=d/e+f%20' })).toBe('q=a b&c=d/e+f%20');
  });

  it('sorts upper-case before "_" before lower-case (byte order, not locale order)', () => {
    expect(signatureBaseString({ b: '1', _c: '2', a: '3', Z: '4', B: '5' })).toBe('B=5Z=4_c=2a=3b=1');
  });

  it('sorts by key, not by the joined key=value text (keys a and a1)', () => {
    // Sorting "a=x" and "a1=y" as strings would put a1 first ('1' < '=').
    expect(signatureBaseString({ a1: 'y', a: 'x' })).toBe('a=xa1=y');
  });

  it('sorts non-ASCII keys by their UTF-8 bytes, not by UTF-16 code units', () => {
    // U+FF01 is EF BC 81 in UTF-8, U+1F600 is F0 9F 98 80; in UTF-16 the astral one (D83D…) sorts first.
    expect(signatureBaseString({ '\u{1F600}': '2', '\uFF01': '1', z: '0', 'é': '3' })).toBe('z=0é=3！=1😀=2');
  });

  it('accepts a Map or any iterable of pairs as well as a record', () => {
    const map = new Map([
      ['v', '1.0'],
      ['api_key', API_KEY],
    ]);
    expect(signatureBaseString(map)).toBe(`api_key=${API_KEY}v=1.0`);
    expect(computeSignature(map, APP_SECRET)).toBe(computeSignature({ api_key: API_KEY, v: '1.0' }, APP_SECRET));
  });

  it('writes the signature as 32 lower-case hex digits', () => {
    expect(computeSignature({ x: 'Y' }, 'Z')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes when any value, key or the secret changes', () => {
    const base = computeSignature({ a: '1' }, 's');
    expect(computeSignature({ a: '2' }, 's')).not.toBe(base);
    expect(computeSignature({ b: '1' }, 's')).not.toBe(base);
    expect(computeSignature({ a: '1' }, 't')).not.toBe(base);
  });
});

describe('signature: signatureMatches', () => {
  const expected = '30e0522a7ba87648b077e7bef9e1d8b1';

  it('accepts the identical lower-case signature', () => {
    expect(signatureMatches(expected, expected)).toBe(true);
  });

  it('refuses an upper-case signature (error 104 per the doc)', () => {
    expect(signatureMatches(expected.toUpperCase(), expected)).toBe(false);
  });

  it('refuses a signature differing in one character', () => {
    expect(signatureMatches(`${expected.slice(0, 31)}0`, expected)).toBe(false);
    expect(signatureMatches(`0${expected.slice(1)}`, expected)).toBe(false);
  });

  it('refuses wrong lengths without throwing', () => {
    expect(signatureMatches('', expected)).toBe(false);
    expect(signatureMatches(expected.slice(0, 31), expected)).toBe(false);
    expect(signatureMatches(`${expected}0`, expected)).toBe(false);
    expect(signatureMatches(`${expected} `, expected)).toBe(false);
  });

  it('compares bytes: a non-ASCII character of the same string length is a different length and fails', () => {
    const received = `${expected.slice(0, 31)}é`; // 32 UTF-16 units, 33 UTF-8 bytes
    expect(received.length).toBe(32);
    expect(signatureMatches(received, expected)).toBe(false);
  });
});
