/** events.edit on both backends: only the keys given change, the admin rule, the renaming rule (1001), and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;

describe.each(BACKENDS)('events.edit on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  beforeAll(async () => {
    if (!skip) cast = await eventCast(backend);
  });
  afterAll(() => cast?.server.close());
  const info = (fields: Record<string, unknown>) => JSON.stringify(fields);
  const eventOf = async (eid: number) => (JSON.parse((await cast.call('ada', 'events.get', { eids: eid }, 'json')).body) as Array<Record<string, unknown>>)[0]!;

  it.skipIf(skip)('changes only the keys given; answers 1 in XML and true in JSON', async () => {
    const eid = await cast.event('ada', { name: 'Tea', start_time: START, location: 'Kitchen', category: 4 });
    const xml = await cast.call('ada', 'events.edit', { eid, event_info: info({ location: 'Garden', subcategory: 6, end_time: START + 60 }) });
    expect(xml.body).toBe(xmlScalarAnswer('events_edit_response', '1'));
    expect((await cast.call('ada', 'events.edit', { eid, event_info: info({ tagline: 'Milk first' }) }, 'json')).body).toBe('true');
    expect(await eventOf(eid)).toMatchObject({ name: 'Tea', location: 'Garden', event_type: 'Meetings', event_subtype: 'Business Meeting', start_time: START, end_time: START + 60, tagline: 'Milk first' });
  });

  it.skipIf(skip)('an event the app made alone is edited without a session', async () => {
    const eid = await cast.event(undefined, { name: 'App fair', start_time: START });
    expect((await cast.call(undefined, 'events.edit', { eid, event_info: info({ name: 'App fair 2' }) }, 'json')).body).toBe('true');
    expect(await eventOf(eid)).toMatchObject({ name: 'App fair 2' });
  });

  it.skipIf(skip)('no renaming once a guest other than the creator has answered (1001); other keys still change', async () => {
    const eid = await cast.event('ada', { name: 'Picnic', start_time: START });
    await cast.call('ada', 'events.invite', { eid, uids: cast.bob.uid });
    expect((await cast.call('ada', 'events.edit', { eid, event_info: info({ name: 'Picnic!' }) }, 'json')).body).toBe('true');
    await cast.call('bob', 'events.rsvp', { eid, rsvp_status: 'declined' });
    await cast.fails('ada', 'events.edit', { eid, event_info: info({ name: 'Picnic?' }) }, 1001, 'You are no longer able to change the name of this event.');
    expect((await cast.call('ada', 'events.edit', { eid, event_info: info({ name: 'Picnic!', location: 'Park' }) }, 'json')).body).toBe('true');
  });

  it.skipIf(skip)('refuses: unknown or cancelled eid 150, another’s event or app 200, no create_event 290, bad event_info as create', async () => {
    const eid = await cast.event('ada', { name: 'Mine', start_time: START });
    await cast.fails('ada', 'events.edit', { eid: 987654, event_info: info({ name: 'x' }) }, 150, /^Invalid eid/);
    await cast.fails('ada', 'events.edit', { eid: 'abc', event_info: info({ name: 'x' }) }, 150, /^Invalid eid/);
    await cast.fails('bob', 'events.edit', { eid, event_info: info({ name: 'x' }) }, 200, /^Permissions error/);
    await cast.fails(undefined, 'events.edit', { eid, event_info: info({ name: 'x' }) }, 200, /^Permissions error/);
    await cast.fails('cleo', 'events.edit', { eid, event_info: info({ name: 'x' }) }, 290, /create_event/);
    const other = await cast.server.createApp('web');
    const elsewhere = Number((await cast.server.client(other).callRaw('events.create', { event_info: info({ name: 'Other', start_time: START }) }, { format: 'json' })).body);
    await cast.fails(undefined, 'events.edit', { eid: elsewhere, event_info: info({ name: 'x' }) }, 200, /not an admin/);
    await cast.fails('ada', 'events.edit', { eid, event_info: 'nope' }, 144, /^Malformed JSON string/);
    await cast.fails('ada', 'events.edit', { eid, event_info: info({ end_time: START - 5 }) }, 1000, /^Invalid time/);
    await cast.fails('ada', 'events.edit', { eid, event_info: info({ category: 0 }) }, 140, /^Invalid category/);
    await cast.fails('ada', 'events.edit', { eid, event_info: info({ name: '' }) }, 100, /name/);
    await cast.call('ada', 'events.cancel', { eid });
    await cast.fails('ada', 'events.edit', { eid, event_info: info({ name: 'x' }) }, 150, /^Invalid eid/);
  });
});
