/**
 * notifications.get on both backends: the six children, always present, in XML (a root without
 * list="true", the lists with it) and JSON; unread Inbox threads with the newest one's time,
 * pokes and shares at 0, friend requests waiting, groups and events the person is invited to and
 * has not answered; and the refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, circle, clientOf, sessionless, xmlDocument, type StreamCast } from './stream.setup.js';
import { expectError } from './protocol-helpers.js';
import { startTestServer, type TestServer } from '../support/test-server.js';
import type { App } from '../../src/features/apps/records.js';

const METHOD = 'notifications.get';
const T1 = new Date(1262300400 * 1000);
const NOTHING = `
  <messages>
    <unread>0</unread>
    <most_recent>0</most_recent>
  </messages>
  <pokes>
    <unread>0</unread>
    <most_recent>0</most_recent>
  </pokes>
  <shares>
    <unread>0</unread>
    <most_recent>0</most_recent>
  </shares>
  <friend_requests list="true"/>
  <group_invites list="true"/>
  <event_invites list="true"/>
`;

describe.each(BACKENDS)('$backend: notifications.get', ({ backend, skip }) => {
  let server: TestServer;
  let web: App;
  let cast: Pick<StreamCast, 'ada' | 'bob' | 'cleo' | 'dan'>;

  beforeAll(async () => {
    if (skip) return;
    server = await startTestServer({ backend });
    web = await server.createApp('web');
    cast = await circle(server);
  });
  afterAll(() => server?.close());

  it.skipIf(skip)('xml: every child present for someone with nothing waiting, empty lists self-closing', async () => {
    const client = await clientOf(server, web, cast.dan, []);
    expect((await client.callRaw(METHOD, {}, { format: 'xml' })).body).toBe(xmlDocument('notifications_get_response', NOTHING));
  });

  it.skipIf(skip)('xml and json: unread threads and the newest one’s time, friend requests, group and event invitations not answered', async () => {
    const { ada, bob, cleo, dan } = cast;
    const eve = await server.createPerson('Eve Waiting');
    await server.services.friends.addDirectly(eve.uid, ada.uid);
    await server.services.mailbox.send({ from: ada.uid, to: [eve.uid], body: 'first' }, new Date(T1.getTime() - 60_000));
    await server.services.mailbox.send({ from: ada.uid, to: [eve.uid], body: 'second' }, T1);
    // Dan asked first: requests are listed oldest first.
    expect(await server.services.friends.request(dan.uid, eve.uid, new Date(T1.getTime() - 2_000))).toBe('requested');
    expect(await server.services.friends.request(cleo.uid, eve.uid, new Date(T1.getTime() - 1_000))).toBe('requested');
    const invited = await server.services.groups.create({ name: 'Analytical Society', creator: ada.uid });
    const joined = await server.services.groups.create({ name: 'Difference Club', creator: bob.uid });
    await server.services.groups.addMember(invited.gid, eve.uid, { invited: true });
    await server.services.groups.addMember(joined.gid, eve.uid);
    const start = Math.floor(Date.now() / 1000) + 86_400;
    const event = (name: string, startTime = start) =>
      server.services.events.create({ changes: { name, startTime, endTime: startTime + 3600 }, creator: ada.uid, appId: web.appId, defaultHost: 'Ada' });
    const [waiting, answered, over, cancelled] = [await event('Engine demo'), await event('Loom show'), await event('Old show', start - 30 * 86_400), await event('Called off')];
    for (const one of [waiting, answered, over, cancelled]) await server.services.events.invite(one, [eve.uid], ada.uid, '');
    await server.services.events.answer(answered, eve.uid, 'attending');
    await server.services.events.cancel(cancelled, '');

    const xml = await clientOf(server, web, eve, []);
    expect((await xml.callRaw(METHOD, {}, { format: 'xml' })).body).toBe(
      xmlDocument(
        'notifications_get_response',
        NOTHING.replace('<unread>0</unread>\n    <most_recent>0</most_recent>', `<unread>2</unread>\n    <most_recent>${T1.getTime() / 1000}</most_recent>`)
          .replace('<friend_requests list="true"/>', `<friend_requests list="true">\n    <uid>${dan.uid}</uid>\n    <uid>${cleo.uid}</uid>\n  </friend_requests>`)
          .replace('<group_invites list="true"/>', `<group_invites list="true">\n    <gid>${invited.gid}</gid>\n  </group_invites>`)
          .replace('<event_invites list="true"/>', `<event_invites list="true">\n    <eid>${waiting.eid}</eid>\n  </event_invites>`),
      ),
    );
    const json = await clientOf(server, web, eve, [], 'json');
    expect((await json.callRaw(METHOD, {}, { format: 'json' })).body).toBe(
      `{"messages":{"unread":2,"most_recent":${T1.getTime() / 1000}},"pokes":{"unread":0,"most_recent":0},"shares":{"unread":0,"most_recent":0},` +
        `"friend_requests":[${dan.uid},${cleo.uid}],"group_invites":[${invited.gid}],"event_invites":[${waiting.eid}]}`,
    );
  });

  it.skipIf(skip)('refuses without a session: 102', async () => {
    for (const format of ['xml', 'json'] as const) expectError(await sessionless(server, web).callRaw(METHOD, {}, { format }), format, 102, /^Session key invalid or no longer valid/);
  });
});
