import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { formNames, formValues, PASSWORD, signedInBrowser } from './page-kit.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The selected option of a `<select>`. */
function selected(page: PageResponse, name: string): string | undefined {
  const select = new RegExp(`<select[^>]*name="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(page.body)?.[1];
  return select && /<option value="([^"]*)" selected>/.exec(select)?.[1];
}

/** What the profile form would send as it stands, with `changes` typed over it. */
function formWith(page: PageResponse, changes: Record<string, string>): Array<[string, string]> {
  const pairs = formValues(page, 'save').filter(([name]) => !(name in changes));
  pairs.push(...Object.entries(changes));
  return pairs;
}

/** The profile form's fields by name. */
function shownValues(page: PageResponse): Record<string, string> {
  return Object.fromEntries(formValues(page, 'save'));
}

async function signedInOnProfile(name?: string): Promise<{ person: Person; browser: Browserless; page: PageResponse }> {
  const person = await server.createPerson(name);
  const browser = await signedInBrowser(server, person);
  const page = await browser.get('/editprofile.php');
  expect(page.status).toBe(200);
  return { person, browser, page };
}

describe('editprofile.php: signing in', () => {
  it('asks a browser that is not signed in to sign in on the page, then shows the form', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const form = await browser.get('/editprofile.php');
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('Sign in to change your name, picture and the other details applications see.');
    expect(formNames(form)).toEqual(expect.arrayContaining(['email', 'pass', 'persistent', 'csrf_token']));
    const signedIn = await browser.submit(form, { fields: { email: person.email, pass: PASSWORD } });
    expect(signedIn.status).toBe(303);
    expect(signedIn.location).toBe(`${server.url}/editprofile.php`);
    const page = await browser.get('/editprofile.php');
    expect(formNames(page)).toEqual(expect.arrayContaining(['name', 'picture_url', 'sex', 'birthday', 'locale', 'timezone', 'csrf_token']));
  });

  it('answers a wrong password with 401 and the e-mail kept', async () => {
    const person = await server.createPerson();
    const browser = new Browserless(server.url);
    const wrong = await browser.submit(await browser.get('/editprofile.php'), { fields: { email: person.email, pass: 'nope' } });
    expect(wrong.status).toBe(401);
    expect(pageText(wrong.body)).toContain('The e-mail or password is not right.');
  });

  it('does not save for a browser that is not signed in', async () => {
    const browser = new Browserless(server.url);
    await browser.get('/editprofile.php');
    const response = await browser.post('/editprofile.php', { save: '1', name: 'Some One', csrf_token: browser.cookie('hearth_csrf')! });
    expect(response.status).toBe(303);
    expect(response.location).toBe(`${server.url}/editprofile.php`);
  });
});

describe('editprofile.php: the form', () => {
  it('shows the stored profile', async () => {
    const { person, page } = await signedInOnProfile('Ada King Lovelace');
    await server.services.people.update(person.uid, { sex: 'female', birthday: 'December 10, 1815', timezone: 5.5, locale: 'en_GB', pictureUrl: 'https://pics.example/ada.png' });
    const browser = await signedInBrowser(server, person);
    const shown = await browser.get('/editprofile.php');
    expect(shownValues(shown)).toMatchObject({ name: 'Ada King Lovelace', picture_url: 'https://pics.example/ada.png', birthday: 'December 10, 1815' });
    expect(selected(shown, 'sex')).toBe('female');
    expect(selected(shown, 'locale')).toBe('en_GB');
    expect(selected(shown, 'timezone')).toBe('5.5');
    expect(pageText(shown.body)).toContain('GMT+5:30');
    expect(shown.body).toContain('<img src="https://pics.example/ada.png" alt="">');
    expect(selected(page, 'sex')).toBe('');
    expect(selected(page, 'timezone')).toBe('');
    expect(selected(page, 'locale')).toBe('en_US');
  });

  it('links to the applications page, which links back', async () => {
    const { person, browser, page } = await signedInOnProfile();
    // "Your profile" is the profile page; its editor belongs to the same tab.
    expect(page.body).toContain(`<a href="/profile.php?id=${person.uid}" aria-current="page">Your profile</a>`);
    expect(page.body).toContain('<a href="/editapps.php">Your applications</a>');
    const apps = await browser.get('/editapps.php');
    expect(apps.body).toContain(`<a href="/profile.php?id=${person.uid}">Your profile</a>`);
    expect(apps.body).toContain('<a href="/editapps.php" aria-current="page">Your applications</a>');
  });

  it('offers a stored locale or time zone that is not in its lists', async () => {
    const { person, browser } = await signedInOnProfile();
    await server.services.people.update(person.uid, { locale: 'xx_YY', timezone: -2.25 });
    const page = await browser.get('/editprofile.php');
    expect(selected(page, 'locale')).toBe('xx_YY');
    expect(selected(page, 'timezone')).toBe('-2.25');
    expect(pageText(page.body)).toContain('GMT−2:15');
  });
});

describe('editprofile.php: saving', () => {
  it('saves every field, says so, and the store has it with the time of the change', async () => {
    const { person, browser, page } = await signedInOnProfile();
    expect(person.profileUpdatedAt).toBeNull();
    const before = Date.now();
    const saved = await browser.post(
      '/editprofile.php',
      formWith(page, {
        name: '  Grace   Brewster Hopper ',
        picture_url: ' https://pics.example/grace.jpg ',
        sex: 'female',
        birthday: 'december 9, 1906',
        locale: 'en_GB',
        timezone: '-5',
      }),
    );
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${server.url}/editprofile.php?saved=1`);

    const stored = (await server.store.people.findByUid(person.uid))!;
    expect(stored).toMatchObject({
      firstName: 'Grace',
      lastName: 'Brewster Hopper',
      pictureUrl: 'https://pics.example/grace.jpg',
      sex: 'female',
      birthday: 'December 9, 1906',
      locale: 'en_GB',
      timezone: -5,
      email: person.email,
    });
    expect(stored.profileUpdatedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const after = await browser.get(saved.location!);
    expect(pageText(after.body)).toContain('Your profile is saved.');
    expect(pageText(after.body)).toContain('Signed in as Grace Brewster Hopper.');
    expect(selected(after, 'timezone')).toBe('-5');
  });

  it('clears the picture and the optional fields when they are emptied', async () => {
    const { person, browser } = await signedInOnProfile();
    await server.services.people.update(person.uid, { pictureUrl: 'http://pics.example/x.png', sex: 'male', birthday: 'May 1', timezone: 1 });
    const page = await browser.get('/editprofile.php');
    const saved = await browser.post('/editprofile.php', formWith(page, { picture_url: '', sex: '', birthday: ' ', timezone: '' }));
    expect(saved.status).toBe(303);
    expect(await server.store.people.findByUid(person.uid)).toMatchObject({ pictureUrl: null, sex: null, birthday: null, timezone: null });
  });

  it("refuses a picture on Hearth's own host, and never shows one stored there", async () => {
    const { person, browser, page } = await signedInOnProfile();
    const own = `http://${new URL(server.url).hostname}:1/logout.php`;
    const refused = await browser.post('/editprofile.php', formWith(page, { picture_url: own }));
    expect(refused.status).toBe(400);
    expect(pageText(refused.body)).toContain('The picture must be on another site than Hearth itself.');
    // Stored by other means (the CLI): the pages leave it out.
    await server.store.people.update(person.uid, { pictureUrl: own }, new Date());
    const shown = await browser.get('/editprofile.php');
    expect(shown.body).not.toContain('<img src="http');
    expect((await browser.get(`/profile.php?id=${person.uid}`)).body).not.toContain(`<img src="${own}"`);
  });

  it('leaves the time of the last change alone when nothing changed', async () => {
    const { person, browser, page } = await signedInOnProfile();
    const saved = await browser.post('/editprofile.php', formWith(page, {}));
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`${server.url}/editprofile.php?saved=1`);
    expect((await server.store.people.findByUid(person.uid))!.profileUpdatedAt).toBeNull();
  });

  it('keeps fields left out of the POST as they are', async () => {
    const { person, browser } = await signedInOnProfile('Alan Turing');
    await server.services.people.update(person.uid, { sex: 'male' });
    const saved = await browser.post('/editprofile.php', { save: '1', csrf_token: browser.cookie('hearth_csrf')!, birthday: 'June 23' });
    expect(saved.status).toBe(303);
    expect(await server.store.people.findByUid(person.uid)).toMatchObject({ firstName: 'Alan', lastName: 'Turing', sex: 'male', birthday: 'June 23' });
  });

  it('refuses a save without the CSRF token', async () => {
    const { person, browser } = await signedInOnProfile();
    const forged = await browser.post('/editprofile.php', { save: '1', name: 'Mallory Evil' });
    expect(forged.status).toBe(403);
    expect(pageText(forged.body)).toContain('This form has expired. Go back and try again.');
    expect((await server.store.people.findByUid(person.uid))!.firstName).toBe('Ada');
  });
});

describe('editprofile.php: what cannot be saved', () => {
  async function refused(changes: Record<string, string>): Promise<{ person: Person; response: PageResponse }> {
    const { person, browser, page } = await signedInOnProfile();
    const response = await browser.post('/editprofile.php', formWith(page, changes));
    expect(response.status).toBe(400);
    // Nothing at all is saved when any field is refused.
    expect(await server.store.people.findByUid(person.uid)).toEqual(person);
    return { person, response };
  }

  function errors(page: PageResponse): Record<string, string> {
    return Object.fromEntries([...page.body.matchAll(/<p class="field-error" id="([a-z_]+)-error">([^<]*)<\/p>/g)].map((match) => [match[1]!, match[2]!]));
  }

  it.each(['not a url', 'javascript:alert(1)', 'ftp://pics.example/a.png', 'pics.example/a.png'])('a picture address that is not http(s): %s', async (picture) => {
    const { response } = await refused({ picture_url: picture, name: 'Grace Hopper' });
    expect(errors(response)).toEqual({ picture_url: 'The picture must be a web address that starts with http:// or https://.' });
    expect(pageText(response.body)).toContain('One field needs another look. Nothing was saved yet.');
    // What was typed is kept, the change to the name included.
    expect(shownValues(response)).toMatchObject({ picture_url: picture, name: 'Grace Hopper' });
    expect(response.body).toContain('aria-invalid="true" aria-describedby="picture_url-error"');
  });

  it.each(['Ada', '   ', ''])('a name without a first and a last name: %j', async (name) => {
    const { response } = await refused({ name });
    expect(errors(response)).toEqual({ name: 'Give your first and last name, such as “Ada Lovelace”.' });
  });

  it('every problem at once, with the values kept', async () => {
    const { response } = await refused({ name: 'Cher', birthday: 'the 5th of May', sex: 'other', locale: 'english', timezone: '25' });
    expect(Object.keys(errors(response)).sort()).toEqual(['birthday', 'locale', 'name', 'sex', 'timezone']);
    expect(pageText(response.body)).toContain('5 fields need another look.');
    expect(selected(response, 'sex')).toBe('other');
    expect(selected(response, 'timezone')).toBe('25');
    expect(shownValues(response)).toMatchObject({ name: 'Cher', birthday: 'the 5th of May', sex: 'other', timezone: '25', locale: 'english' });
  });

  it('escapes what was typed and what is stored', async () => {
    const { response } = await refused({ name: '<script>alert(1)</script>', picture_url: '"><img src=x onerror=alert(1)>' });
    expect(response.body).not.toContain('<script>');
    expect(response.body).not.toContain('<img src=x');
    expect(response.body).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(response.body).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');

    const { person, browser } = await signedInOnProfile();
    await server.services.people.update(person.uid, { name: 'Eve <b>Bold</b> "Quote"', pictureUrl: 'https://pics.example/a"onerror="alert(1)' });
    const page = await browser.get('/editprofile.php');
    expect(page.body).not.toContain('<b>');
    expect(page.body).toContain('Eve &lt;b&gt;Bold&lt;/b&gt; &quot;Quote&quot;');
    expect(page.body).toContain('<img src="https://pics.example/a&quot;onerror=&quot;alert(1)" alt="">');
  });
});
