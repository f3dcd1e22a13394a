import { describe, expect, it } from 'vitest';
import { allowedUrl } from '../../src/fbml/url-policy.js';
import { filterStyle } from '../../src/fbml/style-filter.js';

describe('fbml: allowedUrl', () => {
  it('links take http, https, mailto and relative URLs, trimmed', () => {
    expect(allowedUrl('  https://a.example/x?y=1  ', 'link')).toBe('https://a.example/x?y=1');
    expect(allowedUrl('MAILTO:ada@example.org', 'link')).toBe('MAILTO:ada@example.org');
    expect(allowedUrl('../up', 'link')).toBe('../up');
    expect(allowedUrl('http:relative', 'link')).toBe('http:relative');
  });

  it('images and forms take absolute http(s) only', () => {
    expect(allowedUrl('https://a.example/i.png', 'image')).toBe('https://a.example/i.png');
    expect(allowedUrl('http:/a.example/i.png', 'image')).toBeUndefined();
    expect(allowedUrl('//a.example/i.png', 'image')).toBeUndefined();
    expect(allowedUrl('mailto:a@example.org', 'form')).toBeUndefined();
    expect(allowedUrl('/answer', 'form')).toBeUndefined();
  });

  it('refuses any other scheme and anything that mentions script: or data:, through every disguise', () => {
    for (const url of ['javascript:x', 'java\tscript:x', 'java\u00a0script:x', '\u0001javascript:x', 'java\u200bscript:x', 'JAVASCRIPT:x', 'vbscript:x', 'livescript:x', 'data:text/html,x', 'ftp://a.example/', 'https://a.example/?next=javascript:x', '\ufffdjavascript:x', '', '   ']) {
      expect(allowedUrl(url, 'link'), JSON.stringify(url)).toBeUndefined();
    }
  });
});

describe('fbml: filterStyle', () => {
  it('keeps allowed declarations as "property: value", joined with "; "', () => {
    expect(filterStyle(' Color:RED;;font-family: "Lucida Grande", Verdana ;border:1px solid rgb(0, 0, 0)')).toEqual({
      style: 'color: RED; font-family: "Lucida Grande", Verdana; border: 1px solid rgb(0, 0, 0)',
      removed: [],
    });
  });

  it('removes declarations with unbalanced quotes or parentheses, unknown functions, or no value', () => {
    expect(filterStyle('font-family: "a; color: red; width: calc(1px + 2px); height:; color: blue').removed).toEqual([
      'font-family: unbalanced quotes or parentheses',
      'width: function calc not allowed',
      'height: no value',
    ]);
  });

  it('allows url() only for images on background and list-style properties', () => {
    expect(filterStyle('background-image: url("https://a.example/b.png")').style).toBe('background-image: url("https://a.example/b.png")');
    expect(filterStyle('border-image: url(https://a.example/b.png)').removed).toEqual(['border-image: property not allowed']);
    expect(filterStyle('background: url(https://a.example/b.png?q=(1))').removed).toEqual(['background: url() must be an absolute http(s) image']);
  });
});
