/**
 * The walls of events, groups and fan pages through the stream methods, on both backends: who may
 * post there (stream.publish's target_id), who reads it (stream.get's source_ids and the news
 * feed), a page's admin posting as the page (`uid` = the page), and who may tidy up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RestClient } from '../../sdk/index.js';
import type { HearthEvent } from '../../src/features/events/records.js';
import { expectError } from './protocol-helpers.js';
import { communityCast, type CommunityCast } from './groups-pages.setup.js';
import { BACKENDS, grant } from './stream.setup.js';

describe.each(BACKENDS)('walls of events, groups and pages on $backend', ({ backend, skip }) => {
  let cast: CommunityCast;
  let openEvent: HearthEvent;
  let secretEvent: HearthEvent;
  const client = (name: 'ada' | 'bob' | 'cleo' | 'dan'): RestClient => cast.as(name);
  const publish = (name: 'ada' | 'bob' | 'cleo' | 'dan', params: Record<string, string>) => client(name).callRaw('stream.publish', params, { format: 'json' });
  const postIdOf = (body: string): string => JSON.parse(body) as string;
  const readWall = async (name: 'ada' | 'bob' | 'cleo' | 'dan', source: number): Promise<Array<{ post_id: string; actor_id: number; message: string }>> => {
    const answer = await client(name).callRaw('stream.get', { source_ids: JSON.stringify([source]) }, { format: 'json' });
    return (JSON.parse(answer.body) as { posts: Array<{ post_id: string; actor_id: number; message: string }> }).posts;
  };

  beforeAll(async () => {
    if (skip) return;
    cast = await communityCast(backend);
    for (const person of [cast.ada, cast.bob, cast.cleo, cast.dan]) await grant(cast.server, cast.web, person, 'publish_stream', 'read_stream');
    await cast.server.services.friends.addDirectly(cast.bob.uid, cast.dan.uid);
    const start = Math.floor(Date.now() / 1000) + 86_400;
    openEvent = await cast.server.services.events.create({ changes: { name: 'Open Loom Day', startTime: start }, creator: cast.ada.uid, appId: null, defaultHost: 'Ada Lovelace' });
    secretEvent = await cast.server.services.events.create({ changes: { name: 'Quiet Supper', startTime: start, privacy: 'SECRET' }, creator: cast.ada.uid, appId: null, defaultHost: 'Ada Lovelace' });
    await cast.server.services.events.invite(secretEvent, [cast.cleo.uid], cast.ada.uid, '');
  });
  afterAll(() => cast?.server.close());

  it.skipIf(skip)('lets a group’s members post on its wall, the post_id headed by the group’s id, and refuses others with 210', async () => {
    const answer = await publish('bob', { message: 'Gears at noon', target_id: String(cast.groups.open.gid) });
    expect(postIdOf(answer.body)).toMatch(new RegExp(`^${cast.groups.open.gid}_\\d+$`));
    const post = (await cast.server.services.stream.find(postIdOf(answer.body)))!;
    expect(post).toMatchObject({ wall: cast.groups.open.gid, actor: cast.bob.uid, type: 56 });
    // Dan is no member; Cleo is only invited.
    expectError(await publish('dan', { message: 'Let me in', target_id: String(cast.groups.open.gid) }), 'json', 210, `User not visible (target_id: uid ${cast.dan.uid} may not post on the wall of ${cast.groups.open.gid})`);
    expectError(await publish('cleo', { message: 'Hello?', target_id: String(cast.groups.secret.gid) }), 'json', 210, /may not post on the wall/);
    // An id that is neither a person nor a place.
    expectError(await publish('bob', { message: 'Anyone?', target_id: '999999999' }), 'json', 210, /no person or place with id 999999999/);
  });

  it.skipIf(skip)('shows an open group’s wall to everyone, a closed one’s only to its people, and keeps it out of friends’ news feeds', async () => {
    const closedPost = postIdOf((await publish('bob', { message: 'Closed-door gears', target_id: String(cast.groups.closed.gid) })).body);
    expect((await readWall('ada', cast.groups.closed.gid)).map((post) => post.post_id)).toContain(closedPost);
    expect(await readWall('dan', cast.groups.closed.gid)).toEqual([]);
    expect((await readWall('dan', cast.groups.open.gid)).map((post) => post.message)).toContain('Gears at noon');
    // Dan is Bob's friend: Bob's open-group post comes into his feed, the closed one does not.
    const feed = JSON.parse((await client('dan').callRaw('stream.get', {}, { format: 'json' })).body) as { posts: Array<{ message: string }>; profiles: Array<{ id: number; type: string; name: string }> };
    expect(feed.posts.map((post) => post.message)).toContain('Gears at noon');
    expect(feed.posts.map((post) => post.message)).not.toContain('Closed-door gears');
    expect(feed.profiles).toContainEqual(expect.objectContaining({ id: cast.groups.open.gid, type: 'group', name: 'Analytical Engine Fans' }));
    // Nor may Dan comment on or like what he cannot see.
    expectError(await client('dan').callRaw('stream.addComment', { post_id: closedPost, comment: 'Hm' }, { format: 'json' }), 'json', 210, /may not comment/);
  });

  it.skipIf(skip)('lets anyone signed in post on an open event’s wall, and only guests on a secret one’s', async () => {
    const onOpen = postIdOf((await publish('dan', { message: 'Count me in', target_id: String(openEvent.eid) })).body);
    expect(onOpen).toMatch(new RegExp(`^${openEvent.eid}_\\d+$`));
    const onSecret = postIdOf((await publish('cleo', { message: 'I will bring bread', target_id: String(secretEvent.eid) })).body);
    expectError(await publish('dan', { message: 'Me too', target_id: String(secretEvent.eid) }), 'json', 210, /may not post on the wall/);
    expect((await readWall('ada', secretEvent.eid)).map((post) => post.post_id)).toEqual([onSecret]);
    expect(await readWall('dan', secretEvent.eid)).toEqual([]);
  });

  it.skipIf(skip)('lets a page’s fans post on its wall, and its admin post as the page, which its fans’ news feeds show', async () => {
    const band = cast.pages.band.pageId;
    expect(postIdOf((await publish('bob', { message: 'Great gig', target_id: String(band) })).body)).toMatch(new RegExp(`^${band}_\\d+$`));
    expectError(await publish('dan', { message: 'Who are you', target_id: String(band) }), 'json', 210, /may not post on the wall/);

    const asPage = postIdOf((await publish('ada', { message: 'New record out today', uid: String(band) })).body);
    expect(asPage).toMatch(new RegExp(`^${band}_\\d+$`));
    expect((await cast.server.services.stream.find(asPage))!).toMatchObject({ actor: band, wall: band, type: 46 });
    // The page has no status of its own: nothing is recorded for a person who does not exist.
    expect(await cast.server.services.status.current(band)).toBeUndefined();

    const feed = JSON.parse((await client('cleo').callRaw('stream.get', {}, { format: 'json' })).body) as { posts: Array<{ post_id: string; actor_id: number }>; profiles: Array<{ id: number; type: string; url: string }> };
    expect(feed.posts).toContainEqual(expect.objectContaining({ post_id: asPage, actor_id: band }));
    expect(feed.profiles).toContainEqual(expect.objectContaining({ id: band, type: 'page', url: `${cast.server.url}/page.php?id=${band}` }));
    // Someone who is no admin of the page cannot speak for it.
    expectError(await publish('bob', { message: 'I am the band now', uid: String(band) }), 'json', 200, `Permissions error (uid ${band} has not authorized this application)`);
  });

  it.skipIf(skip)('lets a page’s admin remove what others posted on its wall', async () => {
    const band = cast.pages.band.pageId;
    const bobs = postIdOf((await publish('bob', { message: 'Tickets for sale, cheap', target_id: String(band) })).body);
    expectError(await client('cleo').callRaw('stream.remove', { post_id: bobs }, { format: 'json' }), 'json', 200, /may remove it/);
    expect(JSON.parse((await client('ada').callRaw('stream.remove', { post_id: bobs }, { format: 'json' })).body)).toBe(true);
    expect(await cast.server.services.stream.find(bobs)).toBeUndefined();
  });

  it.skipIf(skip)('sends profile.php?id= of a page to the page’s own page', async () => {
    const response = await fetch(`${cast.server.url}/profile.php?id=${cast.pages.band.pageId}`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`/page.php?id=${cast.pages.band.pageId}`);
  });
});
