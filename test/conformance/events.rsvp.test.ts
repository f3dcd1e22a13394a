/** events.rsvp on both backends: each answer, rsvp_event, the app-admin rule, invitations for CLOSED and SECRET events, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;

describe.each(BACKENDS)('events.rsvp on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  beforeAll(async () => {
    if (!skip) cast = await eventCast(backend);
  });
  afterAll(() => cast?.server.close());
  const membersOf = async (eid: number) => JSON.parse((await cast.call('ada', 'events.getMembers', { eid }, 'json')).body) as Record<string, number[]>;

  it.skipIf(skip)('sets the answer, answers 1 / true; one status per person, the last one counting; no invitation needed for an OPEN event', async () => {
    const eid = await cast.event('ada', { name: 'Fete', start_time: START });
    expect((await cast.call('bob', 'events.rsvp', { eid, rsvp_status: 'unsure' })).body).toBe(xmlScalarAnswer('events_rsvp_response', '1'));
    expect(await membersOf(eid)).toEqual({ attending: [cast.ada.uid], unsure: [cast.bob.uid], declined: [], not_replied: [] });
    expect((await cast.call('bob', 'events.rsvp', { eid, rsvp_status: 'declined' }, 'json')).body).toBe('true');
    expect(await membersOf(eid)).toEqual({ attending: [cast.ada.uid], unsure: [], declined: [cast.bob.uid], not_replied: [] });
    await cast.call('bob', 'events.rsvp', { eid, rsvp_status: 'attending' });
    expect((await membersOf(eid)).attending).toEqual([cast.ada.uid, cast.bob.uid]);
  });

  it.skipIf(skip)('a CLOSED event takes answers only from the people invited (200)', async () => {
    const eid = await cast.event('ada', { name: 'Closed', start_time: START, privacy_type: 'CLOSED' });
    await cast.fails('bob', 'events.rsvp', { eid, rsvp_status: 'attending' }, 200, /invited/);
    await cast.call('ada', 'events.invite', { eid, uids: cast.bob.uid });
    expect((await cast.call('bob', 'events.rsvp', { eid, rsvp_status: 'attending' }, 'json')).body).toBe('true');
    const secret = await cast.event('ada', { name: 'Secret', start_time: START, privacy_type: 'SECRET' });
    await cast.fails('bob', 'events.rsvp', { eid: secret, rsvp_status: 'attending' }, 150, /^Invalid eid/);
  });

  it.skipIf(skip)('refuses: no rsvp_event 299, another app’s event 200, no session 102, not_replied or another status 100, unknown eid 150', async () => {
    const eid = await cast.event('ada', { name: 'Mine', start_time: START });
    await cast.fails('cleo', 'events.rsvp', { eid, rsvp_status: 'attending' }, 299, 'RSVPing to events required the extended permission rsvp_event');
    await cast.fails(undefined, 'events.rsvp', { eid, rsvp_status: 'attending' }, 102, /^Session key invalid/);
    await cast.fails('bob', 'events.rsvp', { eid, rsvp_status: 'not_replied' }, 100, /rsvp_status/);
    await cast.fails('bob', 'events.rsvp', { eid, rsvp_status: 'maybe' }, 100, /rsvp_status/);
    await cast.fails('bob', 'events.rsvp', { eid }, 100, /rsvp_status/);
    await cast.fails('bob', 'events.rsvp', { eid: 99999, rsvp_status: 'attending' }, 150, /^Invalid eid/);
    const other = await cast.server.createApp('web');
    const elsewhere = Number((await cast.server.client(other).callRaw('events.create', { event_info: JSON.stringify({ name: 'Other', start_time: START }) }, { format: 'json' })).body);
    await cast.fails('bob', 'events.rsvp', { eid: elsewhere, rsvp_status: 'attending' }, 200, /not an admin/);
  });
});
