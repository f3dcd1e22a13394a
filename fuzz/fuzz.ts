/**
 * One fuzz run: start `hearth serve` on a fresh SQLite file, get sessions and sign-ins through its
 * own pages, send the cases (a main lane of a few dozen connections at once, and a slow lane of a
 * few), watch the child (exits, /healthz, RSS), check the sessions still work after the hostile
 * call_ids, and return a report. `fuzz/run.ts` is the command line; test/fuzz/fuzz.test.ts calls
 * runFuzz directly.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkExchange, lostToReset } from './checks.js';
import { exchange, pool, type ExchangeResult } from './engine.js';
import { GENERATORS, SLOW } from './cases/index.js';
import { abbreviate, bytes, CATEGORIES, FORM, formText, rawRequest, signedPairs, type Category, type FuzzCase, type FuzzContext, type Session } from './cases/kit.js';
import type { SlowTimeouts } from './cases/slow.js';
import { caseRandom } from './random.js';
import { detectServeFlags, hearthCommand, hearthJson, HearthChild, type ServeFlags } from './server.js';
import { callIdClock, newSession, signIn, type CookieJar } from './setup.js';

export interface FuzzOptions {
  /** Cases of the main lane to send. */
  readonly requests: number;
  /** Wall-clock bound of the main lane, in seconds. */
  readonly seconds: number;
  readonly seed: number;
  /** Connections of the main lane at once. */
  readonly concurrency: number;
  /** Categories or generator names left out. */
  readonly skip: readonly string[];
  /** When given, only these categories or generators. */
  readonly only: readonly string[];
  /** Replay one case by id (`m123` main lane, `s2` slow lane) and nothing else. */
  readonly replay?: string;
  /** Path of the hearth CLI (dist/src/cli/main.js). */
  readonly hearth: string;
  readonly requestTimeoutSeconds: number;
  readonly headersTimeoutSeconds: number;
  /** Allowed beyond the server's timeouts before a slow case counts as a hang. */
  readonly slackSeconds: number;
  /** Run the slow lane even when `hearth serve` lacks the timeout flags, against its documented defaults (30 s / 10 s). */
  readonly slowAnyway: boolean;
  /** Rounds through the slow generators. */
  readonly slowRounds: number;
  readonly slowConcurrency: number;
  readonly rssBoundMiB: number;
  /** RSS is read first after this many main-lane cases (default: a quarter of the run, 1,000 to 5,000), once the heap has seen every kind of case. */
  readonly warmupRequests?: number;
  /** Restart the child after a crash this many times (each crash is a failure), then stop. */
  readonly maxRestarts: number;
  /** Deadline of a main-lane exchange, in ms (a well-behaved server answers in milliseconds); at least the request timeout plus slack. */
  readonly caseDeadlineMs: number;
  readonly progress?: (line: string) => void;
}

// Compiled, this file is dist/fuzz/fuzz.js; run from source (vitest), fuzz/fuzz.ts: the CLI is dist/src/cli/main.js either way.
const DIST_CLI = fileURLToPath(new URL(import.meta.url.includes('/dist/fuzz/') ? '../src/cli/main.js' : '../dist/src/cli/main.js', import.meta.url));

export const DEFAULT_OPTIONS: FuzzOptions = {
  requests: 20_000,
  seconds: 300,
  seed: 1,
  concurrency: 24,
  skip: [],
  only: [],
  hearth: DIST_CLI,
  requestTimeoutSeconds: 2,
  headersTimeoutSeconds: 2,
  slackSeconds: 3,
  slowAnyway: false,
  slowRounds: 2,
  slowConcurrency: 4,
  rssBoundMiB: 64,
  maxRestarts: 3,
  caseDeadlineMs: 10_000,
};

export interface CaseFailure {
  readonly id: string;
  readonly category: Category;
  readonly generator: string;
  readonly description: string;
  readonly problems: string[];
  /** The request bytes, abbreviated and JSON-escaped. */
  readonly request: string;
  readonly elapsedMs: number;
}

export interface Incident {
  readonly kind: 'crash' | 'unresponsive';
  readonly atSeconds: number;
  readonly what: string;
  /** Cases in flight when it happened, or cut off by it: one of them (or one just before) is the likely cause. */
  readonly inFlight: string[];
  readonly recentlyCompleted: string[];
  readonly serverOutput: string[];
}

export interface FuzzReport {
  readonly ok: boolean;
  readonly seed: number;
  readonly options: Omit<FuzzOptions, 'progress'>;
  readonly startedAt: string;
  readonly durationSeconds: number;
  readonly sent: number;
  readonly failedCases: number;
  readonly byCategory: Record<Category, { sent: number; failed: number }>;
  readonly failures: CaseFailure[];
  readonly incidents: Incident[];
  readonly rss: { warmupBytes?: number; endBytes?: number; growthBytes?: number; peakBytes?: number; boundBytes: number; ok: boolean; note?: string };
  readonly serveFlags: ServeFlags;
  /** Checks that did not run, and why. */
  readonly skippedChecks: string[];
  /** Observations that are not failures (hostile call_ids the server accepted, restarts). */
  readonly notes: string[];
  readonly serverExit?: string;
}

const MAX_FAILURES_KEPT = 2_000;

function matches(filters: readonly string[], category: string, generator: string): boolean {
  return filters.some((filter) => filter === category || generator.includes(filter));
}

export async function runFuzz(given: Partial<FuzzOptions> = {}): Promise<FuzzReport> {
  const merged: FuzzOptions = { ...DEFAULT_OPTIONS, ...given };
  const options: FuzzOptions = {
    ...merged,
    caseDeadlineMs: Math.max(merged.caseDeadlineMs, (merged.requestTimeoutSeconds + merged.slackSeconds) * 1000),
    warmupRequests: merged.warmupRequests ?? Math.min(5_000, Math.max(1_000, Math.floor(merged.requests / 4))),
  };
  const say = options.progress ?? (() => undefined);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const wanted = (category: string, generator: string) =>
    !matches(options.skip, category, generator) && (options.only.length === 0 || matches(options.only, category, generator));

  const flags = await detectServeFlags(options.hearth);
  const timeoutFlags = flags.requestTimeout && flags.headersTimeout;
  const skippedChecks: string[] = [];
  const notes: string[] = [];
  const directory = mkdtempSync(join(tmpdir(), 'hearth-fuzz-'));
  const args = ['--port', '0', '--db', `sqlite:${join(directory, 'fuzz.db')}`, '--log-level', 'warn'];
  if (timeoutFlags) args.push('--request-timeout', String(options.requestTimeoutSeconds), '--headers-timeout', String(options.headersTimeoutSeconds));

  let child = await HearthChild.start(options.hearth, args, true);
  const demo = child.demo!;
  say(`hearth serve at ${child.url} (pid ${child.pid}), seed ${options.seed}`);

  const byCategory = Object.fromEntries(CATEGORIES.map((category) => [category, { sent: 0, failed: 0 }])) as FuzzReport['byCategory'];
  const failures: CaseFailure[] = [];
  const incidents: Incident[] = [];
  let failedCases = 0;
  /** Cases whose answer was lost to a reset while they were still being sent, by generator. */
  const resets = new Map<string, number>();
  let sent = 0;
  let rssWarm: number | undefined;
  let rssSetup: number | undefined;
  let rssEnd: number | undefined;
  let rssPeak: number | undefined;
  let serverExit: string | undefined;

  try {
    // ------------------------------------------------------------------ setup
    const db = ['--db', `sqlite:${join(directory, 'fuzz.db')}`];
    const fuzzPassword = 'fuzz-person-password';
    const fuzzPerson = await hearthJson<{ uid: number }>(options.hearth, ['user', 'create', '--email', 'fuzz@hearth.local', '--password', fuzzPassword, '--name', 'Fuzz Person', ...db]);
    const desktop = await hearthJson<{ app_id: number; api_key: string; secret: string }>(options.hearth, ['app', 'create', '--name', 'Fuzz Desktop', '--type', 'desktop', ...db]);
    await hearthCommand(options.hearth, ['friend', 'add', String(demo.uid), String(fuzzPerson.uid), ...db]);
    const web = { appId: demo.appId, apiKey: demo.apiKey, secret: demo.secret };
    const demoJar: CookieJar = await signIn(child.url, `/login.php?api_key=${web.apiKey}&v=1.0`, demo.email, demo.password);
    const fuzzJar = await signIn(child.url, '/editapps.php', 'fuzz@hearth.local', fuzzPassword);
    const sessions: Session[] = [];
    for (let i = 0; i < 5; i++) sessions.push(await newSession(child.url, web, demoJar));
    const nextCallId = callIdClock();

    const ctx: FuzzContext = {
      host: () => `127.0.0.1:${child.port}`,
      web,
      desktop: { appId: desktop.app_id, apiKey: desktop.api_key, secret: desktop.secret },
      demoUid: demo.uid,
      fuzzUid: fuzzPerson.uid,
      signedInCookie: `hearth_login=${fuzzJar.get('hearth_login')}`,
      sessions: sessions.slice(0, 3),
      hostileSession: sessions[3]!,
      freshHostileSession: sessions[4]!,
      nextCallId,
      acceptedHostile: new Map(),
      bodyLimit: 1024 * 1024,
    };

    // A signed call in a session through the raw engine: true when it answered a result.
    const sessionCall = async (session: Session, callId: string): Promise<{ ok: boolean; answer: string }> => {
      const pairs = signedPairs(ctx, 'users.getLoggedInUser', [['format', 'json']], { session, callId });
      const request = rawRequest(ctx, { method: 'POST', target: '/restserver.php', headers: [FORM], body: bytes(formText(pairs)) });
      const result = await exchange('127.0.0.1', child.port, { chunks: [{ bytes: request }], deadlineMs: options.caseDeadlineMs });
      const body = result.responses[0]?.body.toString('utf8') ?? `(no answer: ${result.ending})`;
      return { ok: body.trim() === String(session.uid), answer: body.slice(0, 300) };
    };
    // The hostile session has seen a normal call_id before the hostile ones; the fresh one has not.
    const baseline = await sessionCall(ctx.hostileSession, nextCallId());
    if (!baseline.ok) throw new Error(`a signed call in a new session failed before fuzzing: ${baseline.answer}`);
    rssSetup = child.rssBytes();

    // ------------------------------------------------------------------ watching the child
    let ready: Promise<void> = Promise.resolve();
    let epoch = 0;
    let restarts = 0;
    let aborted = false;
    const inFlight = new Map<string, string>();
    const recent: string[] = [];
    const describeCase = (id: string, fuzzCase: FuzzCase) => `${id} [${fuzzCase.category}] ${fuzzCase.description}: ${abbreviate(Buffer.concat(fuzzCase.exchange.chunks.map((c) => c.bytes)), 160, 40)}`;

    const watch = (watched: HearthChild) => {
      void watched.exited.then(() => {
        if (watched.stopping || watched !== child) return;
        epoch++;
        const what = `hearth serve ${watched.exitDescription}`;
        say(`CRASH at ${seconds()} s: ${what}`);
        incidents.push({ kind: 'crash', atSeconds: seconds(), what, inFlight: [...inFlight.values()], recentlyCompleted: [...recent], serverOutput: watched.recentOutput() });
        if (restarts >= options.maxRestarts) {
          aborted = true;
          notes.push(`stopped after ${restarts} restarts`);
          return;
        }
        restarts++;
        ready = HearthChild.start(options.hearth, args, false).then(
          (next) => {
            child = next;
            watch(next);
            notes.push(`restarted hearth serve after a crash at ${seconds()} s (RSS figures are of the last process)`);
            say(`restarted at ${next.url}`);
          },
          (error: Error) => {
            aborted = true;
            notes.push(`could not restart hearth serve: ${error.message.split('\n')[0]}`);
          },
        );
      });
    };
    watch(child);

    let healthFailures = 0;
    let unresponsive = false;
    let watching = true;
    const healthLoop = (async () => {
      while (watching) {
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        if (!watching || !child.running) continue;
        rssPeak = Math.max(rssPeak ?? 0, child.rssBytes() ?? 0);
        const healthy = await child.healthy(3_000);
        healthFailures = healthy ? 0 : healthFailures + 1;
        if (healthFailures >= 2 && !unresponsive && child.running) {
          unresponsive = true;
          say(`/healthz stopped answering at ${seconds()} s`);
          incidents.push({ kind: 'unresponsive', atSeconds: seconds(), what: '/healthz did not answer twice in a row (3 s each)', inFlight: [...inFlight.values()], recentlyCompleted: [...recent], serverOutput: child.recentOutput() });
        }
        if (healthy) unresponsive = false;
      }
    })();

    // ------------------------------------------------------------------ sending
    let completedMain = 0;
    const runCase = async (id: string, fuzzCase: FuzzCase, deadlineMs: number) => {
      await ready;
      if (aborted) return;
      const startEpoch = epoch;
      const used = child;
      inFlight.set(id, describeCase(id, fuzzCase));
      let result: ExchangeResult;
      try {
        result = await exchange('127.0.0.1', child.port, { ...fuzzCase.exchange, deadlineMs });
      } finally {
        inFlight.delete(id);
      }
      sent++;
      byCategory[fuzzCase.category].sent++;
      fuzzCase.observe?.(result);
      if (lostToReset(fuzzCase, result)) resets.set(fuzzCase.generator, (resets.get(fuzzCase.generator) ?? 0) + 1);
      recent.push(`${id} [${fuzzCase.category}] ${fuzzCase.description}`);
      if (recent.length > 2 * options.concurrency) recent.shift();
      // A case cut off by a crash is listed with the crash, not on its own. Its socket may close
      // before the child's exit is seen: give the exit a moment to arrive.
      if (epoch !== startEpoch) return;
      const problems = checkExchange(fuzzCase, result, deadlineMs);
      if (problems.length === 0) return;
      if (result.responses.length === 0 && used.running) await Promise.race([used.exited, new Promise((resolve) => setTimeout(resolve, 500))]);
      if (epoch !== startEpoch || (!used.running && !used.stopping)) {
        // Cut off by the crash (its socket closed before the exit was seen): list it with the crash.
        const crash = [...incidents].reverse().find((incident) => incident.kind === 'crash');
        crash?.inFlight.push(describeCase(id, fuzzCase));
        return;
      }
      failedCases++;
      byCategory[fuzzCase.category].failed++;
      if (failures.length < MAX_FAILURES_KEPT) {
        const request = abbreviate(Buffer.concat(fuzzCase.exchange.chunks.map((chunk) => chunk.bytes)));
        failures.push({ id, category: fuzzCase.category, generator: fuzzCase.generator, description: fuzzCase.description, problems, request, elapsedMs: result.elapsedMs });
      }
    };

    const mainCase = (index: number): FuzzCase | undefined => {
      const rng = caseRandom(options.seed, index);
      const entry = rng.weighted(GENERATORS.map((g) => [g, g.weight] as const));
      return wanted(entry.category, entry.name) ? entry.make(rng, ctx) : undefined;
    };
    const slowTimeouts: SlowTimeouts = timeoutFlags
      ? { requestMs: options.requestTimeoutSeconds * 1000, headersMs: options.headersTimeoutSeconds * 1000, slackMs: options.slackSeconds * 1000 }
      : { requestMs: 30_000, headersMs: 10_000, slackMs: options.slackSeconds * 1000 };
    const slowCase = (index: number): FuzzCase | undefined => {
      const entry = SLOW[index % SLOW.length]!;
      return wanted('slow', entry.name) ? entry.make(caseRandom(options.seed, 1_000_000 + index), ctx, slowTimeouts) : undefined;
    };

    const lanes: Array<Promise<void>> = [];
    if (options.replay) {
      const match = /^([ms])(\d+)$/.exec(options.replay);
      if (!match) throw new Error(`--case must look like m123 or s2, not ${options.replay}`);
      const index = Number(match[2]);
      const fuzzCase = match[1] === 'm' ? mainCase(index) : slowCase(index);
      if (!fuzzCase) throw new Error(`case ${options.replay} is left out by --skip/--only`);
      say(`replaying ${describeCase(options.replay, fuzzCase)}`);
      lanes.push(runCase(options.replay, fuzzCase, fuzzCase.exchange.deadlineMs ?? options.caseDeadlineMs));
    } else {
      const mainDeadline = started + options.seconds * 1000;
      let index = 0;
      let queued = 0;
      lanes.push(
        pool(options.concurrency, () => {
          if (aborted || queued >= options.requests || performance.now() > mainDeadline) return undefined;
          let fuzzCase: FuzzCase | undefined;
          let id = '';
          // Left-out generators keep their numbers, so case ids replay the same with other --skip lists.
          for (let tries = 0; !fuzzCase && tries < 10_000; tries++) {
            id = `m${index}`;
            fuzzCase = mainCase(index++);
          }
          if (!fuzzCase) return undefined;
          queued++;
          const chosen = fuzzCase;
          return async () => {
            await runCase(id, chosen, chosen.exchange.deadlineMs ?? options.caseDeadlineMs);
            completedMain++;
            if (completedMain === options.warmupRequests) rssWarm = child.rssBytes();
            if (completedMain % 2_000 === 0) say(`${completedMain} cases, ${failedCases} failing, ${seconds()} s`);
          };
        }),
      );
      if (timeoutFlags || options.slowAnyway) {
        if (!timeoutFlags) notes.push('slow lane run against the documented default timeouts (30 s request, 10 s headers): hearth serve has no --request-timeout/--headers-timeout');
        const total = options.slowRounds * SLOW.length;
        let slowIndex = 0;
        lanes.push(
          pool(options.slowConcurrency, () => {
            while (slowIndex < total) {
              const index = slowIndex++;
              const fuzzCase = slowCase(index);
              if (fuzzCase) return () => runCase(`s${index}`, fuzzCase, fuzzCase.exchange.deadlineMs ?? options.caseDeadlineMs);
            }
            return undefined;
          }),
        );
      } else {
        skippedChecks.push(
          'slow bodies and slowloris: `hearth serve --help` lists no --request-timeout/--headers-timeout, so the server holds slow requests as long as they keep sending; run with --slow-anyway to check against the documented defaults',
        );
      }
      if (!flags.maxConnectionsPerAddress) skippedChecks.push('--max-connections-per-address is not offered by this build (not passed)');
    }
    await Promise.all(lanes);
    await ready;

    // ------------------------------------------------------------------ after the hostile call_ids
    if (!options.replay && !aborted && wanted('api-calls', 'hostile-call-id')) {
      const finalCheck = async (description: string, check: () => Promise<string | undefined>) => {
        sent++;
        byCategory['api-calls'].sent++;
        const problem = await check().catch((error: Error) => `failed: ${error.message}`);
        if (!problem) return;
        failedCases++;
        byCategory['api-calls'].failed++;
        failures.push({ id: 'final', category: 'api-calls', generator: 'sessions-after-hostile-call-ids', description, problems: [problem], request: '', elapsedMs: 0 });
      };
      await finalCheck('a signed call with a normal call_id in a NEW session', async () => {
        const session = await newSession(child.url, web, demoJar);
        const call = await sessionCall(session, nextCallId());
        return call.ok ? undefined : `answered ${call.answer}`;
      });
      for (const [name, session] of [
        ['the hostile session', ctx.hostileSession],
        ['the fresh hostile session', ctx.freshHostileSession],
      ] as const) {
        const callId = nextCallId();
        const acceptedIds = ctx.acceptedHostile.get(session.sessionKey) ?? [];
        if (acceptedIds.length > 0) notes.push(`hostile call_ids accepted in ${name}: ${acceptedIds.map((v) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…(${v.length} chars)` : v)).join(', ')}`);
        const blocking = acceptedIds.filter((value) => !(Number(value) < Number(callId)));
        if (blocking.length > 0) {
          skippedChecks.push(`a later call_id in ${name}: hostile call_id ${JSON.stringify(blocking[0]!.slice(0, 40))} was accepted, so no ordinary call_id is above it`);
          continue;
        }
        await finalCheck(`a signed call in ${name} with a call_id (${callId}) above every accepted one`, async () => {
          const call = await sessionCall(session, callId);
          return call.ok ? undefined : `answered ${call.answer}`;
        });
      }
    }
    if (resets.size > 0) {
      const count = [...resets.values()].reduce((a, b) => a + b, 0);
      notes.push(
        `${count} requests got no answer because the server closed the connection while they were still being sent (an early answer lost to the reset; no lingering close): ${[...resets].map(([name, n]) => `${name} ${n}`).join(', ')}`,
      );
    }
    watching = false;
    await healthLoop;
    if (!child.running) notes.push(`hearth serve was not running at the end (${child.exitDescription})`);
    else if (!(await child.healthy(5_000))) incidents.push({ kind: 'unresponsive', atSeconds: seconds(), what: '/healthz did not answer at the end of the run', inFlight: [], recentlyCompleted: [...recent], serverOutput: child.recentOutput() });
  } finally {
    await new Promise((resolve) => setTimeout(resolve, 500));
    rssEnd = child.rssBytes();
    const wasRunning = child.running;
    serverExit = await child.stop();
    if (wasRunning && !/code 0|SIGTERM/.test(serverExit)) notes.push(`hearth serve ${serverExit} when stopped with SIGTERM`);
    rmSync(directory, { recursive: true, force: true });
  }

  const boundBytes = options.rssBoundMiB * 1024 * 1024;
  const warm = rssWarm ?? rssSetup;
  const growthBytes = warm !== undefined && rssEnd !== undefined ? rssEnd - warm : undefined;
  const rss = {
    warmupBytes: warm,
    endBytes: rssEnd,
    growthBytes,
    peakBytes: rssPeak,
    boundBytes,
    ok: growthBytes === undefined || growthBytes <= boundBytes,
    ...(rssWarm === undefined ? { note: `fewer than ${options.warmupRequests} cases completed: the first figure was read right after setup` } : {}),
  };
  return {
    ok: failedCases === 0 && incidents.length === 0 && rss.ok,
    seed: options.seed,
    options: (({ progress: _progress, ...rest }) => rest)(options),
    startedAt,
    durationSeconds: seconds(),
    sent,
    failedCases,
    byCategory,
    failures,
    incidents,
    rss,
    serveFlags: flags,
    skippedChecks,
    notes,
    serverExit,
  };
}
