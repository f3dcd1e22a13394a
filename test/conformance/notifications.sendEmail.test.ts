/**
 * notifications.sendEmail on both backends: the answer in XML and JSON (the uids mailed,
 * comma-separated), who receives (authorized the app and granted it email), the mail each gets in
 * the outbox (from the app, the "stop" line where the app's allocation puts it, FBML made into
 * text and safe HTML), the emails_per_day allocation, desktop apps' session rule, and every error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { Person } from '../../src/features/people/records.js';
import { BACKENDS, clientOf, grant, sessionless } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, xmlScalarAnswer, type TestServer } from '../support/test-server.js';
import { desktopClient, signedInSession } from '../support/sessions.js';

const METHOD = 'notifications.sendEmail';
type Args = Readonly<Record<string, string | number>>;

describe.each(BACKENDS)('$backend: notifications.sendEmail', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let ada: Person, bob: Person, cleo: Person, dan: Person;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.services.apps.register({ name: 'Gears', type: 'web' });
    [ada, bob, cleo, dan] = [await server.createPerson('Ada Lovelace'), await server.createPerson('Bob Bobson'), await server.createPerson('Cleo Cleary'), await server.createPerson('Dan Dennett')];
    await grant(server, web, ada, 'email');
    await grant(server, web, bob, 'email', 'read_stream');
    await grant(server, web, cleo, 'read_stream');
    // Dan granted email to another app only.
    await grant(server, await server.createApp('web'), dan, 'email');
  });
  afterAll(() => server?.close());

  const call = (client: RestClient, args: Args, format: 'xml' | 'json') => client.callRaw(METHOD, args, { format });
  const both = (client: RestClient) => ({ xml: client, json: client });
  const fails = async (clients: { xml: RestClient; json: RestClient }, args: Args, code: number, message: string | RegExp) => {
    for (const format of ['xml', 'json'] as const) expectError(await call(clients[format], args, format), format, code, message);
  };
  /** The mails in the outbox to this person, oldest first. */
  const mailsTo = async (person: Person) => (await server.services.mail.list({ limit: 1000 })).filter((mail) => mail.toUid === person.uid).reverse();
  const uids = (...people: Person[]) => people.map((person) => person.uid).join(',');

  it.skipIf(skip)('xml: the uids mailed, comma-separated, in the order asked; only those who authorized the app and granted email', async () => {
    const answer = await call(sessionless(server, web), { recipients: uids(bob, cleo, dan, ada, bob), subject: 'Your gears', text: 'Three new gears.' }, 'xml');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(xmlScalarAnswer('notifications_sendEmail_response', uids(bob, ada)));
    expect(await mailsTo(cleo)).toEqual([]);
    expect(await mailsTo(dan)).toEqual([]);
    const [mail] = await mailsTo(bob);
    expect(mail).toMatchObject({ kind: 'app', appId: web.appId, toAddress: bob.email, fromName: 'Gears', subject: 'Your gears', html: null });
    expect(mail!.fromAddress).toMatch(/^apps@/);
    expect(mail!.text).toBe(`Three new gears.\n\n---\n\nTo stop receiving e-mail from Gears, remove it from your applications: ${server.url}/editapps.php`);
    expect(await mailsTo(ada)).toHaveLength(1);
  });

  it.skipIf(skip)('json: a string; nobody mailed is "" (and an empty XML element); recipients as a JSON array', async () => {
    const client = sessionless(server, web);
    expect((await call(client, { recipients: JSON.stringify([ada.uid, bob.uid]), subject: 'Hi', text: 'x' }, 'json')).body).toBe(`"${uids(ada, bob)}"`);
    expect((await call(client, { recipients: uids(cleo, dan), subject: 'Hi', text: 'x' }, 'json')).body).toBe('""');
    expect((await call(client, { recipients: String(cleo.uid), subject: 'Hi', text: 'x' }, 'xml')).body).toBe(xmlScalarAnswer('notifications_sendEmail_response', ''));
  });

  it.skipIf(skip)('fbml: names, links made absolute and line breaks kept; scripts, images and styles gone; the subject takes fb:name as text', async () => {
    const person = await server.createPerson('Fay Fbml');
    await grant(server, web, person, 'email');
    const fbml = `Hello <fb:name uid="${ada.uid}" useyou="false"/>,<br/>see <a href="/profile.php?id=${ada.uid}">her profile</a> and <a href="javascript:alert(1)">this</a>.<script>alert(2)</script><img src="http://example.org/x.gif"/><p style="color:red">Bye &amp; <b>thanks</b></p>`;
    const answer = await call(sessionless(server, web), { recipients: person.uid, subject: `News from <fb:name uid="${ada.uid}"/>`, fbml }, 'json');
    expect(answer.body).toBe(`"${person.uid}"`);
    const [mail] = await mailsTo(person);
    expect(mail!.subject).toBe('News from Ada Lovelace');
    const profile = `${server.url}/profile.php?id=${ada.uid}`;
    expect(mail!.html).toContain(`Hello <a href="${profile}">Ada Lovelace</a>,<br>`);
    expect(mail!.html).toContain(`see <a href="${profile}">her profile</a> and this.`);
    expect(mail!.html).toContain('Bye &amp; thanks');
    expect(mail!.html).toContain(`<a href="${server.url}/editapps.php">`);
    expect(mail!.html).not.toMatch(/<script|<img|style=|javascript:|<b>/i);
    expect(mail!.text).toBe(`Hello Ada Lovelace (${profile}),\nsee her profile (${profile}) and this.\nBye & thanks\n\n---\n\nTo stop receiving e-mail from Gears, remove it from your applications: ${server.url}/editapps.php`);
  });

  it.skipIf(skip)('text and fbml both: the text is the plain part, the fbml the HTML part', async () => {
    const person = await server.createPerson('Gil Both');
    await grant(server, web, person, 'email');
    await call(sessionless(server, web), { recipients: person.uid, subject: 'Both', text: 'Plain words', fbml: '<b>Rich</b> words' }, 'xml');
    const [mail] = await mailsTo(person);
    expect(mail!.text.startsWith('Plain words\n\n---\n\n')).toBe(true);
    expect(mail!.html!.startsWith('Rich words\n<hr>\n<p>To stop receiving')).toBe(true);
  });

  it.skipIf(skip)('emails_per_day: five a day from one app to one person, then they are left out; others in the call and another app still may', async () => {
    const [hal, kim] = [await server.createPerson('Hal Allocated'), await server.createPerson('Kim Allocated')];
    const other = await server.services.apps.register({ name: 'Sprockets', type: 'web' });
    for (const person of [hal, kim]) await grant(server, web, person, 'email');
    await grant(server, other, hal, 'email');
    const answers: string[] = [];
    for (let n = 0; n < 6; n++) answers.push((await call(sessionless(server, web), { recipients: hal.uid, subject: `Round ${n}`, text: 'x' }, 'json')).body);
    expect(answers).toEqual([...Array(5).fill(`"${hal.uid}"`), '""']);
    expect((await mailsTo(hal)).map((mail) => mail.subject)).toEqual(['Round 0', 'Round 1', 'Round 2', 'Round 3', 'Round 4']);
    expect((await call(sessionless(server, web), { recipients: uids(hal, kim), subject: 'Both', text: 'x' }, 'xml')).body).toBe(xmlScalarAnswer('notifications_sendEmail_response', String(kim.uid)));
    expect((await call(sessionless(server, other), { recipients: hal.uid, subject: 'Other app', text: 'x' }, 'json')).body).toBe(`"${hal.uid}"`);
  });

  it.skipIf(skip)('a web app in a session mails whom it names; a desktop app only its session user, signed with the application secret', async () => {
    const desktop = await server.services.apps.register({ name: 'Desk', type: 'desktop' });
    const [ivy, jon] = [await server.createPerson('Ivy Desk'), await server.createPerson('Jon Desk')];
    await grant(server, desktop, ivy, 'email');
    await grant(server, desktop, jon, 'email');
    const session = await signedInSession(server, desktop, ivy);
    for (const format of ['xml', 'json'] as const) {
      const client = server.client(desktop, { format }).withSession({ sessionKey: session.session_key });
      const answer = await call(client, { recipients: uids(jon, ivy), subject: `Desk ${format}`, text: 'x' }, format);
      expect(answer.body).toBe(format === 'xml' ? xmlScalarAnswer('notifications_sendEmail_response', String(ivy.uid)) : `"${ivy.uid}"`);
    }
    expect(await mailsTo(jon)).toEqual([]);
    const webSession = await clientOf(server, web, cleo, ['email'], 'json');
    expect((await call(webSession, { recipients: uids(cleo, bob), subject: 'From a session', text: 'x' }, 'json')).body).toBe(`"${uids(cleo, bob)}"`);
    await fails(both(server.client(desktop)), { recipients: ivy.uid, subject: 'x', text: 'x' }, 102, /^Session key invalid or no longer valid/);
    await fails(both(desktopClient(server, desktop, session, { useSessionSecret: true })), { recipients: ivy.uid, subject: 'x', text: 'x' }, 15, /^This method call must be signed with the application secret/);
  });

  it.skipIf(skip)('refuses: no recipients 100, a bad list 114, more than 100 people 100, no subject 100, neither text nor fbml 100', async () => {
    const app = both(sessionless(server, web));
    await fails(app, { subject: 'x', text: 'x' }, 100, 'Invalid parameter (recipients: missing)');
    await fails(app, { recipients: 'ada', subject: 'x', text: 'x' }, 114, 'Invalid user id list (recipients: "ada" is not a uid)');
    await fails(app, { recipients: '[1,', subject: 'x', text: 'x' }, 114, /^Invalid user id list/);
    const many = Array.from({ length: 101 }, (_, index) => 500_000_001 + index).join(',');
    await fails(app, { recipients: many, subject: 'x', text: 'x' }, 100, 'Invalid parameter (recipients: more than 100 people)');
    await fails(app, { recipients: ada.uid, text: 'x' }, 100, 'Invalid parameter (subject: missing)');
    await fails(app, { recipients: ada.uid, subject: '<img src="http://example.org/x.gif"/>', text: 'x' }, 100, 'Invalid parameter (subject: no text in it)');
    await fails(app, { recipients: ada.uid, subject: 'x' }, 100, 'Invalid parameter (text: give the body as text or fbml)');
    await fails(app, { recipients: ada.uid, subject: 'x', text: '', fbml: '' }, 100, 'Invalid parameter (text: give the body as text or fbml)');
  });
});
