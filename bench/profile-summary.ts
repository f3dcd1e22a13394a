/**
 * Reads a `.cpuprofile` (V8's format, as `node --cpu-prof` writes it) and lists where the time
 * went: the functions with the most self time, and self time grouped by where the code lives
 * (Hearth's src/, each node_modules package, Node's internals, native/GC).
 * Usage: node dist/bench/profile-summary.js FILE.cpuprofile [TOP]
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

function placeOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1]!;
  const own = /\/dist\/((?:src|bench|sdk)\/.*)$/.exec(url);
  return own ? own[1]!.replace(/\/[^/]+$/, '/') : url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url === '' ? '' : ` ${url.replace(/^.*\/(node_modules|dist)\//, '$1/').replace(/^file:\/\//, '')}:${lineNumber + 1}`;
  return `${functionName || '(anonymous)'}${where}`;
}

export function summariseProfile(path: string, top = 25): string {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfByFunction = new Map<string, number>();
  const selfByPlace = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id);
    const delta = profile.timeDeltas[index] ?? 0;
    if (!node) return;
    total += delta;
    const name = label(node);
    selfByFunction.set(name, (selfByFunction.get(name) ?? 0) + delta);
    const place = placeOf(node.callFrame.url, node.callFrame.functionName);
    selfByPlace.set(place, (selfByPlace.get(place) ?? 0) + delta);
  });
  const busy = total - (selfByFunction.get('(idle)') ?? 0);
  const percent = (value: number) => `${((100 * value) / busy).toFixed(1).padStart(5)} %`;
  const sorted = (map: Map<string, number>, count: number) =>
    [...map.entries()]
      .filter(([name]) => name !== '(idle)')
      .sort((a, b) => b[1] - a[1])
      .slice(0, count);
  return [
    `sampled ${(total / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(1)} s (percentages of busy time)`,
    'self time by function:',
    ...sorted(selfByFunction, top).map(([name, value]) => `  ${percent(value)}  ${name}`),
    'self time by place:',
    ...sorted(selfByPlace, 20).map(([name, value]) => `  ${percent(value)}  ${name}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [TOP]');
  console.log(summariseProfile(file, Number(process.argv[3] ?? 25)));
}
