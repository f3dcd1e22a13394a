/**
 * `/profile.php?id=UID` over HTTP: each app's boxes rendered for the four kinds of viewer (the
 * owner, a friend, someone else, nobody signed in), in app order, with app names escaped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderProfileBox } from '../../src/fbml/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, decodeEntities, pageText, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { registerApp, signedInBrowser } from './page-kit.js';

let server: TestServer;
let zebra: App;
let apple: App;
let ada: Person;
let bob: Person;
let cleo: Person;

/** The box every viewer kind sees differently (fbml.md §2, §3, §4.1). */
const ZEBRA_BOX = [
  '<fb:visible-to-owner>Owner note</fb:visible-to-owner>',
  '<fb:visible-to-friends>Friends note</fb:visible-to-friends>',
  '<fb:if-is-own-profile>Welcome home<fb:else>Visiting</fb:else></fb:if-is-own-profile>',
  '<p>Kept by <fb:name uid="profileowner" linked="false" capitalize="true"/>.</p>',
].join('\n');

beforeAll(async () => {
  server = await startTestServer();
  // Registered first, so listed first, although its name sorts last.
  zebra = await registerApp(server, { name: 'Zebra <Quiz> & "Co"' });
  apple = await registerApp(server, { name: 'Apple Words' });
  ada = await server.createPerson('Ada Lovelace');
  bob = await server.createPerson('Bob Bobson');
  cleo = await server.createPerson('Cleo Cleary');
  await server.services.people.update(ada.uid, { pictureUrl: 'https://pics.example/ada.png' });
  await server.services.friends.addDirectly(ada.uid, bob.uid);
  for (const app of [zebra, apple]) await server.store.authorizations.authorize(ada.uid, app.appId);
  // Through the API, as an app would.
  await server.client(apple).call('profile.setFBML', {
    uid: ada.uid,
    profile: '<fb:wide>Apple wide</fb:wide><fb:narrow>Apple narrow</fb:narrow>',
    profile_main: '<fb:wide>Main wide</fb:wide><fb:narrow>Main narrow</fb:narrow> for all',
  });
  await server.client(zebra).call('profile.setFBML', { uid: ada.uid, profile: ZEBRA_BOX });
});
afterAll(() => server.close());

interface ShownBox {
  readonly appId: number;
  readonly position: string;
  /** The box's HTML, title and body. */
  readonly html: string;
}

function boxes(page: PageResponse): ShownBox[] {
  return [...page.body.matchAll(/<section class="fbml-box (\w+)"[^>]*data-app-id="(\d+)">([\s\S]*?)<\/section>/g)].map((match) => ({
    position: match[1]!,
    appId: Number(match[2]),
    html: match[3]!,
  }));
}

function box(page: PageResponse, app: App, position: 'wide' | 'main'): string {
  const found = boxes(page).find((candidate) => candidate.appId === app.appId && candidate.position === position);
  if (!found) throw new Error(`no ${position} box of ${app.name}: ${pageText(page.body)}`);
  return found.html;
}

/** The text of each fb:visible-to-* span and whether it shows (fbml.md §2). */
function visibility(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/<span style="visibility: (visible|hidden);[^"]*">([^<]*)<\/span>/g)].map((match) => [decodeEntities(match[2]!), match[1]!]),
  );
}

async function profileAs(viewer: Person | undefined, owner: Person = ada): Promise<PageResponse> {
  const browser = viewer ? await signedInBrowser(server, viewer) : new Browserless(server.url);
  const page = await browser.get(`/profile.php?id=${owner.uid}`);
  expect(page.status, pageText(page.body)).toBe(200);
  return page;
}

describe('profile.php: what each viewer sees', () => {
  it('the owner: their own notes visible, "Welcome home", and "You" for their name', async () => {
    const page = await profileAs(ada);
    const zebraBox = box(page, zebra, 'wide');
    expect(visibility(zebraBox)).toEqual({ 'Owner note': 'visible', 'Friends note': 'visible' });
    expect(pageText(zebraBox)).toContain('Welcome home');
    expect(zebraBox).not.toContain('Visiting');
    expect(pageText(zebraBox)).toContain('Kept by You.');
    expect(page.body).toContain(`<a href="/profile.php?id=${ada.uid}" aria-current="page">Your profile</a>`);
    expect(page.body).toContain('<a href="/editprofile.php">Edit your profile</a>');
    expect(pageText(page.body)).toContain('This is your profile;');
  });

  it('a friend: the owner note is sent but hidden, the friends note shows, "Visiting", and the owner by name', async () => {
    const page = await profileAs(bob);
    const zebraBox = box(page, zebra, 'wide');
    expect(visibility(zebraBox)).toEqual({ 'Owner note': 'hidden', 'Friends note': 'visible' });
    expect(pageText(zebraBox)).toContain('Visiting');
    expect(zebraBox).not.toContain('Welcome home');
    expect(pageText(zebraBox)).toContain('Kept by Ada Lovelace.');
    expect(pageText(page.body)).toContain('You and Ada are friends.');
    // Bob's own tabs, none of them current: this is not his profile.
    expect(page.body).toContain(`<a href="/profile.php?id=${bob.uid}">Your profile</a>`);
    expect(page.body).not.toContain('aria-current');
    expect(page.body).not.toContain('Edit your profile');
  });

  it('someone else, signed in: both notes hidden', async () => {
    const page = await profileAs(cleo);
    const zebraBox = box(page, zebra, 'wide');
    expect(visibility(zebraBox)).toEqual({ 'Owner note': 'hidden', 'Friends note': 'hidden' });
    expect(pageText(zebraBox)).toContain('Visiting');
    expect(pageText(zebraBox)).toContain('Kept by Ada Lovelace.');
    expect(pageText(page.body)).not.toContain('are friends');
  });

  it('nobody signed in: both notes hidden, names still shown, no account tabs', async () => {
    const page = await profileAs(undefined);
    const zebraBox = box(page, zebra, 'wide');
    expect(visibility(zebraBox)).toEqual({ 'Owner note': 'hidden', 'Friends note': 'hidden' });
    expect(pageText(zebraBox)).toContain('Visiting');
    expect(pageText(zebraBox)).toContain('Kept by Ada Lovelace.');
    expect(page.body).not.toContain('class="tabs"');
    expect(page.body).not.toContain('Signed in as');
  });
});

describe('profile.php: the status line', () => {
  it('shows the current status, with "is" when the text lacks its verb, to the person and their friends only', async () => {
    const at = new Date(Date.UTC(2010, 0, 1, 9, 30));
    await server.services.status.recordFromPost({ uid: ada.uid, statusId: 1000000099, message: 'computing <Bernoulli> numbers', appId: null, createdAt: at, needsVerb: true });
    const line = '<p class="profile-status"><span class="status-text">Ada is computing &lt;Bernoulli&gt; numbers</span> <time class="muted" datetime="2010-01-01T09:30:00.000Z">1 January 2010 at 09:30 UTC</time></p>';
    expect((await profileAs(ada)).body).toContain(line);
    expect((await profileAs(bob)).body).toContain(line);
    expect((await profileAs(cleo)).body).not.toContain('profile-status');
    expect((await profileAs(undefined)).body).not.toContain('profile-status');
    await server.services.status.clear(ada.uid);
    expect((await profileAs(bob)).body).not.toContain('profile-status');
  });
});

describe('profile.php: the page', () => {
  it("shows the person's name and picture, and a placeholder for someone without one", async () => {
    const page = await profileAs(undefined);
    expect(page.body).toContain('<title>Ada Lovelace | Hearth</title>');
    expect(page.body).toContain('<h1>Ada Lovelace</h1>');
    expect(page.body).toContain('<img src="https://pics.example/ada.png" alt="Ada Lovelace">');
    const bobs = await profileAs(undefined, bob);
    expect(bobs.body).toContain('<span class="profile-placeholder" role="img" aria-label="Bob Bobson has no picture">B</span>');
    expect(pageText(bobs.body)).toContain('Bob has no application boxes yet.');
    expect(boxes(bobs)).toEqual([]);
  });

  it('puts profile in the wide column and profile_main in the narrow one, each in its position, apps in app_id order', async () => {
    const page = await profileAs(cleo);
    expect(boxes(page).map(({ appId, position }) => [appId, position])).toEqual([
      [apple.appId, 'main'],
      [zebra.appId, 'wide'],
      [apple.appId, 'wide'],
    ]);
    const appleWide = pageText(box(page, apple, 'wide'));
    expect(appleWide).toContain('Apple wide');
    expect(appleWide).not.toContain('Apple narrow');
    // The main box is narrow (fbml.md §1.2).
    const appleMain = pageText(box(page, apple, 'main'));
    expect(appleMain).toContain('Main narrow for all');
    expect(appleMain).not.toContain('Main wide');
    expect(page.body.indexOf('class="profile-narrow"')).toBeLessThan(page.body.indexOf('class="profile-wide"'));
  });

  it("titles each box with its app's name, escaped", async () => {
    const page = await profileAs(undefined);
    expect(box(page, zebra, 'wide')).toContain('>Zebra &lt;Quiz&gt; &amp; &quot;Co&quot;</h2>');
    expect(box(page, apple, 'main')).toContain('>Apple Words</h2>');
    expect(page.body).not.toContain('<Quiz>');
  });

  it('shows what the renderer shows for the viewer, and none of its problems', async () => {
    const careless = await registerApp(server, { name: 'Careless App' });
    const dana = await server.createPerson('Dana Doe');
    // Written straight to the store, as markup stored before the 330 check would be.
    const fbml = 'Before <fb:name/> after <fb:no-such-tag>x</fb:no-such-tag> end';
    await server.store.profiles.update(dana.uid, careless.appId, { profile: fbml });
    const rendered = await renderProfileBox({ fbml, ownerUid: dana.uid, viewerUid: undefined, appId: careless.appId, position: 'wide' }, server.services);
    const page = await profileAs(undefined, dana);
    expect(box(page, careless, 'wide')).toContain(rendered.html);
    for (const problem of rendered.problems) expect(pageText(page.body)).not.toContain(problem);
  });

  it('leaves the other slots (mobile_profile, profile_action) off the page', async () => {
    const quiet = await registerApp(server, { name: 'Mobile Only' });
    const eve = await server.createPerson('Eve Evans');
    await server.store.profiles.update(eve.uid, quiet.appId, { mobileProfile: 'On the phone', profileAction: 'Act' });
    const page = await profileAs(undefined, eve);
    expect(boxes(page)).toEqual([]);
    expect(pageText(page.body)).not.toContain('On the phone');
  });

  it('allows style attributes for the visibility spans, but no scripts or style elements', async () => {
    const page = await profileAs(undefined);
    const policy = page.headers.get('content-security-policy')!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("style-src 'self'; style-src-attr 'unsafe-inline';");
    expect(policy).not.toContain('script-src');
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('cache-control')).toBe('no-store');
  });
});

describe('profile.php: bad links', () => {
  it.each([
    ['no id', '/profile.php', 'This link does not say whose profile to show.'],
    ['an empty id', '/profile.php?id=', 'This link does not say whose profile to show.'],
    ['a word', '/profile.php?id=ada', '“ada” is not a uid'],
    ['zero', '/profile.php?id=0', '“0” is not a uid'],
    ['a negative number', '/profile.php?id=-5', '“-5” is not a uid'],
    ['a fraction', '/profile.php?id=1.5', '“1.5” is not a uid'],
    ['markup', '/profile.php?id=%3Cb%3E', '“<b>” is not a uid'],
  ])('answers %s with a 400 page', async (_what, path, message) => {
    const page = await new Browserless(server.url).get(path);
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain(message);
    expect(page.body).not.toContain('<b>');
  });

  it('answers an unreadable query with a 400 page', async () => {
    const page = await new Browserless(server.url).get('/profile.php?id=%FF');
    expect(page.status).toBe(400);
    expect(pageText(page.body)).toContain('Hearth could not read the address');
  });

  it('answers a uid of nobody with a 404 page', async () => {
    const page = await new Browserless(server.url).get('/profile.php?id=999999999');
    expect(page.status).toBe(404);
    expect(pageText(page.body)).toContain('Nobody on Hearth has the uid 999999999.');
  });
});

describe("profile.php: nothing on the page loads Hearth's own pages", () => {
  it('an image, a background or a form of a box pointing at this host is left out', async () => {
    const host = new URL(server.url).host;
    const quiz = await registerApp(server, { name: 'Sneaky' });
    const owner = await server.createPerson('Sid Sneaky');
    await server.store.authorizations.authorize(owner.uid, quiz.appId);
    await server.client(quiz).call('profile.setFBML', {
      uid: owner.uid,
      profile: `<img src="http://${host}/logout.php"><div style="background-image: url(http://${host}/logout.php)">x</div><img src="http://pics.example/fine.png">`,
    });
    const viewer = await signedInBrowser(server, await server.createPerson('Vic Viewer'));
    const page = await viewer.get(`/profile.php?id=${owner.uid}`);
    expect(page.status).toBe(200);
    expect(page.body).not.toContain(`http://${host}/logout.php`);
    expect(page.body).toContain('<img src="http://pics.example/fine.png">');
    expect(viewer.cookie('hearth_login')).toBeDefined();
  });
});
