/**
 * A short fuzz run (fuzz/README.md) through the same engine as `npm run fuzz`: about 20,000
 * malformed and hostile requests to a `hearth serve` child process, which must neither crash, nor
 * answer 5xx, nor answer outside the API's envelope or the pages' HTML, nor hang, nor grow its RSS
 * past the bound. Needs `npm run build` (dist/src/cli/main.js); `npm test` builds first.
 * FUZZ_SEED replays a failing run; FUZZ_REQUESTS changes its size.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../fuzz/fuzz.js';
import { formatReport } from '../../fuzz/report.js';

const HEARTH = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 20_000);

describe('fuzzing hearth serve', () => {
  it(`survives ${REQUESTS} malformed and hostile requests (seed ${SEED})`, { timeout: 240_000 }, async () => {
    expect(existsSync(HEARTH), `${HEARTH} is missing: run npm run build first`).toBe(true);
    const report = await runFuzz({ hearth: HEARTH, seed: SEED, requests: REQUESTS, seconds: 150, concurrency: 16 });
    if (!report.ok) console.error(formatReport(report));
    const summary = `seed ${SEED}: the fuzz report is printed above`;
    expect(report.sent, summary).toBeGreaterThanOrEqual(Math.min(REQUESTS, 1_000));
    expect({ failedCases: report.failedCases, incidents: report.incidents.length, rssOk: report.rss.ok }, summary).toEqual({ failedCases: 0, incidents: 0, rssOk: true });
  });
});
