import { describe, expect, it } from 'vitest';
import { connectSessionJson, signConnectSession } from '../../src/features/sessions/pages/connect-session.js';

describe('connect session: sig', () => {
  it('reproduces the worked example of flows.md §2.4', () => {
    const signed = signConnectSession(
      {
        session_key: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
        uid: 500000001,
        expires: 1262390400,
        secret: 'Xy7pQ2vR9sT4uW6zA1bC3d__',
      },
      'fedcba9876543210fedcba9876543210',
    );
    expect(signed.sig).toBe('5680dd2e390cae2d95606dfa0373767a');
  });

  it('writes the JSON in the order of the captured example, with numbers as numbers', () => {
    const json = connectSessionJson(
      {
        sessionKey: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
        appId: 1,
        uid: 500000001,
        secret: 'Xy7pQ2vR9sT4uW6zA1bC3d__',
        expiresAt: new Date(1262390400_000),
        createdAt: new Date(0),
      },
      'fedcba9876543210fedcba9876543210',
    );
    expect(json).toBe(
      '{"session_key":"3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001","uid":500000001,"expires":1262390400,"secret":"Xy7pQ2vR9sT4uW6zA1bC3d__","sig":"5680dd2e390cae2d95606dfa0373767a"}',
    );
  });
});
