/**
 * The canvas page itself: fb:redirect, fb:title, fb:iframe, fb:prompt-permission,
 * fb:google-analytics, fb:js-string, unknown tags, the link rewriting of canvas pages, the viewer
 * defaults, and that profile boxes still refuse the canvas-only tags.
 */
import { describe, expect, it } from 'vitest';
import { renderProfileBox } from '../../src/fbml/index.js';
import { ADA, API_KEY, APP_ID, BOB, CY, DEE, canvasHtml, canvasPage, renderCanvas, testServices } from './fbml-canvas-kit.js';

describe('fbml canvas: fb:redirect', () => {
  it('a relative URL resolves against the canvas page', async () => {
    expect(await renderCanvas('<p>before</p><fb:redirect url="next.php?x=1"/><p>after</p>', ADA)).toEqual({ kind: 'redirect', url: '/apps/quiz/play/next.php?x=1' });
    expect(await renderCanvas('<fb:redirect url="/apps/quiz/"/>', ADA)).toEqual({ kind: 'redirect', url: '/apps/quiz/' });
  });

  it('a URL under the callback URL becomes the canvas URL; other sites are left as they are', async () => {
    expect(await renderCanvas('<fb:redirect url="http://quiz.example/fb/step.php?to=5"/>', ADA)).toEqual({ kind: 'redirect', url: '/apps/quiz/step.php?to=5' });
    expect(await renderCanvas('<fb:redirect url="http://apps.facebook.com/quiz/done"/>', ADA)).toEqual({ kind: 'redirect', url: '/apps/quiz/done' });
    const login = 'http://www.facebook.com/login.php?api_key=K&v=1.0&next=http%3A%2F%2Fquiz.example%2Ffb%2F&canvas=1';
    expect(await renderCanvas(`<fb:redirect url="${login.replaceAll('&', '&amp;')}"/>`, undefined)).toEqual({ kind: 'redirect', url: login });
  });

  it('a scheme-relative URL names another site, and stays absolute', async () => {
    expect(await renderCanvas('<fb:redirect url="//other.example/x"/>', ADA)).toEqual({ kind: 'redirect', url: 'http://other.example/x' });
  });

  it('with an absolute canvas base, redirects are absolute', async () => {
    const options = { canvasBase: 'http://apps.hearth.example/quiz/', pagePath: '' };
    expect(await renderCanvas('<fb:redirect url="next.php"/>', ADA, options)).toEqual({ kind: 'redirect', url: 'http://apps.hearth.example/quiz/next.php' });
    expect(await renderCanvas('<fb:redirect url="http://quiz.example/fb/a"/>', ADA, options)).toEqual({ kind: 'redirect', url: 'http://apps.hearth.example/quiz/a' });
  });

  it('only a redirect that renders counts, and the first one wins', async () => {
    expect(await renderCanvas('<fb:if-is-app-user><fb:redirect url="a.php"/><fb:else><fb:redirect url="b.php"/></fb:else></fb:if-is-app-user>', DEE)).toEqual({ kind: 'redirect', url: '/apps/quiz/play/b.php' });
    expect(await renderCanvas('<fb:redirect url="one.php"/><fb:redirect url="two.php"/>', ADA)).toEqual({ kind: 'redirect', url: '/apps/quiz/play/one.php' });
  });

  it('a missing or refused URL is reported and the page is shown', async () => {
    expect(await renderCanvas('<fb:redirect/>ok', ADA)).toEqual({ kind: 'page', html: 'ok', problems: ['fb:redirect: required attribute "url" is missing; ignored'] });
    expect(await renderCanvas('<fb:redirect url="mailto:a@b.example"/>ok', ADA)).toMatchObject({ kind: 'page', html: 'ok' });
  });
});

describe('fbml canvas: fb:title', () => {
  it('becomes the page title as text, and is not shown', async () => {
    expect(await canvasPage('<fb:title>Quiz <b>scores</b> &amp; more</fb:title><p>x</p><fb:title>second</fb:title>', ADA)).toEqual({ kind: 'page', html: '<p>x</p>', title: 'Quiz scores & more', problems: [] });
  });

  it('no title: none in the result', async () => {
    expect(await canvasPage('<p>x</p>', ADA)).toEqual({ kind: 'page', html: '<p>x</p>', problems: [] });
  });
});

describe('fbml canvas: fb:iframe', () => {
  it("inside the callback domain: the proxy's personal parameters are appended, before the fragment", async () => {
    expect(await canvasHtml('<fb:iframe src="http://www.quiz.example/frame?x=1#top" width="300" height="200" frameborder="0" scrolling="no" name="game"/>', ADA)).toBe(
      '<iframe class="fbml-iframe" src="http://www.quiz.example/frame?x=1&amp;fb_sig_in_iframe=1&amp;fb_sig_user=U&amp;fb_sig=S#top" width="300" height="200" frameborder="0" scrolling="no" name="game"></iframe>',
    );
  });

  it('elsewhere: only the non-personal ones; defaults 646×800, a border, scrolling', async () => {
    expect(await canvasHtml('<fb:iframe src="https://other.example/"/>', ADA)).toBe(
      '<iframe class="fbml-iframe" src="https://other.example/?fb_sig_in_iframe=1&amp;fb_sig=S" width="646" height="800" frameborder="1" scrolling="yes"></iframe>',
    );
    expect(await canvasHtml('<fb:iframe src="http://notquiz.example/"/>', ADA)).toContain('?fb_sig_in_iframe=1&amp;fb_sig=S"');
  });

  it('the src of an iframe is never rewritten to the canvas', async () => {
    expect(await canvasHtml('<fb:iframe src="http://quiz.example/fb/frame"/>', ADA)).toContain('src="http://quiz.example/fb/frame?fb_sig_in_iframe=1');
  });

  it("refuses relative sources, other schemes and this server's own host", async () => {
    for (const src of ['frame.php', 'javascript:x()', 'http://hearth.example/logout.php']) {
      const page = await canvasPage(`<fb:iframe src="${src}"/>`, ADA);
      expect(page.html, src).toBe('');
      expect(page.problems[0], src).toMatch(/^fb:iframe: src .* must be an absolute http\(s\) URL of another server; removed$/);
    }
  });
});

describe('fbml canvas: fb:prompt-permission', () => {
  it("links to the permission prompt with the app's key, the permissions and this page to come back to", async () => {
    expect(await canvasHtml('<fb:prompt-permission perms="email, publish_stream,email">Let us mail you</fb:prompt-permission>', ADA)).toBe(
      `<a class="fbml-prompt-permission" href="/authorize.php?api_key=${API_KEY}&amp;v=1.0&amp;ext_perm=email%2Cpublish_stream&amp;next=http%3A%2F%2Fquiz.example%2Ffb%2Fplay%2Fstep.php%3Fto%3D1&amp;canvas=1">Let us mail you</a>`,
    );
  });

  it('without permissions it is only its text', async () => {
    expect(await canvasPage('<fb:prompt-permission>Allow</fb:prompt-permission>', ADA)).toMatchObject({ html: 'Allow', problems: ['fb:prompt-permission: required attribute "perms" names no permission; shown without a link'] });
  });
});

describe('fbml canvas: fb:google-analytics and fb:js-string', () => {
  it('fb:google-analytics writes nothing unless the operator turned it on', async () => {
    expect(await canvasHtml('<fb:google-analytics uacct="UA-12345-1"/>', ADA)).toBe('');
  });

  it('when on: the tracker with the account and page as script strings that cannot end the script', async () => {
    expect(await canvasHtml('<fb:google-analytics uacct="UA-12345-1" page="/x&lt;/script&gt;"/>', ADA, { googleAnalytics: true })).toBe(
      '<script src="https://ssl.google-analytics.com/urchin.js"></script><script>_uacct = "UA-12345-1"; urchinTracker("\\u002fx\\u003c\\u002fscript\\u003e");</script>',
    );
    expect(await canvasPage('<fb:google-analytics uacct="UA-1&quot;;alert(1);//"/>', ADA, { googleAnalytics: true })).toMatchObject({ html: '' });
  });

  it('fb:js-string renders nothing', async () => {
    expect(await canvasHtml('a<fb:js-string var="dialog.text">Hello <fb:name uid="loggedinuser"/></fb:js-string>b', ADA)).toBe('ab');
  });
});

describe('fbml canvas: unknown tags', () => {
  it('show their content; developers also get a comment naming the tag', async () => {
    expect(await canvasPage('<fb:sparkle><b>hi</b></fb:sparkle>', ADA)).toEqual({ kind: 'page', html: '<b>hi</b>', problems: ['<fb:sparkle>: unknown FBML tag; its content is shown without it'] });
    expect(await canvasHtml('<fb:sparkle><b>hi</b></fb:sparkle>', ADA, { developerComments: true })).toBe('<!-- FBML: unknown tag <fb:sparkle> --><b>hi</b>');
  });

  it('a tag name cannot end the comment', async () => {
    expect(await canvasHtml('<fb:x--!>y</fb:x--!>', ADA, { developerComments: true })).toBe('<!-- FBML: unknown tag <fb:x-?> -->y');
  });
});

describe('fbml canvas: links and forms', () => {
  it('links and form actions under the callback URL become canvas links; images and other sites stay', async () => {
    expect(
      await canvasHtml('<a href="http://quiz.example/fb/top.php?a=1">t</a><a href="HTTP://QUIZ.EXAMPLE/fb/">r</a><a href="http://elsewhere.example/">e</a><form action="http://quiz.example/fb/save.php"></form><img src="http://quiz.example/fb/pic.png">', ADA),
    ).toBe('<a href="/apps/quiz/top.php?a=1">t</a><a href="/apps/quiz/">r</a><a href="http://elsewhere.example/">e</a><form action="/apps/quiz/save.php"></form><img src="http://quiz.example/fb/pic.png">');
  });

  it("links to the app's apps.facebook.com canvas come back to this canvas; another app's lead to its canvas here", async () => {
    expect(await canvasHtml('<a href="http://apps.facebook.com/quiz/play.php">p</a><a href="http://apps.facebook.com/other/">o</a>', ADA)).toBe(
      '<a href="/apps/quiz/play.php">p</a><a href="/apps/other/">o</a>',
    );
  });

  it('a callback URL without its trailing slash is joined as text, as the proxy joins it', async () => {
    expect(await canvasHtml('<a href="http://quiz.example/fb/x.php">x</a>', ADA, { callbackUrl: 'http://quiz.example/fb' })).toBe('<a href="/apps/quiz//x.php">x</a>');
  });

  it('relative form actions post through the canvas; ones that leave it are refused', async () => {
    const page = await canvasPage('<form action="save.php"></form><form action="../../logout.php"></form><form action="/home.php"></form>', ADA);
    expect(page.html).toBe('<form action="save.php"></form><form></form><form></form>');
    expect(page.problems).toEqual([
      '<form action="../../logout.php">: only absolute http(s) URLs are allowed, and relative ones inside the canvas; removed',
      '<form action="/home.php">: only absolute http(s) URLs are allowed, and relative ones inside the canvas; removed',
    ]);
  });

  it("absolute URLs of this canvas on this server are canvas URLs; this server's other pages are not", async () => {
    const page = await canvasPage('<form action="https://hearth.example/apps/quiz/save.php"></form><form action="http://hearth.example/logout.php"></form>', ADA);
    expect(page.html).toBe('<form action="/apps/quiz/save.php"></form><form></form>');
    expect(page.problems).toEqual(["<form action=\"http://hearth.example/logout.php\">: may not point at this server's own pages; removed"]);
    const absolute = { canvasBase: 'http://apps.hearth.example/quiz/', platformHost: 'apps.hearth.example' };
    expect(await canvasHtml('<form action="http://apps.hearth.example/quiz/save.php"></form>', ADA, absolute)).toBe('<form action="http://apps.hearth.example/quiz/save.php"></form>');
  });

  it('element ids are prefixed with the app, as in profile boxes', async () => {
    expect(await canvasHtml('<div id="score"><label for="score">s</label></div>', ADA)).toBe(`<div id="app${APP_ID}_score"><label for="app${APP_ID}_score">s</label></div>`);
  });
});

describe('fbml canvas: viewers', () => {
  it('fb:if-is-app-user and fb:if-user-has-added-app ask about the viewer, known from the request', async () => {
    const asked: string[] = [];
    const fbml = '<fb:if-is-app-user>in<fb:else>out</fb:else></fb:if-is-app-user>/<fb:if-user-has-added-app>added<fb:else>not</fb:else></fb:if-user-has-added-app>';
    expect(await canvasHtml(fbml, ADA, { services: testServices(asked) })).toBe('in/added');
    expect(await canvasHtml(fbml, DEE, { services: testServices(asked) })).toBe('out/not');
    expect(await canvasHtml(fbml, undefined, { services: testServices(asked) })).toBe('out/not');
    expect(asked).toEqual([]);
    expect(await canvasHtml(`<fb:if-is-app-user uid="${CY.uid}">cy uses it</fb:if-is-app-user>`, DEE)).toBe('cy uses it');
  });

  it('there is no profile owner: profileowner names nobody and fb:if-is-own-profile is false', async () => {
    expect(await canvasHtml('<fb:name uid="profileowner"/>|<fb:if-is-own-profile>own<fb:else>not own</fb:else></fb:if-is-own-profile>', ADA)).toBe('Facebook User|not own');
  });

  it('the canvas is a wide column', async () => {
    expect(await canvasHtml('<fb:wide>W</fb:wide><fb:narrow>N</fb:narrow>', BOB)).toBe('W');
  });
});

describe('fbml canvas: profile boxes are unchanged', () => {
  it('still refuse the canvas-only tags with their content', async () => {
    const box = await renderProfileBox(
      { fbml: '<fb:iframe src="http://quiz.example/"/><fb:redirect url="x"/><fb:dashboard>d</fb:dashboard><fb:request-form type="t" content="c">r</fb:request-form>ok', ownerUid: ADA.uid, viewerUid: ADA.uid, appId: APP_ID, position: 'wide' },
      testServices(),
    );
    expect(box).toEqual({
      html: 'ok',
      problems: [
        '<fb:iframe>: iframes are canvas-only; removed with its content',
        '<fb:redirect>: redirects are canvas-only; removed with its content',
        '<fb:dashboard>: unknown FBML tag; removed with its content',
        '<fb:request-form>: unknown FBML tag; removed with its content',
      ],
    });
  });
});

describe('fbml: links to the platform’s own pages', () => {
  const fbml =
    '<a href="http://www.facebook.com/profile.php?id=500000002">Bob</a> <a href="https://apps.facebook.com/otherapp/play?x=1#top">play</a> <a href="http://www.facebook.com.evil.example/x">not ours</a> <a href="http://example.org/">elsewhere</a>';

  it('in a profile box, lead to this server’s pages; other sites are left alone', async () => {
    const box = await renderProfileBox({ fbml, ownerUid: ADA.uid, viewerUid: ADA.uid, appId: APP_ID, position: 'wide' }, testServices());
    expect(box.html).toContain('href="/profile.php?id=500000002"');
    expect(box.html).toContain('href="/apps/otherapp/play?x=1#top"');
    expect(box.html).toContain('href="http://www.facebook.com.evil.example/x"');
    expect(box.html).toContain('href="http://example.org/"');
  });

  it('on a canvas page too, where this app’s own canvas links stay canvas links', async () => {
    const html = await canvasHtml(`${fbml} <a href="http://apps.facebook.com/quiz/next">next</a>`, ADA);
    expect(html).toContain('href="/profile.php?id=500000002"');
    expect(html).toContain('href="/apps/otherapp/play?x=1#top"');
    expect(html).toContain('href="/apps/quiz/next"');
    expect(html).toContain('href="http://example.org/"');
  });
});
