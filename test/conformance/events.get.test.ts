/**
 * events.get on both backends: the event's bytes in XML and JSON, which events each selection
 * gives (uid, eids, both, neither), the time window, rsvp_status, privacy, cancelled events, and
 * the errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;
const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

describe.each(BACKENDS)('events.get on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  let party: number;
  beforeAll(async () => {
    if (skip) return;
    cast = await eventCast(backend);
    party = (
      await cast.server.services.events.create({
        changes: { name: 'Hearth Launch Party', tagline: 'Bring a friend', description: 'Drinks & demos.', eventType: 'Party', eventSubtype: 'Cocktail Party', startTime: START, endTime: START + 10800, location: 'The Old Mill', street: '1 Mill Lane', city: 'Palo Alto' },
        creator: cast.ada.uid,
        appId: cast.web.appId,
        defaultHost: 'Ada Lovelace',
        now: new Date(1262304000 * 1000),
      })
    ).eid;
  });
  afterAll(() => cast?.server.close());
  const eidsOf = async (who: 'ada' | 'bob' | 'cleo' | 'dan' | undefined, args: Record<string, string | number>) =>
    (JSON.parse((await cast.call(who, 'events.get', args, 'json')).body) as Array<{ eid: number }>).map((event) => event.eid);

  it.skipIf(skip)('writes the event as the platform did, in XML and in JSON', async () => {
    const xml = (await cast.call('bob', 'events.get', { eids: party })).body;
    expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<events_get_response ${NS} list="true">
  <event>
    <eid>${party}</eid>
    <name>Hearth Launch Party</name>
    <tagline>Bring a friend</tagline>
    <nid>0</nid>
    <pic/>
    <pic_big/>
    <pic_small/>
    <host>Ada Lovelace</host>
    <description>Drinks &amp; demos.</description>
    <event_type>Party</event_type>
    <event_subtype>Cocktail Party</event_subtype>
    <start_time>1265050800</start_time>
    <end_time>1265061600</end_time>
    <creator>${cast.ada.uid}</creator>
    <update_time>1262304000</update_time>
    <location>The Old Mill</location>
    <venue>
      <street>1 Mill Lane</street>
      <city>Palo Alto</city>
      <state/>
      <country/>
    </venue>
    <privacy>OPEN</privacy>
    <hide_guest_list>0</hide_guest_list>
    <show_in_search>1</show_in_search>
  </event>
</events_get_response>
`);
    const json = (await cast.call('bob', 'events.get', { eids: `[${party}]` }, 'json')).body;
    expect(json).toBe(
      `[{"eid":${party},"name":"Hearth Launch Party","tagline":"Bring a friend","nid":0,"pic":"","pic_big":"","pic_small":"","host":"Ada Lovelace","description":"Drinks & demos.","event_type":"Party","event_subtype":"Cocktail Party","start_time":1265050800,"end_time":1265061600,"creator":${cast.ada.uid},"update_time":1262304000,"location":"The Old Mill","venue":{"street":"1 Mill Lane","city":"Palo Alto","state":"","country":""},"privacy":"OPEN","hide_guest_list":false,"show_in_search":true}]`,
    );
  });

  it.skipIf(skip)('an empty answer', async () => {
    expect((await cast.call('dan', 'events.get', {})).body).toBe(`<?xml version="1.0" encoding="UTF-8"?>\n<events_get_response ${NS} list="true"></events_get_response>\n`);
    expect((await cast.call('dan', 'events.get', {}, 'json')).body).toBe('[]');
  });

  it.skipIf(skip)('selects by uid, by eids, by both, or the session user’s; ordered by start_time; within a time window; by RSVP status', async () => {
    const later = await cast.event('bob', { name: 'Later', start_time: START + 86400 });
    const earlier = await cast.event('bob', { name: 'Earlier', start_time: START - 86400, end_time: START - 3600 });
    await cast.call('bob', 'events.invite', { eid: later, uids: cast.ada.uid });
    expect(await eidsOf('bob', {})).toEqual([earlier, later]);
    expect(await eidsOf('dan', { uid: cast.bob.uid })).toEqual([earlier, later]);
    expect(await eidsOf('ada', {})).toEqual([party, later]);
    expect(await eidsOf('dan', { eids: `${later},${party}` })).toEqual([party, later]);
    expect(await eidsOf('dan', { uid: cast.ada.uid, eids: `${earlier},${later}` })).toEqual([later]);
    expect(await eidsOf('bob', { start_time: START, end_time: 0 })).toEqual([later]);
    expect(await eidsOf('bob', { start_time: 0, end_time: START })).toEqual([earlier]);
    expect(await eidsOf('ada', { start_time: START + 3600, end_time: START + 7200 })).toEqual([party]);
    expect(await eidsOf('ada', { start_time: START + 7200, end_time: START + 3600 })).toEqual([]);
    expect(await eidsOf('ada', { rsvp_status: 'not_replied' })).toEqual([later]);
    expect(await eidsOf('ada', { rsvp_status: 'attending' })).toEqual([party]);
    expect(await eidsOf('ada', { eids: later, rsvp_status: 'attending' })).toEqual([]);
    expect(await eidsOf('ada', { gid: 5 })).toEqual([]);
  });

  it.skipIf(skip)('privacy: a SECRET event only for its guests; without a session only the app’s events; a cancelled event for nobody', async () => {
    const secret = await cast.event('bob', { name: 'Surprise', start_time: START, privacy_type: 'SECRET' });
    expect(await eidsOf('dan', { eids: secret })).toEqual([]);
    expect(await eidsOf('dan', { uid: cast.bob.uid, eids: secret })).toEqual([]);
    expect(await eidsOf('bob', { eids: secret })).toEqual([secret]);
    await cast.call('bob', 'events.invite', { eid: secret, uids: cast.cleo.uid });
    expect(await eidsOf('cleo', { eids: secret })).toEqual([secret]);
    const [shown] = JSON.parse((await cast.call('cleo', 'events.get', { eids: secret }, 'json')).body) as Array<Record<string, unknown>>;
    expect(shown).toMatchObject({ privacy: 'SECRET', show_in_search: false });
    const other = await cast.server.createApp('web');
    const elsewhere = await cast.server.client(other).callRaw('events.create', { event_info: JSON.stringify({ name: 'Elsewhere', start_time: START }) }, { format: 'json' });
    expect(await eidsOf(undefined, { eids: `${party},${elsewhere.body}` })).toEqual([party]);
    expect(await eidsOf('dan', { eids: elsewhere.body })).toEqual([Number(elsewhere.body)]);
    const gone = await cast.event('bob', { name: 'Gone', start_time: START });
    await cast.call('bob', 'events.cancel', { eid: gone });
    expect(await eidsOf('bob', { eids: gone })).toEqual([]);
  });

  it.skipIf(skip)('refuses: no uid, eids or session 100; a uid of nobody 110; bad eids, times or rsvp_status 100; a desktop app without a session 102', async () => {
    await cast.fails(undefined, 'events.get', {}, 100, /uid or eids/);
    await cast.fails(undefined, 'events.get', { eids: party, rsvp_status: 'attending' }, 100, /rsvp_status/);
    await cast.fails('ada', 'events.get', { uid: 99 }, 110, /^Invalid user id/);
    await cast.fails('ada', 'events.get', { eids: 'one,two' }, 100, /eids/);
    await cast.fails('ada', 'events.get', { eids: '[1,' }, 100, /eids/);
    await cast.fails('ada', 'events.get', { start_time: 'soon' }, 100, /start_time/);
    await cast.fails('ada', 'events.get', { rsvp_status: 'maybe' }, 100, /rsvp_status/);
    const desktop = await cast.server.createApp('desktop');
    const answer = await cast.server.client(desktop).callRaw('events.get', { eids: party }, { format: 'json' });
    expect(JSON.parse(answer.body)).toMatchObject({ error_code: 102 });
  });
});
