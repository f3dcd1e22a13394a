/**
 * photos.php, album.php and photo.php without a browser: who sees which albums and photos, the
 * 404s, creating an album, approving a photo, tagging, uploading through the form as a browser
 * without JavaScript sends it (multipart, written by hand), refused files, refused forms. On both
 * stores.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Album, Photo } from '../../src/features/photos/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, parseForms, type PageResponse } from '../support/browserless.js';
import { multipart, postMultipart } from '../support/multipart-form.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { signedInBrowser } from './page-kit.js';

function picture(width: number, height: number, red: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: red, g: 90, b: 160 } } }).jpeg().toBuffer();
}

function albumNames(page: PageResponse): string[] {
  return [...page.body.matchAll(/<a class="album-name" href="[^"]*">([^<]*)<\/a>/g)].map((match) => match[1]!);
}

function thumbnailLinks(page: PageResponse): string[] {
  return [...page.body.matchAll(/<ul class="photo-grid">([\s\S]*?)<\/ul>/g)].flatMap((grid) => [...grid[1]!.matchAll(/<a href="([^"]*)">/g)].map((match) => match[1]!.replace(/&amp;/g, '&')));
}

const albumPath = (album: Album) => `/album.php?aid=${album.albumId}&id=${album.owner}`;
const photoPath = (photo: Photo) => `/photo.php?pid=${photo.photoId}&id=${photo.owner}`;

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`the photo pages (${backend})`, () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ backend });
  });
  afterAll(() => server?.close());

  /** Ada; Bob her friend; Cleo, Bob's friend (a friend of a friend of Ada's); Dan, a stranger. Ada's three albums, the public one newest. */
  async function world() {
    const [ada, bob, cleo, dan] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary'), await server.createPerson('Dan Dennett')];
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    await server.services.friends.addDirectly(bob.uid, cleo.uid);
    const photos = server.services.photos;
    const day = (n: number) => new Date(Date.UTC(2009, 5, n, 12));
    const family = await photos.createAlbum({ owner: ada.uid, appId: null, name: 'Family', visible: 'friends' }, day(1));
    const society = await photos.createAlbum({ owner: ada.uid, appId: null, name: 'Society', visible: 'friends-of-friends' }, day(2));
    const travels = await photos.createAlbum({ owner: ada.uid, appId: null, name: 'Travels', description: 'A summer in Italy', location: 'Turin', visible: 'everyone' }, day(3));
    const upload = async (album: Album, caption: string, when: number) =>
      (await photos.upload({ owner: ada.uid, appId: null, albumId: album.albumId, caption, bytes: await picture(400, 300, 40 * when), approved: true }, day(when))).photo;
    const familyPhoto = await upload(family, 'At home', 4);
    await upload(society, 'The Society', 5);
    const first = await upload(travels, 'The Alps', 6);
    const second = await upload(travels, 'Turin', 7);
    return { ada, bob, cleo, dan, family, society, travels, familyPhoto, travelPhotos: [first, second] };
  }

  async function browserOf(person: Person | undefined): Promise<Browserless> {
    return person === undefined ? new Browserless(server.url) : signedInBrowser(server, person);
  }

  it('photos.php lists the albums each viewer may see, newest first, with covers, counts and dates', async () => {
    const { ada, bob, cleo, dan, travels, travelPhotos } = await world();
    const seen = async (person: Person | undefined) => albumNames(await (await browserOf(person)).get(`/photos.php?id=${ada.uid}`));
    expect(await seen(ada)).toEqual(['Travels', 'Society', 'Family']);
    expect(await seen(bob)).toEqual(['Travels', 'Society', 'Family']);
    expect(await seen(cleo)).toEqual(['Travels', 'Society']);
    expect(await seen(dan)).toEqual(['Travels']);
    expect(await seen(undefined)).toEqual(['Travels']);

    const page = await (await browserOf(dan)).get(`/photos.php?id=${ada.uid}`);
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('Ada Lovelace’s photos');
    expect(page.body).toContain(`href="${albumPath(travels).replace('&', '&amp;')}"`);
    expect(page.body).toMatch(new RegExp(`<img src="/photos/s${ada.uid}_${travelPhotos[0]!.photoId}_[0-9a-f]{16}\\.jpg"`));
    expect(pageText(page.body)).toContain('2 photos · Updated 7 June 2009 at 12:00 UTC');
    // No forms for anyone but the owner.
    expect(parseForms(page.body)).toEqual([]);
    const own = await (await browserOf(ada)).get(`/photos.php?id=${ada.uid}`);
    expect(pageText(own.body)).toContain('Create an album');

    // The profile links to the albums.
    expect((await (await browserOf(dan)).get(`/profile.php?id=${ada.uid}`)).body).toContain(`<a href="/photos.php?id=${ada.uid}">Photos</a>`);
    expect((await (await browserOf(dan)).get('/photos.php?id=999999999')).status).toBe(404);
    expect((await (await browserOf(dan)).get('/photos.php?id=ada')).status).toBe(400);
  });

  it('album.php shows the photos in upload order; 404 for a hidden album or ids that do not match', async () => {
    const { ada, bob, cleo, dan, family, society, travels, travelPhotos } = await world();
    const page = await (await browserOf(dan)).get(albumPath(travels));
    expect(page.status).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('Travels');
    expect(text).toContain('A summer in Italy');
    expect(text).toContain('Taken at Turin');
    expect(thumbnailLinks(page)).toEqual(travelPhotos.map(photoPath));
    expect(page.body).toMatch(new RegExp(`<img src="/photos/s${ada.uid}_${travelPhotos[1]!.photoId}_[0-9a-f]{16}\\.jpg" alt="Turin"`));
    // Only the owner gets the upload form and the policy that lets its script run.
    expect(page.headers.get('content-security-policy')).not.toContain('script-src');
    expect(page.body).not.toContain('type="file"');

    expect((await (await browserOf(dan)).get(albumPath(family))).status).toBe(404);
    expect((await (await browserOf(undefined)).get(albumPath(society))).status).toBe(404);
    expect((await (await browserOf(cleo)).get(albumPath(society))).status).toBe(200);
    expect((await (await browserOf(bob)).get(albumPath(family))).status).toBe(200);
    // The album's number with someone else's uid, an album that does not exist, nonsense.
    const mismatched = await (await browserOf(ada)).get(`/album.php?aid=${travels.albumId}&id=${bob.uid}`);
    expect(mismatched.status).toBe(404);
    expect(pageText(mismatched.body)).toContain('This album does not exist, or you cannot see it.');
    expect((await (await browserOf(ada)).get(`/album.php?aid=999999&id=${ada.uid}`)).status).toBe(404);
    expect((await (await browserOf(ada)).get(`/album.php?aid=x&id=${ada.uid}`)).status).toBe(404);

    const own = await (await browserOf(ada)).get(albumPath(travels));
    expect(own.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(own.body).toContain('<input type="file" id="upload-photo" name="photo" multiple required accept="image/jpeg,image/png,image/gif">');
    const script = own.body.match(/<script src="([^"]*)"><\/script>/)?.[1];
    expect(script).toMatch(/^\/js\/photo-upload\.js\?v=[0-9a-f]{12}$/);
    // The script and the images load as sub-resources of the pages.
    const served = await fetch(new URL(script!, server.url), { headers: { 'sec-fetch-dest': 'script' } });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await served.text()).toContain('XMLHttpRequest');
    const image = own.body.match(/<img src="(\/photos\/[^"]*)"/)?.[1];
    expect((await fetch(new URL(image!, server.url), { headers: { 'sec-fetch-dest': 'image' } })).status).toBe(200);
  });

  it('photo.php shows the big size, the album, “Photo 1 of 2” and the steps; 404 where the viewer may not see it', async () => {
    const { ada, bob, dan, travels, familyPhoto, travelPhotos } = await world();
    const [first, second] = travelPhotos as [Photo, Photo];
    const browser = await browserOf(dan);
    const page = await browser.get(photoPath(first));
    expect(page.status).toBe(200);
    const text = pageText(page.body);
    expect(text).toContain('From the album Travels');
    expect(text).toContain('Previous Photo 1 of 2 Next');
    expect(text).toContain('The Alps');
    expect(page.body).toContain(`<a href="${photoPath(second).replace('&', '&amp;')}" rel="next">Next</a>`);
    expect(page.body).not.toContain('rel="prev"');
    expect(page.body).toContain(`href="${albumPath(travels).replace('&', '&amp;')}"`);
    expect(page.body).toMatch(new RegExp(`<img src="/photos/n${ada.uid}_${first.photoId}_[0-9a-f]{16}\\.jpg" alt="The Alps" width="400" height="300">`));
    // A stranger does not get to tag.
    expect(page.body).not.toContain('Tag this photo');

    const last = await browser.get(photoPath(second));
    expect(pageText(last.body)).toContain('Previous Photo 2 of 2 Next');
    expect(last.body).toContain(`<a href="${photoPath(first).replace('&', '&amp;')}" rel="prev">Previous</a>`);

    expect((await browser.get(photoPath(familyPhoto))).status).toBe(404);
    expect((await (await browserOf(bob)).get(photoPath(familyPhoto))).status).toBe(200);
    expect((await browser.get(`/photo.php?pid=${first.photoId}&id=${bob.uid}`)).status).toBe(404);
    expect((await browser.get(`/photo.php?pid=99999999&id=${ada.uid}`)).status).toBe(404);
  });

  it('the owner creates an album with the form and lands on it; a name is required', async () => {
    const { ada } = await world();
    const browser = await browserOf(ada);
    const page = await browser.get(`/photos.php?id=${ada.uid}`);
    const form = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === 'create'))!;
    const created = await browser.post(form.action, [...form.fields, ['name', 'Engines'], ['description', 'Drawings'], ['location', 'London'], ['visible', 'friends'], ['create', '1']]);
    expect(created.status).toBe(303);
    const albums = await server.services.photos.albums(ada.uid, { owners: [ada.uid] });
    const engines = albums.find((album) => album.name === 'Engines')!;
    expect(engines).toMatchObject({ description: 'Drawings', location: 'London', visible: 'friends' });
    expect(created.location).toBe(`${server.url}${albumPath(engines)}`);
    expect(pageText((await browser.get(albumPath(engines))).body)).toContain('This album is empty. Add photos below.');

    const unnamed = await browser.post(form.action, [...form.fields, ['name', '  '], ['create', '1']]);
    expect(unnamed.status).toBe(400);
    expect(pageText(unnamed.body)).toContain('Give the album a name.');
    const odd = await browser.post(form.action, [...form.fields, ['name', 'X'], ['visible', 'networks'], ['create', '1']]);
    expect(odd.status).toBe(400);
  });

  it('the owner approves a photo an app uploaded without photo_upload; then friends see it', async () => {
    const { ada, bob, travels } = await world();
    const app = await server.createApp('web');
    const { photo } = await server.services.photos.upload({ owner: ada.uid, appId: app.appId, albumId: travels.albumId, caption: 'From the game', bytes: await picture(200, 200, 250), approved: false });
    const bobBrowser = await browserOf(bob);
    expect((await bobBrowser.get(photoPath(photo))).status).toBe(404);
    expect(thumbnailLinks(await bobBrowser.get(albumPath(travels)))).not.toContain(photoPath(photo));

    const browser = await browserOf(ada);
    expect((await browser.get(photoPath(photo))).status).toBe(200);
    const page = await browser.get(`/photos.php?id=${ada.uid}`);
    expect(pageText(page.body)).toContain('Waiting for your approval');
    expect(pageText(page.body)).toContain('From the game In Travels');
    const form = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === 'approve'))!;
    expect(form.buttons).toEqual([{ name: 'approve', value: String(photo.photoId) }]);
    // Not Bob's to approve.
    expect((await bobBrowser.post(`/photos.php?id=${ada.uid}`, { csrf_token: bobBrowser.cookie('hearth_csrf')!, approve: String(photo.photoId) })).status).toBe(403);
    const approved = await browser.post(form.action, [...form.fields, ['approve', String(photo.photoId)]]);
    expect(approved.status).toBe(303);
    expect(approved.location).toBe(`${server.url}/photos.php?id=${ada.uid}`);
    expect(pageText((await browser.get(`/photos.php?id=${ada.uid}`)).body)).not.toContain('Waiting for your approval');
    expect((await bobBrowser.get(photoPath(photo))).status).toBe(200);
  });

  it('a friend tags their own friend and a text; the tags are listed and drawn; a stranger as subject is refused', async () => {
    const { ada, bob, cleo, dan, travelPhotos } = await world();
    const photo = travelPhotos[0]!;
    const bobBrowser = await browserOf(bob);
    const page = await bobBrowser.get(photoPath(photo));
    expect(pageText(page.body)).toContain('Tag this photo');
    const options = [...page.body.matchAll(/<option value="([^"]*)"/g)].map((match) => match[1]);
    expect(options).toEqual([String(bob.uid), String(ada.uid), String(cleo.uid), 'text']);
    const form = parseForms(page.body).find((candidate) => candidate.buttons.some((button) => button.name === 'tag'))!;
    const tagged = await bobBrowser.post(form.action, [...form.fields, ['subject', String(cleo.uid)], ['x', '30'], ['y', '40.5'], ['tag', '1']]);
    expect(tagged.status).toBe(303);
    expect(tagged.location).toBe(`${server.url}${photoPath(photo)}`);
    await bobBrowser.post(form.action, [...form.fields, ['subject', 'text'], ['text', 'Mont Blanc'], ['x', '90'], ['y', '10'], ['tag', '1']]);

    const shown = await (await browserOf(dan)).get(photoPath(photo));
    expect(pageText(shown.body)).toContain('In this photo: Cleo Cleary, Mont Blanc');
    expect(shown.body).toContain(`<a href="/profile.php?id=${cleo.uid}">Cleo Cleary</a>`);
    expect(shown.body).toContain('<circle cx="30%" cy="40.5%" r="18"></circle><text x="30%" y="40.5%" dy="34" text-anchor="middle">Cleo Cleary</text>');
    expect(shown.body).toContain('<text x="90%" y="10%" dy="34" text-anchor="end">Mont Blanc</text>');

    const refused = await bobBrowser.post(form.action, [...form.fields, ['subject', String(dan.uid)], ['x', '50'], ['y', '50'], ['tag', '1']]);
    expect(refused.status).toBe(400);
    expect(pageText(refused.body)).toContain('You can tag yourself, the photo’s owner and your friends');
    const offPicture = await bobBrowser.post(form.action, [...form.fields, ['subject', String(cleo.uid)], ['x', '150'], ['y', '50'], ['tag', '1']]);
    expect(offPicture.status).toBe(400);
    expect((await server.services.photos.tagsOfPhotos([photo.photoId])).map((tag) => tag.subject ?? tag.text)).toEqual([cleo.uid, 'Mont Blanc']);

    // Dan sees the photo but is no friend of Ada's: he may not tag it.
    const danBrowser = await browserOf(dan);
    await danBrowser.get(photoPath(photo));
    const stranger = await danBrowser.post(photoPath(photo), { csrf_token: danBrowser.cookie('hearth_csrf')!, subject: String(dan.uid), x: '1', y: '1', tag: '1' });
    expect(stranger.status).toBe(403);
  });

  it('a photo is a story: friends like and comment on its page and come back to it; the news feed shows it; a waiting photo has none', async () => {
    const { ada, bob, dan, travelPhotos, familyPhoto } = await world();
    const photo = travelPhotos[1]!;
    expect(photo.storyId).not.toBeNull();
    const bobBrowser = await browserOf(bob);
    const page = await bobBrowser.get(photoPath(photo));
    const forms = parseForms(page.body);
    const likeForm = forms.find((candidate) => candidate.buttons.some((button) => button.name === 'like'))!;
    const liked = await bobBrowser.post(new URL(likeForm.action, page.url).href, [...likeForm.fields, ['like', likeForm.buttons.find((button) => button.name === 'like')!.value]]);
    expect(liked.status).toBe(303);
    expect(liked.location).toBe(`${server.url}${photoPath(photo)}#post-${ada.uid}_${photo.storyId}`);
    const commentForm = parseForms((await bobBrowser.get(photoPath(photo))).body).find((candidate) => candidate.buttons.some((button) => button.name === 'comment'))!;
    await bobBrowser.post(new URL(commentForm.action, page.url).href, [...commentForm.fields.filter(([name]) => name !== 'text'), ['text', 'What a view <b>!</b>'], ['comment', commentForm.buttons.find((button) => button.name === 'comment')!.value]]);
    const after = await (await browserOf(dan)).get(photoPath(photo));
    expect(pageText(after.body)).toContain('Bob Bobson likes this.');
    expect(pageText(after.body)).toContain('Bob Bobson What a view <b>!</b>');
    expect(after.body).not.toContain('<b>!</b>');
    // Dan is nobody's friend here: he sees the comments, not the forms.
    expect(parseForms(after.body).some((candidate) => candidate.buttons.some((button) => button.name === 'comment'))).toBe(false);

    const feed = await bobBrowser.get('/home.php');
    const story = [...feed.body.matchAll(/<article class="story"[\s\S]*?<\/article>/g)].map((match) => match[0]).find((text) => text.includes(`href="${photoPath(photo).replace('&', '&amp;')}"`));
    expect(story).toBeDefined();
    expect(pageText(story!)).toContain('Ada Lovelace added a new photo');
    expect(story).toMatch(/<img src="\/photos\/s\d+_\d+_[0-9a-f]{16}\.jpg"/);
    // The friends-only album's story is not Dan's to see, on Ada's wall either.
    const wall = await (await browserOf(dan)).get(`/profile.php?id=${ada.uid}`);
    expect(wall.body).not.toContain(photoPath(familyPhoto).replace('&', '&amp;'));

    const waiting = (await server.services.photos.upload({ owner: ada.uid, appId: null, albumId: photo.albumId, caption: 'not yet', bytes: await picture(50, 50, 9), approved: false })).photo;
    expect(waiting.storyId).toBeNull();
    expect(parseForms((await (await browserOf(ada)).get(photoPath(waiting))).body).some((candidate) => candidate.buttons.some((button) => button.name === 'like'))).toBe(false);
  });

  it('the owner uploads through the form without JavaScript: the first file part is kept', async () => {
    const { ada, travels } = await world();
    const browser = await browserOf(ada);
    await browser.get(albumPath(travels));
    const token = browser.cookie('hearth_csrf')!;
    const form = multipart(
      [['csrf_token', token], ['caption', 'Lake Como']],
      [
        { filename: 'como.jpg', contentType: 'image/jpeg', bytes: await picture(640, 480, 10) },
        { filename: 'second.jpg', contentType: 'image/jpeg', bytes: await picture(300, 300, 20) },
      ],
    );
    const posted = await postMultipart(server, browser, albumPath(travels), form);
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(albumPath(travels));
    const photos = await server.services.photos.photosInAlbums([travels.albumId]);
    expect(photos).toHaveLength(3);
    expect(photos[2]).toMatchObject({ caption: 'Lake Como', pending: false, appId: null });
    expect(photos[2]!.images.big).toMatchObject({ width: 640, height: 480 });
    expect(thumbnailLinks(await browser.get(albumPath(travels)))).toContain(photoPath(photos[2]!));

    // The script's requests are answered with a status and a line of text.
    const byScript = await postMultipart(server, browser, albumPath(travels), multipart([['csrf_token', token], ['via', 'script']], [{ filename: 'x.png', contentType: 'image/png', bytes: await picture(50, 50, 30) }]));
    expect(byScript.status).toBe(201);
    expect(byScript.body).toBe('Uploaded.');
  });

  it('a bad file gets a clear message on the page, never a 500; the script gets a status and a text', async () => {
    const { ada, bob, travels } = await world();
    const browser = await browserOf(ada);
    await browser.get(albumPath(travels));
    const token = browser.cookie('hearth_csrf')!;
    const send = (bytes: Buffer, extra: Array<[string, string]> = [], filename = 'notes.jpg') => postMultipart(server, browser, albumPath(travels), multipart([['csrf_token', token], ...extra], [{ filename, contentType: 'image/jpeg', bytes }]));

    const text = await send(Buffer.from('not a picture at all'));
    expect(text.status).toBe(400);
    expect(pageText(text.body)).toContain('“notes.jpg” was not uploaded: the file is not an image (JPEG, PNG or GIF).');
    expect(text.body).toContain('type="file"');
    const jpeg = await picture(800, 600, 70);
    const truncated = await send(jpeg.subarray(0, Math.floor(jpeg.length / 2)), [], 'cut.jpg');
    expect(truncated.status).toBe(400);
    expect(pageText(truncated.body)).toContain('“cut.jpg” was not uploaded: the JPEG image could not be read to its end');
    const none = await postMultipart(server, browser, albumPath(travels), multipart([['csrf_token', token]], []));
    expect(none.status).toBe(400);
    expect(pageText(none.body)).toContain('Choose a photo to upload.');

    const scripted = await send(Buffer.from('GIF89a nonsense'), [['via', 'script']], 'fake.gif');
    expect(scripted.status).toBe(400);
    expect(scripted.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(scripted.body).toMatch(/^“fake\.gif” was not uploaded: /);
    expect(await server.services.photos.photosInAlbums([travels.albumId])).toHaveLength(2);

    // Bob may see the album but not add to it.
    const bobBrowser = await browserOf(bob);
    await bobBrowser.get(albumPath(travels));
    const foreign = await postMultipart(server, bobBrowser, albumPath(travels), multipart([['csrf_token', bobBrowser.cookie('hearth_csrf')!]], [{ filename: 'b.jpg', contentType: 'image/jpeg', bytes: jpeg }]));
    expect(foreign.status).toBe(403);
  });

  it('a full album says so', async () => {
    const { ada } = await world();
    const album = await server.services.photos.createAlbum({ owner: ada.uid, appId: null, name: 'Full' });
    const small = await picture(20, 20, 5);
    for (let n = 0; n < 60; n++) await server.services.photos.upload({ owner: ada.uid, appId: null, albumId: album.albumId, caption: '', bytes: small, approved: true });
    const browser = await browserOf(ada);
    await browser.get(albumPath(album));
    const posted = await postMultipart(server, browser, albumPath(album), multipart([['csrf_token', browser.cookie('hearth_csrf')!], ['via', 'script']], [{ filename: 'one-more.jpg', contentType: 'image/jpeg', bytes: small }]));
    expect(posted.status).toBe(409);
    expect(posted.body).toBe('“one-more.jpg” was not uploaded: the album holds 60 photos, as many as it may.');
  });

  it('refuses forms without the CSRF token', async () => {
    const { ada, travels, travelPhotos } = await world();
    const browser = await browserOf(ada);
    await browser.get(`/photos.php?id=${ada.uid}`);
    const create = await browser.post(`/photos.php?id=${ada.uid}`, { name: 'Sneaky', create: '1' });
    expect(create.status).toBe(403);
    expect(pageText(create.body)).toContain('This form has expired');
    const tag = await browser.post(photoPath(travelPhotos[0]!), { csrf_token: 'x'.repeat(43), subject: String(ada.uid), x: '1', y: '1', tag: '1' });
    expect(tag.status).toBe(403);
    const upload = await postMultipart(server, browser, albumPath(travels), multipart([], [{ filename: 'a.jpg', contentType: 'image/jpeg', bytes: await picture(30, 30, 1) }]));
    expect(upload.status).toBe(403);
    expect((await server.services.photos.albums(ada.uid, { owners: [ada.uid] })).map((album) => album.name)).not.toContain('Sneaky');
    expect(await server.services.photos.photosInAlbums([travels.albumId])).toHaveLength(2);
    expect(await server.services.photos.tagsOfPhotos([travelPhotos[0]!.photoId])).toEqual([]);
  });
});
