import { describe, expect, it } from 'vitest';
import { resolveConnectTarget, resolveOnApp, webAppDestination, withQueryParameter } from '../../src/features/sign-in/pages/redirect-targets.js';

const CALLBACK = 'http://www.yourapp.com/home.php';

describe('redirect targets: the web destination of flows.md §2.3', () => {
  it.each([
    ['http://www.yourapp.com/home.php', undefined, 'http://www.yourapp.com/home.php?auth_token=abc123'],
    ['http://facebook.myserver.com/apps/myapp', undefined, 'http://facebook.myserver.com/apps/myapp?auth_token=abc123'],
    ['http://facebook.myserver.com/apps/myapp/', 'page.php?x=1', 'http://facebook.myserver.com/apps/myapp/page.php?x=1&auth_token=abc123'],
    ['http://www.yourapp.com/home.php?a=b', undefined, 'http://www.yourapp.com/home.php?a=b&auth_token=abc123'],
    ['http://www.yourapp.com/home.php?', undefined, 'http://www.yourapp.com/home.php?auth_token=abc123'],
    ['http://www.yourapp.com/', 'x#frag', 'http://www.yourapp.com/x?auth_token=abc123#frag'],
  ])('%s + %s', (callback, next, expected) => {
    expect(webAppDestination(callback, next, 'abc123')).toBe(expected);
  });

  it('falls back to the callback URL for anything that would leave its origin', () => {
    for (const next of ['http://evil.example/', 'https://www.yourapp.com/', 'javascript:alert(1)', 'http://www.yourapp.com@evil.example/', 'mailto:a@b']) {
      expect(webAppDestination(CALLBACK, next, 't'), next).toBe(`${CALLBACK}?auth_token=t`);
    }
    // Without a path, concatenation itself could change the host; the origin check catches it.
    for (const next of ['@evil.example', '.evil.example', ':81']) {
      expect(webAppDestination('http://www.yourapp.com', next, 't'), next).toBe('http://www.yourapp.com/?auth_token=t');
    }
  });

  it('refuses callback URLs that are not http(s)', () => {
    expect(resolveOnApp('javascript:alert(1)', undefined)).toBeUndefined();
    expect(webAppDestination('ftp://x.example/', undefined, 't')).toBeUndefined();
  });
});

describe('redirect targets: Connect', () => {
  const PLATFORM = 'http://127.0.0.1:8080';

  it('takes the app origin or the platform login_success page, nothing else', () => {
    expect(resolveConnectTarget(CALLBACK, 'http://www.yourapp.com/x', PLATFORM)?.href).toBe('http://www.yourapp.com/x');
    expect(resolveConnectTarget(null, `${PLATFORM}/connect/login_success.html`, PLATFORM)?.href).toBe(`${PLATFORM}/connect/login_success.html`);
    expect(resolveConnectTarget(null, `${PLATFORM}/editapps.php`, PLATFORM)).toBeUndefined();
    expect(resolveConnectTarget(null, 'http://www.facebook.com/connect/login_success.html', PLATFORM)).toBeUndefined();
    expect(resolveConnectTarget(CALLBACK, undefined, PLATFORM)).toBeUndefined();
  });

  it('encodes the session JSON into the query', () => {
    expect(withQueryParameter(new URL('http://a.example/p?x=1#f'), 'session', '{"a":1}')).toBe('http://a.example/p?x=1&session=%7B%22a%22%3A1%7D#f');
  });
});
