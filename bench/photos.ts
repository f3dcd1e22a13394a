/**
 * Photos, measured against what they are made of, in the same run:
 *   - upload: photos.upload of a 2 MB camera-like JPEG (multipart, as the PHP client sends it) to a
 *     Hearth server process, photos per second at UPLOADS_IN_FLIGHT calls in flight, against sharp
 *     alone in this process making the same three sizes of the same file the same way (the big size
 *     from the file, turned upright; the two small ones from it) at the same concurrency. Target ≥ 0.7.
 *   - memory: the server's RSS over 1,000 uploads, sampled every 100, from the first sample on.
 *     Target: flat — the last sample within 64 MB of the first.
 *   - serving: GET of a photo's small size from Hearth (read from the store each time) against a
 *     static file server (node:http streaming the same bytes from a file, with the same headers) at
 *     16 connections, each in a process of its own. Target ≥ 0.7.
 * Run with `npm run bench:photos` (builds first); `npm run bench` runs it too and adds its line to
 * BENCHMARKS.md. Writes bench/results/photos.json. Timings are never asserted.
 */
import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { createServices, SqliteStore } from '../src/platform.js';
import { computeSignature } from '../src/wire/signature.js';
import { startChild, type Child } from './children.js';

const MEASURE_MS = Number(process.env.BENCH_PHOTO_MS ?? 8000);
const UPLOADS_IN_FLIGHT = 4;
const MEMORY_UPLOADS = Number(process.env.BENCH_PHOTO_UPLOADS ?? 1000);
const SERVE_CONNECTIONS = 16;
const TARGETS = { upload: 0.7, serve: 0.7, rssGrowthMb: 64 } as const;

// The repository's bench/ (this file runs from dist/bench/).
const ROOT = new URL('../../', import.meta.url);
const DATA = new URL('bench/.data/', ROOT);
const RESULTS = new URL('bench/results/', ROOT);

/** A 2,600 × 1,950 picture with a camera's grain, as JPEG at quality 92: about 2 MB. */
async function cameraJpeg(): Promise<Buffer> {
  const width = 2600;
  const height = 1950;
  const pixels = Buffer.alloc(width * height * 3);
  const grain = randomBytes(pixels.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      pixels[at] = Math.min(255, ((x * 255) / width + (grain[at]! & 0x3f)) | 0);
      pixels[at + 1] = Math.min(255, ((y * 255) / height + (grain[at + 1]! & 0x3f)) | 0);
      pixels[at + 2] = Math.min(255, (128 + (grain[at + 2]! & 0x3f)) | 0);
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 92 }).withMetadata({ orientation: 1 }).toBuffer();
}

/** The three sizes by sharp alone, as Hearth makes them (src/features/photos/images.ts). */
async function sharpAlone(file: Buffer): Promise<void> {
  const big = await sharp(file, { failOn: 'warning' }).rotate().resize({ width: 720, height: 720, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer();
  await Promise.all([
    sharp(big).resize({ width: 130, height: 130, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer(),
    sharp(big).resize({ width: 75, height: 225, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 85 }).toBuffer(),
  ]);
}

/** How many times `work` completes per second with `inFlight` running at once (each told its number), over `ms`. */
async function perSecond(inFlight: number, ms: number, work: (worker: number) => Promise<void>): Promise<number> {
  const until = performance.now() + ms;
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async (_, worker) => {
      while (performance.now() < until) {
        await work(worker);
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

/** A process of bench/ (compiled, beside this file); BENCH_PROFILE=1 runs it under --cpu-prof into bench/.profiles/. */
function startBenchChild(script: string, env: Record<string, string>): Promise<Child> {
  const execArgv = process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', '--cpu-prof-dir', fileURLToPath(new URL('bench/.profiles/', ROOT)), '--cpu-prof-name', `photos-${script.replace('.js', '')}.cpuprofile`] : [];
  return startChild(fileURLToPath(new URL(script, import.meta.url)), env, execArgv);
}

interface Seeded {
  readonly db: string;
  readonly apiKey: string;
  readonly secret: string;
  /** One per upload in flight, each of another person. */
  readonly sessionKeys: readonly string[];
}

/**
 * A fresh store: one person per upload in flight, each of whom granted the app photo_upload, in a
 * session of their own (a session's call_ids must grow, and calls in flight may overtake each
 * other); each uploads into their default album of the app, which holds 1,000 photos.
 */
async function seed(): Promise<Seeded> {
  mkdirSync(DATA, { recursive: true });
  const path = fileURLToPath(new URL('photos.db', DATA));
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const store = SqliteStore.open(path);
  try {
    const services = createServices(store);
    const app = await services.apps.register({ name: 'Photo Bench', type: 'web' });
    const sessionKeys: string[] = [];
    for (let n = 0; n < UPLOADS_IN_FLIGHT; n++) {
      const person = await store.people.create({ email: `camera${n}@bench.example`, passwordHash: 'unused', firstName: 'Camera', lastName: `Bench ${n}` });
      await store.authorizations.authorize(person.uid, app.appId);
      await store.permissions.grant(person.uid, app.appId, 'photo_upload');
      sessionKeys.push((await services.sessions.createSession(app, person.uid, { withSecret: false })).sessionKey);
    }
    return { db: `sqlite:${path}`, apiKey: app.apiKey, secret: app.secret, sessionKeys };
  } finally {
    await store.close();
  }
}

let callId = Date.now() * 1000;

/** photos.upload as the PHP client sends it: text parts signed, the file a part with only a filename. */
async function upload(url: string, seeded: Seeded, worker: number, file: Buffer): Promise<{ src_small: string }> {
  const query: Array<[string, string]> = [
    ['method', 'photos.upload'],
    ['api_key', seeded.apiKey],
    ['session_key', seeded.sessionKeys[worker]!],
    ['v', '1.0'],
  ];
  const body: Array<[string, string]> = [['call_id', String(++callId)], ['format', 'json'], ['caption', 'bench']];
  body.push(['sig', computeSignature([...query, ...body], seeded.secret)]);
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const parts = body.map(([name, value]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; filename="camera.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), Buffer.from(file), Buffer.from(`\r\n--${boundary}--\r\n`));
  const response = await fetch(`${url}/restserver.php?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: new Uint8Array(Buffer.concat(parts)),
  });
  const answer = (await response.json()) as { src_small?: string; error_code?: number; error_msg?: string };
  if (answer.src_small === undefined) throw new Error(`photos.upload failed: ${answer.error_code} ${answer.error_msg}`);
  return { src_small: answer.src_small };
}

function requestsPerSecond(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: SERVE_CONNECTIONS, duration: Math.max(1, Math.round(MEASURE_MS / 1000)) }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx > 0 || result.errors > 0) return reject(new Error(`${url}: ${result.non2xx} bad answers, ${result.errors} errors`));
      resolve(result.requests.average);
    });
  });
}

export interface PhotoBenchResult {
  readonly date: string;
  readonly fileBytes: number;
  readonly uploadsPerSecond: number;
  readonly sharpPerSecond: number;
  readonly uploadRatio: number;
  readonly rssMbEvery100: readonly number[];
  readonly rssGrowthMb: number;
  readonly servedPerSecond: number;
  readonly staticPerSecond: number;
  readonly serveRatio: number;
  readonly targets: typeof TARGETS;
  readonly met: { readonly upload: boolean; readonly memory: boolean; readonly serve: boolean };
}

async function main(): Promise<void> {
  const file = await cameraJpeg();
  console.log(`photos: a ${(file.length / 1024 / 1024).toFixed(2)} MB JPEG`);
  await perSecond(UPLOADS_IN_FLIGHT, MEASURE_MS / 4, () => sharpAlone(file));
  const sharpPerSecond = await perSecond(UPLOADS_IN_FLIGHT, MEASURE_MS, () => sharpAlone(file));
  console.log(`sharp alone, three sizes: ${sharpPerSecond.toFixed(1)} photos/s`);

  const seeded = await seed();
  const hearth = await startBenchChild('server-child.js', { BENCH_DB: seeded.db });
  let uploadsPerSecond: number;
  const rssMbEvery100: number[] = [];
  let small = '';
  try {
    await perSecond(UPLOADS_IN_FLIGHT, MEASURE_MS / 4, async (worker) => void (small = (await upload(hearth.url, seeded, worker, file)).src_small));
    uploadsPerSecond = await perSecond(UPLOADS_IN_FLIGHT, MEASURE_MS, async (worker) => void (small = (await upload(hearth.url, seeded, worker, file)).src_small));
    console.log(`photos.upload through Hearth: ${uploadsPerSecond.toFixed(1)} photos/s (${(uploadsPerSecond / sharpPerSecond).toFixed(2)} × sharp alone)`);
    for (let batch = 0; batch < MEMORY_UPLOADS / 100; batch++) {
      let left = 100;
      await Promise.all(
        Array.from({ length: UPLOADS_IN_FLIGHT }, async (_, worker) => {
          while (left-- > 0) await upload(hearth.url, seeded, worker, file);
        }),
      );
      rssMbEvery100.push(Math.round((await hearth.memory()).rssBytes / 1024 / 1024));
    }
    console.log(`RSS every 100 uploads (MB): ${rssMbEvery100.join(', ')}`);
  } catch (error) {
    await hearth.stop();
    throw error;
  }
  let servedPerSecond: number;
  let staticPerSecond: number;
  try {
    servedPerSecond = await requestsPerSecond(small);
  } finally {
    await hearth.stop();
  }
  const image = Buffer.from(await sharp(file).rotate().resize({ width: 720, height: 720, fit: 'inside' }).jpeg({ quality: 85 }).toBuffer().then((big) => sharp(big).resize({ width: 75, height: 225, fit: 'inside' }).jpeg({ quality: 85 }).toBuffer()));
  const staticPath = fileURLToPath(new URL('photo-small.jpg', DATA));
  writeFileSync(staticPath, image);
  const files = await startBenchChild('static-file-server.js', { BENCH_FILE: staticPath });
  try {
    staticPerSecond = await requestsPerSecond(`${files.url}/photo-small.jpg`);
  } finally {
    await files.stop();
  }
  console.log(`serving the small size: Hearth ${Math.round(servedPerSecond)} req/s, a static file server ${Math.round(staticPerSecond)} req/s (${(servedPerSecond / staticPerSecond).toFixed(2)} ×)`);
  rmSync(fileURLToPath(new URL('photos.db', DATA)), { force: true });
  for (const suffix of ['-wal', '-shm']) rmSync(`${fileURLToPath(new URL('photos.db', DATA))}${suffix}`, { force: true });

  const rssGrowthMb = rssMbEvery100.length > 0 ? rssMbEvery100[rssMbEvery100.length - 1]! - rssMbEvery100[0]! : 0;
  const result: PhotoBenchResult = {
    date: new Date().toISOString(),
    fileBytes: file.length,
    uploadsPerSecond: Number(uploadsPerSecond.toFixed(2)),
    sharpPerSecond: Number(sharpPerSecond.toFixed(2)),
    uploadRatio: Number((uploadsPerSecond / sharpPerSecond).toFixed(2)),
    rssMbEvery100,
    rssGrowthMb,
    servedPerSecond: Math.round(servedPerSecond),
    staticPerSecond: Math.round(staticPerSecond),
    serveRatio: Number((servedPerSecond / staticPerSecond).toFixed(2)),
    targets: TARGETS,
    met: { upload: uploadsPerSecond / sharpPerSecond >= TARGETS.upload, memory: rssGrowthMb <= TARGETS.rssGrowthMb, serve: servedPerSecond / staticPerSecond >= TARGETS.serve },
  };
  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(new URL('photos.json', RESULTS), `${JSON.stringify(result, null, 2)}\n`);
  console.log('written: bench/results/photos.json');
}

await main();
