/**
 * The server under test, in a process of its own so the benchmark can read its memory: Hearth as
 * `hearth serve` runs it (runServer), on a free port, database from BENCH_DB. Tells the parent its
 * URL over IPC, answers `{ type: 'memory' }` with its RSS and peak RSS, and closes on `{ type: 'stop' }`
 * (exiting normally, so `--cpu-prof` gets to write its profile).
 *
 * Beside Hearth's own routes it serves `GET /bench/friends-with-names?uid=…&format=…`: the rows of
 * `SELECT uid, name FROM user WHERE uid IN (SELECT uid2 FROM friend WHERE uid1 = …)` fetched by one
 * hand-written statement on the same better-sqlite3 connection and written by the same serialiser
 * as an fql.query answer — the comparison scenario (h) measures FQL against.
 */
import type { FastifyInstance } from 'fastify';
import { DEFAULT_SERVER_CONFIG } from '../src/config/server-config.js';
import type { Store } from '../src/features/feature.js';
import { runServer } from '../src/http/run-server.js';
import { readRendering, writeResult } from '../src/wire/serialize/response-writer.js';
import { ApiEntries, ApiList } from '../src/wire/values.js';
import { memoryReport } from './child-ipc.js';

const FRIENDS_WITH_NAMES = `
SELECT uid, first_name || ' ' || last_name AS name FROM people
WHERE uid IN (SELECT uid_high FROM friendships WHERE uid_low = ? UNION ALL SELECT uid_low FROM friendships WHERE uid_high = ?)`;

function friendsWithNamesRoute(app: FastifyInstance, { store }: { readonly store: Store }): void {
  const native = store.database.native;
  if (native.dialect !== 'sqlite') return;
  const statement = native.db.prepare(FRIENDS_WITH_NAMES);
  app.get('/bench/friends-with-names', async (request, reply) => {
    const query = request.query as { uid?: string; format?: string };
    const uid = Number(query.uid);
    const rows = await native.exclusive(() => statement.all(uid, uid) as Array<{ uid: number; name: string }>);
    const value = new ApiList('user', rows.map((row) => new ApiEntries([['uid', row.uid], ['name', row.name]])), 'open-close');
    const response = writeResult(readRendering(query.format, undefined).rendering, 'fql.query', value);
    return reply.type(response.contentType).send(response.body);
  });
}

async function main(): Promise<void> {
  const db = process.env.BENCH_DB;
  if (!db || !process.send) throw new Error('server-child is started by bench/run.ts with BENCH_DB and an IPC channel');
  const server = await runServer({ ...DEFAULT_SERVER_CONFIG, db, port: 0, logLevel: 'warn' }, { extraRoutes: friendsWithNamesRoute });
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') process.send!(memoryReport());
    if (message.type === 'stop') {
      void server.close().then(() => process.exit(0));
    }
  });
  process.send({ type: 'ready', url: server.httpUrl });
}

await main();
