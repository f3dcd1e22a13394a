import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, PASSWORD, registerApp, signedInBrowser } from './page-kit.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Presses the button `name` (with `value`, if given) in the form that holds it, adding `fields`. */
function press(browser: Browserless, page: PageResponse, name: string, value?: string, fields: Record<string, string> = {}): Promise<PageResponse> {
  const form = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === name && (value === undefined || button.value === value)));
  if (!form) throw new Error(`no ${name}=${value} button on the page: ${pageText(page.body)}`);
  const button = form.buttons.find((candidate) => candidate.name === name && (value === undefined || candidate.value === value))!;
  const pairs = form.fields.filter(([field]) => !(field in fields));
  return browser.post(new URL(form.action, page.url).href, [...pairs, ...Object.entries(fields), [name, button.value]]);
}

async function friends(...people: Person[]): Promise<void> {
  for (const other of people.slice(1)) await server.services.friends.addDirectly(people[0]!.uid, other.uid);
}

/** The text of each post on the page, in order. */
function stories(page: PageResponse): string[] {
  return [...page.body.matchAll(/<article class="story"[\s\S]*?<\/article>/g)].map((match) => pageText(match[0]));
}

describe('the front page (signed out)', () => {
  it('says what Hearth is and signs people in, at / and /home.php', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const browser = new Browserless(server.url);
    for (const path of ['/', '/home.php']) {
      const page = await browser.get(path);
      expect(page.status).toBe(200);
      expect(pageText(page.body)).toContain('Hearth is a self-hosted social platform');
      expect(pageText(page.body)).toContain('classic Facebook Platform');
      expect(formNames(page)).toEqual(expect.arrayContaining(['email', 'pass', 'csrf_token']));
      expect(page.body).toContain('<a class="brand" href="/">hearth</a>');
    }
    const wrong = await browser.submit(await browser.get('/'), { fields: { email: ada.email, pass: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
    expect(pageText(wrong.body)).toContain('self-hosted social platform');

    const signedIn = await browser.submit(await browser.get('/'), { fields: { email: ada.email, pass: PASSWORD } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe(`${server.url}/home.php`);
    const feed = await browser.get('/home.php');
    expect(pageText(feed.body)).toContain('News feed');
    expect(pageText(feed.body)).toContain('Nothing here yet.');
    // Every place of one's own is a link away from the feed, and each link leads to a page.
    const links = [`/profile.php?id=${ada.uid}`, '/friends.php', '/inbox/', `/photos.php?id=${ada.uid}`, '/events.php', '/groups.php', '/pages.php', '/editapps.php', '/editprofile.php', '/settings.php', '/developers/'];
    for (const href of links) {
      expect(feed.body).toContain(`href="${href}"`);
      expect((await browser.get(href)).status, href).toBe(200);
    }
  });

  it('refuses a sign-in without the form token', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const response = await new Browserless(server.url).post('/home.php', { email: ada.email, pass: PASSWORD });
    expect(response.status).toBe(403);
  });

  it('every page links home from its logo, the 404 page too', async () => {
    const missing = await new Browserless(server.url).get('/no-such-page');
    expect(missing.status).toBe(404);
    expect(missing.body).toContain('<a class="brand" href="/">hearth</a>');
  });
});

describe('the news feed', () => {
  it('posts a status from the composer: it is the first post and the current status', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const browser = await signedInBrowser(server, ada);
    const home = await browser.get('/home.php');
    const posted = await press(browser, home, 'publish', '1', { message: 'is computing Bernoulli numbers' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`${server.url}/home.php`);
    const feed = await browser.get('/home.php');
    expect(stories(feed)[0]).toContain('Ada Lovelace is computing Bernoulli numbers');
    expect((await server.services.status.current(ada.uid))?.message).toBe('is computing Bernoulli numbers');
  });

  it('refuses an empty post and a link that is not http(s), and shares an http link', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const browser = await signedInBrowser(server, ada);
    const home = await browser.get('/home.php');
    expect((await press(browser, home, 'publish', '1', { message: '  ' })).status).toBe(400);
    const script = await press(browser, home, 'publish', '1', { link: 'javascript:alert(1)' });
    expect(script.status).toBe(400);
    expect(pageText(script.body)).toContain('is not an http:// or https:// address');
    expect(stories(await browser.get('/home.php'))).toEqual([]);

    await press(browser, home, 'publish', '1', { message: 'Worth reading', link: 'https://example.org/engine' });
    const feed = await browser.get('/home.php');
    expect(feed.body).toContain('<a href="https://example.org/engine" rel="nofollow noopener noreferrer" target="_blank">https://example.org/engine</a>');
    expect(stories(feed)[0]).toContain('example.org');
    // A link post is no status.
    expect(await server.services.status.current(ada.uid)).toBeUndefined();
  });

  it('comments, likes, unlikes and removes', async () => {
    const [ada, bob] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson')];
    await friends(ada, bob);
    const { postId } = await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: 'Engines!', attachment: null, actionLinks: null });
    const bobBrowser = await signedInBrowser(server, bob);

    const feed = await bobBrowser.get('/home.php');
    expect(stories(feed)[0]).toContain('Ada Lovelace Engines!');
    const commented = await press(bobBrowser, feed, 'comment', postId, { text: 'Splendid <b>work</b>' });
    expect(commented.status).toBe(303);
    expect(commented.location).toBe(`${server.url}/home.php#post-${postId}`);
    const liked = await press(bobBrowser, await bobBrowser.get('/home.php'), 'like', postId);
    expect(liked.status).toBe(303);
    let page = await bobBrowser.get('/home.php');
    expect(stories(page)[0]).toContain('Bob Bobson Splendid <b>work</b>');
    expect(page.body).toContain('Splendid &lt;b&gt;work&lt;/b&gt;');
    expect(stories(page)[0]).toContain('You like this.');
    expect(parseForms(page.body).some((form) => form.buttons.some((button) => button.name === 'unlike' && button.value === postId))).toBe(true);
    // Bob may not remove Ada's post: no button.
    expect(parseForms(page.body).some((form) => form.buttons.some((button) => button.name === 'remove'))).toBe(false);

    const adaBrowser = await signedInBrowser(server, ada);
    const adaFeed = await adaBrowser.get('/home.php');
    expect(stories(adaFeed)[0]).toContain('Bob Bobson likes this.');

    await press(bobBrowser, page, 'unlike', postId);
    page = await bobBrowser.get('/home.php');
    expect(stories(page)[0]).not.toContain('like this');

    // Bob removing the post anyway is refused; Ada removes it.
    const refused = await bobBrowser.post('/stream.php', { csrf_token: bobBrowser.cookie('hearth_csrf')!, remove: postId, back: '/home.php' });
    expect(refused.status).toBe(403);
    const removed = await press(adaBrowser, await adaBrowser.get('/home.php'), 'remove', postId);
    expect(removed.status).toBe(303);
    expect(stories(await adaBrowser.get('/home.php'))).toEqual([]);
    expect(await server.services.stream.find(postId)).toBeUndefined();
  });

  it('shows friends’ posts and app stories with “via”, never a stranger’s', async () => {
    const [ada, bob, dee] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Dee Stranger')];
    await friends(ada, bob);
    const app = await registerApp(server, { name: 'Word Game' });
    await server.services.stream.publish({ actor: bob.uid, wall: bob.uid, appId: app.appId, type: 237, message: 'scored 40', attachment: { name: 'Play Word Game', href: 'https://game.example.org/' }, actionLinks: [{ text: 'Play now', href: 'https://game.example.org/play' }] });
    await server.services.stream.publish({ actor: dee.uid, wall: dee.uid, appId: null, type: 46, message: 'secret of a stranger', attachment: null, actionLinks: null });
    const feed = await (await signedInBrowser(server, ada)).get('/home.php');
    expect(stories(feed)).toHaveLength(1);
    expect(stories(feed)[0]).toContain('Bob Bobson scored 40');
    expect(stories(feed)[0]).toContain('via Word Game');
    expect(feed.body).toContain('href="https://game.example.org/play"');
    expect(feed.body).not.toContain('secret of a stranger');
  });

  it('shows 20 posts at a time, with a plain link to the older ones', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const start = Date.now() - 100_000;
    for (let n = 1; n <= 25; n++) {
      await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: `post number ${n}`, attachment: null, actionLinks: null }, new Date(start + n * 1000));
    }
    const browser = await signedInBrowser(server, ada);
    const first = await browser.get('/home.php');
    expect(stories(first)).toHaveLength(20);
    expect(stories(first)[0]).toContain('post number 25');
    const more = /<a class="button secondary" href="([^"]+)">Older posts<\/a>/.exec(first.body)?.[1];
    expect(more).toMatch(/^\/home\.php\?before=\d+_\d+$/);
    const second = await browser.get(more!);
    expect(stories(second).map((text) => /post number (\d+)/.exec(text)?.[1])).toEqual(['5', '4', '3', '2', '1']);
    expect(second.body).not.toContain('Older posts');
  });

  it('narrows the feed to a friend list or an app, listed above it, and keeps the filter on older pages', async () => {
    const [ada, bob, cy] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cy Clerk')];
    await friends(ada, bob, cy);
    const list = await server.services.friendLists.create(ada.uid, 'Close friends');
    await server.services.friendLists.addMember(ada.uid, list.flid, bob.uid);
    const app = await registerApp(server, { name: 'Word Game' });
    await server.services.grants.authorize(ada.uid, app);
    const start = Date.now() - 100_000;
    for (let n = 1; n <= 22; n++) {
      await server.services.stream.publish({ actor: bob.uid, wall: bob.uid, appId: null, type: 46, message: `bob says ${n}`, attachment: null, actionLinks: null }, new Date(start + n * 1000));
    }
    await server.services.stream.publish({ actor: cy.uid, wall: cy.uid, appId: app.appId, type: 237, message: 'cy scored 40', attachment: null, actionLinks: null }, new Date(start + 50_000));
    await server.services.stream.publish({ actor: cy.uid, wall: cy.uid, appId: null, type: 46, message: 'cy is out', attachment: null, actionLinks: null }, new Date(start + 60_000));
    const browser = await signedInBrowser(server, ada);

    const home = await browser.get('/home.php');
    const filters = [...home.body.matchAll(/<nav class="stream-filters"[\s\S]*?<\/nav>/g)].map((match) => pageText(match[0]))[0];
    expect(filters).toBe('News Feed Close friends Word Game');
    expect(home.body).toContain('<a href="/home.php" aria-current="page">News Feed</a>');
    expect(stories(home)[0]).toContain('cy is out');

    const close = await browser.get(`/home.php?filter=fl_${list.flid}`);
    expect(close.status).toBe(200);
    expect(pageText(close.body)).toContain('Close friends');
    expect(stories(close)).toHaveLength(20);
    expect(stories(close).every((text) => text.includes('bob says'))).toBe(true);
    const more = /<a class="button secondary" href="([^"]+)">Older posts<\/a>/.exec(close.body)?.[1]?.replace(/&amp;/g, '&');
    expect(more).toMatch(new RegExp(`^/home\\.php\\?filter=fl_${list.flid}&before=\\d+_\\d+$`));
    expect(stories(await browser.get(more!)).map((text) => /bob says (\d+)/.exec(text)?.[1])).toEqual(['2', '1']);

    const game = await browser.get(`/home.php?filter=app_${app.appId}`);
    expect(stories(game)).toHaveLength(1);
    expect(stories(game)[0]).toContain('cy scored 40');

    for (const key of ['fl_999999', 'app_x', `fl_${list.flid}'`]) {
      const refused = await browser.get(`/home.php?filter=${encodeURIComponent(key)}`);
      expect(refused.status).toBe(404);
      expect(pageText(refused.body)).toContain('No such filter');
    }
    // An app Ada has not allowed is not one of her filters, though it posts in her feed.
    const other = await registerApp(server, { name: 'Other Game' });
    await server.services.stream.publish({ actor: cy.uid, wall: cy.uid, appId: other.appId, type: 237, message: 'cy won', attachment: null, actionLinks: null });
    expect((await browser.get(`/home.php?filter=app_${other.appId}`)).status).toBe(404);
    // Someone else's list is not one of Ada's filters.
    const bobs = await server.services.friendLists.create(bob.uid, 'Bob’s list');
    expect((await browser.get(`/home.php?filter=fl_${bobs.flid}`)).status).toBe(404);
  });

  it('a post’s own page shows all its comments', async () => {
    const ada = await server.createPerson('Ada Lovelace');
    const { postId } = await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: 'Talk to me', attachment: null, actionLinks: null });
    for (let n = 1; n <= 4; n++) await server.services.stream.addComment(ada.uid, postId, `comment ${n}`);
    const browser = await signedInBrowser(server, ada);
    const feed = await browser.get('/home.php');
    expect(stories(feed)[0]).toContain('View all 4 comments');
    expect(stories(feed)[0]).not.toContain('comment 1');
    const single = await browser.get(`/home.php?post=${postId}`);
    expect(single.status).toBe(200);
    for (let n = 1; n <= 4; n++) expect(stories(single)[0]).toContain(`comment ${n}`);
    expect((await browser.get('/home.php?post=1_999999')).status).toBe(404);
  });
});

describe('/logout.php', () => {
  it('offers to sign in again once signed out', async () => {
    const page = await new Browserless(server.url).get('/logout.php');
    expect(pageText(page.body)).toContain('You are signed out');
    expect(page.body).toContain('<a class="button" href="/home.php">Sign in again</a>');
    const app = await registerApp(server, { name: 'Word Game' });
    const withApp = await new Browserless(server.url).get(`/logout.php?api_key=${app.apiKey}`);
    expect(withApp.body).toContain(`href="/login.php?api_key=${app.apiKey}&amp;v=1.0"`);
  });
});
