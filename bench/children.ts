/**
 * The processes a benchmark measures: a server (Hearth, the bare baseline, a static file server)
 * forked with an IPC channel, which tells its URL when it listens, answers `{ type: 'memory' }`
 * and closes on `{ type: 'stop' }` (bench/child-ipc.ts).
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ChildMemory, ChildReady } from './child-ipc.js';

export interface Child {
  readonly url: string;
  memory(): Promise<ChildMemory>;
  stop(): Promise<void>;
}

export function startChild(script: string, env: Record<string, string>, execArgv: string[] = []): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = fork(script, [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
    child.once('message', (message: ChildReady) => {
      resolve({
        url: message.url,
        memory: () =>
          new Promise((answer) => {
            child.once('message', (reply: ChildMemory) => answer(reply));
            child.send({ type: 'memory' });
          }),
        stop: async () => {
          child.send({ type: 'stop' });
          const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
          await exited;
          clearTimeout(timer);
        },
      });
    });
  });
}
