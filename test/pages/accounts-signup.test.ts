/**
 * /r.php and /confirmemail.php on both stores: the operator's three modes, every bad input answered
 * with a clear page, the protections (CSRF, the form's time stamp, the hidden field, the limits),
 * and the confirmation link that makes the account, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browserless, pageText } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { browserFromOwnAddress, freshEmail, lastLinkTo, mailsTo, submitSignUp } from './accounts-kit.js';
import { formNames, signedInBrowser } from './page-kit.js';

const BACKENDS = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

describe.each(BACKENDS)('$backend: sign-up pages', ({ backend, skip }) => {
  let server: TestServer;
  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend, trustProxy: ['127.0.0.1'] });
  });
  afterAll(() => server?.close());

  const open = () => server.services.signUps.setMode('open');

  /** Signs up `email` and follows the confirmation link; answers the confirmation page. */
  async function signUpAndConfirm(browser: Browserless, email: string) {
    const sent = await submitSignUp(server, browser, await browser.get('/r.php'), { reg_email__: email });
    expect(sent.status, pageText(sent.body)).toBe(200);
    const link = await lastLinkTo(server, email);
    const confirmPage = await browser.get(link);
    return browser.submit(confirmPage, { button: 'confirm' });
  }

  describe.skipIf(skip)('modes', () => {
    it('is closed until the operator opens it: a page saying so, on GET and POST', async () => {
      expect(await server.services.signUps.mode()).toBe('closed');
      const browser = browserFromOwnAddress(server);
      const page = await browser.get('/r.php');
      expect(page.status).toBe(403);
      expect(pageText(page.body)).toContain('Sign-up is closed This Hearth server does not take new accounts.');
      const posted = await browser.post('/r.php', { csrf_token: browser.cookie('hearth_csrf') ?? '', reg_email__: freshEmail() });
      expect(posted.status).toBe(403);
    });

    it('by invitation: no code, a code that is not one, then a code that works once', async () => {
      await server.services.signUps.setMode('invite');
      const browser = browserFromOwnAddress(server);
      expect(pageText((await browser.get('/r.php')).body)).toContain('Sign-up is by invitation');
      const forged = await browser.get('/r.php?invite=not-a-code');
      expect(forged.status).toBe(410);
      expect(pageText(forged.body)).toContain('This invitation cannot be used');

      const { code } = await server.services.signUps.invite(undefined);
      const form = await browser.get(`/r.php?invite=${code}`);
      expect(form.status).toBe(200);
      const email = freshEmail();
      expect((await submitSignUp(server, browser, form, { reg_email__: email })).status).toBe(200);
      expect(await mailsTo(server, email)).toHaveLength(1);
      const again = await submitSignUp(server, browser, form, { reg_email__: freshEmail() });
      expect(again.status).toBe(410);
      expect((await browser.get(`/r.php?invite=${code}`)).status).toBe(410);
    });

    it('an invitation for one address takes no other, and shows that address', async () => {
      await server.services.signUps.setMode('invite');
      const invited = freshEmail();
      const { code } = await server.services.signUps.invite(invited.toUpperCase());
      const browser = browserFromOwnAddress(server);
      const form = await browser.get(`/r.php?invite=${code}`);
      expect(form.body).toContain(`value="${invited}"`);
      const other = await submitSignUp(server, browser, form, { reg_email__: freshEmail() });
      expect(other.status).toBe(400);
      expect(pageText(other.body)).toContain(`This invitation is for ${invited}.`);
      // Refused fields do not spend it.
      expect((await submitSignUp(server, browser, form, { reg_email__: invited })).status).toBe(200);
    });
  });

  describe.skipIf(skip)('open sign-up', () => {
    beforeAll(() => open());

    it('shows the platform fields, the stamp, the hidden field and the CSRF token', async () => {
      const page = await browserFromOwnAddress(server).get('/r.php');
      expect(page.status).toBe(200);
      expect(formNames(page)).toEqual(expect.arrayContaining(['firstname', 'lastname', 'reg_email__', 'reg_passwd__', 'website', 'form_started', 'csrf_token']));
      expect(page.body).toMatch(/<div hidden aria-hidden="true"><label for="website">/);
    });

    it('makes no account until the link is followed; then the account signs in with its password', async () => {
      await open();
      const browser = browserFromOwnAddress(server);
      const email = freshEmail();
      const sent = await submitSignUp(server, browser, await browser.get('/r.php'), { reg_email__: email.toUpperCase(), firstname: ' Grace ', lastname: 'Brewster  Hopper' });
      expect(pageText(sent.body)).toContain(`Check your e-mail We sent a link to ${email}.`);
      expect(await server.services.people.findByEmail(email)).toBeUndefined();
      const [mail] = await mailsTo(server, email);
      expect(mail!.subject).toBe('Confirm your e-mail address for Hearth');
      expect(mail!.text).toContain('Hello Grace,');

      const link = await lastLinkTo(server, email);
      expect(link.startsWith(`${server.url}/confirmemail.php?c=`)).toBe(true);
      // Opening the link (as a mail scanner would) confirms nothing.
      const shown = await browser.get(link);
      expect(pageText(shown.body)).toContain(`Confirm that ${email} is your address`);
      expect(await server.services.people.findByEmail(email)).toBeUndefined();

      const confirmed = await browser.submit(shown, { button: 'confirm' });
      expect(confirmed.status).toBe(200);
      expect(pageText(confirmed.body)).toContain('Welcome to Hearth, Grace Your address is confirmed and your account is ready.');
      const person = (await server.services.people.findByEmail(email))!;
      expect([person.firstName, person.lastName]).toEqual(['Grace', 'Brewster Hopper']);
      const outcome = await server.services.signIn.checkPassword({ email, password: 'compiler first', address: '203.0.113.9' });
      expect('person' in outcome && outcome.person.uid).toBe(person.uid);

      // Once only.
      const reused = await browser.submit(shown, { button: 'confirm' });
      expect(reused.status).toBe(404);
      expect(pageText(reused.body)).toContain('This link cannot be used');
    });

    it('answers every field that is wrong at once, keeping what was typed but the password', async () => {
      const browser = browserFromOwnAddress(server);
      const form = await browser.get('/r.php');
      const page = await submitSignUp(server, browser, form, { firstname: ' ', lastname: 'x'.repeat(51), reg_email__: 'not an address', reg_passwd__: 'short' });
      expect(page.status).toBe(400);
      const text = pageText(page.body);
      expect(text).toContain('4 fields need another look.');
      expect(text).toContain('Give your first name.');
      expect(text).toContain('Give your last name in at most 50 letters.');
      expect(text).toContain('Give an e-mail address such as ada@example.org.');
      expect(text).toContain('Choose a password of at least 8 characters.');
      expect(page.body).toContain('value="not an address"');
      expect(page.body).not.toContain('value="short"');
      const angle = await submitSignUp(server, browser, form, { firstname: '<b>Grace</b>', reg_email__: freshEmail() });
      expect(pageText(angle.body)).toContain('One field needs another look.');
      expect(angle.body).toContain('value="&lt;b&gt;Grace&lt;/b&gt;"');
    });

    it('refuses a form sent back within seconds, a forged stamp and a stale one, keeping what was typed', async () => {
      const browser = browserFromOwnAddress(server);
      const form = await browser.get('/r.php');
      const email = freshEmail();
      const quick = await browser.submit(form, { fields: { firstname: 'Ada', lastname: 'King', reg_email__: email, reg_passwd__: 'analytical' } });
      expect(quick.status).toBe(400);
      expect(pageText(quick.body)).toContain('That was quicker than a person fills in the form (3 seconds at least).');
      expect(quick.body).toContain(`value="${email}"`);
      const forged = await submitSignUp(server, browser, form, { reg_email__: email, form_started: `${Date.now() - 60_000}.${'A'.repeat(43)}` });
      expect(pageText(forged.body)).toContain('This form could not be checked.');
      const stale = await submitSignUp(server, browser, form, { reg_email__: email, form_started: await server.services.signUps.formStamp(new Date(Date.now() - 3 * 3_600_000)) });
      expect(pageText(stale.body)).toContain('The form was open for too long.');
      expect(await mailsTo(server, email)).toHaveLength(0);
    });

    it('tells a program that fills in the hidden field it went well, and does nothing', async () => {
      const browser = browserFromOwnAddress(server);
      const email = freshEmail();
      const page = await submitSignUp(server, browser, await browser.get('/r.php'), { reg_email__: email, website: 'http://spam.example' });
      expect(page.status).toBe(200);
      expect(pageText(page.body)).toContain('Check your e-mail');
      expect(await mailsTo(server, email)).toHaveLength(0);
    });

    it('refuses a form without the CSRF token', async () => {
      const browser = browserFromOwnAddress(server);
      const page = await submitSignUp(server, browser, await browser.get('/r.php'), { reg_email__: freshEmail(), csrf_token: 'x' });
      expect(page.status).toBe(403);
      expect(pageText(page.body)).toContain('This form has expired');
    });

    it('an address that has an account gets the same page, and a mail saying so; no second account', async () => {
      const person = await server.createPerson();
      const browser = browserFromOwnAddress(server);
      const page = await submitSignUp(server, browser, await browser.get('/r.php'), { reg_email__: person.email });
      expect(pageText(page.body)).toContain(`Check your e-mail We sent a link to ${person.email}.`);
      const [mail] = await mailsTo(server, person.email);
      expect(mail!.subject).toBe('You already have a Hearth account');
      expect(mail!.text).toContain(`${server.url}/recover.php`);
      expect((await server.services.people.list()).filter((someone) => someone.email === person.email)).toHaveLength(1);
    });

    it('limits sign-ups from one address: the sixth in an hour gets 429 with Retry-After', async () => {
      const browser = browserFromOwnAddress(server);
      const form = await browser.get('/r.php');
      for (let index = 0; index < 5; index++) expect((await submitSignUp(server, browser, form, { reg_email__: freshEmail() })).status).toBe(200);
      const email = freshEmail();
      const sixth = await submitSignUp(server, browser, form, { reg_email__: email });
      expect(sixth.status).toBe(429);
      expect(sixth.headers.get('retry-after')).toBe('3600');
      expect(pageText(sixth.body)).toContain('Too many sign-ups just now');
      expect(await mailsTo(server, email)).toHaveLength(0);
      // Another address is not held up by it.
      const other = browserFromOwnAddress(server);
      expect((await submitSignUp(server, other, await other.get('/r.php'), { reg_email__: email })).status).toBe(200);
    });

    it('sends the link again: the new one works, the old one no longer does', async () => {
      const browser = browserFromOwnAddress(server);
      const email = freshEmail();
      const sent = await submitSignUp(server, browser, await browser.get('/r.php'), { reg_email__: email });
      const first = await lastLinkTo(server, email);
      const resent = await browser.submit(sent, { fields: { email } });
      expect(resent.status).toBe(200);
      expect(pageText(resent.body)).toContain(`If a sign-up is waiting for ${email}, a new link is on its way there.`);
      const second = await lastLinkTo(server, email);
      expect(second).not.toBe(first);
      expect((await browser.get(first)).status).toBe(404);
      const confirmed = await browser.submit(await browser.get(second), { button: 'confirm' });
      expect(confirmed.status).toBe(200);
      // For an address with nothing waiting the answer is the same, and nothing is sent.
      const nobody = freshEmail();
      expect(pageText((await browser.submit(sent, { fields: { email: nobody } })).body)).toContain(`If a sign-up is waiting for ${nobody}`);
      expect(await mailsTo(server, nobody)).toHaveLength(0);
    });

    it('a link without a code, or with a code that is not one, gets a clear page with the way to a new one', async () => {
      const browser = browserFromOwnAddress(server);
      const missing = await browser.get('/confirmemail.php');
      expect(missing.status).toBe(400);
      expect(pageText(missing.body)).toContain('This link is incomplete');
      expect(formNames(missing)).toContain('resend');
      const wrong = await browser.get('/confirmemail.php?c=nonsense');
      expect(wrong.status).toBe(404);
      const posted = await browser.post('/confirmemail.php', { csrf_token: browser.cookie('hearth_csrf')!, confirm: '1', c: 'A'.repeat(43) });
      expect(posted.status).toBe(404);
    });

    it('a second sign-up of one address replaces the first: only its link makes the account', async () => {
      const email = freshEmail();
      const one = browserFromOwnAddress(server);
      const two = browserFromOwnAddress(server);
      await submitSignUp(server, one, await one.get('/r.php'), { reg_email__: email });
      const firstLink = await lastLinkTo(server, email);
      const firstPage = await one.get(firstLink);
      expect((await signUpAndConfirm(two, email)).status).toBe(200);
      expect((await one.submit(firstPage, { button: 'confirm' })).status).toBe(404);
      expect((await server.services.people.findByEmail(email))?.firstName).toBe('Grace');
    });

    it('a signed-in person is told they have an account', async () => {
      const person = await server.createPerson();
      const browser = await signedInBrowser(server, person, { 'x-forwarded-for': '203.0.113.77' });
      expect(pageText((await browser.get('/r.php')).body)).toContain('You have an account You are signed in as Ada Lovelace.');
    });
  });
});
