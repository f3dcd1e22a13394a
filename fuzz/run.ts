/**
 * `npm run fuzz`: sends malformed and hostile requests to a `hearth serve` child process on
 * 127.0.0.1 and fails (exit status 1) on crashes, 5xx answers, answers that are not the API's
 * envelope or a page, hangs and RSS growth. See fuzz/README.md.
 *
 *   npm run fuzz -- [--requests N] [--seconds S] [--seed N] [--case ID] [--concurrency N]
 *                   [--skip NAMES] [--only NAMES] [--slow-anyway] [--json FILE|-] [--all]
 *
 * Environment (flags win): FUZZ_REQUESTS, FUZZ_SECONDS, FUZZ_SEED, FUZZ_CONCURRENCY, FUZZ_SKIP,
 * FUZZ_ONLY, FUZZ_SLOW_ANYWAY=1, FUZZ_JSON, FUZZ_HEARTH (path of the hearth CLI to test),
 * FUZZ_RSS_BOUND_MIB, FUZZ_REQUEST_TIMEOUT, FUZZ_HEADERS_TIMEOUT, FUZZ_SLACK.
 */
import { randomInt } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, runFuzz, type FuzzOptions } from './fuzz.js';
import { formatReport, reportJson } from './report.js';

const USAGE = `usage: npm run fuzz -- [options]
  --requests N        main-lane cases to send (FUZZ_REQUESTS, default ${DEFAULT_OPTIONS.requests})
  --seconds S         stop the main lane after S seconds (FUZZ_SECONDS, default ${DEFAULT_OPTIONS.seconds})
  --seed N            seed of the run (FUZZ_SEED, default random; printed)
  --case ID           replay one case of the seed (m123: main lane, s2: slow lane)
  --concurrency N     main-lane connections at once (FUZZ_CONCURRENCY, default ${DEFAULT_OPTIONS.concurrency})
  --skip A,B          leave out categories or generators (FUZZ_SKIP), e.g. truncated-multipart-file
  --only A,B          only these categories or generators (FUZZ_ONLY)
  --slow-anyway       run the slow lane even if hearth serve has no --request-timeout (FUZZ_SLOW_ANYWAY=1)
  --hearth PATH       the hearth CLI to start (FUZZ_HEARTH, default dist/src/cli/main.js of this checkout)
  --rss-bound MIB     allowed RSS growth after warm-up (FUZZ_RSS_BOUND_MIB, default ${DEFAULT_OPTIONS.rssBoundMiB})
  --request-timeout S, --headers-timeout S   passed to hearth serve when it has them (default 2, 2)
  --slack S           allowed beyond those timeouts (FUZZ_SLACK, default ${DEFAULT_OPTIONS.slackSeconds})
  --json FILE         also write the report as JSON to FILE (- for stdout only, instead of text)
  --all               list every failing case in the text report, not 3 per group
  categories: truncated slow encoding params api-calls pages http`;

function number(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, not ${JSON.stringify(text)}`);
  return value;
}

function list(text: string | undefined): string[] | undefined {
  return text === undefined ? undefined : text.split(',').map((item) => item.trim()).filter(Boolean);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string' },
      seconds: { type: 'string' },
      seed: { type: 'string' },
      case: { type: 'string' },
      concurrency: { type: 'string' },
      skip: { type: 'string' },
      only: { type: 'string' },
      'slow-anyway': { type: 'boolean' },
      hearth: { type: 'string' },
      'rss-bound': { type: 'string' },
      'request-timeout': { type: 'string' },
      'headers-timeout': { type: 'string' },
      slack: { type: 'string' },
      json: { type: 'string' },
      all: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const env = process.env;
  const seed = number(values.seed ?? env.FUZZ_SEED, 'seed') ?? randomInt(1, 2 ** 31);
  const jsonTarget = values.json ?? env.FUZZ_JSON;
  const given: Partial<FuzzOptions> = {
    seed,
    requests: number(values.requests ?? env.FUZZ_REQUESTS, 'requests'),
    seconds: number(values.seconds ?? env.FUZZ_SECONDS, 'seconds'),
    concurrency: number(values.concurrency ?? env.FUZZ_CONCURRENCY, 'concurrency'),
    skip: list(values.skip ?? env.FUZZ_SKIP),
    only: list(values.only ?? env.FUZZ_ONLY),
    replay: values.case,
    slowAnyway: values['slow-anyway'] ?? env.FUZZ_SLOW_ANYWAY === '1',
    hearth: values.hearth ?? env.FUZZ_HEARTH ? resolve((values.hearth ?? env.FUZZ_HEARTH)!) : undefined,
    rssBoundMiB: number(values['rss-bound'] ?? env.FUZZ_RSS_BOUND_MIB, 'rss-bound'),
    requestTimeoutSeconds: number(values['request-timeout'] ?? env.FUZZ_REQUEST_TIMEOUT, 'request-timeout'),
    headersTimeoutSeconds: number(values['headers-timeout'] ?? env.FUZZ_HEADERS_TIMEOUT, 'headers-timeout'),
    slackSeconds: number(values.slack ?? env.FUZZ_SLACK, 'slack'),
    progress: jsonTarget === '-' ? (line) => process.stderr.write(`fuzz: ${line}\n`) : (line) => process.stdout.write(`fuzz: ${line}\n`),
  };
  // Unset options keep their defaults.
  const options = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) as Partial<FuzzOptions>;
  (jsonTarget === '-' ? process.stderr : process.stdout).write(`fuzz: seed ${seed}\n`);
  const report = await runFuzz(options);
  if (jsonTarget === '-') process.stdout.write(`${reportJson(report)}\n`);
  else {
    process.stdout.write(`\n${formatReport(report, { examplesPerGroup: values.all ? Number.MAX_SAFE_INTEGER : 3 })}\n`);
    if (jsonTarget) writeFileSync(jsonTarget, `${reportJson(report)}\n`);
  }
  return report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`fuzz: ${error.stack ?? error.message}\n`);
    process.exit(2);
  },
);
