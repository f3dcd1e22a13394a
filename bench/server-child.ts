/**
 * The server under test, in a process of its own so the benchmark can read its memory: Hearth as
 * `hearth serve` runs it (runServer), on a free port, database from BENCH_DB. Tells the parent its
 * URL over IPC, answers `{ type: 'memory' }` with its RSS and peak RSS, and closes on `{ type: 'stop' }`
 * (exiting normally, so `--cpu-prof` gets to write its profile).
 *
 * Beside Hearth's own routes it serves `GET /bench/friends-with-names?uid=…&format=…`: the rows of
 * `SELECT uid, name FROM user WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = …)` fetched by one
 * hand-written statement on the same better-sqlite3 connection and written by the same serialiser
 * as an fql.query answer — the comparison scenario (h) measures FQL against.
 *
 * And `GET /bench/news-feed?uid=…&format=…[&window=1]`: the post_ids of the newest NEWS_FEED_PAGE
 * posts of uid's news feed that uid may see, newest first, by one hand-written statement — what
 * scenarios (j-sql) and (j-sql-window) measure stream.get against (bench/stream-seed.ts seeds only
 * the privacy values it decides).
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SERVER_CONFIG } from '../src/config/server-config.js';
import type { Store } from '../src/features/feature.js';
import { runServer } from '../src/http/run-server.js';
import { readRendering, writeResult } from '../src/wire/serialize/response-writer.js';
import { ApiEntries, ApiList } from '../src/wire/values.js';
import { memoryReport } from './child-ipc.js';

const FRIENDS_WITH_NAMES = `
SELECT uid, first_name || ' ' || last_name AS name FROM people
WHERE uid IN (SELECT uid_high FROM friendships WHERE uid_low = ? UNION ALL SELECT uid_low FROM friendships WHERE uid_high = ?)`;

/**
 * The news feed as an app would write it by hand: posts on the walls of, or by, the person and
 * their friends; privacy as Hearth's rule decides it for EVERYONE, ALL_FRIENDS and SELF (the
 * owner's friends, relative to the wall); newest first by updated time, then story id.
 */
const NEWS_FEED = `
WITH friends(uid) AS (SELECT uid_high FROM friendships WHERE uid_low = :uid UNION ALL SELECT uid_low FROM friendships WHERE uid_high = :uid),
feed(uid) AS (SELECT :uid UNION ALL SELECT uid FROM friends)
SELECT wall_uid || '_' || story_id AS post_id FROM posts
WHERE (wall_uid IN (SELECT uid FROM feed) OR actor_uid IN (SELECT uid FROM feed))
  AND (wall_uid = :uid OR actor_uid = :uid OR privacy = 'EVERYONE' OR (privacy IN ('ALL_FRIENDS', 'NETWORKS_FRIENDS') AND wall_uid IN (SELECT uid FROM friends)))
ORDER BY updated_at DESC, story_id DESC LIMIT :limit`;

/**
 * The same page by the best single statement we could write: it reads only the window that
 * Hearth's service reads first (docs/stream.md) — back to the latest activity of the 45th most
 * recently active of the person and their friends, asking only for those active in it (each side of
 * the OR a join of its own, so that SQLite seeks each index with the time bound). Unlike
 * NEWS_FEED it is right only when that window holds a page the person may see, which the benchmark
 * checks for every hub before measuring.
 */
const NEWS_FEED_WINDOW = `
WITH friends(uid) AS (SELECT uid_high FROM friendships WHERE uid_low = :uid UNION ALL SELECT uid_low FROM friendships WHERE uid_high = :uid),
feed(uid) AS (SELECT :uid UNION ALL SELECT uid FROM friends),
activity(uid, updated_at) AS MATERIALIZED (SELECT uid, updated_at FROM stream_activity WHERE uid IN (SELECT uid FROM feed)),
start(at) AS MATERIALIZED (SELECT updated_at FROM activity ORDER BY updated_at DESC LIMIT 1 OFFSET 44),
active(uid) AS MATERIALIZED (SELECT uid FROM activity WHERE updated_at >= (SELECT at FROM start)),
candidates AS (
  SELECT p.story_id, p.wall_uid, p.actor_uid, p.privacy, p.updated_at FROM active a CROSS JOIN posts p ON p.wall_uid = a.uid AND p.updated_at >= (SELECT at FROM start)
  UNION
  SELECT p.story_id, p.wall_uid, p.actor_uid, p.privacy, p.updated_at FROM active a CROSS JOIN posts p ON p.actor_uid = a.uid AND p.updated_at >= (SELECT at FROM start)
)
SELECT wall_uid || '_' || story_id AS post_id FROM candidates
WHERE wall_uid = :uid OR actor_uid = :uid OR privacy = 'EVERYONE' OR (privacy IN ('ALL_FRIENDS', 'NETWORKS_FRIENDS') AND wall_uid IN (SELECT uid FROM friends))
ORDER BY updated_at DESC, story_id DESC LIMIT :limit`;

/** The page scenario (j) asks stream.get for. */
const NEWS_FEED_PAGE = 25;

function benchRoutes(app: FastifyInstance, parts: { readonly store: Store }): void {
  friendsWithNamesRoute(app, parts);
  newsFeedRoute(app, parts);
}

function newsFeedRoute(app: FastifyInstance, { store }: { readonly store: Store }): void {
  const native = store.database.native;
  if (native.dialect !== 'sqlite') return;
  const everything = native.db.prepare(NEWS_FEED).pluck();
  const windowed = native.db.prepare(NEWS_FEED_WINDOW).pluck();
  app.get('/bench/news-feed', async (request, reply) => {
    const query = request.query as { uid?: string; format?: string; window?: string };
    const uid = Number(query.uid);
    const statement = query.window === '1' ? windowed : everything;
    const postIds = await native.exclusive(() => statement.all({ uid, limit: NEWS_FEED_PAGE }) as string[]);
    const response = writeResult(readRendering(query.format, undefined).rendering, 'stream.get', new ApiList('post_id', postIds));
    return reply.type(response.contentType).send(response.body);
  });
}

function friendsWithNamesRoute(app: FastifyInstance, { store }: { readonly store: Store }): void {
  const native = store.database.native;
  if (native.dialect !== 'sqlite') return;
  const statement = native.db.prepare(FRIENDS_WITH_NAMES);
  app.get('/bench/friends-with-names', async (request, reply) => {
    const query = request.query as { uid?: string; format?: string };
    const uid = Number(query.uid);
    const rows = await native.exclusive(() => statement.all(uid, uid) as Array<{ uid: number; name: string }>);
    const value = new ApiList('user', rows.map((row) => new ApiEntries([['uid', row.uid], ['name', row.name]])), 'open-close');
    const response = writeResult(readRendering(query.format, undefined).rendering, 'fql.query', value);
    return reply.type(response.contentType).send(response.body);
  });
}

async function main(): Promise<void> {
  const db = process.env.BENCH_DB;
  if (!db || !process.send) throw new Error('server-child is started by bench/run.ts with BENCH_DB and an IPC channel');
  const server = await runServer({ ...DEFAULT_SERVER_CONFIG, db, port: 0, logLevel: 'warn' }, { extraRoutes: benchRoutes });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') process.send!(memoryReport());
    if (message.type === 'stop') {
      void server.close().then(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', url: server.httpUrl });
}

await main();
