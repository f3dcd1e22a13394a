import { describe, expect, it } from 'vitest';
import { html, trustedHtml } from '../../src/http/page-kit/templates.js';

describe('html templates', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const name = `<script>alert(1)</script> & "quotes" 'single'`;
    expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
      '<p title="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;single&#39;</p>',
    );
  });

  it('nests fragments and lists of fragments without escaping them twice', () => {
    const items = ['a&b', '<c>'].map((item) => html`<li>${item}</li>`);
    expect(html`<ul>${items}</ul>`.toString()).toBe('<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul>');
  });

  it('renders nothing for false, null and undefined, and numbers as text', () => {
    expect(html`${false}${null}${undefined}${0}${trustedHtml('<br>')}`.toString()).toBe('0<br>');
  });

  it('does not take a look-alike object as trusted markup', () => {
    const fake = { toString: () => '<b>' } as unknown as string;
    expect(html`${fake}`.toString()).toBe('&lt;b&gt;');
  });
});
