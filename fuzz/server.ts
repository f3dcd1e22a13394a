/**
 * The server under test: `hearth serve` in a child process on 127.0.0.1, port 0, over a SQLite
 * file of the run's own. Reads its address (and, on the first start, the demo app and person) from
 * what it prints, watches it for exits, asks /healthz, reads its RSS from /proc.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface DemoData {
  readonly appId: number;
  readonly apiKey: string;
  readonly secret: string;
  readonly uid: number;
  readonly email: string;
  readonly password: string;
}

/** Which of the optional `hearth serve` flags this build has (its --help lists them). */
export interface ServeFlags {
  readonly requestTimeout: boolean;
  readonly headersTimeout: boolean;
  readonly maxConnectionsPerAddress: boolean;
}

export async function detectServeFlags(hearth: string): Promise<ServeFlags> {
  const { stdout } = await run(process.execPath, [hearth, 'serve', '--help']);
  return {
    requestTimeout: stdout.includes('--request-timeout'),
    headersTimeout: stdout.includes('--headers-timeout'),
    maxConnectionsPerAddress: stdout.includes('--max-connections-per-address'),
  };
}

/** Runs a `hearth` administration command and parses its --json output. */
export async function hearthJson<T>(hearth: string, args: readonly string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [hearth, ...args, '--json']);
  return JSON.parse(stdout) as T;
}

export async function hearthCommand(hearth: string, args: readonly string[]): Promise<void> {
  await run(process.execPath, [hearth, ...args]);
}

const OUTPUT_LINES = 60;

export class HearthChild {
  readonly #child: ChildProcess;
  readonly #output: string[] = [];
  readonly url: string;
  readonly port: number;
  readonly demo: DemoData | undefined;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  #stopping = false;

  private constructor(child: ChildProcess, output: string[], url: string, demo: DemoData | undefined, exited: HearthChild['exited']) {
    this.#child = child;
    this.#output = output;
    this.url = url;
    this.port = Number(new URL(url).port);
    this.demo = demo;
    this.exited = exited;
    void exited.then((exit) => (this.#exit = exit));
  }

  /** Starts `node HEARTH serve ARGS` and waits until it prints where it serves (and the demo, when expected). */
  static start(hearth: string, args: readonly string[], expectDemo: boolean, startTimeoutMs = 30_000): Promise<HearthChild> {
    const child = spawn(process.execPath, [hearth, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    let stdout = '';
    const keep = (stream: string, text: string) => {
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        output.push(`${stream}: ${line}`);
        if (output.length > OUTPUT_LINES) output.shift();
      }
    };
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        child.kill('SIGKILL');
        reject(new Error(`hearth serve did not start: ${why}\n${output.join('\n')}`));
      };
      const timer = setTimeout(() => fail(`nothing printed within ${startTimeoutMs} ms`), startTimeoutMs);
      child.stderr!.setEncoding('utf8').on('data', (text: string) => keep('stderr', text));
      child.stdout!.setEncoding('utf8').on('data', (text: string) => {
        keep('stdout', text);
        if (settled) return;
        stdout += text;
        const url = /serving the REST API at (http:\/\/127\.0\.0\.1:\d+)\/restserver\.php/.exec(stdout)?.[1];
        if (!url) return;
        let demo: DemoData | undefined;
        if (expectDemo) {
          const login = /^\s*login\s+(\S+) \/ (\S+)\s*$/m.exec(stdout);
          if (!login) return;
          const app = /^\s*app\s+.*\(app_id (\d+), web\)/m.exec(stdout);
          const apiKey = /^\s*api_key\s+([0-9a-f]{32})/m.exec(stdout);
          const secret = /^\s*secret\s+([0-9a-f]{32})/m.exec(stdout);
          const person = /^\s*person\s+.*\(uid (\d+)\)/m.exec(stdout);
          if (!app || !apiKey || !secret || !person) return fail('could not read the demo app and person it printed');
          demo = { appId: Number(app[1]), apiKey: apiKey[1]!, secret: secret[1]!, uid: Number(person[1]), email: login[1]!, password: login[2]! };
        }
        settled = true;
        clearTimeout(timer);
        resolve(new HearthChild(child, output, url, demo, exited));
      });
      void exited.then(({ code, signal }) => fail(`it exited (${signal ?? `code ${code}`})`));
    });
  }

  get pid(): number {
    return this.#child.pid!;
  }

  get running(): boolean {
    return this.#exit === undefined;
  }

  get exitDescription(): string {
    const exit = this.#exit;
    if (!exit) return 'running';
    return exit.signal ? `killed by ${exit.signal}` : `exited with code ${exit.code}`;
  }

  /** True once stop() was called: an exit after that is not a crash. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** The last lines it printed (stdout and stderr), for a crash report. */
  recentOutput(): string[] {
    return [...this.#output];
  }

  /** Resident set size in bytes, from /proc/PID/status (Linux); undefined elsewhere or once gone. */
  rssBytes(): number | undefined {
    try {
      const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    } catch {
      return undefined;
    }
  }

  /** Whether GET /healthz answers 200 within `timeoutMs`. */
  healthy(timeoutMs = 3_000): Promise<boolean> {
    return new Promise((resolve) => {
      const request = http.get(`${this.url}/healthz`, { agent: false, timeout: timeoutMs }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode === 200));
        response.on('error', () => resolve(false));
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => resolve(false));
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`. Resolves with how it ended. */
  async stop(graceMs = 10_000): Promise<string> {
    this.#stopping = true;
    if (!this.running) return this.exitDescription;
    this.#child.kill('SIGTERM');
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    return this.exitDescription;
  }
}
