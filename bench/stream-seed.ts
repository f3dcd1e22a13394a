/**
 * The stream benchmarks' store (scenarios j and k): people with sessions (seed.ts), a few hubs with
 * 500 friends each, and `posts` posts spread over everyone's walls, some with comments and likes.
 *
 * Every post is a pure function of its number i (post-layout below): who wrote it, on whose wall,
 * with which privacy, how many comments and likes, when. The same integer arithmetic is written
 * once in JavaScript (SQLite: prepared statements in one transaction) and once in SQL (PostgreSQL:
 * INSERT … SELECT … FROM generate_series), so both stores hold the same posts.
 *
 * A hub's news feed (the hub and their 500 friends) holds about 501 × posts / people posts: at
 * 100,000 posts already some 500, so its first page of 25 is always full.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { APP, friendIndexesOf, FIRST_UID, seedFriendships, seedPostgres, seedSqlite, type BenchApp, type FriendsSeed } from './seed.js';
import { BACKFILL_STREAM_ACTIVITY } from '../src/features/stream/migrations/015-stream-activity.js';

export interface StreamSeed extends FriendsSeed {
  readonly people: number;
  readonly posts: number;
}

/** What a complete seed writes last into `settings` (name `bench_seeded_stream`): a reused store must match it. */
export function streamSeedKey(seed: StreamSeed): string {
  return `${seed.people} people, ${seed.hubs}x${seed.friendsEach} friends, ${seed.posts} posts`;
}

/** The first post's story id (the range the migration starts posts at). */
const FIRST_STORY_ID = 1_000_000_001;
/** The posts span the year before this instant, oldest first. */
const LAST_POST_MS = Date.UTC(2026, 0, 1);
const YEAR_MS = 365 * 86_400_000;
/** 2100-01-01, as the seeded API sessions: a reused store's sign-ins stay valid. */
const EXPIRES_MS = 4_102_444_800_000;

// ---------------------------------------------------------------------------------------------
// The layout of post i, in JavaScript and in SQL

/** 2^31 − 1: products of a post number and a multiplier stay exact in doubles and in bigint. */
const MODULUS = 2_147_483_647;
const DRAWS = { actor: 48_271, kind: 16_807, comments: 69_621, likes: 39_373 } as const;
/** kind < this: a post on a friend's wall (when the author has a friend in the seed). */
const FRIEND_WALL_BELOW = 12;
/** Own-wall posts: kind ≥ 96 only the author sees (SELF), ≥ 88 their friends (ALL_FRIENDS), others everyone. */
const SELF_FROM = 96;
const FRIENDS_FROM = 88;
/** A post has comments when its comments draw is below this (1–3 of them), likes when its likes draw is (1–5). */
const COMMENTED_BELOW = 15;
const LIKED_BELOW = 25;
const COMMENT_GAP_MS = 60_000;
const LIKE_GAP_MS = 45_000;
/** The gap between seedFriendships' friends of one hub (friendIndexesOf). */
const FRIEND_STRIDE = 199;

function draw(i: number, multiplier: number): number {
  return (i * multiplier + 12_345) % MODULUS;
}

function drawSql(multiplier: number): string {
  return `((i * ${multiplier} + 12345) % ${MODULUS})`;
}

function stepMs(seed: StreamSeed): number {
  return Math.max(1, Math.floor(YEAR_MS / seed.posts));
}

interface PostLayout {
  /** Person indexes (uidOf gives the uid). */
  readonly actor: number;
  readonly wall: number;
  readonly privacy: 'EVERYONE' | 'ALL_FRIENDS' | 'SELF';
  readonly comments: number;
  readonly likes: number;
  readonly createdAt: number;
  readonly updatedAt: number;
}

/**
 * A friend of `actor` in the seed: a hub's friend k = i mod friendsEach; a hub's friend's hub
 * (friend hub + 1 + 199·k of hub `hub`, so hub = (actor − 1) mod 199); nobody (the actor) else.
 */
function friendWallOf(i: number, actor: number, seed: StreamSeed): number {
  if (actor < seed.hubs) return friendIndexesOf(actor, seed)[i % seed.friendsEach]!;
  const hub = (actor - 1) % FRIEND_STRIDE;
  return hub < seed.hubs && Math.floor((actor - 1) / FRIEND_STRIDE) < seed.friendsEach ? hub : actor;
}

export function postLayout(i: number, seed: StreamSeed): PostLayout {
  const actor = draw(i, DRAWS.actor) % seed.people;
  const kind = draw(i, DRAWS.kind) % 100;
  const wall = kind < FRIEND_WALL_BELOW ? friendWallOf(i, actor, seed) : actor;
  const privacy = wall !== actor ? 'ALL_FRIENDS' : kind >= SELF_FROM ? 'SELF' : kind >= FRIENDS_FROM ? 'ALL_FRIENDS' : 'EVERYONE';
  const commentsDraw = draw(i, DRAWS.comments) % 100;
  const likesDraw = draw(i, DRAWS.likes) % 100;
  const comments = commentsDraw < COMMENTED_BELOW ? 1 + (commentsDraw % 3) : 0;
  const likes = likesDraw < LIKED_BELOW ? 1 + (likesDraw % 5) : 0;
  const createdAt = LAST_POST_MS - YEAR_MS + i * stepMs(seed);
  // A comment or a like moves a post's updated time on, as the service does.
  const updatedAt = createdAt + Math.max(comments * COMMENT_GAP_MS, likes * LIKE_GAP_MS);
  return { actor, wall, privacy, comments, likes, createdAt, updatedAt };
}

/** The k-th commenter and liker of a post by `actor`: distinct people, never the actor. */
const commenterOf = (actor: number, k: number, people: number) => (actor + 1 + 997 * (k + 1)) % people;
const likerOf = (actor: number, k: number, people: number) => (actor + 2 + 1009 * (k + 1)) % people;
const messageOf = (i: number) => `Status update number ${i}`;
const commentTextOf = (i: number, k: number) => `Comment ${k + 1} on post ${i}`;

/** The layout as SQL: one row per post number i with the columns of PostLayout. */
function postLayoutSql(seed: StreamSeed): string {
  const { people, hubs, friendsEach } = seed;
  return `(SELECT i, actor, comments, likes, wall, created_at,
    CASE WHEN wall <> actor THEN 'ALL_FRIENDS' WHEN kind >= ${SELF_FROM} THEN 'SELF' WHEN kind >= ${FRIENDS_FROM} THEN 'ALL_FRIENDS' ELSE 'EVERYONE' END AS privacy,
    created_at + GREATEST(comments * ${COMMENT_GAP_MS}, likes * ${LIKE_GAP_MS}) AS updated_at
  FROM (SELECT i, actor, kind, created_at,
      CASE WHEN comments_draw < ${COMMENTED_BELOW} THEN 1 + comments_draw % 3 ELSE 0 END AS comments,
      CASE WHEN likes_draw < ${LIKED_BELOW} THEN 1 + likes_draw % 5 ELSE 0 END AS likes,
      CASE WHEN kind >= ${FRIEND_WALL_BELOW} THEN actor
        WHEN actor < ${hubs} THEN actor + 1 + ${FRIEND_STRIDE} * (i % ${friendsEach})
        WHEN (actor - 1) % ${FRIEND_STRIDE} < ${hubs} AND (actor - 1) / ${FRIEND_STRIDE} < ${friendsEach} THEN (actor - 1) % ${FRIEND_STRIDE}
        ELSE actor END AS wall
    FROM (SELECT i, ${drawSql(DRAWS.actor)} % ${people} AS actor, ${drawSql(DRAWS.kind)} % 100 AS kind,
        ${drawSql(DRAWS.comments)} % 100 AS comments_draw, ${drawSql(DRAWS.likes)} % 100 AS likes_draw,
        ${LAST_POST_MS - YEAR_MS}::bigint + i * ${stepMs(seed)} AS created_at
      FROM generate_series(0::bigint, ${seed.posts - 1}::bigint) AS i) drawn) walled) post`;
}

// ---------------------------------------------------------------------------------------------
// The hubs' sign-ins

/** The `hearth_login` cookie of hub `index` (43 characters, as Hearth issues them). */
export function hubCookieOf(index: number): string {
  return createHash('sha256').update(`bench-browser-${index}`).digest('base64url').slice(0, 43);
}

function cookieHash(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// SQLite

export interface StreamSeeded {
  readonly app: BenchApp;
  readonly rows: { readonly posts: number; readonly comments: number; readonly likes: number };
  /** The posts, comments and likes alone (the people and their sessions are seed.ts's). */
  readonly postsSeconds: number;
}

/** Secondary indexes of the stream's tables, dropped for the bulk insert and made again after (sorting once beats random inserts). */
const STREAM_TABLES = ['posts', 'post_comments', 'post_likes'];

export async function seedStreamSqlite(path: string, seed: StreamSeed): Promise<StreamSeeded> {
  const app = await seedSqlite(path, { people: seed.people });
  seedFriendships(path, seed);
  const db = new Database(path);
  try {
    // The transaction's journal holds only pages that existed before it; WAL would hold every page written.
    db.pragma('journal_mode = DELETE');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -524288');
    const started = performance.now();
    const rows = db.transaction(() => {
      const indexes = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${STREAM_TABLES.map(() => '?').join(', ')})`).all(...STREAM_TABLES) as Array<{ name: string; sql: string }>;
      for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
      const counted = insertPostsSqlite(db, seed, app.appId);
      for (const index of indexes) db.exec(index.sql);
      // What the repository keeps up as posts are made, for the rows loaded around it.
      db.exec(BACKFILL_STREAM_ACTIVITY);
      grantHubsSqlite(db, seed, app.appId);
      db.prepare("INSERT INTO settings (name, value) VALUES ('bench_seeded_stream', ?)").run(streamSeedKey(seed));
      return counted;
    })();
    const postsSeconds = (performance.now() - started) / 1000;
    // No ANALYZE: Hearth never runs one, so the planner sees what it sees in a real store.
    db.pragma('journal_mode = WAL');
    return { app, rows, postsSeconds };
  } finally {
    db.close();
  }
}

function insertPostsSqlite(db: Database.Database, seed: StreamSeed, appId: number): StreamSeeded['rows'] {
  const post = db.prepare(
    `INSERT INTO posts (story_id, wall_uid, actor_uid, app_id, type, message, privacy, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const comment = db.prepare('INSERT INTO post_comments (story_id, from_uid, app_id, text, created_at) VALUES (?, ?, NULL, ?, ?)');
  const like = db.prepare('INSERT INTO post_likes (story_id, uid, created_at) VALUES (?, ?, ?)');
  const rows = { posts: 0, comments: 0, likes: 0 };
  for (let i = 0; i < seed.posts; i++) {
    const layout = postLayout(i, seed);
    const storyId = FIRST_STORY_ID + i;
    const type = layout.wall === layout.actor ? 46 : 56;
    post.run(storyId, FIRST_UID + layout.wall, FIRST_UID + layout.actor, i % 4 === 0 ? appId : null, type, messageOf(i), layout.privacy, layout.createdAt, layout.updatedAt);
    for (let k = 0; k < layout.comments; k++) comment.run(storyId, FIRST_UID + commenterOf(layout.actor, k, seed.people), commentTextOf(i, k), layout.createdAt + (k + 1) * COMMENT_GAP_MS);
    for (let k = 0; k < layout.likes; k++) like.run(storyId, FIRST_UID + likerOf(layout.actor, k, seed.people), layout.createdAt + (k + 1) * LIKE_GAP_MS);
    rows.posts++;
    rows.comments += layout.comments;
    rows.likes += layout.likes;
  }
  return rows;
}

/** The hubs read the stream through the app (read_stream) and are signed in from a browser each. */
function grantHubsSqlite(db: Database.Database, seed: StreamSeed, appId: number): void {
  const grant = db.prepare("INSERT INTO extended_permissions (uid, app_id, permission, granted_at) VALUES (?, ?, 'read_stream', ?)");
  const signIn = db.prepare('INSERT INTO browser_sign_ins (id_hash, uid, created_at, expires_at) VALUES (?, ?, ?, ?)');
  const now = Date.now();
  for (let hub = 0; hub < seed.hubs; hub++) {
    grant.run(FIRST_UID + hub, appId, now);
    signIn.run(cookieHash(hubCookieOf(hub)), FIRST_UID + hub, now, EXPIRES_MS);
  }
}

/** The seed a SQLite file holds (streamSeedKey), or undefined when it holds no complete one. */
export function seededStream(path: string): string | undefined {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT value FROM settings WHERE name = 'bench_seeded_stream'").pluck().get() as string | undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** The seed a PostgreSQL schema holds (streamSeedKey), or undefined (no schema, or an incomplete seed). */
export async function seededStreamPostgres(baseUrl: string, schema: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const rows = await client.query<{ value: string }>(`SELECT value FROM ${pg.escapeIdentifier(schema)}.settings WHERE name = 'bench_seeded_stream'`);
    return rows.rows[0]?.value;
  } catch {
    return undefined;
  } finally {
    await client.end();
  }
}

/** The same store in a fresh PostgreSQL schema: seed.ts's people, then friendships and posts by INSERT … SELECT. */
export async function seedStreamPostgres(baseUrl: string, schema: string, seed: StreamSeed): Promise<StreamSeeded> {
  const app = await seedPostgres(baseUrl, schema, { people: seed.people });
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    // The rows are written whole and consistent: skip the per-row foreign-key triggers where allowed (superuser).
    await client.query('SET session_replication_role = replica').catch(() => undefined);
    await client.query('SET maintenance_work_mem = \'512MB\'').catch(() => undefined);
    const started = performance.now();
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO friendships (uid_low, uid_high, created_at)
       SELECT ${FIRST_UID} + hub, ${FIRST_UID} + hub + 1 + ${FRIEND_STRIDE} * k, $1 FROM generate_series(0, ${seed.hubs - 1}) AS hub, generate_series(0, ${seed.friendsEach - 1}) AS k`,
      [Date.now()],
    );
    const indexes = await client.query<{ indexname: string; indexdef: string }>(
      `SELECT i.indexname, i.indexdef FROM pg_indexes i
       WHERE i.schemaname = $1 AND i.tablename = ANY($2) AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = $1))`,
      [schema, STREAM_TABLES],
    );
    for (const index of indexes.rows) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.indexname)}`);
    const layout = postLayoutSql(seed);
    const posts = await client.query(
      `INSERT INTO posts (story_id, wall_uid, actor_uid, app_id, type, message, privacy, created_at, updated_at)
       SELECT ${FIRST_STORY_ID} + i, ${FIRST_UID} + wall, ${FIRST_UID} + actor, CASE WHEN i % 4 = 0 THEN $1::bigint END,
         CASE WHEN wall = actor THEN 46 ELSE 56 END, 'Status update number ' || i, privacy, created_at, updated_at
       FROM ${layout}`,
      [app.appId],
    );
    const comments = await client.query(
      `INSERT INTO post_comments (story_id, from_uid, app_id, text, created_at)
       SELECT ${FIRST_STORY_ID} + i, ${FIRST_UID} + (actor + 1 + 997 * (k + 1)) % ${seed.people}, NULL, 'Comment ' || (k + 1) || ' on post ' || i, created_at + (k + 1) * ${COMMENT_GAP_MS}
       FROM ${layout} CROSS JOIN generate_series(0, 2) AS k WHERE k < comments ORDER BY i, k`,
    );
    const likes = await client.query(
      `INSERT INTO post_likes (story_id, uid, created_at)
       SELECT ${FIRST_STORY_ID} + i, ${FIRST_UID} + (actor + 2 + 1009 * (k + 1)) % ${seed.people}, created_at + (k + 1) * ${LIKE_GAP_MS}
       FROM ${layout} CROSS JOIN generate_series(0, 4) AS k WHERE k < likes`,
    );
    for (const index of indexes.rows) await client.query(index.indexdef);
    await client.query(BACKFILL_STREAM_ACTIVITY);
    // Later posts (none in the benchmark, but the store stays usable) take ids after the seeded ones.
    await client.query("SELECT setval(pg_get_serial_sequence('posts', 'story_id'), (SELECT max(story_id) FROM posts))");
    await client.query(
      `INSERT INTO extended_permissions (uid, app_id, permission, granted_at) SELECT ${FIRST_UID} + hub, $1, 'read_stream', $2 FROM generate_series(0, ${seed.hubs - 1}) AS hub`,
      [app.appId, Date.now()],
    );
    await client.query('INSERT INTO browser_sign_ins (id_hash, uid, created_at, expires_at) SELECT hash, uid, $3, $4 FROM unnest($1::text[], $2::bigint[]) AS s(hash, uid)', [
      Array.from({ length: seed.hubs }, (_, hub) => cookieHash(hubCookieOf(hub))),
      Array.from({ length: seed.hubs }, (_, hub) => FIRST_UID + hub),
      Date.now(),
      EXPIRES_MS,
    ]);
    await client.query("INSERT INTO settings (name, value) VALUES ('bench_seeded_stream', $1)", [streamSeedKey(seed)]);
    await client.query('COMMIT');
    const postsSeconds = (performance.now() - started) / 1000;
    await client.query('ANALYZE');
    return { app, rows: { posts: posts.rowCount ?? 0, comments: comments.rowCount ?? 0, likes: likes.rowCount ?? 0 }, postsSeconds };
  } finally {
    await client.end();
  }
}

/** The app of a schema seeded earlier. */
export async function seededAppPostgres(baseUrl: string, schema: string): Promise<BenchApp> {
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    const row = await client.query<{ app_id: string; api_key: string; secret: string }>(`SELECT app_id, api_key, secret FROM ${pg.escapeIdentifier(schema)}.apps WHERE api_key = $1`, [APP.apiKey]);
    const found = row.rows[0]!;
    return { appId: Number(found.app_id), apiKey: found.api_key, secret: found.secret };
  } finally {
    await client.end();
  }
}
