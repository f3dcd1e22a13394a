/**
 * The server under test, in a process of its own so the benchmark can read its memory: Hearth as
 * `hearth serve` runs it (runServer), on a free port, database from BENCH_DB. Tells the parent its
 * URL over IPC, answers `{ type: 'memory' }` with its RSS and peak RSS, and closes on `{ type: 'stop' }`
 * (exiting normally, so `--cpu-prof` gets to write its profile).
 */
import { DEFAULT_SERVER_CONFIG } from '../src/config/server-config.js';
import { runServer } from '../src/http/run-server.js';
import { memoryReport } from './child-ipc.js';

async function main(): Promise<void> {
  const db = process.env.BENCH_DB;
  if (!db || !process.send) throw new Error('server-child is started by bench/run.ts with BENCH_DB and an IPC channel');
  const server = await runServer({ ...DEFAULT_SERVER_CONFIG, db, port: 0, logLevel: 'warn' });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') process.send!(memoryReport());
    if (message.type === 'stop') {
      void server.close().then(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', url: server.httpUrl });
}

await main();
