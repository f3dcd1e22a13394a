import { describe, expect, it } from 'vitest';
import { newKey, parseAppType, parseCallbackUrl, parseRateLimit } from '../../src/features/apps/app-service.js';
import { InvalidInputError } from '../../src/dispatch/invalid-input-error.js';
import { catchError } from './support/catch-error.js';

describe('app-service: parseRateLimit', () => {
  it('reads REQUESTS/SECONDS', () => {
    expect(parseRateLimit('1000/3600')).toEqual({ requests: 1000, windowSeconds: 3600 });
    expect(parseRateLimit('1/1')).toEqual({ requests: 1, windowSeconds: 1 });
  });

  it('allows spaces around the numbers and a trailing s', () => {
    expect(parseRateLimit(' 10 / 60 ')).toEqual({ requests: 10, windowSeconds: 60 });
    expect(parseRateLimit('10/60s')).toEqual({ requests: 10, windowSeconds: 60 });
    expect(parseRateLimit('10/60 s')).toEqual({ requests: 10, windowSeconds: 60 });
  });

  it('reads none (any case, trimmed) as no limit', () => {
    expect(parseRateLimit('none')).toBeNull();
    expect(parseRateLimit('NONE')).toBeNull();
    expect(parseRateLimit(' None ')).toBeNull();
  });

  it.each(['', '1000', '/3600', '1000/', '0/60', '10/0', '-1/60', '1.5/60', '10/60m', 'ten/60', '10:60', '10/60/2', '99999999999999999999/60', 'unlimited'])(
    'refuses %j with InvalidInputError',
    (text) => {
      const error = catchError(InvalidInputError, () => parseRateLimit(text));
      expect(error.message).toBe(`rate limit must be REQUESTS/SECONDS such as 1000/3600, or none; got ${JSON.stringify(text)}`);
    },
  );
});

describe('app-service: parseCallbackUrl', () => {
  it('accepts absolute http and https URLs and returns them as typed', () => {
    expect(parseCallbackUrl('http://example.com/callback')).toBe('http://example.com/callback');
    expect(parseCallbackUrl('https://apps.example.org:8443/fb/?x=1#top')).toBe('https://apps.example.org:8443/fb/?x=1#top');
    expect(parseCallbackUrl('HTTP://Example.COM')).toBe('HTTP://Example.COM');
  });

  it.each(['', 'example.com/callback', '/callback', 'not a url', '//example.com/x'])('refuses %j as not a URL', (text) => {
    const error = catchError(InvalidInputError, () => parseCallbackUrl(text));
    expect(error.message).toBe(`callback URL is not a URL: ${JSON.stringify(text)}`);
  });

  it.each(['ftp://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,hi', 'mailto:a@b.c'])(
    'refuses %j for its scheme',
    (text) => {
      const error = catchError(InvalidInputError, () => parseCallbackUrl(text));
      expect(error.message).toBe(`callback URL must start with http:// or https://, not ${JSON.stringify(text)}`);
    },
  );
});

describe('app-service: parseAppType', () => {
  it('accepts web and desktop', () => {
    expect(parseAppType('web')).toBe('web');
    expect(parseAppType('desktop')).toBe('desktop');
  });

  it.each(['', 'Web', 'DESKTOP', ' web', 'mobile', 'canvas'])('refuses %j', (text) => {
    const error = catchError(InvalidInputError, () => parseAppType(text));
    expect(error.message).toBe(`app type must be web or desktop, not ${JSON.stringify(text)}`);
  });
});

describe('app-service: newKey', () => {
  it('makes 32 lower-case hex characters, different each time', () => {
    const a = newKey();
    const b = newKey();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).toMatch(/^[0-9a-f]{32}$/);
    expect(a).not.toBe(b);
  });
});
