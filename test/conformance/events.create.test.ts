/** events.create on both backends: the eid in XML and JSON, what event_info sets and defaults, create_event, and the errors. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desktopClient, signedInSession, webClient } from '../support/sessions.js';
import { xmlScalarAnswer } from '../support/test-server.js';
import { BACKENDS, eventCast, type EventCast } from './events.setup.js';

const START = 1265050800;

describe.each(BACKENDS)('events.create on $backend', ({ backend, skip }) => {
  let cast: EventCast;
  beforeAll(async () => {
    if (!skip) cast = await eventCast(backend);
  });
  afterAll(() => cast?.server.close());
  const info = (fields: Record<string, unknown>) => ({ event_info: JSON.stringify(fields) });

  it.skipIf(skip)('answers the new eid: a scalar XML root, a JSON number', async () => {
    const xml = await cast.call('ada', 'events.create', info({ name: 'Launch', start_time: START }));
    const eid = /<events_create_response[^>]*>(\d+)</.exec(xml.body)?.[1];
    expect(xml.body).toBe(xmlScalarAnswer('events_create_response', eid!));
    const json = await cast.call('ada', 'events.create', info({ name: 'Launch', start_time: START }), 'json');
    expect(json.body).toMatch(/^\d+$/);
    expect(Number(json.body)).toBeGreaterThan(Number(eid));
  });

  it.skipIf(skip)('stores every key (numbers as strings too), names the category, and makes the creator attending', async () => {
    const eid = await cast.event('ada', {
      name: 'Hearth Launch Party', tagline: 'Bring a friend', host: 'The Mill', desc: 'Drinks & demos.', category: '1', subcategory: 2,
      start_time: String(START), end_time: START + 10800, location: 'The Old Mill', street: '1 Mill Lane', city: 'Palo Alto', privacy_type: 'closed', unknown_key: 1,
    });
    const [event] = JSON.parse((await cast.call('ada', 'events.get', { eids: String(eid) }, 'json')).body) as Array<Record<string, unknown>>;
    expect(event).toMatchObject({
      eid, name: 'Hearth Launch Party', tagline: 'Bring a friend', host: 'The Mill', description: 'Drinks & demos.', event_type: 'Party', event_subtype: 'Cocktail Party',
      start_time: START, end_time: START + 10800, creator: cast.ada.uid, location: 'The Old Mill', venue: { street: '1 Mill Lane', city: 'Palo Alto', state: '', country: '' }, privacy: 'CLOSED',
    });
    const members = JSON.parse((await cast.call('ada', 'events.getMembers', { eid }, 'json')).body) as Record<string, number[]>;
    expect(members).toEqual({ attending: [cast.ada.uid], unsure: [], declined: [], not_replied: [] });
  });

  it.skipIf(skip)('defaults: three hours long, OPEN, hosted by the creator — or by the app when it acts alone, then the creator is the app', async () => {
    const eid = await cast.event('ada', { name: 'Short', start_time: START });
    const [event] = JSON.parse((await cast.call('ada', 'events.get', { eids: eid }, 'json')).body) as Array<Record<string, unknown>>;
    expect(event).toMatchObject({ end_time: START + 10800, privacy: 'OPEN', host: 'Ada Lovelace', event_type: '', event_subtype: '', show_in_search: true, hide_guest_list: false });
    const byApp = await cast.event(undefined, { name: 'App party', start_time: START });
    const [appEvent] = JSON.parse((await cast.call(undefined, 'events.get', { eids: byApp }, 'json')).body) as Array<Record<string, unknown>>;
    expect(appEvent).toMatchObject({ creator: cast.web.appId, host: cast.web.name });
    const members = JSON.parse((await cast.call(undefined, 'events.getMembers', { eid: byApp }, 'json')).body) as Record<string, number[]>;
    expect(members.attending).toEqual([]);
  });

  it.skipIf(skip)('needs create_event with a session (290), a session for a desktop app (102), the app secret to sign (15)', async () => {
    await cast.fails('cleo', 'events.create', info({ name: 'x', start_time: START }), 290, 'Creating and modifying events required the extended permission create_event');
    const desktop = await cast.server.createApp('desktop');
    const alone = await cast.server.client(desktop).callRaw('events.create', info({ name: 'x', start_time: START }), { format: 'json' });
    expect(JSON.parse(alone.body)).toMatchObject({ error_code: 102 });
    const session = await signedInSession(cast.server, desktop, cast.ada);
    await cast.server.store.permissions.grant(cast.ada.uid, desktop.appId, 'create_event');
    const bySecret = await desktopClient(cast.server, desktop, session, { useSessionSecret: true }).callRaw('events.create', info({ name: 'x', start_time: START }), { format: 'json' });
    expect(JSON.parse(bySecret.body)).toMatchObject({ error_code: 15 });
    const byApp = await webClient(cast.server, desktop, session).callRaw('events.create', info({ name: 'x', start_time: START }), { format: 'json' });
    expect(byApp.body).toMatch(/^\d+$/);
  });

  it.skipIf(skip)('refuses bad event_info: not JSON 144, no name or start 100, bad times 1000, category 140, subcategory 141, privacy 100', async () => {
    await cast.fails('ada', 'events.create', { event_info: '{name:' }, 144, /^Malformed JSON string/);
    await cast.fails('ada', 'events.create', { event_info: '[1]' }, 144, /^Malformed JSON string/);
    await cast.fails('ada', 'events.create', {}, 100, /^Invalid parameter/);
    await cast.fails('ada', 'events.create', info({ start_time: START }), 100, /name/);
    await cast.fails('ada', 'events.create', info({ name: '  ', start_time: START }), 100, /name/);
    await cast.fails('ada', 'events.create', info({ name: 'x' }), 100, /start_time/);
    await cast.fails('ada', 'events.create', info({ name: 'x', start_time: 'tomorrow' }), 1000, /^Invalid time for an event\./);
    await cast.fails('ada', 'events.create', info({ name: 'x', start_time: START, end_time: START - 1 }), 1000, /^Invalid time for an event\./);
    await cast.fails('ada', 'events.create', info({ name: 'x', start_time: START, category: 9 }), 140, /^Invalid category/);
    await cast.fails('ada', 'events.create', info({ name: 'x', start_time: START, subcategory: 59 }), 141, /^Invalid subcategory/);
    await cast.fails('ada', 'events.create', info({ name: 'x', start_time: START, privacy_type: 'PUBLIC' }), 100, /privacy_type/);
    await cast.fails('ada', 'events.create', info({ name: { a: 1 }, start_time: START }), 100, /name/);
  });
});
