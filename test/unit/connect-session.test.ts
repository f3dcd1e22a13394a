import { describe, expect, it } from 'vitest';
import { connectSessionJson, signConnectSession } from '../../src/features/sessions/pages/connect-session.js';

// The running example of the Connect documentation (docs/connect.md).
const APP_SECRET = 'fedcba9876543210fedcba9876543210';
const SESSION_KEY = '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001';
const SESSION_SECRET = '9a8b7c6d5e4f30211203f4e5d6c7b8a9';

describe('connect session: sig', () => {
  it('signs like the cookies (user, ss): the worked example', () => {
    const signed = signConnectSession({ session_key: SESSION_KEY, uid: '500000001', expires: 1262390400, secret: SESSION_SECRET }, APP_SECRET);
    expect(signed.sig).toBe('5b140685b1568dd06f9e890a325687b2');
  });

  it('signs a session that never expires over expires=0', () => {
    const signed = signConnectSession({ session_key: '3.ZyXwVuTsRqPoNmLk__.0.0-500000001', uid: '500000001', expires: 0, secret: SESSION_SECRET }, APP_SECRET);
    expect(signed.sig).toBe('b93892911002a8caecf29f225b1e761e');
  });

  it('writes the JSON in the order of the captured example: uid a string, expires a number, base_domain last and unsigned', () => {
    const session = { sessionKey: SESSION_KEY, appId: 1, uid: 500000001, secret: SESSION_SECRET, expiresAt: new Date(1262390400_000), createdAt: new Date(0) };
    expect(connectSessionJson(session, APP_SECRET)).toBe(
      `{"session_key":"${SESSION_KEY}","uid":"500000001","expires":1262390400,"secret":"${SESSION_SECRET}","sig":"5b140685b1568dd06f9e890a325687b2"}`,
    );
    expect(connectSessionJson(session, APP_SECRET, 'example.com')).toBe(
      `{"session_key":"${SESSION_KEY}","uid":"500000001","expires":1262390400,"secret":"${SESSION_SECRET}","sig":"5b140685b1568dd06f9e890a325687b2","base_domain":"example.com"}`,
    );
  });
});
