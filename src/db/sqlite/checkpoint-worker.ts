/**
 * The body of the checkpoint worker (started by background-checkpoints.ts): a connection of its own
 * to the server's database file that copies committed WAL frames back into the file every
 * CHECKPOINT_INTERVAL_MS, so that work and its fsyncs happen on this thread instead of inside
 * whichever of the server's commits crosses the automatic checkpoint threshold.
 *
 * Any failure (the file gone, an I/O error) is left uncaught: the worker ends, and the server's own
 * connection goes back to checkpointing itself.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export interface CheckpointWorkerData {
  readonly path: string;
  readonly busyTimeoutMs: number;
}

/** The one message the worker understands: close the connection and end. */
export type CheckpointWorkerMessage = 'close';

// At full load the server commits a few thousand one-page writes a second, so 200 ms gathers a
// few MB of WAL per checkpoint: quick to copy, far below the server connection's fallback
// threshold, and no more than five rounds of fsyncs a second outside the catching up below.
const CHECKPOINT_INTERVAL_MS = 200;
// SQLite starts the WAL over only when a commit finds every frame before it copied, and a
// checkpoint copies only what was committed before it began. Past this length (~16 MB) the WAL has
// not started over for a while, so the worker checkpoints again at once for as long as each round
// copies something: each round has less to copy than the last, until one ends in a pause between
// commits and the next commit starts the WAL over, before the server's connection reaches its
// fallback threshold and does it on the main thread.
const CATCH_UP_FROM_FRAMES = 4000;

const { path, busyTimeoutMs } = workerData as CheckpointWorkerData;
const db = new Database(path, { fileMustExist: true });
db.pragma(`busy_timeout = ${busyTimeoutMs}`);
db.pragma('synchronous = NORMAL');
// PASSIVE copies what no reader still needs and never waits for, or blocks, the server's readers
// and writer; frames it cannot copy yet are taken next time.
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').raw();

let timer: NodeJS.Timeout;
let checkpointedBefore = 0;

function checkpointAndReschedule(): void {
  // The WAL's length in frames and how many of them are now in the database file; -1 when another
  // connection was checkpointing.
  const [, walFrames, checkpointedFrames] = checkpoint.get() as [number, number, number];
  const copiedSome = checkpointedFrames > checkpointedBefore;
  checkpointedBefore = checkpointedFrames;
  const catchingUp = walFrames >= CATCH_UP_FROM_FRAMES && copiedSome;
  timer = setTimeout(checkpointAndReschedule, catchingUp ? 0 : CHECKPOINT_INTERVAL_MS);
}

timer = setTimeout(checkpointAndReschedule, CHECKPOINT_INTERVAL_MS);

parentPort!.on('message', (message: CheckpointWorkerMessage) => {
  if (message !== 'close') return;
  clearTimeout(timer);
  db.close();
  // Nothing is left to keep the thread alive once the port is closed, so it ends.
  parentPort!.close();
});
