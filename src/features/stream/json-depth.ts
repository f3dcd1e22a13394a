/** How deeply the JSON an app sends may nest (attachment, action_links, privacy). */

/** Deeper JSON could not even be written back: JSON.stringify would run out of stack. */
export const MAX_JSON_DEPTH = 32;

/** Whether `value` nests arrays and objects more than `max` deep; walked without recursion. */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [item, depth] = pending.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
