/**
 * stream.getFilters on both backends: the News Feed, the person's friend lists and the apps they use
 * that have posted, as `<stream_filter>` items byte for byte (JSON an array, is_visible a boolean);
 * a web app naming a person by uid without a session; errors 100, 110, 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xmlScalarAnswer } from '../support/test-server.js';
import { expectError } from './protocol-helpers.js';
import { BACKENDS, clientOf, grant, postAs, streamCast, type StreamCast } from './stream.setup.js';

const ROOT = 'stream_getFilters_response';

describe.each(BACKENDS)('stream.getFilters on $backend', ({ backend, skip }) => {
  let cast: StreamCast;
  beforeAll(async () => {
    if (!skip) cast = await streamCast(backend);
  });
  afterAll(() => cast?.server.close());

  const filter = (uid: number, key: string, name: string, rank: number, type: string, value: number | undefined) =>
    '  <stream_filter>\n' +
    `    <uid>${uid}</uid>\n` +
    `    <filter_key>${key}</filter_key>\n` +
    `    <name>${name}</name>\n` +
    `    <rank>${rank}</rank>\n` +
    '    <icon_url/>\n' +
    '    <is_visible>1</is_visible>\n' +
    `    <type>${type}</type>\n` +
    (value === undefined ? '    <value xsi:nil="true"/>\n' : `    <value>${value}</value>\n`) +
    '  </stream_filter>\n';

  it.skipIf(skip)('answers the News Feed first, then the friend lists in the order made, then the apps that posted, in XML and JSON', async () => {
    const { server, web } = cast;
    const person = await server.createPerson('Filter Person');
    const quiet = await server.createApp('web');
    await grant(server, quiet, person);
    const family = await server.services.friendLists.create(person.uid, 'Family & <Friends>');
    const club = await server.services.friendLists.create(person.uid, 'Engine Club');
    const client = await clientOf(server, web, person);
    await postAs(server, person, { app: web });
    const xml = await client.callRaw('stream.getFilters', {});
    expect(xml.body).toBe(
      xmlScalarAnswer(
        ROOT,
        '\n' +
          filter(person.uid, 'nf', 'News Feed', 0, 'newsfeed', undefined) +
          filter(person.uid, `fl_${family.flid}`, 'Family &amp; &lt;Friends&gt;', 1, 'friendlist', family.flid) +
          filter(person.uid, `fl_${club.flid}`, 'Engine Club', 2, 'friendlist', club.flid) +
          filter(person.uid, `app_${web.appId}`, web.name, 3, 'application', web.appId),
        ' list="true"',
      ),
    );
    const json = await client.callRaw('stream.getFilters', {}, { format: 'json' });
    const item = (key: string, name: string, rank: number, type: string, value: number | null) =>
      `{"uid":${person.uid},"filter_key":"${key}","name":"${name}","rank":${rank},"icon_url":"","is_visible":true,"type":"${type}","value":${value}}`;
    expect(json.body).toBe(
      `[${[
        item('nf', 'News Feed', 0, 'newsfeed', null),
        item(`fl_${family.flid}`, 'Family & <Friends>', 1, 'friendlist', family.flid),
        item(`fl_${club.flid}`, 'Engine Club', 2, 'friendlist', club.flid),
        item(`app_${web.appId}`, web.name, 3, 'application', web.appId),
      ].join(',')}]`,
    );
  });

  it.skipIf(skip)('answers a web app naming a person who authorized it, without a session; only the News Feed until an app of theirs posts', async () => {
    const { server } = cast;
    const app = await server.createApp('web');
    const person = await server.createPerson('New Person');
    await grant(server, app, person);
    const answer = await server.client(app).callRaw('stream.getFilters', { uid: person.uid }, { format: 'json' });
    expect(JSON.parse(answer.body)).toEqual([{ uid: person.uid, filter_key: 'nf', name: 'News Feed', rank: 0, icon_url: '', is_visible: true, type: 'newsfeed', value: null }]);
  });

  describe.each(['xml', 'json'] as const)('%s errors', (format) => {
    it.skipIf(skip)('110: a uid that is not one', async () => {
      expectError(await cast.server.client(cast.web).callRaw('stream.getFilters', { uid: '12ab' }, { format }), format, 110, 'Invalid user id (uid: not a positive integer)');
    });

    it.skipIf(skip)('200: a person who has not authorized the app; a desktop app asking about someone else', async () => {
      const { server, web, desktop, ada, bob } = cast;
      const stranger = await server.createPerson('Not A User');
      expectError(await server.client(web).callRaw('stream.getFilters', { uid: stranger.uid }, { format }), format, 200, `Permissions error (uid ${stranger.uid} has not authorized this application)`);
      const desk = await clientOf(server, desktop, ada, undefined, format);
      expectError(await desk.callRaw('stream.getFilters', { uid: bob.uid }, { format }), format, 200, 'Permissions error (desktop applications may only act on the session user)');
    });

    it.skipIf(skip)('100: a parameter the call cannot be answered with (a callback that is not a function name)', async () => {
      const client = await clientOf(cast.server, cast.web, cast.ada);
      expectError(await client.callRaw('stream.getFilters', {}, { format, callback: 'alert(document.cookie)' }), format, 100, 'Invalid parameter (callback: must be a JavaScript function name)');
    });
  });
});
