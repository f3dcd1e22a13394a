/** What every command shares: the `--db` option, opening the store, and one-line failures. */
import { Option } from 'commander';
import { createServices } from '../platform.js';
import { type Services } from '../features/feature.js';
import { DEFAULT_DB } from '../db/open-database.js';
import { openStore } from '../platform.js';
import type { Person } from '../features/people/records.js';
import type { Store } from '../features/feature.js';

/** A failure the operator can fix; printed as one line, exit status 1. */
export class CliError extends Error {}

export function dbOption(): Option {
  return new Option('--db <location>', 'database: sqlite:PATH or postgres://USER[:PASSWORD]@HOST[:PORT]/DB').env('HEARTH_DB').default(DEFAULT_DB);
}

export function jsonOption(): Option {
  return new Option('--json', 'print machine-readable JSON');
}

/** Opens the store, runs `work`, and always closes the store again. */
export async function withStore<T>(location: string, work: (store: Store, services: Services) => Promise<T>): Promise<T> {
  const store = await openStore(location);
  try {
    return await work(store, createServices(store));
  } finally {
    await store.close();
  }
}

/** Aligned `label  value` lines for people to read. */
export function formatFields(fields: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...fields.map(([label]) => label.length));
  return fields.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
}

/** A table with a header row, columns padded to their widest cell. */
export function formatTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A person named by uid or e-mail, as an operator would name them. */
export async function findPerson(services: Services, who: string): Promise<Person> {
  const person = /^\d+$/.test(who) ? await services.people.find(Number(who)) : await services.people.findByEmail(who);
  if (!person) throw new CliError(`no person with uid or e-mail ${JSON.stringify(who)}`);
  return person;
}
