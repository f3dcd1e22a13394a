import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderClientMethods } from '../../scripts/client-methods.js';
import { renderCoverageTable, testedMethods } from '../../scripts/coverage-table.js';
import { renderFqlCatalogue } from '../../scripts/fql-catalogue.js';
import { EXTRA_METHODS, SPEC_METHODS } from '../../scripts/spec-methods.js';
import { RESULT_KINDS } from '../../sdk/index.js';
import { FQL_TABLES, METHODS } from '../../src/platform.js';

const root = join(import.meta.dirname, '..', '..');
const specMethodsFile = join(root, '..', 'shared', 'spec', 'methods.md');

describe('method registry and what is derived from it', () => {
  it('docs/METHODS.md is what `npm run docs:methods` generates', () => {
    const committed = readFileSync(join(root, 'docs', 'METHODS.md'), 'utf8');
    expect(committed).toBe(renderCoverageTable(METHODS, testedMethods(root, METHODS)));
  });

  it('docs/FQL.md is what `npm run docs:methods` generates from the table declarations', () => {
    expect(readFileSync(join(root, 'docs', 'FQL.md'), 'utf8')).toBe(renderFqlCatalogue(FQL_TABLES));
  });

  it('sdk/api-methods.ts is what `npm run docs:methods` generates', () => {
    const committed = readFileSync(join(root, 'sdk', 'api-methods.ts'), 'utf8');
    expect(committed).toBe(renderClientMethods(METHODS));
  });

  it('every implemented method has its own conformance suite', () => {
    expect([...testedMethods(root, METHODS)].sort()).toEqual(METHODS.map((m) => m.name).sort());
  });

  it('the typed client knows exactly the methods the server serves', () => {
    expect(Object.keys(RESULT_KINDS).sort()).toEqual(METHODS.map((m) => m.name).sort());
  });

  it('only serves methods the spec puts in scope, or the documented extras', () => {
    for (const method of METHODS) expect([...SPEC_METHODS, ...EXTRA_METHODS]).toContain(method.name);
  });

  it.runIf(existsSync(specMethodsFile))('lists the methods of the spec contents line, in order', () => {
    // The contents line wraps across lines; it ends at the first blank line.
    const contents = /^Contents: ([\s\S]+?)\n\n/m.exec(readFileSync(specMethodsFile, 'utf8'))?.[1] ?? '';
    expect(contents.split('·').map((name) => name.trim())).toEqual([...SPEC_METHODS]);
  });
});
