import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenderedBox } from '../../src/fbml/index.js';
import { createFbmlWorld, type FbmlWorld } from './fbml-test-kit.js';

let world: FbmlWorld;
let appId: number;
beforeAll(async () => {
  world = await createFbmlWorld();
  appId = world.app.appId;
});
afterAll(() => world.store.close());

const render = (fbml: string): Promise<RenderedBox> => world.render(fbml, world.dee);
const html = async (fbml: string): Promise<string> => (await render(fbml)).html;

describe('fbml html: elements', () => {
  it('keeps allow-listed elements and escapes text', async () => {
    expect(await html('<p align="center">1 &lt; 2 &amp; <b>bold</b> <i>i</i> <u>u</u><br/>x</p><hr>')).toBe('<p align="center">1 &lt; 2 &amp; <b>bold</b> <i>i</i> <u>u</u><br>x</p><hr>');
    expect(await html('<ul type="disc"><li>a</li></ul><ol start="3"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>')).toBe('<ul type="disc"><li>a</li></ul><ol start="3"><li>b</li></ol><dl><dt>t</dt><dd>d</dd></dl>');
    expect(await html('<table border="1" cellpadding="2"><tr><th>h</th><td colspan="2" valign="TOP">d</td></tr></table>')).toBe('<table border="1" cellpadding="2"><tr><th>h</th><td colspan="2" valign="top">d</td></tr></table>');
    expect(await html('<font color="red" face="Verdana" size="2">f</font><center>c</center><blockquote cite="http://q.example/">q</blockquote>')).toBe('<font color="red" face="Verdana" size="2">f</font><center>c</center><blockquote cite="http://q.example/">q</blockquote>');
  });

  it('removes elements off the list with their content, and says so', async () => {
    const box = await render('a<script>__xss()</script><style>p{}</style><iframe src="http://x.example/">i</iframe><object data="x">o</object><embed src="x"><svg><g/></svg><math><mi>x</mi></math><link rel="stylesheet" href="http://x.example/s.css"><meta http-equiv="refresh" content="0"><base href="http://x.example/"><button>b</button><video>v</video>b');
    expect(box.html).toBe('ab');
    expect(box.problems).toEqual(['script', 'style', 'iframe', 'object', 'embed', 'svg', 'math', 'link', 'meta', 'base', 'button', 'video'].map((name) => `<${name}>: not allowed in profile boxes; removed with its content`));
  });

  it('drops comments, CDATA and declarations', async () => {
    expect(await html('a<!-- c --><!DOCTYPE html><![CDATA[x]]><?php echo 1 ?>b')).toBe('ab');
  });

  it('shows the content of html and body without them (stored before setFBML checked), drops head', async () => {
    const box = await render('<html><head><title>t</title></head><body>b</body></html>');
    expect(box.html).toBe('b');
    expect(box.problems).toEqual(['<html>: not allowed in FBML; its content is shown without it', '<head>: not allowed in profile boxes; removed with its content', '<body>: not allowed in FBML; its content is shown without it']);
  });
});

describe('fbml html: attributes', () => {
  it('removes attributes off the list, event handlers with a problem', async () => {
    const box = await render('<div onclick="__xss()" ONMOUSEOVER="__xss()" data-x="1" xmlns:fb="x" class="c" title="t">d</div>');
    expect(box.html).toBe('<div class="c" title="t">d</div>');
    expect(box.problems).toEqual(['<div onclick>: event handlers are not allowed; removed', '<div onmouseover>: event handlers are not allowed; removed']);
  });

  it('prefixes id and label for with the app', async () => {
    expect(await html('<label for="name">Name</label><input id="name" name="name" type="text">')).toBe(`<label for="app${appId}_name">Name</label><input id="app${appId}_name" name="name" type="text">`);
  });

  it('writes everything but printable ASCII as character references, in text and attributes', async () => {
    expect(await html('<span title="Zoë\'s 中文">Zoë\'s 中文 😀 &nbsp;</span>')).toBe('<span title="Zo&#xeb;&apos;s &#x4e2d;&#x6587;">Zo&#xeb;&apos;s &#x4e2d;&#x6587; &#x1f600; &#xa0;</span>');
  });

  it('escapes attribute values', async () => {
    expect(await html('<span title="&quot;&gt;&lt;script&gt;__xss()&lt;/script&gt;">x</span><span title=\'a"b&amp;c\'>y</span>')).toBe('<span title="&quot;&gt;&lt;script&gt;__xss()&lt;/script&gt;">x</span><span title="a&quot;b&amp;c">y</span>');
  });

  it('enumerated attributes keep only their words', async () => {
    const box = await render('<a href="/x" target="evil">x</a><div dir="rtl" align="javascript:x">y</div>');
    expect(box.html).toBe('<a href="/x">x</a><div dir="rtl">y</div>');
    expect(box.problems).toEqual(['<a target="evil">: must be one of _blank, _self, _parent, _top; removed', '<div align="javascript:x">: must be one of left, center, right, justify; removed']);
  });

  it('forms: action must be absolute http(s); only harmless input types; no formaction', async () => {
    const box = await render('<form action="https://quiz.example/answer" method="POST"><input type="hidden" name="q" value="1"><input type="password" name="p"><input type="image" src="http://x.example/i.png"><input type="submit" formaction="javascript:__xss()" value="Go"><select name="s"><option value="a" selected>A</option></select><textarea name="t" rows="2">&lt;/textarea&gt;</textarea></form><form action="javascript:__xss()">x</form><form action="/logout.php">y</form>');
    expect(box.html).toBe('<form action="https://quiz.example/answer" method="post"><input type="hidden" name="q" value="1"><input type="submit" value="Go"><select name="s"><option value="a" selected>A</option></select><textarea name="t" rows="2">&lt;/textarea&gt;</textarea></form><form>x</form><form>y</form>');
    expect(box.problems).toContain('<input type="password">: only text, hidden, submit, reset, button, checkbox, radio inputs are allowed; removed');
    expect(box.problems).toContain('<form action="/logout.php">: only absolute http(s) URLs are allowed; removed');
  });
});

describe('fbml html: URLs', () => {
  const href = async (value: string) => html(`<a href="${value}">x</a>`);

  it('links: http, https, mailto and relative URLs', async () => {
    for (const url of ['http://a.example/', 'HTTPS://a.example/p?q=1&amp;r=2', 'mailto:ada@example.org', '/profile.php?id=1', 'page.html', '#top', '?x=1', '//a.example/']) {
      expect(await href(url)).toBe(`<a href="${url.replace('HTTPS', 'HTTPS')}">x</a>`);
    }
  });

  it('links: no other scheme, however it is spelled', async () => {
    for (const url of ['javascript:__xss()', 'JaVaScRiPt:__xss()', ' javascript:__xss()', 'jav&#x09;ascript:__xss()', 'jav&#10;ascript:__xss()', '&#106;avascript:__xss()', '&#x6A;avascript:__xss()', 'javascript&colon;__xss()', 'java\0script:__xss()', 'vbscript:msgbox(1)', 'data:text/html;base64,PHNjcmlwdD5fX3hzcygpPC9zY3JpcHQ+', 'file:///etc/passwd', 'jar:http://x!/', '\u200Bjavascript:__xss()']) {
      expect(await href(url)).toBe('<a>x</a>');
    }
  });

  it('images: absolute http(s) only', async () => {
    expect(await html('<img src="https://pics.example/a.png" alt="a" width="10">')).toBe('<img src="https://pics.example/a.png" alt="a" width="10">');
    for (const src of ['/logout.php', 'a.png', '//pics.example/a.png', 'data:image/png;base64,AAAA', 'javascript:__xss()', 'http:/pics.example/a.png']) {
      const box = await render(`<img src="${src}" alt="a">`);
      expect(box.html).toBe('');
      expect(box.problems[0]).toContain('only absolute http(s) URLs are allowed');
    }
  });

  it("images, backgrounds, CSS url() and forms never point at the server's own host, however it is spelt", async () => {
    const onPage = (fbml: string) => world.render(fbml, world.dee, 'wide', 'hearth.example');
    for (const src of ['http://hearth.example/logout.php', 'https://HEARTH.example:8443/login.php?api_key=k', 'http://hearth.example./x.png', 'http://hearth.example\t/x.png']) {
      const box = await onPage(`<img src="${src}" alt="a">`);
      expect(box.html, src).toBe('');
      expect(box.problems[0]).toContain("may not point at this server's own pages");
    }
    expect((await onPage('<form action="http://hearth.example/friends.php"><input name="x"></form>')).problems[0]).toContain("may not point at this server's own pages");
    expect((await onPage('<div style="background: url(http://hearth.example/logout.php)">x</div>')).html).toBe('<div>x</div>');
    expect((await onPage('<table background="http://hearth.example/logout.php"><td>x</td></table>')).html).toBe('<table><td>x</td></table>');
    // Other hosts, and links to the server's pages (a click, not a load), are kept.
    expect((await onPage('<img src="http://pics.example/a.png" alt="a">')).html).toBe('<img src="http://pics.example/a.png" alt="a">');
    expect((await onPage('<a href="http://hearth.example/profile.php?id=1">p</a>')).html).toBe('<a href="http://hearth.example/profile.php?id=1">p</a>');
  });

  it('background attributes: absolute http(s) images', async () => {
    expect(await html('<table background="http://pics.example/bg.png"><td background="javascript:__xss()">x</td></table>')).toBe('<table background="http://pics.example/bg.png"><td>x</td></table>');
  });
});

describe('fbml html: style attributes', () => {
  it('keeps allowed declarations, normalised', async () => {
    expect(await html('<div style="COLOR:Red ; font-weight:bold;margin : 0 4px;background: url(http://pics.example/bg.png) no-repeat">x</div>')).toBe('<div style="color: Red; font-weight: bold; margin: 0 4px; background: url(http://pics.example/bg.png) no-repeat">x</div>');
  });

  it('drops dangerous declarations one by one', async () => {
    const box = await render('<div style="color: red; position: fixed; top: 0; z-index: 9; margin-top: -100px; cursor: url(http://x.example/c.cur); background: url(/bg.png); width: 10px">x</div>');
    expect(box.html).toBe('<div style="color: red; width: 10px">x</div>');
    expect(box.problems).toEqual([
      'style: position: only static and relative positions are allowed; removed',
      'style: top: property not allowed; removed',
      'style: z-index: property not allowed; removed',
      'style: margin-top: negative values are not allowed; removed',
      'style: cursor: property not allowed; removed',
      'style: background: url() must be an absolute http(s) image; removed',
    ]);
  });

  it('refuses the whole attribute for escapes, comments, expression() and friends', async () => {
    for (const style of ['color: red; width: expression(__xss())', 'color: red; x: \\65xpression(__xss())', 'color: red /* c */', 'color: red; -moz-binding: url(http://x.example/x.xml#x)', '@import url(http://x.example/x.css)', 'color: red; background: url(&quot;javascript:__xss()&quot;)', 'color: red} body {color: blue']) {
      const box = await render(`<div style="${style}">x</div>`);
      expect(box.html, style).toBe('<div>x</div>');
      expect(box.problems.length, style).toBe(1);
    }
  });
});

describe('fbml html: structure a browser keeps', () => {
  it('unwraps table parts, list items and options outside their parents', async () => {
    const box = await render('<td>cell</td><tr><th>h</th></tr><li>item</li><dd>d</dd><option>o</option><caption>c</caption>');
    expect(box.html).toBe('cellhitemdoc');
    expect(box.problems).toContain('<td> outside <table>/<thead>/<tbody>/<tfoot>/<tr>: shown without the tag');
    expect(box.problems).toContain('<li> outside <ul>/<ol>: shown without the tag');
  });

  it('closes elements where browsers do (the parser follows their rules)', async () => {
    expect(await html('<p>a<div>b</div>c</p>')).toBe('<p>a</p><div>b</div>c<p></p>');
    expect(await html('<ul><li>a<li>b</ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(await html('<select><option>a<input></select>')).toBe('<select><option>a</option></select><input>');
  });

  it('keeps tables whose rows and cells the browser completes', async () => {
    expect(await html('<table><td>a</td></table><table><tbody><td>b</td></tbody></table>')).toBe('<table><td>a</td></table><table><tbody><td>b</td></tbody></table>');
  });

  it('removes what may not sit directly in a table or a select', async () => {
    const box = await render('<table> <div>d</div><table><tr><td>x</td></tr></table>text<form>f</form><tr> <td>c</td> </tr></table><select><b>b</b><option>o<b>p</b></option></select>');
    expect(box.html).toBe('<table> <tr> <td>c</td> </tr></table><select><option>op</option></select>');
    expect(box.problems).toEqual([
      '<div> directly inside <table>: removed with its content',
      '<table> directly inside <table>: removed with its content',
      'text directly inside <table>: removed',
      '<form> directly inside <table>: removed with its content',
      '<b> directly inside <select>: removed with its content',
    ]);
  });

  it('unwraps a link in a link, a form in a form and a heading in a heading', async () => {
    expect(await html('<a href="/a">a<span><a href="/b">b</a></span></a>')).toBe('<a href="/a">a<span>b</span></a>');
    expect(await html(`<a href="/a">x <fb:name uid="${world.ada.uid}"/></a>`)).toBe('<a href="/a">x Ada Lovelace</a>');
    expect(await html('<form>a<form>b</form></form>')).toBe('<form>ab</form>');
    expect(await html('<h1>a<span><h2>b</h2></span></h1>')).toBe('<h1>a<span>b</span></h1>');
  });
});

describe('fbml html: size', () => {
  it('drops content nested more than 128 levels deep instead of overflowing the stack', async () => {
    const deep = await render(`${'<b>'.repeat(20_000)}x${'</b>'.repeat(20_000)}<i>after</i>`);
    expect(deep.html).toBe(`${'<b>'.repeat(128)}${'</b>'.repeat(128)}<i>after</i>`);
    expect(deep.problems).toEqual(['markup nested more than 128 levels deep: the deeper content is removed']);
    const fbml = await render(`${'<fb:fbml>'.repeat(20_000)}x`);
    expect(fbml.html).toBe('');
  });
});
