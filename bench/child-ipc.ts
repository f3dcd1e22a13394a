/** What a benchmarked server process tells bench/run.ts over IPC. */

export interface ChildMemory {
  readonly type: 'memory';
  readonly rssBytes: number;
  readonly peakRssBytes: number;
}

export interface ChildReady {
  readonly type: 'ready';
  readonly url: string;
}

/** RSS now and at its peak (ru_maxrss, which Node reports in kilobytes). */
export function memoryReport(): ChildMemory {
  return { type: 'memory', rssBytes: process.memoryUsage.rss(), peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}
