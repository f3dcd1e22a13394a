/**
 * Events keep `start_time` and `end_time` as apps sent them: the platform's clients wrote Pacific
 * wall-clock time and sent it as if it were a Unix timestamp (docs/events.md). This file turns
 * that stored number into the moment it names and back; the pages draw the moment in the
 * viewer's time zone.
 *
 * ```ts
 * momentOf(Date.UTC(2010, 4, 14, 19, 30) / 1000); // 2010-05-15T02:30:00Z: 19:30 in California, summer time
 * storedTimeOf(new Date('2010-05-15T02:30:00Z')); // Date.UTC(2010, 4, 14, 19, 30) / 1000
 * ```
 */

/** The platform's time zone: its servers' and its clients' wall clock. */
export const PLATFORM_TIME_ZONE = 'America/Los_Angeles';

// One formatter for every call (building one costs more than formatting).
const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: PLATFORM_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Pacific wall-clock minus UTC at `ms`, in milliseconds (−8 or −7 hours). */
function pacificOffset(ms: number): number {
  const part = (parts: Intl.DateTimeFormatPart[], type: string) => Number(parts.find((item) => item.type === type)?.value);
  const parts = PACIFIC.formatToParts(new Date(ms));
  const wall = Date.UTC(part(parts, 'year'), part(parts, 'month') - 1, part(parts, 'day'), part(parts, 'hour'), part(parts, 'minute'), part(parts, 'second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

/**
 * The moment a stored event time names. A wall-clock hour skipped in spring is read with the
 * offset before the change; one repeated in autumn as its first occurrence.
 */
export function momentOf(stored: number): Date {
  const wall = stored * 1000;
  const first = wall - pacificOffset(wall);
  const second = wall - pacificOffset(first);
  return new Date(pacificOffset(second) === wall - second ? second : Math.max(first, second));
}

/** A moment as events store it: its Pacific wall-clock time, read as a Unix timestamp. */
export function storedTimeOf(moment: Date): number {
  const ms = moment.getTime();
  return Math.floor((ms + pacificOffset(ms)) / 1000);
}
