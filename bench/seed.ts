/**
 * Bulk data for the HTTP benchmarks: one web app, N people who all authorized it, and one live
 * session per person, written straight into the tables in one transaction (SQLite) or a few
 * array inserts (PostgreSQL). Session keys are derived from the person's index, so the load
 * generator can name any of a million sessions without holding them all in memory.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { PostgresStore } from '../src/platform.js';
import { SqliteStore } from '../src/platform.js';

export const FIRST_UID = 500_000_001;
/** 2100-01-01: sessions that are live whenever the benchmark runs (a reused file stays valid). */
const EXPIRES_MS = 4_102_444_800_000;

export interface BenchApp {
  readonly appId: number;
  readonly apiKey: string;
  readonly secret: string;
}

export interface SeedOptions {
  readonly people: number;
  /** FBML stored as every person's profile box (scenario c); omitted for the million. */
  readonly profileFbml?: string;
}

export function uidOf(index: number): number {
  return FIRST_UID + index;
}

/** `3.<22 characters>__.86400.<expires>-<uid>`, the shape Hearth issues, derived from the index. */
export function sessionKeyOf(index: number): string {
  const random = createHash('md5').update(`bench-session-${index}`).digest('base64url').slice(0, 22);
  return `3.${random}__.86400.${EXPIRES_MS / 1000}-${uidOf(index)}`;
}

/** A fixed, well-formed scrypt-shaped hash: the seeded people never sign in (the sign-in scenario registers its own). */
const UNUSED_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
/** The one app of every seeded store (its keys are fixed, so a reused store's calls sign alike). */
export const APP = { apiKey: 'b3ac4b3ac4b3ac4b3ac4b3ac4b3ac4b3', secret: '5ec5ec5ec5ec5ec5ec5ec5ec5ec5ec5e' };

/** How many people a seeded SQLite file holds, or undefined when it is not a complete seed. */
export function seededCount(path: string): number | undefined {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const value = db.prepare("SELECT value FROM settings WHERE name = 'bench_seeded_people'").pluck().get() as string | undefined;
      return value === undefined ? undefined : Number(value);
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

export async function seedSqlite(path: string, options: SeedOptions): Promise<BenchApp> {
  // The store creates the schema; the rows go in through the driver, in one transaction.
  const store = SqliteStore.open(path);
  await store.close();
  const db = new Database(path);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = OFF');
    const now = Date.now();
    const appId = Number(
      db
        .prepare('INSERT INTO apps (api_key, secret, name, type, callback_url, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(APP.apiKey, APP.secret, 'Bench', 'web', 'http://bench.example/', now).lastInsertRowid,
    );
    const person = db.prepare('INSERT INTO people (uid, email, password_hash, first_name, last_name, created_at) VALUES (?, ?, ?, ?, ?, ?)');
    const authorize = db.prepare('INSERT INTO app_authorizations (uid, app_id, authorized_at) VALUES (?, ?, ?)');
    const session = db.prepare('INSERT INTO api_sessions (session_key, app_id, uid, secret, expires_at, created_at) VALUES (?, ?, ?, NULL, ?, ?)');
    const profile = db.prepare('INSERT INTO profile_fbml (uid, app_id, profile, updated_at) VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (let index = 0; index < options.people; index++) {
        const uid = uidOf(index);
        person.run(uid, `p${index}@bench.example`, UNUSED_HASH, `Person${index}`, 'Bench', now);
        authorize.run(uid, appId, now);
        session.run(sessionKeyOf(index), appId, uid, EXPIRES_MS, now);
        if (options.profileFbml !== undefined) profile.run(uid, appId, options.profileFbml, now);
      }
      db.prepare("INSERT INTO settings (name, value) VALUES ('bench_seeded_people', ?)").run(String(options.people));
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
    return { appId, ...APP };
  } finally {
    db.close();
  }
}

/** The app of a file seeded earlier. */
export function seededApp(path: string): BenchApp {
  const db = new Database(path, { readonly: true });
  try {
    const row = db.prepare('SELECT app_id, api_key, secret FROM apps WHERE api_key = ?').get(APP.apiKey) as { app_id: number; api_key: string; secret: string };
    return { appId: row.app_id, apiKey: row.api_key, secret: row.secret };
  } finally {
    db.close();
  }
}

/** The same rows in a fresh PostgreSQL schema (created by the store's migrations). */
export async function seedPostgres(baseUrl: string, schema: string, options: SeedOptions): Promise<BenchApp> {
  const store = await PostgresStore.open(baseUrl, { schema, poolSize: 1 });
  await store.close();
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`SET search_path TO ${pg.escapeIdentifier(schema)}`);
    const now = Date.now();
    const app = await client.query<{ app_id: string }>(
      'INSERT INTO apps (api_key, secret, name, type, callback_url, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING app_id',
      [APP.apiKey, APP.secret, 'Bench', 'web', 'http://bench.example/', now],
    );
    const appId = Number(app.rows[0]!.app_id);
    const indexes = Array.from({ length: options.people }, (_, index) => index);
    const uids = indexes.map(uidOf);
    await client.query(
      `INSERT INTO people (uid, email, password_hash, first_name, last_name, created_at)
       SELECT uid, 'p' || (uid - ${FIRST_UID}) || '@bench.example', $2, 'Person' || (uid - ${FIRST_UID}), 'Bench', $3 FROM unnest($1::bigint[]) AS uid`,
      [uids, UNUSED_HASH, now],
    );
    await client.query('INSERT INTO app_authorizations (uid, app_id, authorized_at) SELECT uid, $2, $3 FROM unnest($1::bigint[]) AS uid', [uids, appId, now]);
    await client.query(
      'INSERT INTO api_sessions (session_key, app_id, uid, secret, expires_at, created_at) SELECT key, $3, uid, NULL, $4, $5 FROM unnest($1::text[], $2::bigint[]) AS s(key, uid)',
      [indexes.map(sessionKeyOf), uids, appId, EXPIRES_MS, now],
    );
    if (options.profileFbml !== undefined) {
      await client.query('INSERT INTO profile_fbml (uid, app_id, profile, updated_at) SELECT uid, $2, $3, $4 FROM unnest($1::bigint[]) AS uid', [uids, appId, options.profileFbml, now]);
    }
    await client.query('ANALYZE');
    return { appId, ...APP };
  } finally {
    await client.end();
  }
}

export interface FriendsSeed {
  /** People 0 … hubs − 1 of the file each get `friendsEach` friends: the people the FQL scenarios query for. */
  readonly hubs: number;
  readonly friendsEach: number;
}

/**
 * Hub i's friends are people i + 1 + 199·k (k < friendsEach), spread over the whole file; every
 * friend comes after its hub, so no pair is written twice.
 */
export function friendIndexesOf(hub: number, seed: FriendsSeed): number[] {
  return Array.from({ length: seed.friendsEach }, (_, k) => hub + 1 + 199 * k);
}

/** Adds the hubs' friendships to a file seeded by seedSqlite (its people must reach the last friend). */
export function seedFriendships(path: string, seed: FriendsSeed): void {
  const db = new Database(path);
  try {
    db.pragma('synchronous = OFF');
    const pair = db.prepare('INSERT INTO friendships (uid_low, uid_high, created_at) VALUES (?, ?, ?)');
    const now = Date.now();
    db.transaction(() => {
      for (let hub = 0; hub < seed.hubs; hub++) for (const friend of friendIndexesOf(hub, seed)) pair.run(uidOf(hub), uidOf(friend), now);
      db.prepare("INSERT INTO settings (name, value) VALUES ('bench_seeded_friends', ?)").run(`${seed.hubs}x${seed.friendsEach}`);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/** The friendships a file seeded by seedFriendships holds (`100x500`), or undefined. */
export function seededFriends(path: string): string | undefined {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare("SELECT value FROM settings WHERE name = 'bench_seeded_friends'").pluck().get() as string | undefined;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}
