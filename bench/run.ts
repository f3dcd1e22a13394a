/**
 * `npm run bench`: the HTTP benchmarks. Each scenario starts the server under test in
 * a child process of its own (bench/server-child.ts, i.e. runServer as `hearth serve` calls it),
 * drives it with autocannon from this process at 64 connections — a short warm-up, then the
 * measured run — reads the child's peak RSS over IPC and stops it. One server at a time: the
 * machine may have two cores only. A bare node:http server answering a fixed XML body of the
 * same size as scenario (a)'s answer is the baseline: it is measured again right before each
 * scenario, and that scenario's ratio is taken against it.
 *
 * Writes bench/results/<scenario>.json, bench/results/summary.json and the generated part of
 * BENCHMARKS.md (between its markers; the hand-written analysis around it is kept).
 *
 * Environment: BENCH_SECONDS (measured seconds per scenario, default 10), BENCH_WARMUP_SECONDS
 * (default 2), BENCH_PEOPLE_LARGE (default 1000000), BENCH_ONLY (comma list of scenario ids; the
 * summary and BENCHMARKS.md are then left alone), BENCH_PROFILE=1 (run the server of each chosen
 * scenario under `--cpu-prof` into bench/.profiles/ and print its top self-time functions),
 * HEARTH_BENCH_POSTGRES (default: HEARTH_TEST_POSTGRES or postgres://postgres@127.0.0.1:5432/test),
 * BENCH_POSTS (the posts of the stream scenarios j and k, default 10000000).
 */
import autocannon from 'autocannon';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { computeSignature } from '../src/wire/signature.js';
import type { CanvasBenchResult } from './canvas.js';
import type { PhotoBenchResult } from './photos.js';
import { createServices } from '../src/platform.js';
import { SqliteStore } from '../src/platform.js';
import { startChild, type Child } from './children.js';
import { summariseProfile } from './profile-summary.js';
import { hubCookieOf, seededAppPostgres, seededStream, seededStreamPostgres, seedStreamPostgres, seedStreamSqlite, streamSeedKey, type StreamSeed, type StreamSeeded } from './stream-seed.js';
import { friendIndexesOf, seedFriendships, seededFriends, seedPostgres, seededApp, seededCount, seedSqlite, sessionKeyOf, uidOf, type BenchApp } from './seed.js';

const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);
const SMALL_PEOPLE = 1_000;
const LARGE_PEOPLE = Number(process.env.BENCH_PEOPLE_LARGE ?? 1_000_000);
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined;
const PROFILE = process.env.BENCH_PROFILE === '1';
const POSTGRES_URL = process.env.HEARTH_BENCH_POSTGRES ?? process.env.HEARTH_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

// Compiled to dist/bench/: the repository is two levels up.
const ROOT = new URL('../../', import.meta.url);
const RESULTS = new URL('bench/results/', ROOT);
const DATA = new URL('bench/.data/', ROOT);
const PROFILES = new URL('bench/.profiles/', ROOT);
const CHILD = fileURLToPath(new URL('server-child.js', import.meta.url));
const BASELINE = fileURLToPath(new URL('baseline-server.js', import.meta.url));

/**
 * Scenario (e): one person per connection, each signing in from a browser they signed in from
 * before (its known-browser cookie), so each connection's attempts count on a budget of its own —
 * as many people signing in at once would. One person on every connection would be slowed down.
 */
const SIGN_IN_CONNECTIONS = 8;
const SIGN_IN = {
  password: 'correct horse battery',
  csrf: 'b'.repeat(43),
  people: Array.from({ length: SIGN_IN_CONNECTIONS }, (_, index) => ({ email: `bench-signin-${index}@bench.example`, knownBrowser: `${'k'.repeat(42)}${index}` })),
};

interface Target {
  readonly text: string;
  readonly met: (result: ScenarioResult, all: ReadonlyMap<string, ScenarioResult>) => boolean | undefined;
  /** What the verdict was taken on, when it is not the ratio to the baseline (`0.62 × h-sql`). */
  readonly detail?: (result: ScenarioResult, all: ReadonlyMap<string, ScenarioResult>) => string | undefined;
}

interface ScenarioResult {
  readonly id: string;
  readonly title: string;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number; readonly max: number; readonly mean: number };
  readonly totalRequests: number;
  /** Answers that were not what the scenario expects (an API error where success was due, a wrong status…). */
  readonly unexpectedAnswers: number;
  readonly non2xx: number;
  readonly socketErrors: number;
  readonly timeouts: number;
  readonly responseBytes: number;
  readonly peakRssBytes: number;
  readonly rssAfterBytes: number;
  readonly connections: number;
  readonly measuredSeconds: number;
  /** The bare baseline's req/s, measured just before this scenario; its ratio is taken against it. */
  readonly baselineRequestsPerSecond?: number;
  ratioToBaseline?: number;
  readonly notes: string[];
}

// ---------------------------------------------------------------------------------------------
// Child processes

// ---------------------------------------------------------------------------------------------
// Requests

/** call_id grows across every request of the run (and beyond earlier runs on a reused file): microseconds since the epoch. */
let lastCallId = Date.now() * 1000;

interface ApiRequestShape {
  readonly method: string;
  readonly format: 'xml' | 'json';
  /** How many sessions the calls are spread over: each call picks one of them at random. */
  readonly sessions: number;
  /** Which seeded session the n-th of those is (default: the n-th seeded). */
  readonly sessionAt?: (n: number) => number;
  readonly badSignature?: boolean;
  /** The method's own parameters, for the call on the n-th seeded session (they go in the POST body). */
  readonly params?: (session: number) => Array<[string, string]>;
}

/** `count` distinct seeded sessions picked at random among `seeded`: active people scattered over the whole file. */
function scatteredSessions(count: number, seeded: number): (n: number) => number {
  const picked = new Set<number>();
  while (picked.size < Math.min(count, seeded)) picked.add(Math.floor(Math.random() * seeded));
  const indexes = [...picked];
  return (n) => indexes[n]!;
}

/** Sessions with a request in flight: never two at once on one session, so call_ids arrive in the order they were issued. */
const busySessions = new Set<number>();

interface RequestContext {
  session?: number;
}

/** A signed call as the PHP client sends it: method, session_key, api_key, v in the query; call_id, format, sig in the body. */
function apiRequest(app: BenchApp, shape: ApiRequestShape) {
  return (request: autocannon.Request, context: object): autocannon.Request => {
    let index: number;
    do index = shape.sessionAt ? shape.sessionAt(Math.floor(Math.random() * shape.sessions)) : Math.floor(Math.random() * shape.sessions);
    while (busySessions.has(index));
    busySessions.add(index);
    (context as RequestContext).session = index;
    const query: Array<[string, string]> = [
      ['method', `facebook.${shape.method}`],
      ['session_key', sessionKeyOf(index)],
      ['api_key', app.apiKey],
      ['v', '1.0'],
    ];
    const body: Array<[string, string]> = [
      ['call_id', String(++lastCallId)],
      ['format', shape.format],
      ...(shape.params?.(index) ?? []),
    ];
    const sig = shape.badSignature ? '0'.repeat(32) : computeSignature([...query, ...body], app.secret);
    body.push(['sig', sig]);
    return {
      ...request,
      method: 'POST',
      path: `/restserver.php?${new URLSearchParams(query)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    };
  };
}

function signInRequest(app: BenchApp) {
  let connections = 0;
  return (request: autocannon.Request, context: object): autocannon.Request => {
    const own = context as { signInPerson?: number };
    own.signInPerson ??= connections++ % SIGN_IN.people.length;
    const person = SIGN_IN.people[own.signInPerson]!;
    return {
      ...request,
      method: 'POST',
      path: `/login.php?api_key=${app.apiKey}&v=1.0`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `hearth_csrf=${SIGN_IN.csrf}; hearth_browser=${person.knownBrowser}` },
      body: new URLSearchParams({ email: person.email, pass: SIGN_IN.password, csrf_token: SIGN_IN.csrf }).toString(),
    };
  };
}

type Check = (status: number, body: string) => boolean;
const apiSuccess: Check = (status, body) => status === 200 && !body.includes('error_code');
const apiError104: Check = (status, body) => status === 200 && /error_code["'>:\s]*104/.test(body);
const signedIn: Check = (status) => status === 303;

type Setup = (request: autocannon.Request, context: object) => autocannon.Request;
/** One request, or several that each connection sends in turn (the calls of one page, say). */
type Setups = Setup | readonly Setup[];

function listOf(setups: Setups): readonly Setup[] {
  return typeof setups === 'function' ? [setups] : setups;
}

/** Each request once through fetch, to check the scenario works before loading it (and to learn the answers' size). */
async function probe(url: string, setups: Setups, check: Check): Promise<{ bytes: number; bodies: string[] }> {
  const bodies: string[] = [];
  for (const setup of listOf(setups)) {
    const request = setup({}, {});
    busySessions.clear();
    const response = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers as Record<string, string>, body: request.body as string, redirect: 'manual' });
    const text = await response.text();
    if (!check(response.status, text)) throw new Error(`probe of ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
    bodies.push(text);
  }
  return { bytes: bodies.reduce((sum, body) => sum + Buffer.byteLength(body), 0), bodies };
}

async function load(url: string, setups: Setups, check: Check, seconds: number, settleMs: number, connections = CONNECTIONS) {
  let unexpected = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: listOf(setups).map((setup) => ({
      setupRequest: setup,
      onResponse: (status: number, body: string, context: object) => {
        const session = (context as RequestContext).session;
        if (session !== undefined) busySessions.delete(session);
        if (!check(status, body)) {
          unexpected++;
          if (unexpected <= 2 && process.env.BENCH_DEBUG) console.warn(`unexpected answer ${status}: ${body.slice(0, 300)}`);
        }
      },
    })),
  });
  // Requests abandoned at the deadline are still being answered: let them finish before anything else is sent.
  await new Promise((done) => setTimeout(done, settleMs));
  busySessions.clear();
  return { result, unexpected };
}

async function measure(
  id: string,
  title: string,
  child: Child,
  setup: Setups,
  check: Check,
  notes: string[] = [],
  /** How long abandoned requests may take to drain after a run (long for password hashing). */
  settleMs = 300,
  connections = CONNECTIONS,
): Promise<ScenarioResult> {
  const { bytes } = await probe(child.url, setup, check);
  // The machine's speed drifts over a run (shared cores): each scenario gets a baseline of its own,
  // measured right before its server started (withServer), and its ratio is taken against that.
  const baselineRequestsPerSecond = id === 'baseline' ? undefined : scenarioBaseline;
  scenarioBaseline = undefined;
  process.stdout.write(`${id}: ${title} … `);
  if (WARMUP_SECONDS > 0) await load(child.url, setup, check, WARMUP_SECONDS, settleMs, connections);
  const { result, unexpected } = await load(child.url, setup, check, SECONDS, settleMs, connections);
  const memory = await child.memory();
  const scenario: ScenarioResult = {
    id,
    title,
    requestsPerSecond: Math.round(result.requests.total / result.duration),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max, mean: result.latency.average },
    totalRequests: result.requests.total,
    unexpectedAnswers: unexpected,
    non2xx: result.non2xx,
    socketErrors: result.errors,
    timeouts: result.timeouts,
    responseBytes: bytes,
    peakRssBytes: memory.peakRssBytes,
    rssAfterBytes: memory.rssBytes,
    connections,
    measuredSeconds: result.duration,
    ...(baselineRequestsPerSecond === undefined ? {} : { baselineRequestsPerSecond }),
    notes,
  };
  console.log(`${scenario.requestsPerSecond} req/s, p50 ${scenario.latencyMs.p50} ms, p99 ${scenario.latencyMs.p99} ms, peak RSS ${mb(scenario.peakRssBytes)} MB${unexpected ? `, ${unexpected} unexpected answers` : ''}`);
  return scenario;
}

/** Set once the size of (a)'s answer is known: measures the bare baseline for one scenario to be compared with. */
let pairedBaseline: (() => Promise<number>) | undefined;
/** The baseline req/s measured for the scenario about to run. */
let scenarioBaseline: number | undefined;

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/** A 2 KB profile box, as profile.setFBML stores it. */
function twoKilobyteBox(): string {
  const rows: string[] = [];
  let box = '<fb:wide><table class="scores">';
  for (let rank = 1; box.length + rows.join('').length < 1_950; rank++) rows.push(`<tr><td>${rank}.</td><td><fb:name uid="${500_000_000 + rank}" /></td><td><b>${100 - rank}</b></td></tr>`);
  box += `${rows.join('')}</table></fb:wide>`;
  return box.padEnd(2048, ' ');
}

function wanted(id: string): boolean {
  return ONLY === undefined || ONLY.has(id);
}

/**
 * Runs `work` against a fresh server on `db`. For a scenario (`scenario` given), the bare baseline
 * is measured first, before the server starts, so that nothing else is running while it is.
 */
async function withServer<T>(db: string, work: (child: Child) => Promise<T>, scenario?: string): Promise<T> {
  scenarioBaseline = scenario !== undefined && scenario !== 'e' ? await pairedBaseline?.() : undefined;
  const profileName = scenario;
  const execArgv = PROFILE && profileName ? ['--cpu-prof', '--cpu-prof-dir', fileURLToPath(PROFILES), '--cpu-prof-name', `${profileName}.cpuprofile`] : [];
  if (execArgv.length) {
    mkdirSync(PROFILES, { recursive: true });
    rmSync(new URL(`${profileName}.cpuprofile`, PROFILES), { force: true });
  }
  const child = await startChild(CHILD, { BENCH_DB: db }, execArgv);
  try {
    return await work(child);
  } finally {
    await child.stop();
    if (execArgv.length) {
      console.log(`\nprofile of ${profileName} (bench/.profiles/${profileName}.cpuprofile), top self time:`);
      console.log(summariseProfile(fileURLToPath(new URL(`${profileName}.cpuprofile`, PROFILES))));
    }
  }
}

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withSearchPath(base: string, schema: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/** The stream scenarios' latency and memory targets, at STREAM_CONNECTIONS. */
const STREAM_TARGET = { p99Ms: 50, rssMb: 300 };

function streamTargetMet(result: ScenarioResult): boolean {
  return result.latencyMs.p99 < STREAM_TARGET.p99Ms && result.peakRssBytes < STREAM_TARGET.rssMb * 1024 * 1024;
}

const TARGETS: Record<string, Target> = {
  a: { text: '≥ 0.5 × baseline req/s, p99 < 10 ms', met: (r) => r.ratioToBaseline !== undefined && r.ratioToBaseline >= 0.5 && r.latencyMs.p99 < 10 },
  f: {
    text: 'within 15 % of (a) (× baseline); peak RSS < 200 MB',
    met: (r, all) => {
      const a = all.get('a')?.ratioToBaseline;
      return a === undefined || r.ratioToBaseline === undefined ? undefined : r.ratioToBaseline >= 0.85 * a && r.peakRssBytes < 200 * 1024 * 1024;
    },
  },
  f2: { text: 'peak RSS < 200 MB', met: (r) => r.peakRssBytes < 200 * 1024 * 1024 },
  g: { text: '≥ 0.3 × baseline req/s', met: (r) => r.ratioToBaseline !== undefined && r.ratioToBaseline >= 0.3 },
  h: {
    text: '≥ 0.5 × (h-sql)',
    met: (r, all) => {
      const ratio = relativeTo(r, all.get('h-sql'));
      return ratio === undefined ? undefined : ratio >= 0.5;
    },
    detail: (r, all) => describeRatio(relativeTo(r, all.get('h-sql')), 'h-sql'),
  },
  j: {
    text: `p99 < ${STREAM_TARGET.p99Ms} ms, peak RSS < ${STREAM_TARGET.rssMb} MB; ≥ 0.5 × (j-sql)`,
    met: (r, all) => {
      const ratio = relativeTo(r, all.get('j-sql'));
      return ratio === undefined ? undefined : streamTargetMet(r) && ratio >= 0.5;
    },
    detail: (r, all) => [describeRatio(relativeTo(r, all.get('j-sql')), 'j-sql'), describeRatio(relativeTo(r, all.get('j-sql-window')), 'j-sql-window')].filter((text) => text !== undefined).join('; ') || undefined,
  },
  'j-pg': { text: `p99 < ${STREAM_TARGET.p99Ms} ms, peak RSS < ${STREAM_TARGET.rssMb} MB`, met: streamTargetMet },
  k: { text: `p99 < ${STREAM_TARGET.p99Ms} ms, peak RSS < ${STREAM_TARGET.rssMb} MB`, met: streamTargetMet },
  'k-pg': { text: `p99 < ${STREAM_TARGET.p99Ms} ms, peak RSS < ${STREAM_TARGET.rssMb} MB`, met: streamTargetMet },
  i: {
    text: 'more pages/s than (i-single)',
    met: (r, all) => {
      const ratio = relativeTo(r, all.get('i-single'), PAGE_CALLS);
      return ratio === undefined ? undefined : ratio > 1;
    },
    detail: (r, all) => describeRatio(relativeTo(r, all.get('i-single'), PAGE_CALLS), 'i-single'),
  },
};

/**
 * How `scenario` compares with `other`, each taken against the baseline measured right before it
 * (so that the machine's drift between the two runs is not counted); `otherCallsPerUnit` requests of
 * `other` make one unit of `scenario` (the four calls of a page sent one by one).
 */
function relativeTo(scenario: ScenarioResult, other: ScenarioResult | undefined, otherCallsPerUnit = 1): number | undefined {
  if (other === undefined) return undefined;
  const mine = scenario.requestsPerSecond / (scenario.baselineRequestsPerSecond ?? 1);
  const theirs = other.requestsPerSecond / otherCallsPerUnit / (other.baselineRequestsPerSecond ?? 1);
  return theirs > 0 ? mine / theirs : undefined;
}

function describeRatio(ratio: number | undefined, other: string): string | undefined {
  return ratio === undefined ? undefined : `${ratio.toFixed(2)} × ${other}`;
}

/** Scenarios (h) and (i): 100,000 people, of whom the first HUBS have FRIENDS_EACH friends each. */
const FQL_PEOPLE = 100_000;
const FQL_FRIENDS = { hubs: 100, friendsEach: 500 };
/** The calls of the page of scenario (i). */
const PAGE_CALLS = 4;

const FRIENDS_WITH_NAMES = (uid: number) => `SELECT uid, name FROM user WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = ${uid})`;

/** An app's page, as one multiquery whose second query reads the first. */
const PAGE_QUERIES = {
  friends: 'SELECT uid2 FROM friend WHERE uid1 = me()',
  names: 'SELECT uid, name, pic_square FROM user WHERE uid IN (SELECT uid2 FROM #friends)',
  me: 'SELECT uid, name, sex, locale, timezone FROM user WHERE uid = me()',
  granted: 'SELECT email, publish_stream, read_stream FROM permissions WHERE uid = me()',
};

/** The same page as four fql.query calls: the reference to #friends written as the subquery it stands for. */
const PAGE_ONE_BY_ONE = [
  PAGE_QUERIES.friends,
  'SELECT uid, name, pic_square FROM user WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = me())',
  PAGE_QUERIES.me,
  PAGE_QUERIES.granted,
];

/**
 * Scenarios (j) and (k): 100,000 people, of whom the first 32 (the hubs) have 500 friends each,
 * and BENCH_POSTS posts over everyone's walls (bench/stream-seed.ts). 32 hubs: twice the
 * connections, as no two calls may be in flight on one session.
 */
const STREAM_SEED: StreamSeed = { people: 100_000, hubs: 32, friendsEach: 500, posts: Number(process.env.BENCH_POSTS ?? 10_000_000) };
const STREAM_CONNECTIONS = 16;
/** The posts (j) asks stream.get for; the hand-written route answers as many (bench/server-child.ts). */
const STREAM_PAGE = 25;
/** The posts a page of /home.php shows (src/features/home/stream-reads.ts PAGE_SIZE). */
const HOME_PAGE_POSTS = 20;

/** The uids of an fql.query answer in JSON, in order. */
function uidsOf(body: string): number[] {
  return (JSON.parse(body) as Array<{ uid: number }>).map((row) => row.uid);
}

async function main(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  mkdirSync(DATA, { recursive: true });
  const results = new Map<string, ScenarioResult>();
  const seeding: Record<string, unknown> = {};
  const skipped: Record<string, string> = {};
  const record = (scenario: ScenarioResult) => {
    results.set(scenario.id, scenario);
  };

  // The small store: 1,000 people with sessions and a 2 KB profile box each, and one person who signs in with a real password.
  const smallPath = fileURLToPath(new URL('small.db', DATA));
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${smallPath}${suffix}`, { force: true });
  let started = performance.now();
  const small = await seedSqlite(smallPath, { people: SMALL_PEOPLE, profileFbml: twoKilobyteBox() });
  {
    const store = SqliteStore.open(smallPath);
    const services = createServices(store);
    for (const person of SIGN_IN.people) {
      await services.people.register({ email: person.email, password: SIGN_IN.password, name: 'Bench Signin' });
      // One sign-in from each person's browser makes it a known browser of theirs.
      await services.signIn.checkPassword({ email: person.email, password: SIGN_IN.password, address: '127.0.0.1', knownBrowser: person.knownBrowser });
    }
    await store.close();
  }
  seeding.small = { people: SMALL_PEOPLE, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
  const smallDb = `sqlite:${smallPath}`;
  const isAppUser = (format: 'xml' | 'json', sessions = SMALL_PEOPLE) => apiRequest(small, { method: 'users.isAppUser', format, sessions });

  // The baseline answers a body the size of (a)'s answer.
  let aBytes = 0;
  await withServer(smallDb, async (child) => {
    aBytes = (await probe(child.url, isAppUser('xml'), apiSuccess)).bytes;
  });
  pairedBaseline = async () => {
    const child = await startChild(BASELINE, { BENCH_BODY_BYTES: String(aBytes) });
    try {
      if (WARMUP_SECONDS > 0) await load(child.url, isAppUser('xml'), (status) => status === 200, WARMUP_SECONDS, 300);
      const { result } = await load(child.url, isAppUser('xml'), (status) => status === 200, SECONDS, 300);
      return Math.round(result.requests.total / result.duration);
    } finally {
      await child.stop();
    }
  };
  if (wanted('a')) await withServer(smallDb, async (child) => record(await measure('a', 'users.isAppUser, XML, signed session call over POST (SQLite)', child, isAppUser('xml'), apiSuccess)), 'a');
  if (wanted('baseline')) {
    const child = await startChild(BASELINE, { BENCH_BODY_BYTES: String(aBytes) });
    try {
      record(await measure('baseline', `bare node:http, fixed ${aBytes}-byte XML body`, child, isAppUser('xml'), (status) => status === 200));
    } finally {
      await child.stop();
    }
  }
  if (wanted('b')) await withServer(smallDb, async (child) => record(await measure('b', 'users.isAppUser, JSON (SQLite)', child, isAppUser('json'), apiSuccess)), 'b');
  if (wanted('c')) {
    const getFbml = apiRequest(small, { method: 'profile.getFBML', format: 'xml', sessions: SMALL_PEOPLE });
    await withServer(smallDb, async (child) => record(await measure('c', 'profile.getFBML, 2 KB box, XML (SQLite)', child, getFbml, apiSuccess)), 'c');
  }
  if (wanted('d')) {
    const bad = apiRequest(small, { method: 'users.isAppUser', format: 'xml', sessions: SMALL_PEOPLE, badSignature: true });
    await withServer(smallDb, async (child) => record(await measure('d', 'bad signature: error 104 (SQLite)', child, bad, apiError104)), 'd');
  }
  if (wanted('e')) {
    await withServer(
      smallDb,
      async (child) =>
        record(
          await measure(
            'e',
            `sign-in form POST to login.php (scrypt N=2^17; ${SIGN_IN_CONNECTIONS} connections, one person each; SQLite)`,
            child,
            signInRequest(small),
            signedIn,
            ['password hashing cost: reported separately, no target'],
            6_000,
            SIGN_IN_CONNECTIONS,
          ),
        ),
      'e',
    );
  }
  if (wanted('f') || wanted('f2')) {
    const largePath = fileURLToPath(new URL(`people-${LARGE_PEOPLE}.db`, DATA));
    started = performance.now();
    let large: BenchApp;
    if (seededCount(largePath) === LARGE_PEOPLE) {
      large = seededApp(largePath);
      seeding.large = { people: LARGE_PEOPLE, reused: true, note: 'bench/.data file from an earlier run' };
    } else {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${largePath}${suffix}`, { force: true });
      process.stdout.write(`seeding ${LARGE_PEOPLE} people and sessions … `);
      large = await seedSqlite(largePath, { people: LARGE_PEOPLE });
      const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
      console.log(`${seconds} s`);
      seeding.large = { people: LARGE_PEOPLE, reused: false, seconds };
    }
    const people = LARGE_PEOPLE.toLocaleString('en');
    // (a)'s traffic — calls spread over 1,000 sessions — against the large store, those sessions
    // scattered over the whole file rather than packed together as in (a).
    if (wanted('f')) {
      const request = apiRequest(large, { method: 'users.isAppUser', format: 'xml', sessions: SMALL_PEOPLE, sessionAt: scatteredSessions(SMALL_PEOPLE, LARGE_PEOPLE) });
      await withServer(
        `sqlite:${largePath}`,
        async (child) => record(await measure('f', `(a) with ${people} people and live sessions (SQLite file), calls over 1,000 of them`, child, request, apiSuccess)),
        'f',
      );
    }
    if (wanted('f2')) {
      // The worst case: no call finds its session, or its page, where an earlier call left it.
      const everywhere = apiRequest(large, { method: 'users.isAppUser', format: 'xml', sessions: LARGE_PEOPLE });
      await withServer(
        `sqlite:${largePath}`,
        async (child) => record(await measure('f2', `(f) with each call on a random one of all ${people} sessions`, child, everywhere, apiSuccess)),
        'f2',
      );
    }
  }
  if (wanted('g')) {
    if (await postgresReachable()) {
      const schema = `hearth_bench_${randomBytes(6).toString('hex')}`;
      try {
        started = performance.now();
        const app = await seedPostgres(POSTGRES_URL, schema, { people: SMALL_PEOPLE });
        seeding.postgres = { people: SMALL_PEOPLE, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
        const request = apiRequest(app, { method: 'users.isAppUser', format: 'xml', sessions: SMALL_PEOPLE });
        await withServer(withSearchPath(POSTGRES_URL, schema), async (child) => record(await measure('g', '(a) on PostgreSQL (pool of 10)', child, request, apiSuccess)), 'g');
      } finally {
        await dropSchema(schema);
      }
    } else {
      skipped.g = `PostgreSQL not reachable at ${POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')}`;
      console.log(`g: skipped (${skipped.g})`);
    }
  }

  if (wanted('h') || wanted('h-sql') || wanted('i') || wanted('i-single')) {
    const fqlPath = fileURLToPath(new URL(`fql-${FQL_PEOPLE}.db`, DATA));
    const friends = `${FQL_FRIENDS.hubs}x${FQL_FRIENDS.friendsEach}`;
    started = performance.now();
    let app: BenchApp;
    if (seededCount(fqlPath) === FQL_PEOPLE && seededFriends(fqlPath) === friends) {
      app = seededApp(fqlPath);
      seeding.fql = { people: FQL_PEOPLE, friends, reused: true };
    } else {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${fqlPath}${suffix}`, { force: true });
      app = await seedSqlite(fqlPath, { people: FQL_PEOPLE });
      seedFriendships(fqlPath, FQL_FRIENDS);
      seeding.fql = { people: FQL_PEOPLE, friends, reused: false, seconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
    }
    const fqlDb = `sqlite:${fqlPath}`;
    const sessions = FQL_FRIENDS.hubs;
    const handWritten: Setup = (request) => {
      const hub = Math.floor(Math.random() * sessions);
      return { ...request, method: 'GET', path: `/bench/friends-with-names?uid=${uidOf(hub)}&format=json` };
    };
    const fqlQuery = apiRequest(app, { method: 'fql.query', format: 'json', sessions, params: (hub) => [['query', FRIENDS_WITH_NAMES(uidOf(hub))]] });
    const people = FQL_PEOPLE.toLocaleString('en');
    if (wanted('h-sql') || wanted('h')) {
      // Both must answer the same rows: the hub's 500 friends, each with a name.
      await withServer(fqlDb, async (child) => {
        const [sqlAnswer] = (await probe(child.url, (request) => ({ ...request, method: 'GET', path: `/bench/friends-with-names?uid=${uidOf(0)}&format=json` }), (status) => status === 200)).bodies;
        const [fqlAnswer] = (await probe(child.url, apiRequest(app, { method: 'fql.query', format: 'json', sessions: 1, params: () => [['query', FRIENDS_WITH_NAMES(uidOf(0))]] }), apiSuccess)).bodies;
        const expected = friendIndexesOf(0, FQL_FRIENDS).map(uidOf).sort();
        for (const [name, body] of [['hand-written', sqlAnswer!], ['fql.query', fqlAnswer!]] as const) {
          if (JSON.stringify(uidsOf(body).sort()) !== JSON.stringify(expected)) throw new Error(`${name} answered other rows than the hub's ${FQL_FRIENDS.friendsEach} friends: ${body.slice(0, 200)}`);
        }
      });
    }
    const friendRows = `${FQL_FRIENDS.friendsEach} friends' uid and name, JSON, ${people} people (SQLite)`;
    if (wanted('h-sql')) {
      await withServer(fqlDb, async (child) => record(await measure('h-sql', `${friendRows}: one hand-written statement on the same connection, the same serialiser, no signature or session`, child, handWritten, (status) => status === 200)), 'h-sql');
    }
    if (wanted('h')) {
      await withServer(fqlDb, async (child) => record(await measure('h', `${friendRows}: fql.query, SELECT … FROM user WHERE uid IN (SELECT uid2 FROM friend …), signed session call`, child, fqlQuery, apiSuccess)), 'h');
    }
    const page = `a page of 4 FQL queries (friends, their names and pictures, the person, permissions; ${people} people, SQLite)`;
    if (wanted('i-single')) {
      const calls = PAGE_ONE_BY_ONE.map((query) => apiRequest(app, { method: 'fql.query', format: 'json', sessions, params: () => [['query', query]] }));
      await withServer(fqlDb, async (child) => record(await measure('i-single', `${page}: 4 fql.query calls one after another; req/s counts calls`, child, calls, apiSuccess)), 'i-single');
    }
    if (wanted('i')) {
      const multiquery = apiRequest(app, { method: 'fql.multiquery', format: 'json', sessions, params: () => [['queries', JSON.stringify(PAGE_QUERIES)]] });
      await withServer(fqlDb, async (child) => record(await measure('i', `${page}: one fql.multiquery; req/s counts pages`, child, multiquery, apiSuccess)), 'i');
    }
  }

  if (['j', 'j-sql', 'j-sql-window', 'k', 'j-pg', 'k-pg'].some(wanted)) await runStreamScenarios(seeding, skipped, record);

  const baseline = results.get('baseline');
  for (const scenario of results.values()) {
    const against = scenario.baselineRequestsPerSecond ?? baseline?.requestsPerSecond;
    if (against) scenario.ratioToBaseline = Number((scenario.requestsPerSecond / against).toFixed(3));
    writeFileSync(new URL(`${scenario.id}.json`, RESULTS), `${JSON.stringify(scenario, null, 2)}\n`);
  }
  if (ONLY !== undefined) return;

  const fbml = runFbmlBenchmark();
  const photos = runPhotoBenchmark();
  const canvas = runCanvasBenchmark();
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memoryBytes: totalmem(), platform: platform(), arch: arch(), node: process.version };
  const summary = {
    benchmark: 'http',
    date: new Date().toISOString(),
    machine,
    loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
    connections: CONNECTIONS,
    measuredSeconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    seeding,
    skipped,
    scenarios: [...results.values()].map((scenario) => {
      const target = TARGETS[scenario.id];
      return { ...scenario, target: target?.text, targetMet: target?.met(scenario, results), targetDetail: target?.detail?.(scenario, results) };
    }),
    fbmlRender: fbml,
    photos,
    canvas,
  };
  writeFileSync(new URL('summary.json', RESULTS), `${JSON.stringify(summary, null, 2)}\n`);
  writeBenchmarksMarkdown(summary);
  console.log('written: bench/results/*.json, BENCHMARKS.md');
}

// ---------------------------------------------------------------------------------------------
// The stream: (j) stream.get, (j-sql) and (j-sql-window) the same post ids by hand, (k) /home.php, on SQLite and PostgreSQL

/** The post_ids of a stream.get answer in JSON, in order. */
function postIdsOf(body: string): string[] {
  return (JSON.parse(body) as { posts: Array<{ post_id: string }> }).posts.map((post) => post.post_id);
}

/** The hub's news feed through the API: the viewer is the session's person, calls spread over the hubs' sessions. */
function streamGet(app: BenchApp): Setups {
  return apiRequest(app, { method: 'stream.get', format: 'json', sessions: STREAM_SEED.hubs, params: () => [['limit', String(STREAM_PAGE)]] });
}

/** The hand-written statement's answer: every post of the feed's people (j-sql), or only the first window's (j-sql-window). */
function newsFeedByHand(hub?: number, windowed = false): Setup {
  return (request) => ({ ...request, method: 'GET', path: `/bench/news-feed?uid=${uidOf(hub ?? Math.floor(Math.random() * STREAM_SEED.hubs))}&format=json${windowed ? '&window=1' : ''}` });
}

/** The home page as a signed-in hub's browser asks for it (its `hearth_login` cookie, bench/stream-seed.ts). */
function homePageOf(hub?: number): Setup {
  return (request) => ({ ...request, method: 'GET', path: '/home.php', headers: { cookie: `hearth_login=${hubCookieOf(hub ?? Math.floor(Math.random() * STREAM_SEED.hubs))}` } });
}

/** The signed-in news feed with a full page: an "Older posts" link (the front page, signed out, has none). */
const homeFeedShown: Check = (status, body) => status === 200 && body.includes('class="load-more"');

/** Before measuring: every hub's stream.get answers a full page, the same post ids as the hand-written statement (and as `expected`, the other store's). */
async function checkNewsFeeds(child: Child, app: BenchApp, byHand: boolean, expected?: ReadonlyMap<number, string[]>): Promise<Map<number, string[]>> {
  const answers = new Map<number, string[]>();
  for (let hub = 0; hub < STREAM_SEED.hubs; hub++) {
    const one = apiRequest(app, { method: 'stream.get', format: 'json', sessions: 1, sessionAt: () => hub, params: () => [['limit', String(STREAM_PAGE)]] });
    const ids = postIdsOf((await probe(child.url, one, apiSuccess)).bodies[0]!);
    if (ids.length !== STREAM_PAGE) throw new Error(`stream.get answered hub ${hub} ${ids.length} posts, not a full page of ${STREAM_PAGE}`);
    const sameAs = (other: readonly string[] | undefined, name: string) => {
      if (other !== undefined && JSON.stringify(other) !== JSON.stringify(ids)) throw new Error(`hub ${hub}: stream.get answered ${ids.join(',')}; ${name} ${other.join(',')}`);
    };
    if (byHand) {
      sameAs(JSON.parse((await probe(child.url, newsFeedByHand(hub), (status) => status === 200)).bodies[0]!) as string[], 'the hand-written statement');
      sameAs(JSON.parse((await probe(child.url, newsFeedByHand(hub, true), (status) => status === 200)).bodies[0]!) as string[], 'the hand-written windowed statement');
    }
    sameAs(expected?.get(hub), 'the other store');
    answers.set(hub, ids);
  }
  const page = (await probe(child.url, homePageOf(0), homeFeedShown)).bodies[0]!;
  const shown = page.split('data-post-id=').length - 1;
  if (shown !== HOME_PAGE_POSTS) throw new Error(`/home.php showed hub 0 ${shown} posts, not ${HOME_PAGE_POSTS}`);
  return answers;
}

function streamSeedingOf(seeded: StreamSeeded, started: number): Record<string, unknown> {
  const rows = seeded.rows.posts + seeded.rows.comments + seeded.rows.likes;
  return {
    ...seeded.rows,
    seconds: Number(((performance.now() - started) / 1000).toFixed(1)),
    postsSeconds: Number(seeded.postsSeconds.toFixed(1)),
    rowsPerSecond: Math.round(rows / seeded.postsSeconds),
    reused: false,
  };
}

/** The SQLite store of (j) and (k): bench/.data/stream-<posts>.db, reused when complete. */
async function streamStoreSqlite(seeding: Record<string, unknown>): Promise<{ app: BenchApp; db: string }> {
  const path = fileURLToPath(new URL(`stream-${STREAM_SEED.posts}.db`, DATA));
  if (seededStream(path) === streamSeedKey(STREAM_SEED)) {
    seeding.stream = { posts: STREAM_SEED.posts, reused: true };
    return { app: seededApp(path), db: `sqlite:${path}` };
  }
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
  process.stdout.write(`seeding the stream (${streamSeedKey(STREAM_SEED)}) into bench/.data … `);
  const started = performance.now();
  const seeded = await seedStreamSqlite(path, STREAM_SEED);
  seeding.stream = streamSeedingOf(seeded, started);
  console.log(JSON.stringify(seeding.stream));
  return { app: seeded.app, db: `sqlite:${path}` };
}

/** The PostgreSQL store of (j-pg) and (k-pg): schema hearth_bench_stream_<posts>, kept and reused when complete (its size is the file's). */
async function streamStorePostgres(seeding: Record<string, unknown>): Promise<{ app: BenchApp; db: string }> {
  const schema = `hearth_bench_stream_${STREAM_SEED.posts}`;
  if ((await seededStreamPostgres(POSTGRES_URL, schema)) === streamSeedKey(STREAM_SEED)) {
    seeding.streamPostgres = { posts: STREAM_SEED.posts, reused: true };
    return { app: await seededAppPostgres(POSTGRES_URL, schema), db: withSearchPath(POSTGRES_URL, schema) };
  }
  await dropSchema(schema);
  process.stdout.write(`seeding the stream (${streamSeedKey(STREAM_SEED)}) into PostgreSQL schema ${schema} (kept for later runs) … `);
  const started = performance.now();
  const seeded = await seedStreamPostgres(POSTGRES_URL, schema, STREAM_SEED);
  seeding.streamPostgres = streamSeedingOf(seeded, started);
  console.log(JSON.stringify(seeding.streamPostgres));
  return { app: seeded.app, db: withSearchPath(POSTGRES_URL, schema) };
}

async function runStreamScenarios(seeding: Record<string, unknown>, skipped: Record<string, string>, record: (scenario: ScenarioResult) => void): Promise<void> {
  const people = STREAM_SEED.people.toLocaleString('en');
  const store = `${people} people, ${STREAM_SEED.posts.toLocaleString('en')} posts`;
  const feed = `the news feed of a hub (500 friends; calls over ${STREAM_SEED.hubs} hubs), ${STREAM_CONNECTIONS} connections`;
  const at = (id: string, title: string, child: Child, setups: Setups, check: Check) => measure(id, title, child, setups, check, [], 300, STREAM_CONNECTIONS);
  let sqliteAnswers: Map<number, string[]> | undefined;
  if (['j', 'j-sql', 'j-sql-window', 'k'].some(wanted)) {
    const { app, db } = await streamStoreSqlite(seeding);
    await withServer(db, async (child) => {
      sqliteAnswers = await checkNewsFeeds(child, app, true);
    });
    if (wanted('j-sql')) {
      await withServer(db, async (child) => record(await at('j-sql', `${feed}: its ${STREAM_PAGE} newest post ids by one hand-written statement on the same connection, JSON, no signature or session (${store}, SQLite)`, child, newsFeedByHand(), (status) => status === 200)), 'j-sql');
    }
    if (wanted('j-sql-window')) {
      const title = `${feed}: the same ids by one hand-written statement reading only the service's first window (${store}, SQLite)`;
      await withServer(db, async (child) => record(await at('j-sql-window', title, child, newsFeedByHand(undefined, true), (status) => status === 200)), 'j-sql-window');
    }
    if (wanted('j')) {
      await withServer(db, async (child) => record(await at('j', `${feed}: stream.get, ${STREAM_PAGE} posts with comments and likes, JSON, signed session call (${store}, SQLite)`, child, streamGet(app), apiSuccess)), 'j');
    }
    if (wanted('k')) {
      await withServer(db, async (child) => record(await at('k', `${feed}: GET /home.php signed in (${HOME_PAGE_POSTS} posts; ${store}, SQLite)`, child, homePageOf(), homeFeedShown)), 'k');
    }
  }
  if (!['j-pg', 'k-pg'].some(wanted)) return;
  if (!(await postgresReachable())) {
    for (const id of ['j-pg', 'k-pg'].filter(wanted)) {
      skipped[id] = `PostgreSQL not reachable at ${POSTGRES_URL.replace(/:[^:@/]*@/, ':***@')}`;
      console.log(`${id}: skipped (${skipped[id]})`);
    }
    return;
  }
  const { app, db } = await streamStorePostgres(seeding);
  // Both stores hold the same posts (one layout, bench/stream-seed.ts): PostgreSQL must answer what SQLite did.
  await withServer(db, (child) => checkNewsFeeds(child, app, false, sqliteAnswers));
  if (wanted('j-pg')) {
    await withServer(db, async (child) => record(await at('j-pg', `(j) on PostgreSQL (pool of 10; ${store})`, child, streamGet(app), apiSuccess)), 'j-pg');
  }
  if (wanted('k-pg')) {
    await withServer(db, async (child) => record(await at('k-pg', `(k) on PostgreSQL (pool of 10; ${store})`, child, homePageOf(), homeFeedShown)), 'k-pg');
  }
}

/** The FBML renderer benchmark (bench:fbml), briefly, as one more line of the table. */
function runFbmlBenchmark(): { boxesPerSecond: Record<string, number> } | undefined {
  try {
    const script = fileURLToPath(new URL('fbml-render.js', import.meta.url));
    execFileSync(process.execPath, [script], { env: { ...process.env, BENCH_MS: '2000' }, stdio: 'ignore' });
    return JSON.parse(readFileSync(new URL('fbml-render.json', RESULTS), 'utf8')) as { boxesPerSecond: Record<string, number> };
  } catch (error) {
    console.warn(`fbml-render benchmark failed: ${(error as Error).message}`);
    return undefined;
  }
}

/** The photos benchmark (bench:photos), as more lines of the table. */
function runPhotoBenchmark(): PhotoBenchResult | undefined {
  try {
    const script = fileURLToPath(new URL('photos.js', import.meta.url));
    execFileSync(process.execPath, [script], { env: process.env, stdio: 'inherit' });
    return JSON.parse(readFileSync(new URL('photos.json', RESULTS), 'utf8')) as PhotoBenchResult;
  } catch (error) {
    console.warn(`photos benchmark failed: ${(error as Error).message}`);
    return undefined;
  }
}

/** The canvas benchmark (bench:canvas): a canvas page through Hearth against its app server alone. */
function runCanvasBenchmark(): CanvasBenchResult | undefined {
  try {
    const script = fileURLToPath(new URL('canvas.js', import.meta.url));
    execFileSync(process.execPath, [script], { env: process.env, stdio: 'inherit' });
    return JSON.parse(readFileSync(new URL('canvas.json', RESULTS), 'utf8')) as CanvasBenchResult;
  } catch (error) {
    console.warn(`canvas benchmark failed: ${(error as Error).message}`);
    return undefined;
  }
}

function canvasLines(canvas: CanvasBenchResult | undefined): string[] {
  if (canvas === undefined) return ['Canvas benchmark: not run.'];
  const met = canvas.addedP50Ms <= canvas.targetAddedP50Ms ? '**met**' : '**not met**';
  return [
    `Canvas page (bench:canvas; a ${canvas.fbmlBytes}-byte FBML answer, ${canvas.connections} connections):`,
    `the app server alone ${canvas.direct.requestsPerSecond.toLocaleString('en')} req/s (p50 ${canvas.direct.p50Ms} ms), through Hearth ${canvas.proxied.requestsPerSecond.toLocaleString('en')} req/s (p50 ${canvas.proxied.p50Ms} ms, p99 ${canvas.proxied.p99Ms} ms);`,
    `added p50 ${canvas.addedP50Ms} ms (target ≤ ${canvas.targetAddedP50Ms} ms: ${met}); rendering the page alone ${canvas.renderMicroseconds} µs fresh, ${canvas.cachedRenderMicroseconds} µs from the render cache.`,
  ];
}

function photoLines(photos: PhotoBenchResult | undefined): string[] {
  if (photos === undefined) return ['Photos benchmark: not run.'];
  const verdict = (met: boolean) => (met ? '**met**' : '**not met**');
  return [
    `Photos (bench:photos; a ${(photos.fileBytes / 1024 / 1024).toFixed(1)} MB JPEG, 4 uploads in flight):`,
    `upload ${photos.uploadsPerSecond} photos/s through photos.upload against ${photos.sharpPerSecond} by sharp alone making the same three sizes: ${photos.uploadRatio} × (target ≥ ${photos.targets.upload}: ${verdict(photos.met.upload)});`,
    `the server's RSS every 100 of ${photos.rssMbEvery100.length * 100} uploads ${photos.rssMbEvery100.join(', ')} MB, +${photos.rssGrowthMb} MB (target flat, ≤ +${photos.targets.rssGrowthMb} MB: ${verdict(photos.met.memory)});`,
    `serving the small size ${photos.servedPerSecond.toLocaleString('en')} req/s against a static file server's ${photos.staticPerSecond.toLocaleString('en')} at 16 connections: ${photos.serveRatio} × (target ≥ ${photos.targets.serve}: ${verdict(photos.met.serve)}).`,
  ];
}

// ---------------------------------------------------------------------------------------------
// BENCHMARKS.md

const START = '<!-- generated by npm run bench: start -->';
const END = '<!-- generated by npm run bench: end -->';

interface Summary {
  readonly date: string;
  readonly machine: { cpus: number; cpuModel: string; memoryBytes: number; platform: string; arch: string; node: string };
  readonly loadAverage1m: number;
  readonly connections: number;
  readonly measuredSeconds: number;
  readonly warmupSeconds: number;
  readonly seeding: Record<string, unknown>;
  readonly skipped: Record<string, string>;
  readonly scenarios: ReadonlyArray<ScenarioResult & { target: string | undefined; targetMet: boolean | undefined; targetDetail: string | undefined }>;
  readonly fbmlRender: { boxesPerSecond: Record<string, number> } | undefined;
  readonly photos: PhotoBenchResult | undefined;
  readonly canvas: CanvasBenchResult | undefined;
}

function writeBenchmarksMarkdown(summary: Summary): void {
  const { machine } = summary;
  const rows = summary.scenarios.map((s) => {
    const verdict = s.targetMet === undefined ? '—' : s.targetMet ? '**met**' : '**not met**';
    const met = s.targetDetail ? `${verdict} (${s.targetDetail})` : verdict;
    const problems = s.unexpectedAnswers + s.socketErrors + s.timeouts;
    return `| ${s.id} | ${s.title} | ${s.requestsPerSecond.toLocaleString('en')} | ${s.latencyMs.p50} | ${s.latencyMs.p99} | ${s.baselineRequestsPerSecond?.toLocaleString('en') ?? '—'} | ${s.ratioToBaseline?.toFixed(2) ?? '—'} | ${mb(s.peakRssBytes)} MB | ${s.target ?? '—'} | ${met} | ${problems} |`;
  });
  for (const [id, why] of Object.entries(summary.skipped)) rows.push(`| ${id} | skipped | — | — | — | — | — | — | — | — | ${why} |`);
  const lines = [
    START,
    '',
    `Run on ${summary.date.slice(0, 10)} (${summary.date}) — ${machine.cpus} × ${machine.cpuModel}, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GB memory, ${machine.platform}/${machine.arch}, Node ${machine.node}; load average before the table was written: ${summary.loadAverage1m}.`,
    `Each scenario: a fresh server process, ${summary.warmupSeconds} s warm-up, then ${summary.measuredSeconds} s at ${summary.connections} connections (autocannon in the benchmark process, the server in a child: they share the machine's cores).`,
    "Right before each scenario the bare baseline is measured again (the same warm-up and length; column *baseline req/s*), and the scenario's ratio is taken against that one, so that the machine's drift over a run (shared cores) does not pass for a difference between scenarios. The *baseline* row is the first of these measurements.",
    '',
    '| | scenario | req/s | p50 ms | p99 ms | baseline req/s | × baseline | peak RSS | target | met? | bad answers |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|---|---:|',
    ...rows,
    '',
    summary.fbmlRender
      ? `FBML renderer (bench:fbml, in process, not HTTP): ${Object.entries(summary.fbmlRender.boxesPerSecond)
          .map(([name, value]) => `${name} ${value.toLocaleString('en')} boxes/s`)
          .join('; ')}.`
      : 'FBML renderer benchmark: not run.',
    '',
    photoLines(summary.photos).join('\n'),
    '',
    canvasLines(summary.canvas).join('\n'),
    '',
    `Seeding: ${JSON.stringify(summary.seeding)}.`,
    '',
    END,
  ];
  const path = new URL('BENCHMARKS.md', ROOT);
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmarks\n\n${START}\n${END}\n`;
  const from = existing.indexOf(START);
  const to = existing.indexOf(END);
  const next = from >= 0 && to > from ? `${existing.slice(0, from)}${lines.join('\n')}${existing.slice(to + END.length)}` : `${existing.trimEnd()}\n\n${lines.join('\n')}\n`;
  writeFileSync(path, next);
}

await main();
