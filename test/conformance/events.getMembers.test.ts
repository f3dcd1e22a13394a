/** events.getMembers on both backends: the four lists in XML and JSON, the guest-list privacy, the app's view without a session, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;
const NS = 'xmlns="http://api.facebook.com/1.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://api.facebook.com/1.0/ http://api.facebook.com/1.0/facebook.xsd"';

describe.each(BACKENDS)('events.getMembers on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  beforeAll(async () => {
    if (!skip) cast = await eventCast(backend);
  });
  afterAll(() => cast?.server.close());
  const membersOf = async (who: 'ada' | 'bob' | 'cleo' | 'dan' | undefined, eid: number) => JSON.parse((await cast.call(who, 'events.getMembers', { eid }, 'json')).body) as Record<string, number[]>;

  it.skipIf(skip)('four lists, always all present, never overlapping: an object root, the lists with list="true"', async () => {
    const eid = await cast.event('bob', { name: 'Jam', start_time: START });
    await cast.call('bob', 'events.invite', { eid, uids: `${cast.ada.uid},${cast.cleo.uid}` });
    await cast.call('ada', 'events.rsvp', { eid, rsvp_status: 'unsure' });
    expect((await cast.call('dan', 'events.getMembers', { eid })).body).toBe(`<?xml version="1.0" encoding="UTF-8"?>
<events_getMembers_response ${NS}>
  <attending list="true">
    <uid>${cast.bob.uid}</uid>
  </attending>
  <unsure list="true">
    <uid>${cast.ada.uid}</uid>
  </unsure>
  <declined list="true"/>
  <not_replied list="true">
    <uid>${cast.cleo.uid}</uid>
  </not_replied>
</events_getMembers_response>
`);
    expect((await cast.call('dan', 'events.getMembers', { eid }, 'json')).body).toBe(
      `{"attending":[${cast.bob.uid}],"unsure":[${cast.ada.uid}],"declined":[],"not_replied":[${cast.cleo.uid}]}`,
    );
  });

  it.skipIf(skip)('a CLOSED event’s guests only for its guests (200); a SECRET event is unknown to others (150)', async () => {
    const closed = await cast.event('bob', { name: 'Club', start_time: START, privacy_type: 'CLOSED' });
    const secret = await cast.event('bob', { name: 'Hideout', start_time: START, privacy_type: 'SECRET' });
    await cast.call('bob', 'events.invite', { eid: closed, uids: cast.cleo.uid });
    expect((await membersOf('cleo', closed)).not_replied).toEqual([cast.cleo.uid]);
    await cast.fails('dan', 'events.getMembers', { eid: closed }, 200, /^Permissions error/);
    await cast.fails('dan', 'events.getMembers', { eid: secret }, 150, /^Invalid eid/);
    expect((await membersOf('bob', secret)).attending).toEqual([cast.bob.uid]);
  });

  it.skipIf(skip)('without a session: only the app’s events, and only guests who authorized the app', async () => {
    const eid = await cast.event(undefined, { name: 'App fair', start_time: START });
    const eve = await cast.server.createPerson('Eve Outsider');
    await cast.server.services.events.invite((await cast.server.services.events.live(eid)), [cast.ada.uid, eve.uid], null, '');
    expect(await membersOf(undefined, eid)).toEqual({ attending: [], unsure: [], declined: [], not_replied: [cast.ada.uid] });
    expect((await membersOf('dan', eid)).not_replied).toEqual([cast.ada.uid, eve.uid]);
    const other = await cast.server.createApp('web');
    const elsewhere = Number((await cast.server.client(other).callRaw('events.create', { event_info: JSON.stringify({ name: 'Other', start_time: START }) }, { format: 'json' })).body);
    await cast.fails(undefined, 'events.getMembers', { eid: elsewhere }, 150, /^Invalid eid/);
  });

  it.skipIf(skip)('refuses: unknown or malformed eid 150, none 100', async () => {
    await cast.fails('ada', 'events.getMembers', { eid: 31337 }, 150, /^Invalid eid/);
    await cast.fails('ada', 'events.getMembers', { eid: '-4' }, 150, /^Invalid eid/);
    await cast.fails('ada', 'events.getMembers', {}, 100, /eid/);
  });
});
