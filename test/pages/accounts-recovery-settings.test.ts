/**
 * /recover.php and /settings.php on both stores: the same answer whether or not an address has an
 * account, a recovery link that sets a password once and signs the account out everywhere, and the
 * settings forms (password with the current one; a new address only once confirmed), every bad
 * input answered on the form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText } from '../support/browserless.js';
import { hasPostgres } from '../support/postgres.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { browserFromOwnAddress, freshEmail, lastLinkTo, mailsTo } from './accounts-kit.js';
import { formNames, PASSWORD, signedInBrowser } from './page-kit.js';

const BACKENDS = [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
];

describe.each(BACKENDS)('$backend: recovery and settings pages', ({ backend, skip }) => {
  let server: TestServer;
  let app: App;
  let addresses = 0;
  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend, trustProxy: ['127.0.0.1'] });
    app = await server.createApp('web');
  });
  afterAll(() => server?.close());

  const signedIn = (person: Person) => signedInBrowser(server, person, { 'x-forwarded-for': `192.0.2.${++addresses}` });
  const passwordWorks = async (person: Person, password: string) =>
    'person' in (await server.services.signIn.checkPassword({ email: person.email, password, address: `203.0.113.${++addresses}` }));

  describe.skipIf(skip)('/recover.php', () => {
    it('is linked from the sign-in forms', async () => {
      const page = await new Browserless(server.url).get(`/login.php?api_key=${app.apiKey}&v=1.0`);
      expect(page.body).toContain('<a href="/recover.php">Forgot your password?</a>');
    });

    it('answers alike for an address with an account and one without; only the first gets a mail', async () => {
      const person = await server.createPerson();
      const browser = browserFromOwnAddress(server);
      const form = await browser.get('/recover.php');
      expect(formNames(form)).toEqual(expect.arrayContaining(['email', 'csrf_token']));
      const known = await browser.submit(form, { fields: { email: person.email.toUpperCase() } });
      const unknown = freshEmail();
      const other = await browser.submit(form, { fields: { email: unknown } });
      expect([known.status, other.status]).toEqual([200, 200]);
      expect(pageText(known.body).replace(person.email, 'X')).toBe(pageText(other.body).replace(unknown, 'X'));
      const [mail] = await mailsTo(server, person.email);
      expect(mail!.subject).toBe('Set a new Hearth password');
      expect(await mailsTo(server, unknown)).toHaveLength(0);
    });

    it('an address that is not one is answered on the form', async () => {
      const browser = browserFromOwnAddress(server);
      const page = await browser.submit(await browser.get('/recover.php'), { fields: { email: 'nobody' } });
      expect(page.status).toBe(400);
      expect(pageText(page.body)).toContain('Give an e-mail address such as ada@example.org.');
      expect(page.body).toContain('value="nobody"');
    });

    it('the link sets a new password once and ends every sign-in and session the account had', async () => {
      const person = await server.createPerson();
      const elsewhere = await signedIn(person);
      const session = await server.services.sessions.createSession(app, person.uid, { withSecret: false });
      const browser = browserFromOwnAddress(server);
      await browser.submit(await browser.get('/recover.php'), { fields: { email: person.email } });
      const link = await lastLinkTo(server, person.email);
      expect(link.startsWith(`${server.url}/recover.php?c=`)).toBe(true);

      const form = await browser.get(link);
      expect(formNames(form)).toEqual(expect.arrayContaining(['c', 'new_password', 'confirm_password']));
      const mismatch = await browser.submit(form, { fields: { new_password: 'a brand new one', confirm_password: 'a brand new on' } });
      expect(mismatch.status).toBe(400);
      expect(pageText(mismatch.body)).toContain('The two passwords are not the same.');
      const short = await browser.submit(form, { fields: { new_password: 'short', confirm_password: 'short' } });
      expect(pageText(short.body)).toContain('Choose a password of at least 8 characters.');
      expect(await passwordWorks(person, PASSWORD)).toBe(true);

      const done = await browser.submit(form, { fields: { new_password: 'a brand new one', confirm_password: 'a brand new one' } });
      expect(done.status).toBe(200);
      expect(pageText(done.body)).toContain(`Your password is changed Sign in with ${person.email} and your new password.`);
      expect(await passwordWorks(person, PASSWORD)).toBe(false);
      expect(await passwordWorks(person, 'a brand new one')).toBe(true);
      expect(pageText((await elsewhere.get('/settings.php')).body)).toContain('Sign in to change your password or your e-mail address.');
      expect(await server.store.sessions.find(session.sessionKey)).toBeUndefined();

      const again = await browser.get(link);
      expect(again.status).toBe(404);
      expect(pageText(again.body)).toContain('This link cannot be used');
      const replayed = await browser.submit(form, { fields: { new_password: 'yet another one', confirm_password: 'yet another one' } });
      expect(replayed.status).toBe(404);
      expect(await passwordWorks(person, 'a brand new one')).toBe(true);
    });

    it('only the newest link works', async () => {
      const person = await server.createPerson();
      const browser = browserFromOwnAddress(server);
      const form = await browser.get('/recover.php');
      await browser.submit(form, { fields: { email: person.email } });
      const first = await lastLinkTo(server, person.email);
      await browser.submit(form, { fields: { email: person.email } });
      expect((await browser.get(first)).status).toBe(404);
      expect((await browser.get(await lastLinkTo(server, person.email))).status).toBe(200);
    });

    it('limits recovery mails to one address: the sixth in a day gets 429', async () => {
      const person = await server.createPerson();
      for (let index = 0; index < 6; index++) {
        const browser = browserFromOwnAddress(server);
        const page = await browser.submit(await browser.get('/recover.php'), { fields: { email: person.email } });
        expect(page.status).toBe(index < 5 ? 200 : 429);
      }
      expect(await mailsTo(server, person.email)).toHaveLength(5);
    });
  });

  describe.skipIf(skip)('/settings.php', () => {
    it('asks a browser that is not signed in to sign in', async () => {
      const page = await new Browserless(server.url).get('/settings.php');
      expect(page.status).toBe(200);
      expect(formNames(page)).toEqual(expect.arrayContaining(['email', 'pass']));
    });

    it('changes the password with the current one; other browsers are signed out, this one stays', async () => {
      const person = await server.createPerson();
      const browser = await signedIn(person);
      const other = await signedIn(person);
      const page = await browser.get('/settings.php');
      expect(formNames(page)).toEqual(expect.arrayContaining(['old_password', 'new_password', 'confirm_password', 'new_email', 'email_password']));

      const wrong = await browser.submit(page, { button: 'change_password', fields: { old_password: 'not it', new_password: 'much better one', confirm_password: 'much better one' } });
      expect(wrong.status).toBe(401);
      expect(pageText(wrong.body)).toContain('The password is not right. Nothing was changed.');
      const mismatch = await browser.submit(page, { button: 'change_password', fields: { old_password: PASSWORD, new_password: 'much better one', confirm_password: 'much better two' } });
      expect(mismatch.status).toBe(400);
      expect(pageText(mismatch.body)).toContain('The two new passwords are not the same.');

      const changed = await browser.submit(page, { button: 'change_password', fields: { old_password: PASSWORD, new_password: 'much better one', confirm_password: 'much better one' } });
      expect(changed.status).toBe(303);
      expect(changed.location).toBe(`${server.url}/settings.php?done=password`);
      const after = await browser.get('/settings.php?done=password');
      expect(pageText(after.body)).toContain('Your password is changed. Everywhere else you were signed in, you are signed out.');
      expect(formNames(await other.get('/settings.php'))).toContain('pass');
      expect(await passwordWorks(person, 'much better one')).toBe(true);
    });

    it('slows down guesses of the current password as the sign-in form does', async () => {
      const person = await server.createPerson();
      const browser = await signedIn(person);
      const page = await browser.get('/settings.php');
      const statuses: number[] = [];
      for (let index = 0; index < 7; index++) {
        const answer = await browser.submit(page, { button: 'change_password', fields: { old_password: `guess ${index}`, new_password: 'much better one', confirm_password: 'much better one' } });
        statuses.push(answer.status);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses).toContain(429);
    });

    it('changes the address only once the new one is confirmed; cancelling and sending again work', async () => {
      const person = await server.createPerson();
      const browser = await signedIn(person);
      const page = await browser.get('/settings.php');
      const submitEmail = (fields: Record<string, string>) => browser.submit(page, { button: 'change_email', fields });

      expect(pageText((await submitEmail({ new_email: 'nope', email_password: PASSWORD })).body)).toContain('Give an e-mail address such as ada@example.org.');
      expect(pageText((await submitEmail({ new_email: person.email, email_password: PASSWORD })).body)).toContain('This is already your address.');
      const taken = await server.createPerson();
      const takenPage = await submitEmail({ new_email: taken.email, email_password: PASSWORD });
      expect(takenPage.status).toBe(400);
      expect(pageText(takenPage.body)).toContain('Another account uses this address.');
      const target = freshEmail();
      const wrong = await submitEmail({ new_email: target, email_password: 'not it' });
      expect(wrong.status).toBe(401);
      expect(wrong.body).toContain(`value="${target}"`);
      expect(await mailsTo(server, target)).toHaveLength(0);

      const sent = await submitEmail({ new_email: target, email_password: PASSWORD });
      expect(sent.status).toBe(303);
      const waiting = await browser.get('/settings.php?done=email-sent');
      expect(pageText(waiting.body)).toContain(`Waiting for you to confirm ${target} with the link we mailed there.`);
      expect((await server.services.people.find(person.uid))!.email).toBe(person.email);
      const first = await lastLinkTo(server, target);

      expect((await browser.submit(waiting, { button: 'resend_email' })).status).toBe(303);
      const second = await lastLinkTo(server, target);
      expect(second).not.toBe(first);
      expect((await browser.get(first)).status).toBe(404);

      const confirmPage = await new Browserless(server.url).get(second);
      expect(pageText(confirmPage.body)).toContain(`Confirm that ${target} is your new address.`);
      const anyone = new Browserless(server.url);
      const done = await anyone.submit(await anyone.get(second), { button: 'confirm' });
      expect(pageText(done.body)).toContain(`Your new address is confirmed You sign in with ${target} from now on.`);
      expect((await server.services.people.find(person.uid))!.email).toBe(target);

      // Asking again and cancelling leaves the address as it is.
      const next = freshEmail();
      await browser.submit(await browser.get('/settings.php'), { button: 'change_email', fields: { new_email: next, email_password: PASSWORD } });
      const withPending = await browser.get('/settings.php');
      const link = await lastLinkTo(server, next);
      const cancelled = await browser.submit(withPending, { button: 'cancel_email' });
      expect(cancelled.location).toBe(`${server.url}/settings.php?done=email-cancelled`);
      expect(pageText((await browser.get('/settings.php')).body)).not.toContain('Waiting for you to confirm');
      expect((await browser.get(link)).status).toBe(404);
      expect((await server.services.people.find(person.uid))!.email).toBe(target);
    });

    it('a confirmation whose address became another account\'s meanwhile is refused with a clear page', async () => {
      const person = await server.createPerson();
      const browser = await signedIn(person);
      const target = freshEmail();
      await browser.submit(await browser.get('/settings.php'), { button: 'change_email', fields: { new_email: target, email_password: PASSWORD } });
      const link = await lastLinkTo(server, target);
      await server.services.people.register({ email: target, password: 'someone else', name: 'Someone Else' });
      const anyone = new Browserless(server.url);
      const refused = await anyone.submit(await anyone.get(link), { button: 'confirm' });
      expect(refused.status).toBe(409);
      expect(pageText(refused.body)).toContain('This address already has an account');
      expect((await server.services.people.find(person.uid))!.email).toBe(person.email);
    });
  });
});
