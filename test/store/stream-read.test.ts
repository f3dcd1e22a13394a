/**
 * A news feed and a wall read window by window must answer exactly what reading every post and
 * sorting would: the same posts, in the same order, page after page. The store here has people of
 * very different activity (one who posts in bursts, many who post once in a while, some silent
 * for years), posts with every privacy the seed can pick and on strangers' walls, comments and
 * likes that move posts on, and a removed post; each backend runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, SqliteStore } from '../../src/platform.js';
import type { Services, Store } from '../../src/features/feature.js';
import type { Viewing } from '../../src/features/stream/stream-service.js';
import { hasPostgres, testSchema } from '../support/postgres.js';

const DAY_MS = 86_400_000;
const START = Date.UTC(2021, 0, 1);

/** A small deterministic generator, so a failure can be run again. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 48_271) % 2_147_483_647;
    return state / 2_147_483_647;
  };
}

interface World {
  readonly services: Services;
  readonly viewer: number;
  readonly people: readonly number[];
  readonly stranger: number;
  /** Every post made, removed ones included. */
  readonly storyIds: readonly number[];
}

async function build(store: Store): Promise<World> {
  const services = createServices(store);
  const random = generator(7);
  const uids: number[] = [];
  for (let n = 0; n < 70; n++) {
    const person = await store.people.create({ email: `reader${n}@example.org`, passwordHash: 'unused', firstName: `P${n}`, lastName: 'Reader' });
    uids.push(person.uid);
  }
  const [viewer, ...others] = uids as [number, ...number[]];
  const friends = others.slice(0, 60);
  const stranger = others[65]!;
  for (const friend of friends) await store.friendships.befriend(viewer, friend, new Date(START));
  // The stranger is a friend of some of the viewer's friends: posts on their wall reach the feed.
  for (const friend of friends.slice(0, 5)) await store.friendships.befriend(stranger, friend, new Date(START));
  const privacies = [{ value: 'EVERYONE' }, { value: 'ALL_FRIENDS' }, { value: 'SELF' }, { value: 'FRIENDS_OF_FRIENDS' }] as const;
  const postIds: string[] = [];
  const post = async (actor: number, wall: number, at: number) => {
    const privacy = privacies[Math.floor(random() * privacies.length)]!;
    const { postId } = await services.stream.publish({ actor, wall, appId: null, type: 56, message: `${actor} at ${at}`, attachment: null, actionLinks: null, privacy }, new Date(at));
    postIds.push(postId);
  };
  // A burst: the first friend posts 80 times within two hours, a week before the end.
  for (let n = 0; n < 80; n++) await post(friends[0]!, friends[0]!, START + 1500 * DAY_MS + n * 90_000);
  // Everyone else now and then over four years; some are silent after the first year.
  for (let n = 0; n < 400; n++) {
    const actor = uids[Math.floor(random() * uids.length)]!;
    const silent = uids.indexOf(actor) % 7 === 0;
    const at = START + Math.floor(random() * (silent ? 365 : 1507) * DAY_MS);
    const wall = actor !== stranger && friends.includes(actor) && random() < 0.15 ? (random() < 0.5 ? viewer : stranger) : actor;
    if (wall === stranger && !(await store.friendships.areFriends(actor, stranger))) await post(actor, actor, at);
    else await post(actor, wall, at);
  }
  // Comments and likes move some old posts to the top.
  for (let n = 0; n < 30; n++) {
    const postId = postIds[Math.floor(random() * postIds.length)]!;
    const at = START + 1508 * DAY_MS + n * 60_000;
    if (n % 2 === 0) await services.stream.addComment(viewer, postId, `late ${n}`, null, new Date(at));
    else await services.stream.like(viewer, postId, new Date(at));
  }
  await services.stream.remove(friends[0]!, postIds[79]!, null);
  return { services, viewer, people: uids, stranger, storyIds: postIds.map((postId) => Number(postId.split('_')[1])) };
}

/** Every post of the sources the reader may see, newest first: what the windows must agree with. */
async function everything(world: World, viewing: Viewing, sources: readonly number[]): Promise<string[]> {
  const set = new Set(sources);
  const candidates = (await world.services.stream.byStoryIds(world.storyIds)).filter((post) => set.has(post.wall) || set.has(post.actor));
  const visible = await world.services.stream.visible(viewing, candidates);
  return visible.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || b.storyId - a.storyId).map((post) => `${post.wall}_${post.storyId}`);
}

async function pages(read: (before: { updatedAt: Date; storyId: number } | undefined) => Promise<{ posts: ReadonlyArray<{ postId: string }>; next: { updatedAt: Date; storyId: number } | undefined }>): Promise<string[]> {
  const ids: string[] = [];
  let before: { updatedAt: Date; storyId: number } | undefined;
  for (let page = 0; page < 200; page++) {
    const view = await read(before);
    ids.push(...view.posts.map((shown) => shown.postId));
    if (view.next === undefined) return ids;
    before = view.next;
  }
  throw new Error('the pages never ended');
}

const BACKENDS = [
  {
    name: 'sqlite',
    skip: false,
    async open() {
      const dir = mkdtempSync(join(tmpdir(), 'hearth-read-'));
      return { store: SqliteStore.open(join(dir, 'hearth.db')), cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    skip: !hasPostgres,
    async open() {
      const schema = testSchema();
      return { store: await schema.open() as Store, cleanup: () => schema.drop() };
    },
  },
];

for (const backend of BACKENDS) {
  describe.skipIf(backend.skip)(`${backend.name}: reading the stream window by window`, () => {
    let world: World;
    let opened: { store: Store; cleanup(): Promise<void> };
    beforeAll(async () => {
      opened = await backend.open();
      world = await build(opened.store);
    }, 60_000);
    afterAll(async () => {
      await opened.store.close();
      await opened.cleanup();
    });

    it.each([25, 7, 100])('a news feed in pages of %i is every visible post of the viewer and their friends, newest first', async (limit) => {
      const viewing = await world.services.stream.viewing(world.viewer);
      const expected = await everything(world, viewing, await world.services.stream.newsFeedSources(viewing));
      expect(expected.length).toBeGreaterThan(200);
      const read = await pages((before) => world.services.stream.newsFeed(world.viewer, { limit, before }));
      expect(read).toEqual(expected);
    });

    it('a stranger’s view of a wall is every post there they may see, newest first', async () => {
      const owner = world.people[1]!;
      const viewing = await world.services.stream.viewing(world.stranger);
      const expected = await everything(world, viewing, [owner]);
      expect(expected.length).toBeGreaterThan(50);
      expect(await pages((before) => world.services.stream.wall(owner, world.stranger, { limit: 10, before }))).toEqual(expected);
    });
  });
}
