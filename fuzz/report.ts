/** The report of a run as text (for people) or JSON (for docs/security.md and scripts). */
import type { CaseFailure, FuzzReport } from './fuzz.js';

const MiB = 1024 * 1024;

function mib(bytes: number | undefined): string {
  return bytes === undefined ? 'n/a' : `${(bytes / MiB).toFixed(1)} MiB`;
}

/** Failures that are the same problem from the same generator, whatever the random details. */
export function groupFailures(failures: readonly CaseFailure[]): Array<{ key: string; generator: string; category: string; problem: string; cases: CaseFailure[] }> {
  const groups = new Map<string, { key: string; generator: string; category: string; problem: string; cases: CaseFailure[] }>();
  for (const failure of failures) {
    const problem = (failure.problems[0] ?? '').replace(/"(?:[^"\\]|\\.)*"/g, '"…"').replace(/(?<!HTTP )\b\d+\b/g, 'N');
    const key = `${failure.generator} | ${problem}`;
    const group = groups.get(key) ?? { key, generator: failure.generator, category: failure.category, problem, cases: [] };
    group.cases.push(failure);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.cases.length - a.cases.length);
}

export function formatReport(report: FuzzReport, options: { examplesPerGroup?: number } = {}): string {
  const perGroup = options.examplesPerGroup ?? 3;
  const lines: string[] = [];
  const total = report.sent;
  lines.push(`Hearth fuzz: seed ${report.seed}, started ${report.startedAt}`);
  lines.push(`sent ${total} requests in ${report.durationSeconds} s; ${report.failedCases} failing; ${report.incidents.length} incidents (crashes, /healthz silences)`);
  lines.push('');
  lines.push('  category     sent  failed');
  for (const [category, figures] of Object.entries(report.byCategory)) lines.push(`  ${category.padEnd(11)} ${String(figures.sent).padStart(6)}  ${String(figures.failed).padStart(6)}`);
  lines.push('');
  const { rss } = report;
  lines.push(
    `RSS: ${mib(rss.warmupBytes)} after warm-up, ${mib(rss.endBytes)} at the end (${rss.growthBytes === undefined ? 'n/a' : `${rss.growthBytes >= 0 ? '+' : ''}${mib(rss.growthBytes)}`}, bound +${mib(rss.boundBytes)}; peak ${mib(rss.peakBytes)}): ${rss.ok ? 'ok' : 'FAIL'}${rss.note ? ` (${rss.note})` : ''}`,
  );
  const flags = report.serveFlags;
  lines.push(`hearth serve flags: --request-timeout ${flags.requestTimeout ? 'yes' : 'no'}, --headers-timeout ${flags.headersTimeout ? 'yes' : 'no'}, --max-connections-per-address ${flags.maxConnectionsPerAddress ? 'yes' : 'no'}`);
  for (const skipped of report.skippedChecks) lines.push(`skipped: ${skipped}`);
  for (const note of report.notes) lines.push(`note: ${note}`);
  if (report.serverExit) lines.push(`server at the end: ${report.serverExit}`);

  for (const incident of report.incidents) {
    lines.push('');
    lines.push(`${incident.kind.toUpperCase()} at ${incident.atSeconds} s: ${incident.what}`);
    if (incident.inFlight.length) {
      lines.push(`  in flight (${incident.inFlight.length}):`);
      for (const item of incident.inFlight.slice(0, 30)) lines.push(`    ${item}`);
    }
    if (incident.recentlyCompleted.length) {
      lines.push('  completed just before:');
      for (const item of incident.recentlyCompleted) lines.push(`    ${item}`);
    }
    if (incident.serverOutput.length) {
      lines.push('  server output (last lines):');
      for (const item of incident.serverOutput.slice(-25)) lines.push(`    ${item.slice(0, 300)}`);
    }
  }

  const groups = groupFailures(report.failures);
  if (groups.length) {
    lines.push('');
    lines.push(`FAILURES: ${report.failedCases} failing cases in ${groups.length} groups (${perGroup} examples each; --json lists every case kept)`);
    for (const group of groups) {
      lines.push('');
      lines.push(`[${group.category}] ${group.generator}: ${group.cases.length} case${group.cases.length === 1 ? '' : 's'} — ${group.problem}`);
      for (const failure of group.cases.slice(0, perGroup)) {
        lines.push(`  ${failure.id} ${failure.description} (${failure.elapsedMs} ms)`);
        for (const problem of failure.problems) lines.push(`    - ${problem}`);
        if (failure.request) lines.push(`    request: ${failure.request}`);
      }
      if (group.cases.length > perGroup) lines.push(`  … and ${group.cases.length - perGroup} more: ${group.cases.slice(perGroup, perGroup + 12).map((f) => f.id).join(' ')}${group.cases.length > perGroup + 12 ? ' …' : ''}`);
    }
  }
  lines.push('');
  lines.push(`replay one case: npm run fuzz -- --seed ${report.seed} --case <id>`);
  lines.push(report.ok ? 'RESULT: PASS' : 'RESULT: FAIL');
  return lines.join('\n');
}

/** The figures for docs/security.md: everything but the per-case details is small. */
export function reportJson(report: FuzzReport): string {
  return JSON.stringify(report, null, 2);
}
