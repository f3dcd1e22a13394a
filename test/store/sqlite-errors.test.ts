import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/platform.js';
import { StoreUnavailableError } from '../../src/db/store-errors.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-sqlite-'));
  dirs.push(dir);
  return join(dir, 'hearth.db');
}

describe('sqlite: failures in store terms', () => {
  it('reports a write lock held by another process past the busy timeout as unavailable, and recovers', async () => {
    const path = tempPath();
    const store = SqliteStore.open(path, { busyTimeoutMs: 0 });
    const locker = new Database(path);
    locker.exec('BEGIN EXCLUSIVE');
    try {
      await expect(store.settings.set('maintenance', 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
    } finally {
      locker.exec('ROLLBACK');
      locker.close();
    }
    await store.settings.set('maintenance', 'x');
    expect(await store.settings.get('maintenance')).toBe('x');
    await store.close();
  });

  it('refuses to open a file that is not a database, as unavailable', () => {
    const path = tempPath();
    writeFileSync(path, 'this is a text file, not a database. '.repeat(200));
    expect(() => SqliteStore.open(path)).toThrow(StoreUnavailableError);
  });

  it('refuses a path whose directory cannot be created, as unavailable', () => {
    const path = tempPath();
    writeFileSync(path, '');
    expect(() => SqliteStore.open(join(path, 'under-a-file', 'hearth.db'))).toThrow(StoreUnavailableError);
  });
});
