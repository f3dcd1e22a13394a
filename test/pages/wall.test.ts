import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { signedInBrowser } from './page-kit.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function stories(page: PageResponse): string[] {
  return [...page.body.matchAll(/<article class="story"[\s\S]*?<\/article>/g)].map((match) => pageText(match[0]));
}

function hasButton(page: PageResponse, name: string): boolean {
  return parseForms(page.body).some((form) => form.buttons.some((button) => button.name === name));
}

async function world() {
  const [ada, bob, dee] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Dee Stranger')];
  await server.services.friends.addDirectly(ada.uid, bob.uid);
  return { ada, bob, dee };
}

describe('the wall on profile.php', () => {
  it('a friend posts on Ada’s wall from her profile; it shows as “Bob ▸ Ada” on the wall and in Ada’s feed', async () => {
    const { ada, bob } = await world();
    const bobBrowser = await signedInBrowser(server, bob);
    const profile = await bobBrowser.get(`/profile.php?id=${ada.uid}`);
    expect(profile.status).toBe(200);
    expect(pageText(profile.body)).toContain('Post on Ada’s wall');
    const form = parseForms(profile.body).find((candidate) => candidate.buttons.some((button) => button.name === 'publish'))!;
    expect(form.fields).toContainEqual(['wall', String(ada.uid)]);
    const fields = form.fields.filter(([name]) => name !== 'message');
    const posted = await bobBrowser.post(form.action, [...fields, ['message', 'Happy birthday, Ada!'], ['publish', '1']]);
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`${server.url}/profile.php?id=${ada.uid}`);

    const wall = await bobBrowser.get(`/profile.php?id=${ada.uid}`);
    expect(stories(wall)[0]).toContain('Bob Bobson ▸ Ada Lovelace Happy birthday, Ada!');
    const adaFeed = await (await signedInBrowser(server, ada)).get('/home.php');
    expect(stories(adaFeed)[0]).toContain('Bob Bobson ▸ Ada Lovelace Happy birthday, Ada!');
    // The app boxes and the status line stay where they were.
    expect(pageText(wall.body)).toContain('has no application boxes yet');
  });

  it('a stranger sees no composer, no friends-only post, and can ask to be friends', async () => {
    const { ada, bob, dee } = await world();
    await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: 'for everyone', attachment: null, actionLinks: null });
    await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: 'for friends only', attachment: null, actionLinks: null, privacy: { value: 'ALL_FRIENDS' } });
    await server.services.stream.publish({ actor: bob.uid, wall: ada.uid, appId: null, type: 56, message: 'a wall post between friends', attachment: null, actionLinks: null });

    const deeBrowser = await signedInBrowser(server, dee);
    const page = await deeBrowser.get(`/profile.php?id=${ada.uid}`);
    expect(stories(page)).toEqual([expect.stringContaining('for everyone')]);
    expect(page.body).not.toContain('for friends only');
    expect(page.body).not.toContain('a wall post between friends');
    expect(hasButton(page, 'publish')).toBe(false);
    // A stranger may see a public post but not comment on it or like it.
    expect(hasButton(page, 'comment')).toBe(false);
    expect(hasButton(page, 'like')).toBe(false);

    const friendsOfAda = /<section class="profile-friends"[\s\S]*?<\/section>/.exec(page.body)?.[0] ?? '';
    expect(friendsOfAda).toContain(`<a href="/profile.php?id=${bob.uid}">Bob Bobson</a>`);

    const add = parseForms(page.body).find((form) => form.buttons.some((button) => button.name === 'request'))!;
    expect(add.action).toBe('/friends.php');
    const sent = await deeBrowser.post(add.action, [...add.fields, ['request', '1']]);
    expect(sent.status).toBe(303);
    expect((await server.services.friends.pending(dee.uid)).outgoing.map((request) => request.toUid)).toEqual([ada.uid]);
    const after = await deeBrowser.get(`/profile.php?id=${ada.uid}`);
    expect(pageText(after.body)).toContain('Friend request sent.');
    expect(hasButton(after, 'request')).toBe(false);

    // Ada sees Dee's request on Dee's profile, and every post on her own wall.
    const adaBrowser = await signedInBrowser(server, ada);
    expect(hasButton(await adaBrowser.get(`/profile.php?id=${dee.uid}`), 'accept')).toBe(true);
    const own = await adaBrowser.get(`/profile.php?id=${ada.uid}`);
    expect(stories(own)).toHaveLength(3);
    expect(hasButton(own, 'publish')).toBe(true);
    expect(hasButton(own, 'request')).toBe(false);
  });

  it('a visitor who is not signed in sees the public posts only, with no forms', async () => {
    const { ada, bob } = await world();
    await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: 'hello world', attachment: null, actionLinks: null });
    await server.services.stream.publish({ actor: bob.uid, wall: ada.uid, appId: null, type: 56, message: 'between friends', attachment: null, actionLinks: null });
    const page = await new Browserless(server.url).get(`/profile.php?id=${ada.uid}`);
    expect(stories(page)).toEqual([expect.stringContaining('hello world')]);
    expect(parseForms(page.body)).toEqual([]);
    expect(page.body).not.toContain('profile-friends');
  });

  it('the owner removes a friend’s comment on their wall; the friend may not post on a stranger’s', async () => {
    const { ada, bob, dee } = await world();
    const { postId } = await server.services.stream.publish({ actor: ada.uid, wall: ada.uid, appId: null, type: 46, message: 'Thoughts?', attachment: null, actionLinks: null });
    const added = await server.services.stream.addComment(bob.uid, postId, 'rude remark');
    expect(added.outcome).toBe('done');
    const adaBrowser = await signedInBrowser(server, ada);
    const wall = await adaBrowser.get(`/profile.php?id=${ada.uid}`);
    const form = parseForms(wall.body).find((candidate) => candidate.buttons.some((button) => button.name === 'uncomment'))!;
    const button = form.buttons.find((candidate) => candidate.name === 'uncomment')!;
    const removed = await adaBrowser.post(form.action, [...form.fields, ['uncomment', button.value]]);
    expect(removed.status).toBe(303);
    expect(removed.location).toBe(`${server.url}/profile.php?id=${ada.uid}#post-${postId}`);
    expect((await adaBrowser.get(`/profile.php?id=${ada.uid}`)).body).not.toContain('rude remark');

    const bobBrowser = await signedInBrowser(server, bob);
    const refused = await bobBrowser.post('/stream.php', { csrf_token: bobBrowser.cookie('hearth_csrf')!, publish: '1', wall: String(dee.uid), message: 'hi', back: `/profile.php?id=${dee.uid}` });
    expect(refused.status).toBe(403);
    expect((await server.services.stream.wall(dee.uid, dee.uid)).posts).toHaveLength(0);
  });

  it('sends a form from elsewhere back home, never off the site', async () => {
    const { ada } = await world();
    const browser = await signedInBrowser(server, ada);
    await browser.get('/home.php');
    const posted = await browser.post('/stream.php', { csrf_token: browser.cookie('hearth_csrf')!, publish: '1', message: 'hi', back: '//evil.example/' });
    expect(posted.status).toBe(303);
    expect(posted.location).toBe(`${server.url}/home.php`);
  });
});
