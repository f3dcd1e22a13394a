/**
 * WAL checkpoints on a worker thread for a long-running server. SQLite's automatic checkpoint runs
 * inside the commit that crosses its threshold, so every thousandth page written, one API call
 * would wait on the main thread for up to a thousand page copies and their fsyncs.
 */
import { Worker } from 'node:worker_threads';
import type { CheckpointWorkerData, CheckpointWorkerMessage } from './checkpoint-worker.js';
import type { SqliteDatabase } from './sqlite-connection.js';

/** SQLite's own default, in pages. */
const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;
/**
 * While the worker runs, the server's connection checkpoints only past ~40 MB of WAL (4 KB pages):
 * for a worker that lags, and for writes so continuous that the worker never catches up with them.
 * SQLite starts the WAL over only once a checkpoint has copied the very last commit, which under
 * such load only the committing connection can do; it then does so once per 10,000 pages, not 1,000.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 10_000;

const WORKER_URL = new URL('./checkpoint-worker.js', import.meta.url);

export class BackgroundCheckpoints {
  readonly #worker: Worker;
  readonly #ended: Promise<void>;
  #closing = false;

  private constructor(db: SqliteDatabase, data: CheckpointWorkerData) {
    // None of the process's Node options concern the worker, and some would break it (--input-type)
    // or make it write files of its own (--cpu-prof).
    this.#worker = new Worker(WORKER_URL, { workerData: data, execArgv: [] });
    // A server that forgets to close its store must still be able to exit.
    this.#worker.unref();
    this.#ended = new Promise((resolve) => this.#worker.once('exit', () => resolve()));
    // A worker that fails (it cannot open the file, an I/O error) only ends: the server's connection
    // goes back to checkpointing itself as often as it would without one.
    this.#worker.on('error', () => {});
    this.#worker.once('exit', () => {
      if (!this.#closing && db.open) db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    });
    db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  }

  /** Starts checkpointing the file database `db` is connected to, at `path`, from a worker thread. */
  static start(db: SqliteDatabase, path: string, busyTimeoutMs: number): BackgroundCheckpoints {
    return new BackgroundCheckpoints(db, { path, busyTimeoutMs });
  }

  /** Resolves once the worker has closed its connection and ended; before the server's closes. */
  close(): Promise<void> {
    this.#closing = true;
    // Otherwise a process with nothing else to do would exit while awaiting this, before the store closes.
    this.#worker.ref();
    this.#worker.postMessage('close' satisfies CheckpointWorkerMessage);
    return this.#ended;
  }
}
