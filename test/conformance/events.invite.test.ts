/** events.invite on both backends: friends only with a session, app users only without, who may invite, the PHP client's stray message keys, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;

describe.each(BACKENDS)('events.invite on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  beforeAll(async () => {
    if (!skip) cast = await eventCast(backend);
  });
  afterAll(() => cast?.server.close());
  const membersOf = async (eid: number) => JSON.parse((await cast.call('bob', 'events.getMembers', { eid }, 'json')).body) as Record<string, number[]>;
  const guest = async (eid: number, uid: number) => (await cast.server.services.events.membersOf(eid)).find((member) => member.uid === uid);

  it.skipIf(skip)('invites friends as not_replied (JSON array or CSV), answers 1 / true, skips people already guests; uids in ascending order', async () => {
    const eid = await cast.event('bob', { name: 'Jam', start_time: START });
    expect((await cast.call('bob', 'events.invite', { eid, uids: `[${cast.ada.uid}]`, personal_message: 'Come & play' })).body).toBe(xmlScalarAnswer('events_invite_response', '1'));
    await cast.call('ada', 'events.rsvp', { eid, rsvp_status: 'attending' });
    expect((await cast.call('bob', 'events.invite', { eid, uids: `${cast.ada.uid}, ${cast.cleo.uid}, ${cast.bob.uid}` }, 'json')).body).toBe('true');
    expect(await membersOf(eid)).toEqual({ attending: [cast.ada.uid, cast.bob.uid], unsure: [], declined: [], not_replied: [cast.cleo.uid] });
    expect((await guest(eid, cast.ada.uid))?.personalMessage).toBe('Come & play');
  });

  it.skipIf(skip)('takes the PHP client’s message from `1` when `0` is "personal_message"', async () => {
    const eid = await cast.event('bob', { name: 'Quirk', start_time: START });
    await cast.call('bob', 'events.invite', { eid, uids: cast.cleo.uid, 0: 'personal_message', 1: 'From PHP' });
    expect((await guest(eid, cast.cleo.uid))?.personalMessage).toBe('From PHP');
  });

  it.skipIf(skip)('a guest of an OPEN event invites their own friends; of a CLOSED one only its creator invites', async () => {
    const open = await cast.event('ada', { name: 'Open', start_time: START });
    await cast.call('ada', 'events.invite', { eid: open, uids: cast.bob.uid });
    expect((await cast.call('bob', 'events.invite', { eid: open, uids: cast.cleo.uid }, 'json')).body).toBe('true');
    const closed = await cast.event('ada', { name: 'Closed', start_time: START, privacy_type: 'CLOSED' });
    await cast.call('ada', 'events.invite', { eid: closed, uids: cast.bob.uid });
    await cast.fails('bob', 'events.invite', { eid: closed, uids: cast.cleo.uid }, 200, /may not invite/);
  });

  it.skipIf(skip)('without a session the app invites people who authorized it to events it made', async () => {
    const eid = await cast.event(undefined, { name: 'App fair', start_time: START });
    expect((await cast.call(undefined, 'events.invite', { eid, uids: `${cast.dan.uid},${cast.cleo.uid}` }, 'json')).body).toBe('true');
    const eve = await cast.server.createPerson('Eve Outsider');
    await cast.fails(undefined, 'events.invite', { eid, uids: eve.uid }, 200, /not authorized/);
    // An event a person made through the app has the app as admin too.
    const theirs = await cast.event('ada', { name: 'Ada’s', start_time: START });
    expect((await cast.call(undefined, 'events.invite', { eid: theirs, uids: cast.dan.uid }, 'json')).body).toBe('true');
    const other = await cast.server.createApp('web');
    const elsewhere = Number((await cast.server.client(other).callRaw('events.create', { event_info: JSON.stringify({ name: 'Other', start_time: START }) }, { format: 'json' })).body);
    await cast.fails(undefined, 'events.invite', { eid: elsewhere, uids: cast.dan.uid }, 150, /^Invalid eid/);
  });

  it.skipIf(skip)('refuses: a stranger 200 (the whole call), bad uids 114, unknown eid 150, no create_event 290', async () => {
    const eid = await cast.event('ada', { name: 'Mine', start_time: START });
    await cast.fails('ada', 'events.invite', { eid, uids: `${cast.bob.uid},${cast.dan.uid}` }, 200, /not a friend/);
    expect((await membersOf(eid)).not_replied).toEqual([]);
    await cast.fails('ada', 'events.invite', { eid, uids: 'bob' }, 114, /^Invalid user id list/);
    await cast.fails('ada', 'events.invite', { eid, uids: '' }, 100, /uids/);
    await cast.fails('ada', 'events.invite', { eid: 777777, uids: cast.bob.uid }, 150, /^Invalid eid/);
    await cast.fails('cleo', 'events.invite', { eid, uids: cast.bob.uid }, 290, /create_event/);
  });
});
