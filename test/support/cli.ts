/**
 * Running the built `hearth` binary as an operator would: a child process per command, each
 * suite with its own temporary database directory, and `hearth serve` as a long-lived child.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`npx tsc -p .\` (npm test does)`);

/** Variables the CLI reads; the suite must not pick them up from whoever runs it. */
const HEARTH_VARIABLES = [
  'HEARTH_DB',
  'HEARTH_HOST',
  'HEARTH_PORT',
  'HEARTH_LOG_LEVEL',
  'HEARTH_TRUST_PROXY',
  'HEARTH_DEBUG',
  'HEARTH_REDIS',
  'HEARTH_PG_POOL_SIZE',
  'HEARTH_TLS_PORT',
  'HEARTH_TLS_CERT',
  'HEARTH_TLS_KEY',
  'HEARTH_SMTP_URL',
  'HEARTH_PROXY_PORT',
  'HEARTH_PUBLIC_URL',
];

export function cliEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of HEARTH_VARIABLES) delete env[name];
  return { ...env, ...extra };
}

export interface CliResult {
  /** The exit status, or null when the process was killed by a signal. */
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Record<string, string>;
}

/** Runs `hearth ARGS…` to completion; never rejects, so failures can be asserted on. */
export function hearth(args: readonly string[], options: RunOptions): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd, env: cliEnv(options.env), timeout: 15_000, maxBuffer: 4 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, signal: error?.signal ?? null, stdout, stderr });
      },
    );
  });
}

/** A temporary directory holding one SQLite database; `run` passes `--db` for it. */
export interface TempDatabase {
  readonly dir: string;
  /** The `--db` value: `sqlite:DIR/hearth.db`. */
  readonly location: string;
  run(...args: string[]): Promise<CliResult>;
  /** Runs a command that must succeed with `--json` and returns its parsed output. */
  json<T = any>(...args: string[]): Promise<T>;
  remove(): Promise<void>;
}

export async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hearth-cli-'));
}

export async function tempDatabase(): Promise<TempDatabase> {
  const dir = await tempDir();
  const location = `sqlite:${join(dir, 'hearth.db')}`;
  const run = (...args: string[]) => hearth([...args, '--db', location], { cwd: dir });
  return {
    dir,
    location,
    run,
    async json(...args) {
      const result = await run(...args, '--json');
      expectSuccess(result);
      return JSON.parse(result.stdout);
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export function expectSuccess(result: CliResult): void {
  expect(result.stderr, 'stderr of a successful command').toBe('');
  expect(result.code, 'exit status').toBe(0);
}

/**
 * What an operator must see for input they can fix: nothing on stdout, exactly one line on
 * stderr starting with `hearth: ` (no stack trace, not the "unexpected failure" of a bug), and
 * exit status 1.
 */
export function expectOperatorError(result: CliResult, message: string | RegExp): void {
  const context = `stdout: ${JSON.stringify(result.stdout)}, stderr: ${JSON.stringify(result.stderr)}`;
  expect(result.stderr, context).not.toMatch(/^ {4}at /m);
  expect(result.stderr.endsWith('\n'), context).toBe(true);
  const lines = result.stderr.slice(0, -1).split('\n');
  expect(lines, context).toHaveLength(1);
  const line = lines[0]!;
  expect(line, context).toMatch(/^hearth: \S/);
  expect(line, context).not.toMatch(/unexpected failure|HEARTH_DEBUG/);
  if (typeof message === 'string') expect(line, context).toContain(message);
  else expect(line, context).toMatch(message);
  expect(result.stdout, context).toBe('');
  expect(result.code, context).toBe(1);
}

// ---------------------------------------------------------------------------------------------
// The REST API, as a client signs it

/** The platform's signature: params sorted by key, `key=value` concatenated, the secret appended, MD5 hex. */
export function sign(params: Readonly<Record<string, string>>, secret: string): string {
  const signed = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('');
  return createHash('md5').update(signed + secret, 'utf8').digest('hex');
}

/** A signed POST to /restserver.php; answers the response body (XML unless format says otherwise). */
export async function callApi(baseUrl: string, params: Readonly<Record<string, string>>, secret: string): Promise<string> {
  const response = await fetch(`${baseUrl}/restserver.php`, {
    method: 'POST',
    body: new URLSearchParams({ ...params, sig: sign(params, secret) }),
  });
  expect(response.status).toBe(200);
  return response.text();
}

/** The error_code of an XML error_response, or undefined for any other answer. */
export function errorCode(xml: string): number | undefined {
  if (!/<error_response\b/.test(xml)) return undefined;
  const code = /<error_code>(\d+)<\/error_code>/.exec(xml)?.[1];
  return code === undefined ? undefined : Number(code);
}

/** The text content of `<METHOD_response>`, e.g. "0" for users.isAppUser; undefined for an error. */
export function responseValue(xml: string, method: string): string | undefined {
  const element = `${method.replace('.', '_')}_response`;
  return new RegExp(`<${element}\\b[^>]*>([^<]*)</${element}>`).exec(xml)?.[1];
}

// ---------------------------------------------------------------------------------------------
// `hearth serve` as a child process

export interface RunningServer {
  readonly child: ChildProcess;
  readonly port: number;
  readonly baseUrl: string;
  /** Everything the server printed on stdout so far. */
  stdout(): string;
  stderr(): string;
  /** Waits until stdout matches `pattern`; answers the stdout so far. */
  waitForStdout(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then SIGKILL if it lingers; answers how it exited. Safe to call twice. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const SERVING = /Hearth is serving the REST API at (http:\/\/127\.0\.0\.1:(\d+))\/restserver\.php/;

/** Starts `hearth serve ARGS…` and resolves once it prints the address it serves at. */
export function startServer(args: readonly string[], options: RunOptions): Promise<RunningServer> {
  const child = spawn(process.execPath, [CLI, 'serve', ...args], { cwd: options.cwd, env: cliEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const listener of listeners) listener();
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const listener of listeners) listener();
      resolve({ code, signal });
    });
  });

  const waitForStdout = (pattern: RegExp, timeoutMs = 10_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        if (pattern.test(stdout)) {
          done();
          resolve(stdout);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`hearth serve exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}; stdout: ${stdout}; stderr: ${stderr}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`hearth serve did not print ${pattern} within ${timeoutMs} ms; stdout: ${stdout}; stderr: ${stderr}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        listeners.delete(check);
      };
      listeners.add(check);
      check();
    });

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    }
    return exited;
  };

  return waitForStdout(SERVING).then(
    (text) => {
      const [, baseUrl, port] = SERVING.exec(text)!;
      return { child, port: Number(port), baseUrl: baseUrl!, stdout: () => stdout, stderr: () => stderr, waitForStdout, stop };
    },
    async (error: unknown) => {
      await stop();
      throw error;
    },
  );
}
