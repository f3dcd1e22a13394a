/**
 * The FQL tables `event` and `event_member` on both backends: every column, lookups by each index
 * column (and a person's events through event_member), rows named `<event_member>`, and privacy —
 * a SECRET event only for its guests, a CLOSED event's guests only for its guests, without a session
 * only the app's events and guests who authorized the app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, eventCast, type EventCast, type Name } from './events.setup.js';

const START = 1265050800;
const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';
const EVENT_COLUMNS = 'eid, name, tagline, nid, pic_small, pic_big, pic, pic_square, host, description, event_type, event_subtype, start_time, end_time, creator, update_time, location, venue, privacy, hide_guest_list, show_in_search';

describe.each(BACKENDS)('FQL event and event_member on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  let open: number;
  let closed: number;
  let secret: number;
  beforeAll(async () => {
    if (skip) return;
    cast = await eventCast(backend);
    open = await cast.event('ada', { name: 'Open house', start_time: START, category: 8, subcategory: 55, street: '1 Mill Lane', city: 'Palo Alto', location: 'The Mill' });
    closed = await cast.event('bob', { name: 'Club night', start_time: START + 100, privacy_type: 'CLOSED' });
    secret = await cast.event('bob', { name: 'Surprise', start_time: START + 200, privacy_type: 'SECRET' });
    await cast.call('ada', 'events.invite', { eid: open, uids: cast.bob.uid });
    await cast.call('bob', 'events.invite', { eid: closed, uids: cast.cleo.uid });
    await cast.call('bob', 'events.invite', { eid: secret, uids: cast.ada.uid });
  });
  afterAll(() => cast?.server.close());
  const rows = async (who: Name | undefined, query: string) => JSON.parse((await cast.call(who, 'fql.query', { query }, 'json')).body) as Array<Record<string, unknown>>;

  it.skipIf(skip)('event: every column, in the order asked', async () => {
    const [row] = await rows('dan', `SELECT ${EVENT_COLUMNS} FROM event WHERE eid = ${open}`);
    expect(Object.keys(row!)).toEqual(EVENT_COLUMNS.split(', '));
    expect(row).toMatchObject({
      eid: open, name: 'Open house', tagline: '', nid: 0, pic_small: '', pic_big: '', pic: '', pic_square: '', host: 'Ada Lovelace', description: '', event_type: 'Other', event_subtype: 'Festival',
      start_time: START, end_time: START + 10800, creator: cast.ada.uid, location: 'The Mill', venue: { street: '1 Mill Lane', city: 'Palo Alto', state: '', country: '' }, privacy: 'OPEN', hide_guest_list: false, show_in_search: true,
    });
  });

  it.skipIf(skip)('event_member: rows named <event_member>, by eid and by uid; a person’s events through it', async () => {
    expect((await cast.call('dan', 'fql.query', { query: `SELECT uid, eid, rsvp_status FROM event_member WHERE eid = ${open}` })).body).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<fql_query_response ${NS} list="true">
  <event_member>
    <uid>${cast.ada.uid}</uid>
    <eid>${open}</eid>
    <rsvp_status>attending</rsvp_status>
  </event_member>
  <event_member>
    <uid>${cast.bob.uid}</uid>
    <eid>${open}</eid>
    <rsvp_status>not_replied</rsvp_status>
  </event_member>
</fql_query_response>
`);
    expect(await rows('bob', `SELECT eid, rsvp_status FROM event_member WHERE uid = ${cast.bob.uid}`)).toEqual([
      { eid: open, rsvp_status: 'not_replied' },
      { eid: closed, rsvp_status: 'attending' },
      { eid: secret, rsvp_status: 'attending' },
    ]);
    const mine = await rows('ada', 'SELECT eid, name FROM event WHERE eid IN (SELECT eid FROM event_member WHERE uid = me())');
    expect(mine.map((row) => row.eid).sort()).toEqual([open, secret].sort());
  });

  it.skipIf(skip)('privacy: SECRET events and CLOSED guest lists only for guests', async () => {
    expect((await rows('dan', `SELECT eid FROM event WHERE eid IN (${open}, ${closed}, ${secret})`)).map((row) => row.eid)).toEqual([open, closed]);
    expect((await rows('ada', `SELECT eid FROM event WHERE eid IN (${open}, ${closed}, ${secret})`)).map((row) => row.eid)).toEqual([open, closed, secret]);
    expect(await rows('dan', `SELECT uid FROM event_member WHERE eid = ${closed}`)).toEqual([]);
    expect(await rows('dan', `SELECT eid FROM event_member WHERE uid = ${cast.bob.uid}`)).toEqual([{ eid: open }]);
    expect((await rows('cleo', `SELECT uid FROM event_member WHERE eid = ${closed}`)).map((row) => row.uid)).toEqual([cast.bob.uid, cast.cleo.uid]);
  });

  it.skipIf(skip)('without a session: the app’s events only, and guests who authorized it', async () => {
    const other = await cast.server.createApp('web');
    const elsewhere = Number((await cast.server.client(other).callRaw('events.create', { event_info: JSON.stringify({ name: 'Other', start_time: START }) }, { format: 'json' })).body);
    expect((await rows(undefined, `SELECT eid FROM event WHERE eid IN (${open}, ${elsewhere})`)).map((row) => row.eid)).toEqual([open]);
    const eve = await cast.server.createPerson('Eve Outsider');
    const fair = await cast.event(undefined, { name: 'Fair', start_time: START });
    await cast.server.services.events.invite(await cast.server.services.events.live(fair), [cast.dan.uid, eve.uid], null, '');
    expect((await rows(undefined, `SELECT uid FROM event_member WHERE eid = ${fair}`)).map((row) => row.uid)).toEqual([cast.dan.uid]);
  });

  it.skipIf(skip)('a column it does not have is 602; no index 604', async () => {
    const unknown = JSON.parse((await cast.call('ada', 'fql.query', { query: `SELECT colour FROM event WHERE eid = ${open}` }, 'json')).body) as { error_code: number };
    expect(unknown.error_code).toBe(602);
    const unindexed = JSON.parse((await cast.call('ada', 'fql.query', { query: "SELECT eid FROM event WHERE name = 'x'" }, 'json')).body) as { error_code: number };
    expect(unindexed.error_code).toBe(604);
  });
});
