/**
 * Canvas pages: a visitor's GET of an FBML canvas page through Hearth (proxy request signed, the
 * app's 2 KB FBML answer rendered in Hearth's page) against the same app server requested directly,
 * in the same run, both at 16 connections with the app server in a process of its own. Reports
 * req/s, p50 and p99 of both and the p50 Hearth adds (target ≤ 2 ms), and the rendering cost of the
 * page alone (renderCanvasFbml of the same FBML, in this process), fresh and from a render cache. Run after `npm run build` with
 * `node dist/bench/canvas.js`; writes bench/results/canvas.json. Timings are never asserted.
 */
import autocannon from 'autocannon';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CanvasRenderCache, renderCanvasFbml } from '../src/fbml/index.js';
import { createServices, SqliteStore } from '../src/platform.js';
import { canvasPageFbml } from './canvas-page-fbml.js';
import { startChild, type Child } from './children.js';
import { summariseProfile } from './profile-summary.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 16;
const RENDERS = 2_000;
const TARGET_ADDED_P50_MS = 2;
/** BENCH_PROFILE=1: Hearth's process under `--cpu-prof` (bench/.profiles/canvas.cpuprofile), its top self-time functions printed. */
const PROFILE = process.env.BENCH_PROFILE === '1';

const ROOT = new URL('../../', import.meta.url);
const DATA = new URL('bench/.data/', ROOT);
const RESULTS = new URL('bench/results/', ROOT);

export interface CanvasBenchResult {
  readonly connections: number;
  readonly seconds: number;
  readonly fbmlBytes: number;
  readonly pageBytes: number;
  readonly direct: Measured;
  readonly proxied: Measured;
  readonly addedP50Ms: number;
  readonly targetAddedP50Ms: number;
  readonly renderMicroseconds: number;
  /** The same render answered from a CanvasRenderCache, as the canvas pages answer a page seen before. */
  readonly cachedRenderMicroseconds: number;
}

interface Measured {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function measure(url: string): Promise<Measured> {
  // Warm-up first: connections opened, the JIT settled.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  return { requestsPerSecond: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
}

async function seed(file: string, callbackUrl: string): Promise<string> {
  const store = SqliteStore.open(file);
  try {
    const services = createServices(store);
    await services.canvas.changeSettings({ privateNetworks: '127.0.0.0/8' });
    const app = await services.apps.register({ name: 'Word of the day', type: 'web', callbackUrl });
    await services.canvas.configure(app, { canvasName: 'wordoftheday', mode: 'fbml' });
    return 'wordoftheday';
  } finally {
    await store.close();
  }
}

/** Microseconds per render of the benchmark's page, fresh each time or from a cache. */
async function renderingCost(cached: boolean): Promise<number> {
  const store = SqliteStore.open(':memory:');
  const services = createServices(store);
  const fbml = canvasPageFbml();
  const request = {
    fbml,
    app: { id: 100001, name: 'Word of the day', apiKey: '0'.repeat(32), canvasName: 'wordoftheday' },
    canvasBase: '/apps/wordoftheday/',
    pagePath: '',
    callbackUrl: 'http://app.example.com/fb/',
    viewerUid: undefined,
    viewerAuthorized: false,
    platformHost: '127.0.0.1',
    iframeParameters: () => ({}),
    services,
  };
  const cache = cached ? new CanvasRenderCache() : undefined;
  for (let i = 0; i < 200; i++) await renderCanvasFbml(request, cache);
  const started = process.hrtime.bigint();
  for (let i = 0; i < RENDERS; i++) await renderCanvasFbml(request, cache);
  const microseconds = Number(process.hrtime.bigint() - started) / 1000 / RENDERS;
  await store.close();
  return Math.round(microseconds * 10) / 10;
}

async function main(): Promise<void> {
  mkdirSync(DATA, { recursive: true });
  mkdirSync(RESULTS, { recursive: true });
  const file = fileURLToPath(new URL('canvas.db', DATA));
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const children: Child[] = [];
  try {
    const appServer = await startChild(fileURLToPath(new URL('baseline-server.js', import.meta.url)), { BENCH_CANVAS_APP: '1' });
    children.push(appServer);
    const name = await seed(file, `${appServer.url}/fb/`);
    const profiles = fileURLToPath(new URL('bench/.profiles/', ROOT));
    const execArgv = PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profiles, '--cpu-prof-name', 'canvas.cpuprofile'] : [];
    const hearth = await startChild(fileURLToPath(new URL('server-child.js', import.meta.url)), { BENCH_DB: `sqlite:${file}` }, execArgv);
    children.push(hearth);
    const check = await fetch(`${hearth.url}/apps/${name}/`);
    const page = await check.text();
    if (check.status !== 200 || !page.includes('serendipity')) throw new Error(`the canvas page did not render: ${check.status} ${page.slice(0, 300)}`);

    console.log(`direct: the app server at ${CONNECTIONS} connections for ${SECONDS} s`);
    const direct = await measure(`${appServer.url}/fb/`);
    console.log(`  ${direct.requestsPerSecond} req/s, p50 ${direct.p50Ms} ms, p99 ${direct.p99Ms} ms`);
    console.log(`through Hearth: /apps/${name}/ at ${CONNECTIONS} connections for ${SECONDS} s`);
    const proxied = await measure(`${hearth.url}/apps/${name}/`);
    console.log(`  ${proxied.requestsPerSecond} req/s, p50 ${proxied.p50Ms} ms, p99 ${proxied.p99Ms} ms`);
    const renderMicroseconds = await renderingCost(false);
    const cachedRenderMicroseconds = await renderingCost(true);
    const added = Math.round((proxied.p50Ms - direct.p50Ms) * 100) / 100;
    console.log(`added p50: ${added} ms (target ≤ ${TARGET_ADDED_P50_MS} ms); rendering the 2 KB page alone: ${renderMicroseconds} µs fresh, ${cachedRenderMicroseconds} µs from the cache`);
    const result: CanvasBenchResult = {
      connections: CONNECTIONS,
      seconds: SECONDS,
      fbmlBytes: Buffer.byteLength(canvasPageFbml()),
      pageBytes: Buffer.byteLength(page),
      direct,
      proxied,
      addedP50Ms: added,
      targetAddedP50Ms: TARGET_ADDED_P50_MS,
      renderMicroseconds,
      cachedRenderMicroseconds,
    };
    writeFileSync(new URL('canvas.json', RESULTS), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
  if (PROFILE) console.log(summariseProfile(fileURLToPath(new URL('bench/.profiles/canvas.cpuprofile', ROOT))));
}

await main();
