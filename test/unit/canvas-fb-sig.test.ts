/**
 * The `fb_sig_*` sets of canvas requests, reproduced byte for byte from the platform's worked
 * examples (the running example's app, viewer and session; time fixed at 1262304000.5678), and
 * checked the way the PHP client's validate_fb_params checks them.
 */
import { describe, expect, it } from 'vitest';
import { canvasFbSig, canvasPostBody, iframeSrc } from '../../src/features/canvas/fb-sig-params.js';
import type { CanvasViewer } from '../../src/features/canvas/records.js';
import { phpValidatesFbSig } from '../canvas/canvas-kit.js';

const app = { apiKey: '0123456789abcdef0123456789abcdef', appId: 123456789, secret: 'fedcba9876543210fedcba9876543210' };
const time = '1262304000.5678';
const authorized: CanvasViewer = {
  kind: 'app-user',
  uid: 500000001,
  locale: 'en_US',
  sessionKey: '3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001',
  expires: 1262390400,
  sessionSecret: '9a8b7c6d5e4f30211203f4e5d6c7b8a9',
  profileUpdateTime: 1262000000,
  extendedPermissions: ['email'],
  friends: [500000002, 500000003],
};

describe('canvas fb_sig sets', () => {
  it('worked example 1: FBML canvas, viewer logged out, GET', () => {
    const signed = canvasFbSig({ mode: 'fbml', requestMethod: 'GET', viewer: { kind: 'visitor' }, app, time });
    expect(Object.fromEntries(signed)).toEqual({
      fb_sig_in_canvas: '1',
      fb_sig_request_method: 'GET',
      fb_sig_position_fix: '1',
      fb_sig_locale: 'en_US',
      fb_sig_in_new_facebook: '1',
      fb_sig_time: time,
      fb_sig_logged_out_facebook: '1',
      fb_sig_added: '0',
      fb_sig_api_key: app.apiKey,
      fb_sig_app_id: '123456789',
      fb_sig: '41480193441b36c1dffd1fc0d905fa48',
    });
  });

  it('worked example 2: FBML canvas, signed in but not authorized, posting to=5 (the body byte for byte)', () => {
    const signed = canvasFbSig({ mode: 'fbml', requestMethod: 'POST', viewer: { kind: 'signed-in', uid: 500000001, locale: 'en_US' }, app, time });
    expect(canvasPostBody([['to', '5']], signed)).toBe(
      `to=5&fb_sig_in_canvas=1&fb_sig_request_method=POST&fb_sig_position_fix=1&fb_sig_locale=en_US&fb_sig_in_new_facebook=1&fb_sig_time=1262304000.5678&fb_sig_added=0&fb_sig_api_key=${app.apiKey}&fb_sig_app_id=123456789&fb_sig=b265a885218cf796ab9578c18211ebcc`,
    );
  });

  it('worked example 3: iframe canvas, authorized viewer (the iframe src byte for byte, session secret included)', () => {
    const signed = canvasFbSig({ mode: 'iframe', requestMethod: 'GET', viewer: authorized, app, time });
    expect(iframeSrc(new URL('http://app.example.com/fb/'), signed)).toBe(
      `http://app.example.com/fb/?fb_sig_in_iframe=1&fb_sig_locale=en_US&fb_sig_in_new_facebook=1&fb_sig_time=1262304000.5678&fb_sig_added=1&fb_sig_api_key=${app.apiKey}&fb_sig_app_id=123456789&fb_sig_user=500000001&fb_sig_session_key=3.AbCdEfGhIjKlMnOp__.86400.1262390400-500000001&fb_sig_expires=1262390400&fb_sig_profile_update_time=1262000000&fb_sig_ext_perms=email&fb_sig_friends=500000002%2C500000003&fb_sig_ss=9a8b7c6d5e4f30211203f4e5d6c7b8a9&fb_sig=f74562fdac58319012aac7f2b93ec203`,
    );
  });

  it('the viewer’s query comes before the signed set in an iframe src', () => {
    const signed = canvasFbSig({ mode: 'iframe', requestMethod: 'GET', viewer: { kind: 'visitor' }, app, time });
    expect(iframeSrc(new URL('http://app.example.com/fb/step.php?to=5'), signed)).toMatch(/^http:\/\/app\.example\.com\/fb\/step\.php\?to=5&fb_sig_in_iframe=1&/);
  });

  it('an FBML page never gets the session secret; an authorized viewer gets everything else, and the PHP check passes', () => {
    const params = Object.fromEntries(canvasFbSig({ mode: 'fbml', requestMethod: 'GET', viewer: authorized, app, time, baseDomain: 'example.com' }));
    expect(params.fb_sig_ss).toBeUndefined();
    expect(params).toMatchObject({ fb_sig_in_canvas: '1', fb_sig_added: '1', fb_sig_user: '500000001', fb_sig_friends: '500000002,500000003', fb_sig_base_domain: 'example.com' });
    expect(params.fb_sig_logged_out_facebook).toBeUndefined();
    expect(params.fb_sig_in_iframe).toBeUndefined();
    expect(phpValidatesFbSig(params, app.secret)).toBe(true);
    expect(phpValidatesFbSig({ ...params, fb_sig_user: '500000002' }, app.secret)).toBe(false);
  });
});
