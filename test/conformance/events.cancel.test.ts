/** events.cancel on both backends: the answer, what a cancelled event is afterwards, who may cancel, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;

describe.each(BACKENDS)('events.cancel on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  beforeAll(async () => {
    if (!skip) cast = await eventCast(backend);
  });
  afterAll(() => cast?.server.close());

  it.skipIf(skip)('answers 1 / true; afterwards events.get leaves the event out and the other methods answer 150', async () => {
    const eid = await cast.event('ada', { name: 'Ball', start_time: START });
    const kept = await cast.event('ada', { name: 'Dance', start_time: START });
    expect((await cast.call('ada', 'events.cancel', { eid, cancel_message: 'Rain & wind' })).body).toBe(xmlScalarAnswer('events_cancel_response', '1'));
    const listed = JSON.parse((await cast.call('ada', 'events.get', {}, 'json')).body) as Array<{ eid: number }>;
    expect(listed.map((event) => event.eid)).toContain(kept);
    expect(listed.map((event) => event.eid)).not.toContain(eid);
    await cast.fails('ada', 'events.getMembers', { eid }, 150, /^Invalid eid/);
    await cast.fails('ada', 'events.invite', { eid, uids: cast.bob.uid }, 150, /^Invalid eid/);
    await cast.fails('bob', 'events.rsvp', { eid, rsvp_status: 'attending' }, 150, /^Invalid eid/);
    await cast.fails('ada', 'events.cancel', { eid }, 150, /^Invalid eid/);
    const fql = await cast.call('ada', 'fql.query', { query: `SELECT eid FROM event WHERE eid = ${eid}` }, 'json');
    expect(fql.body).toBe('[]');
  });

  it.skipIf(skip)('the app cancels an event it made alone without a session, with an empty message', async () => {
    const eid = await cast.event(undefined, { name: 'App fair', start_time: START });
    expect((await cast.call(undefined, 'events.cancel', { eid, cancel_message: '' }, 'json')).body).toBe('true');
  });

  it.skipIf(skip)('refuses: unknown eid 150, someone else’s event 200, no create_event 290', async () => {
    const eid = await cast.event('ada', { name: 'Mine', start_time: START });
    await cast.fails('ada', 'events.cancel', { eid: 424242 }, 150, /^Invalid eid/);
    await cast.fails('ada', 'events.cancel', {}, 100, /eid/);
    await cast.fails('bob', 'events.cancel', { eid }, 200, /^Permissions error/);
    await cast.fails(undefined, 'events.cancel', { eid }, 200, /^Permissions error/);
    await cast.fails('dan', 'events.cancel', { eid }, 290, /create_event/);
  });
});
