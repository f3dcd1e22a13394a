/**
 * event.php, events.php and createevent.php on both stores: what the event page shows and to whom
 * (SECRET events the 404 for strangers, CLOSED guest lists for guests only), times in the viewer's
 * time zone, answers and invitations by form as events.getMembers then reports them, the CSRF
 * token, malformed input, and making an event with the form.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../sdk/index.js';
import type { App } from '../../src/features/apps/records.js';
import type { EventChanges } from '../../src/features/events/event-info.js';
import type { Person } from '../../src/features/people/records.js';
import { Browserless, pageText, type PageResponse } from '../support/browserless.js';
import { multipart, postMultipart } from '../support/multipart-form.js';
import { hasPostgres } from '../support/postgres.js';
import { signedInSession, webClient } from '../support/sessions.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import { hiddenValue, signedInBrowser } from './page-kit.js';

/** 19:30 on Friday 14 May 2032 in California, as the platform stores it (Pacific wall clock read as UTC): upcoming for years. */
const MAY_14_EVENING = Date.UTC(2032, 4, 14, 19, 30) / 1000;
const HOUR = 3600;

/** The part of a page from `marker` to `end`. */
function section(page: PageResponse, marker: string, end = '</section>'): string {
  const start = page.body.indexOf(marker);
  if (start === -1) return '';
  const stop = page.body.indexOf(end, start);
  return page.body.slice(start, stop === -1 ? undefined : stop);
}

/** The names under one heading of the guest list. */
function guestsUnder(page: PageResponse, status: string): string[] {
  const group = section(page, `data-status="${status}"`, '</div>');
  return [...group.matchAll(/<a href="\/profile\.php\?id=\d+">([^<]*)<\/a>/g)].map((match) => match[1]!);
}

for (const { backend, skip } of [
  { backend: 'sqlite' as const, skip: false },
  { backend: 'postgres' as const, skip: !hasPostgres },
]) describe.skipIf(skip)(`${backend}: the event pages`, () => {
  let server: TestServer;
  let app: App;

  beforeAll(async () => {
    server = await startTestServer({ backend });
    app = await server.createApp('web');
  });
  afterAll(() => server?.close());

  /** Ada and Bob are friends, Cleo is Bob's friend, Dee knows nobody; each with a browser of their own. */
  async function world() {
    const [ada, bob, cleo, dee] = [
      await server.createPerson('Ada Lovelace'),
      await server.createPerson('Bob Bobson'),
      await server.createPerson('Cleo Cleary'),
      await server.createPerson('Dee Stranger'),
    ];
    await server.services.friends.addDirectly(ada.uid, bob.uid);
    await server.services.friends.addDirectly(bob.uid, cleo.uid);
    const browsers = {
      ada: await signedInBrowser(server, ada),
      bob: await signedInBrowser(server, bob),
      cleo: await signedInBrowser(server, cleo),
      dee: await signedInBrowser(server, dee),
      nobody: new Browserless(server.url),
    };
    return { ada, bob, cleo, dee, browsers };
  }

  function makeEvent(creator: Person, changes: EventChanges = {}): Promise<number> {
    return server.services.events
      .create({ changes: { name: 'Analytical Evening', startTime: MAY_14_EVENING, endTime: MAY_14_EVENING + 3 * HOUR, ...changes }, creator: creator.uid, appId: null, defaultHost: `${creator.firstName} ${creator.lastName}` })
      .then((event) => event.eid);
  }

  async function membersOf(session: SessionInfo, eid: number): Promise<Record<string, number[]>> {
    return JSON.parse((await webClient(server, app, session).callRaw('events.getMembers', { eid }, { format: 'json' })).body) as Record<string, number[]>;
  }

  /** Posts to the event page with these fields and the browser's CSRF token, as a form of `page` would (or a forged one, where `page` has none). */
  function postForm(browser: Browserless, page: PageResponse, eid: number, fields: Record<string, string>): Promise<PageResponse> {
    return browser.post(`/event.php?eid=${eid}`, { csrf_token: hiddenValue(page, 'csrf_token') ?? browser.cookie('hearth_csrf')!, ...fields });
  }

  it('shows the event: name, tagline, host, type, times in the viewer’s zone, place, description, creator, guests linked', async () => {
    const { ada, bob, browsers } = await world();
    await server.services.people.update(bob.uid, { timezone: 1 });
    const eid = await makeEvent(ada, {
      tagline: 'Numbers & looms',
      host: 'The Analytical Society',
      eventType: 'Party',
      eventSubtype: 'Birthday Party',
      location: 'Royal Institution',
      street: '21 Albemarle Street',
      city: 'London',
      description: 'Bring a punched card.\nOr two.',
    });
    const [event] = await server.store.events.byIds([eid]);
    await server.services.events.invite(event!, [bob.uid], ada.uid, '');

    const forAda = await browsers.ada.get(`/event.php?eid=${eid}`);
    expect(forAda.status).toBe(200);
    expect(forAda.headers.get('content-security-policy')).toContain("default-src 'none'");
    const text = pageText(forAda.body);
    expect(forAda.body).toContain('<h1 class="event-name">Analytical Evening</h1>');
    for (const expected of [
      'Numbers & looms',
      'Host: The Analytical Society',
      'Type: Party – Birthday Party',
      // Ada gave no time zone: the platform's Pacific time, as stored.
      'Start time: Friday, 14 May 2032 at 19:30 Pacific Time',
      'End time: Friday, 14 May 2032 at 22:30 Pacific Time',
      'Location: Royal Institution',
      'Street: 21 Albemarle Street',
      'City: London',
      'Created by: Ada Lovelace',
      'Privacy: Open event',
      'Bring a punched card. Or two.',
    ]) expect(text).toContain(expected);
    expect(forAda.body).toContain(`<time datetime="2032-05-15T02:30:00.000Z">`);
    expect(guestsUnder(forAda, 'attending')).toEqual(['Ada Lovelace']);
    expect(guestsUnder(forAda, 'not_replied')).toEqual(['Bob Bobson']);
    expect(section(forAda, 'data-status="attending"', '</div>')).toContain(`<a href="/profile.php?id=${ada.uid}">Ada Lovelace</a>`);
    expect(text).toContain('Attending (1)');
    expect(text).toContain('Awaiting Reply (1)');
    expect(text).toContain('Your answer You are attending.');

    // Text from the store is text, never markup.
    const hostile = await makeEvent(ada, { name: '<script>alert(1)</script>', description: '<img src=x onerror=alert(1)>', location: '"><b>x</b>' });
    const hostilePage = await browsers.ada.get(`/event.php?eid=${hostile}`);
    expect(hostilePage.body).not.toMatch(/<script>alert|<img src=x|<b>x<\/b>/);
    expect(pageText(hostilePage.body)).toContain('<script>alert(1)</script>');

    // Bob is at GMT+1: 02:30 UTC is 03:30 on the Saturday for him.
    const forBob = pageText((await browsers.bob.get(`/event.php?eid=${eid}`)).body);
    expect(forBob).toContain('Start time: Saturday, 15 May 2032 at 03:30 GMT+1');
    expect(forBob).toContain('You are invited and have not replied yet.');
  });

  it('hides a SECRET event from all but its guests, and a CLOSED event’s guests from all but its guests', async () => {
    const { ada, bob, browsers } = await world();
    const secret = await makeEvent(ada, { name: 'Secret Society', privacy: 'SECRET' });
    const closed = await makeEvent(ada, { name: 'Closed Circle', privacy: 'CLOSED' });
    const open = await makeEvent(ada, { name: 'Open House' });
    for (const eid of [secret, closed]) {
      const [event] = await server.store.events.byIds([eid]);
      await server.services.events.invite(event!, [bob.uid], ada.uid, '');
    }
    const status = async (who: keyof typeof browsers, eid: number) => (await browsers[who].get(`/event.php?eid=${eid}`)).status;
    expect({ ada: await status('ada', secret), bob: await status('bob', secret), dee: await status('dee', secret), nobody: await status('nobody', secret) }).toEqual({ ada: 200, bob: 200, dee: 404, nobody: 404 });
    const hidden = await browsers.dee.get(`/event.php?eid=${secret}`);
    expect(hidden.body).toContain('<h1>No such event</h1>');
    expect(hidden.body).not.toContain('Secret Society');
    // The same page as for an eid that names nothing.
    const unknown = await browsers.dee.get('/event.php?eid=999999999');
    expect(unknown.status).toBe(404);
    expect(pageText(unknown.body)).toBe(pageText(hidden.body));

    const closedForDee = await browsers.dee.get(`/event.php?eid=${closed}`);
    expect(closedForDee.status).toBe(200);
    expect(pageText(closedForDee.body)).toContain('Closed Circle');
    expect(pageText(closedForDee.body)).toContain('Only the guests see who is invited to this event.');
    expect(closedForDee.body).not.toContain('Bob Bobson');
    expect(pageText(closedForDee.body)).toContain('This event takes answers only from the people invited.');
    expect(closedForDee.body).not.toContain('name="rsvp"');
    const closedForBob = await browsers.bob.get(`/event.php?eid=${closed}`);
    expect(guestsUnder(closedForBob, 'not_replied')).toEqual(['Bob Bobson']);
    // The wall likewise: Bob, a guest, may write on it; Dee may not.
    expect(section(closedForBob, 'class="place-wall"')).toContain('name="message"');
    expect(section(closedForDee, 'class="place-wall"')).not.toContain('name="message"');

    // A visitor sees an OPEN event, but not whom people know, and is asked to sign in to answer.
    const openForNobody = await browsers.nobody.get(`/event.php?eid=${open}`);
    expect(openForNobody.status).toBe(200);
    expect(pageText(openForNobody.body)).toContain('Sign in to see who is invited.');
    expect(pageText(openForNobody.body)).toContain('Sign in to answer.');
    expect(section(openForNobody, 'id="guests-title"')).not.toContain('Ada Lovelace');
    const openForDee = await browsers.dee.get(`/event.php?eid=${open}`);
    expect(guestsUnder(openForDee, 'attending')).toEqual(['Ada Lovelace']);
  });

  it('takes answers by form as events.getMembers then reports them; a CLOSED event only from the people invited', async () => {
    const { ada, bob, dee, browsers } = await world();
    const eid = await makeEvent(ada);
    const session = await signedInSession(server, app, dee);
    const page = await browsers.dee.get(`/event.php?eid=${eid}`);
    expect(pageText(page.body)).toContain('Your answer Will you attend?');
    const attending = await browsers.dee.submit(page, { button: 'rsvp' });
    expect(attending.status).toBe(303);
    expect(attending.location).toBe(`${server.url}/event.php?eid=${eid}`);
    expect((await membersOf(session, eid)).attending).toEqual([ada.uid, dee.uid]);
    const after = await browsers.dee.get(`/event.php?eid=${eid}`);
    expect(pageText(after.body)).toContain('You are attending.');
    expect(after.body).toContain('name="rsvp" value="attending" aria-pressed="true"');
    expect(guestsUnder(after, 'attending')).toEqual(['Ada Lovelace', 'Dee Stranger']);

    expect((await postForm(browsers.dee, after, eid, { rsvp: 'unsure' })).status).toBe(303);
    expect(await membersOf(session, eid)).toEqual({ attending: [ada.uid], unsure: [dee.uid], declined: [], not_replied: [] });
    expect((await postForm(browsers.dee, after, eid, { rsvp: 'declined' })).status).toBe(303);
    expect((await membersOf(session, eid)).declined).toEqual([dee.uid]);
    expect(guestsUnder(await browsers.ada.get(`/event.php?eid=${eid}`), 'declined')).toEqual(['Dee Stranger']);

    // `not_replied` is no answer; neither is anything else.
    for (const value of ['not_replied', 'yes', '']) {
      const refused = await postForm(browsers.dee, after, eid, { rsvp: value });
      expect(refused.status).toBe(400);
    }
    expect((await membersOf(session, eid)).declined).toEqual([dee.uid]);

    const closed = await makeEvent(ada, { privacy: 'CLOSED' });
    const closedPage = await browsers.dee.get(`/event.php?eid=${closed}`);
    const refused = await postForm(browsers.dee, closedPage, closed, { rsvp: 'attending' });
    expect(refused.status).toBe(403);
    expect(pageText(refused.body)).toContain('This event takes answers only from the people invited.');
    const [event] = await server.store.events.byIds([closed]);
    await server.services.events.invite(event!, [bob.uid], ada.uid, '');
    expect((await postForm(browsers.bob, await browsers.bob.get(`/event.php?eid=${closed}`), closed, { rsvp: 'unsure' })).status).toBe(303);
    expect((await server.services.events.membersOf(closed)).map((member) => [member.uid, member.rsvpStatus])).toEqual([
      [ada.uid, 'attending'],
      [bob.uid, 'unsure'],
    ]);
  });

  it('invites only friends, by events.invite’s rule: the creator, or a guest of an OPEN event', async () => {
    const { ada, bob, cleo, dee, browsers } = await world();
    const eid = await makeEvent(ada);
    const page = await browsers.ada.get(`/event.php?eid=${eid}`);
    const form = section(page, 'id="invite-title"');
    // Ada's one friend is offered; nobody else.
    expect(form).toContain(`name="invite_${bob.uid}"`);
    expect(form).not.toContain(`invite_${cleo.uid}`);
    expect(form).not.toContain(`invite_${dee.uid}`);

    // A box named for a stranger is not one the form offered: nobody is invited.
    const forged = await postForm(browsers.ada, page, eid, { invite: '1', [`invite_${dee.uid}`]: '1' });
    expect(forged.status).toBe(400);
    expect(pageText(forged.body)).toContain('Choose at least one friend to invite.');
    expect((await server.services.events.membersOf(eid)).map((member) => member.uid)).toEqual([ada.uid]);

    const sent = await postForm(browsers.ada, page, eid, { invite: '1', [`invite_${bob.uid}`]: '1', [`invite_${dee.uid}`]: '1', personal_message: 'Do come' });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${server.url}/event.php?eid=${eid}&invited=1`);
    const members = await server.services.events.membersOf(eid);
    expect(members.map((member) => [member.uid, member.rsvpStatus, member.invitedBy, member.personalMessage])).toEqual([
      [ada.uid, 'attending', null, ''],
      [bob.uid, 'not_replied', ada.uid, 'Do come'],
    ]);
    const afterSent = await browsers.ada.get(sent.location!);
    expect(pageText(afterSent.body)).toContain('Your friend is invited.');
    expect(pageText(afterSent.body)).toContain('There is no friend of yours left to invite.');

    // Bob, a guest of this OPEN event, invites his friend Cleo.
    const bobPage = await browsers.bob.get(`/event.php?eid=${eid}`);
    expect(section(bobPage, 'id="invite-title"')).toContain(`name="invite_${cleo.uid}"`);
    expect((await postForm(browsers.bob, bobPage, eid, { invite: '1', [`invite_${cleo.uid}`]: '1' })).status).toBe(303);
    expect((await server.services.events.membersOf(eid)).find((member) => member.uid === cleo.uid)).toMatchObject({ rsvpStatus: 'not_replied', invitedBy: bob.uid });

    // Dee is no guest: no form, and a forged one is refused.
    const deePage = await browsers.dee.get(`/event.php?eid=${eid}`);
    expect(deePage.body).not.toContain('Invite friends');
    expect((await postForm(browsers.dee, deePage, eid, { invite: '1' })).status).toBe(403);

    // A CLOSED event: only its creator invites.
    const closed = await makeEvent(ada, { privacy: 'CLOSED' });
    const [event] = await server.store.events.byIds([closed]);
    await server.services.events.invite(event!, [bob.uid], ada.uid, '');
    const closedForBob = await browsers.bob.get(`/event.php?eid=${closed}`);
    expect(closedForBob.body).not.toContain('Invite friends');
    const refused = await postForm(browsers.bob, closedForBob, closed, { invite: '1', [`invite_${cleo.uid}`]: '1' });
    expect(refused.status).toBe(403);
    expect(pageText(refused.body)).toContain('Only the person who made this event can invite people to it.');
    expect((await server.services.events.membersOf(closed)).map((member) => member.uid)).toEqual([ada.uid, bob.uid]);
  });

  it('refuses a form without the CSRF token, and changes nothing', async () => {
    const { ada, dee, browsers } = await world();
    const eid = await makeEvent(ada);
    await browsers.dee.get(`/event.php?eid=${eid}`);
    for (const fields of [{ rsvp: 'attending' }, { rsvp: 'attending', csrf_token: 'x'.repeat(43) }] as Array<Record<string, string>>) {
      const refused = await browsers.dee.post(`/event.php?eid=${eid}`, fields);
      expect(refused.status).toBe(403);
      expect(pageText(refused.body)).toContain('This form has expired');
    }
    const create = await browsers.dee.get('/createevent.php');
    expect(create.status).toBe(200);
    const noToken = await browsers.dee.post('/createevent.php', { create: '1', name: 'Forged', start_date: '2032-05-14', start_time: '19:30' });
    expect(noToken.status).toBe(403);
    expect((await server.services.events.membersOf(eid)).map((member) => member.uid)).toEqual([ada.uid]);
    expect(await server.services.events.ofPerson(dee.uid)).toEqual([]);
  });

  it('answers malformed and refused requests with clear pages', async () => {
    const { ada, browsers } = await world();
    const eid = await makeEvent(ada);
    for (const path of ['/event.php', '/event.php?eid=', '/event.php?eid=abc', '/event.php?eid=0', '/event.php?eid=-3', '/event.php?eid=1e3', '/event.php?eid=99999999999999999999']) {
      const page = await browsers.ada.get(path);
      expect(page.status, path).toBe(400);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('<h1>Which event?</h1>');
    }
    expect((await browsers.ada.get('/event.php?eid=%ZZ')).status).toBe(400);
    const page = await browsers.ada.get(`/event.php?eid=${eid}`);
    // A form that says nothing to do, and one from somebody not signed in.
    expect((await postForm(browsers.ada, page, eid, {})).status).toBe(400);
    const visitor = new Browserless(server.url);
    const visitorPage = await visitor.get(`/event.php?eid=${eid}`);
    const notSignedIn = await postForm(visitor, visitorPage, eid, { rsvp: 'attending' });
    expect(notSignedIn.status).toBe(403);
    expect(pageText(notSignedIn.body)).toContain('Sign in first');
    expect((await postForm(browsers.ada, page, 999999999, { rsvp: 'attending' })).status).toBe(404);
    // An app may store any 16-digit time; the page still draws.
    const far = await makeEvent(ada, { startTime: 9_000_000_000_000_000, endTime: 9_000_000_000_000_000 });
    const farPage = await browsers.ada.get(`/event.php?eid=${far}`);
    expect(farPage.status).toBe(200);
    expect(pageText(farPage.body)).toContain('Start time: Unix time 9000000000000000, beyond the calendar');
    expect((await browsers.ada.get('/events.php')).status).toBe(200);
    // The page lists and create pages ask a visitor to sign in.
    expect(pageText((await visitor.get('/events.php')).body)).toContain('Sign in to see the events you are invited to');
    expect(pageText((await visitor.get('/createevent.php')).body)).toContain('Sign in to make an event');
  });

  it('shows a cancelled event as cancelled, with its message, and takes no answers', async () => {
    const { ada, dee, browsers } = await world();
    const eid = await makeEvent(ada);
    const [event] = await server.store.events.byIds([eid]);
    await server.services.events.cancel(event!, 'The engine is in pieces');
    const page = await browsers.dee.get(`/event.php?eid=${eid}`);
    expect(page.status).toBe(200);
    expect(pageText(page.body)).toContain('This event was cancelled. “The engine is in pieces”');
    expect(page.body).not.toContain('name="rsvp"');
    expect(page.body).not.toContain('Invite friends');
    const refused = await postForm(browsers.dee, page, eid, { rsvp: 'attending' });
    expect(refused.status).toBe(403);
    expect(pageText(refused.body)).toContain('This event was cancelled');
    expect((await server.services.events.ofPerson(dee.uid))).toEqual([]);
  });

  it('shows the create form again with every problem marked, and makes nothing', async () => {
    const { ada, browsers } = await world();
    const form = await browsers.ada.get('/createevent.php');
    expect(form.status).toBe(200);
    expect(pageText(form.body)).toContain('Times are Pacific Time, the platform’s');
    const token = hiddenValue(form, 'csrf_token')!;
    const post = (fields: Record<string, string>) => browsers.ada.post('/createevent.php', { csrf_token: token, create: '1', privacy: 'OPEN', ...fields });

    const backwards = await post({ name: 'Backwards', start_date: '2032-05-14', start_time: '19:30', end_date: '2032-05-14', end_time: '18:00' });
    expect(backwards.status).toBe(400);
    expect(backwards.body).toContain('<p class="field-error" id="end_date-error">The event cannot end before it starts.</p>');
    expect(backwards.body).toContain('id="end_date" name="end_date" value="2032-05-14"');
    expect(backwards.body).toContain('value="Backwards"');

    const everything = await post({ name: '  ', category: '9', subcategory: '0', start_date: '2032-02-31', start_time: '19:30', end_date: '2032-05-14', end_time: '', privacy: 'PUBLIC' });
    expect(everything.status).toBe(400);
    const text = pageText(everything.body);
    expect(text).toContain('6 fields need another look. The event is not made yet.');
    for (const message of [
      'Give the event a name.',
      'Choose a category from the list.',
      'Choose a subcategory from the list.',
      'Give the date and time it starts.',
      'Give a date and a time, or leave both empty.',
      'Choose who can see the event.',
    ]) expect(text).toContain(message);
    expect(everything.body).toContain('id="name" name="name" value="  " maxlength="5000" required aria-invalid="true"');

    const tooLong = await post({ name: 'x'.repeat(5001), start_date: '2032-05-14', start_time: '19:30' });
    expect(tooLong.status).toBe(400);
    expect(pageText(tooLong.body)).toContain('This may be at most 5000 characters long.');
    expect((await server.services.events.ofPerson(ada.uid)).map((entry) => entry.event.name)).toEqual([]);
  });

  it('takes a picture with the form: shown on the event page and in the list; a file that is not an image is marked and makes nothing', async () => {
    const { ada, browsers } = await world();
    const form = await browsers.ada.get('/createevent.php');
    expect(form.body).toContain('enctype="multipart/form-data"');
    const fields: Array<[string, string]> = [['csrf_token', hiddenValue(form, 'csrf_token')!], ['create', '1'], ['privacy', 'OPEN'], ['name', 'Picnic'], ['start_date', '2032-05-14'], ['start_time', '12:00']];
    const bad = await postMultipart(server, browsers.ada, '/createevent.php', multipart(fields, [{ field: 'picture', filename: 'notes.txt', contentType: 'text/plain', bytes: Buffer.from('just words') }]));
    expect(bad.status).toBe(400);
    expect(pageText(bad.body)).toContain('Hearth cannot use that file as a picture: the file is not an image (JPEG, PNG or GIF).');
    expect(bad.body).toContain('value="Picnic"');
    expect(await server.services.events.ofPerson(ada.uid)).toEqual([]);

    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 40, g: 140, b: 60 } } }).jpeg().toBuffer();
    const made = await postMultipart(server, browsers.ada, '/createevent.php', multipart(fields, [{ field: 'picture', filename: 'park.jpg', contentType: 'image/jpeg', bytes: jpeg }]));
    expect(made.status).toBe(303);
    const page = await browsers.ada.get(made.headers.get('location')!);
    const big = /<img class="event-picture" src="([^"]+)" alt="">/.exec(page.body)?.[1];
    expect(big).toMatch(/^\/eventpics\/n\d+_[0-9a-f]{16}\.jpg$/);
    const image = await fetch(new URL(big!, server.url));
    expect(image.headers.get('content-type')).toBe('image/jpeg');
    expect((await sharp(Buffer.from(await image.arrayBuffer())).metadata()).width).toBe(200);
    const list = await browsers.ada.get('/events.php');
    expect(list.body).toMatch(/<img class="event-square" src="\/eventpics\/q\d+_[0-9a-f]{16}\.jpg" alt="" width="50" height="50">/);
  });

  it('makes an event from the form, in the person’s time zone, with them attending; it is listed on events.php', async () => {
    const { ada, bob, browsers } = await world();
    await server.services.people.update(ada.uid, { timezone: 1 });
    const form = await browsers.ada.get('/createevent.php');
    expect(pageText(form.body)).toContain('Times are in your time zone, GMT+1.');
    // 03:30 on the Saturday at GMT+1 is 19:30 on the Friday in California (summer time).
    const made = await browsers.ada.submit(form, {
      button: 'create',
      fields: { name: 'Engine Night', tagline: 'Gears', category: '4', subcategory: '28', location: 'Workshop', city: 'London', description: 'Bring tools', start_date: '2032-05-15', start_time: '03:30', end_date: '', end_time: '', privacy: 'CLOSED', host: '' },
    });
    expect(made.status).toBe(303);
    const eid = Number(/\/event\.php\?eid=(\d+)$/.exec(made.location ?? '')?.[1]);
    expect(eid).toBeGreaterThan(0);
    const [event] = await server.store.events.byIds([eid]);
    expect(event).toMatchObject({
      name: 'Engine Night',
      tagline: 'Gears',
      eventType: 'Meetings',
      eventSubtype: 'Lecture',
      host: 'Ada Lovelace',
      location: 'Workshop',
      city: 'London',
      description: 'Bring tools',
      startTime: MAY_14_EVENING,
      endTime: MAY_14_EVENING + 3 * HOUR,
      privacy: 'CLOSED',
      creator: ada.uid,
      appId: null,
    });
    expect(await server.services.events.membersOf(eid)).toMatchObject([{ uid: ada.uid, rsvpStatus: 'attending' }]);
    expect(pageText((await browsers.ada.get(made.location!)).body)).toContain('Start time: Saturday, 15 May 2032 at 03:30 GMT+1');

    const list = await browsers.ada.get('/events.php');
    expect(list.status).toBe(200);
    expect(section(list, 'id="events-attending"')).toContain(`<a class="note-item-title" href="/event.php?eid=${eid}">Engine Night</a>`);
    expect(pageText(list.body)).toContain('Create an event');
    expect(list.body).toContain('href="/createevent.php"');

    // Bob's invitation comes first, before what he attends.
    const page = await browsers.ada.get(made.location!);
    expect((await postForm(browsers.ada, page, eid, { invite: '1', [`invite_${bob.uid}`]: '1' })).status).toBe(303);
    const attended = await makeEvent(bob, { name: 'Bob’s Barbecue', startTime: MAY_14_EVENING - 24 * HOUR });
    const bobsList = await browsers.bob.get('/events.php');
    const text = pageText(bobsList.body);
    expect(text.indexOf('Invitations (1) Engine Night')).toBeGreaterThan(-1);
    expect(text.indexOf('Attending (1) Bob’s Barbecue')).toBeGreaterThan(text.indexOf('Invitations (1)'));
    expect(bobsList.body).toContain(`href="/event.php?eid=${attended}"`);
    expect(text).toContain('Bob’s Barbecue Thursday, 13 May 2032 at 19:30 Pacific Time');

    // What is over is behind "Past events"; a declined event is in neither list.
    const over = await makeEvent(bob, { name: 'Old Engine Night', startTime: Date.UTC(2010, 0, 8, 20, 0) / 1000, endTime: Date.UTC(2010, 0, 8, 23, 0) / 1000 });
    const declined = await makeEvent(ada, { name: 'Declined Dinner' });
    expect(await server.services.events.answerOnPage(declined, bob.uid, 'declined')).toBe('done');
    const upcoming = await browsers.bob.get('/events.php');
    expect(upcoming.body).not.toContain('Old Engine Night');
    expect(upcoming.body).not.toContain('Declined Dinner');
    expect(upcoming.body).toContain('<a href="/events.php?past=1">Past events</a>');
    const past = await browsers.bob.get('/events.php?past=1');
    expect(pageText(past.body)).toContain('Your past events');
    expect(pageText(past.body)).toContain('Old Engine Night Friday, 8 January 2010 at 20:00 Pacific Time · You attended');
    expect(past.body).toContain(`href="/event.php?eid=${over}"`);
  });
});
