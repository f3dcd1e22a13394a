/**
 * WAL checkpoints on a worker thread (SqliteOptions.backgroundCheckpoints). A worker runs compiled
 * JavaScript only, so these tests load the built store (`npm test` builds first), typed from the
 * sources. What was checkpointed is read from a copy of the database file alone: a copy without
 * its WAL holds exactly the rows some checkpoint has copied into the file.
 */
import Database from 'better-sqlite3';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SERVER_CONFIG } from '../../src/config/server-config.js';

const built = (path: string) => new URL(`../../dist/src/${path}`, import.meta.url).href;
const { SqliteStore, openStore } = (await import(built('platform.js'))) as typeof import('../../src/platform.js');
const { runServer } = (await import(built('http/run-server.js'))) as typeof import('../../src/http/run-server.js');
const { BackgroundCheckpoints } = (await import(built('db/sqlite/background-checkpoints.js'))) as typeof import('../../src/db/sqlite/background-checkpoints.js');

type Store = import('../../src/features/feature.js').Store;

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-checkpoints-'));
  dirs.push(dir);
  return dir;
}

/** One page and its header in the WAL file, at the default 4 KB page size. */
const PAGE_AND_FRAME_HEADER = 4096 + 24;

// Far below the 1,000 pages at which SQLite would checkpoint by itself, let alone the fallback.
const ROWS = 200;

async function writeRows(store: Store): Promise<void> {
  for (let i = 0; i < ROWS; i++) await store.settings.set(`row-${i}`, 'x'.repeat(100));
}

/** How many of the rows a copy of the database file, without its WAL, holds. */
function rowsInFile(path: string): number {
  const copy = join(tempDir(), 'copy.db');
  copyFileSync(path, copy);
  const db = new Database(copy);
  try {
    return db.prepare("SELECT count(*) FROM settings WHERE name LIKE 'row-%'").pluck().get() as number;
  } catch {
    return 0; // nothing checkpointed yet, not even the tables, or copied halfway through a checkpoint
  } finally {
    db.close();
  }
}

describe('sqlite: WAL checkpoints on a worker thread', () => {
  it('copies committed writes into the database file without the store checkpointing', async () => {
    const path = join(tempDir(), 'hearth.db');
    const store = SqliteStore.open(path, { backgroundCheckpoints: true });
    try {
      await writeRows(store);
      await vi.waitFor(() => expect(rowsInFile(path)).toBe(ROWS), { timeout: 5000, interval: 50 });
    } finally {
      await store.close();
    }
  });

  it('leaves commits past SQLite’s usual 1,000-page checkpoint to the worker', async () => {
    const path = join(tempDir(), 'hearth.db');
    const store = SqliteStore.open(path, { backgroundCheckpoints: true });
    try {
      // A page or so per commit, back to back: had the store's connection checkpointed at 1,000
      // pages, the next commit would have started the WAL over from its first page.
      for (let i = 0; i < 3000; i++) await store.settings.set(`burst-${i}`, 'x'.repeat(100));
      expect(statSync(`${path}-wal`).size).toBeGreaterThan(1500 * PAGE_AND_FRAME_HEADER);
    } finally {
      await store.close();
    }
  });

  it('is on for the server', async () => {
    const path = join(tempDir(), 'hearth.db');
    const server = await runServer({ ...DEFAULT_SERVER_CONFIG, db: `sqlite:${path}`, port: 0, logLevel: 'silent' });
    try {
      await writeRows(server.store);
      await vi.waitFor(() => expect(rowsInFile(path)).toBe(ROWS), { timeout: 5000, interval: 50 });
    } finally {
      await server.close();
    }
  });

  it.each([
    ['SqliteStore.open by default', (path: string) => Promise.resolve(SqliteStore.open(path))],
    ['openStore, as the CLI opens it', (path: string) => openStore(`sqlite:${path}`)],
  ])('is off for %s: nothing is checkpointed until the store closes', async (_, open) => {
    const path = join(tempDir(), 'hearth.db');
    const store = await open(path);
    await writeRows(store);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(rowsInFile(path)).toBe(0);
    await store.close();
    expect(rowsInFile(path)).toBe(ROWS);
  });

  it('ends with the store: closing removes the WAL and the process exits', async () => {
    const path = join(tempDir(), 'hearth.db');
    // SQLite removes the WAL when its last connection closes: right after the store closes, not
    // later when the exiting process takes a still-open worker connection down with it.
    const script = `
      const { existsSync } = await import('node:fs');
      const { SqliteStore } = await import(${JSON.stringify(built('platform.js'))});
      const store = SqliteStore.open(${JSON.stringify(path)}, { backgroundCheckpoints: true });
      for (let i = 0; i < 50; i++) await store.settings.set('row-' + i, 'x');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await store.close();
      console.log(existsSync(${JSON.stringify(`${path}-wal`)}) ? 'closed, WAL left' : 'closed, WAL removed');
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script], { timeout: 10_000 });
    expect(stdout.trim()).toBe('closed, WAL removed');
    expect(rowsInFile(path)).toBe(50);
  });

  it('falls back to checkpointing on the main thread, as without a worker, when the worker fails', async () => {
    const path = join(tempDir(), 'hearth.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE rows (value TEXT)');
    // The worker cannot open a file that is not there, and ends.
    const checkpoints = BackgroundCheckpoints.start(db, join(tempDir(), 'missing', 'hearth.db'), 1000);
    try {
      await vi.waitFor(() => expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000), { timeout: 5000, interval: 20 });
      const insert = db.prepare('INSERT INTO rows (value) VALUES (?)');
      for (let i = 0; i < 3000; i++) insert.run('x'.repeat(100));
      // One page or so per commit: past 1,000 pages SQLite checkpointed and started the WAL over.
      expect(statSync(`${path}-wal`).size).toBeLessThan(1100 * PAGE_AND_FRAME_HEADER);
    } finally {
      await checkpoints.close();
      db.close();
    }
  });
});
