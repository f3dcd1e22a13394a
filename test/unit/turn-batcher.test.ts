import { describe, expect, it } from 'vitest';
import { TurnBatcher } from '../../src/db/turn-batcher.js';

describe('TurnBatcher', () => {
  it('hands the writes of one turn over together, in order, in batches of at most the limit', async () => {
    const batches: number[][] = [];
    const batcher = new TurnBatcher<number, number>(async (items) => {
      batches.push([...items]);
      return items.map((item) => item * 10);
    }, 3);
    const answers = await Promise.all([1, 2, 3, 4, 5].map((item) => batcher.submit(item)));
    expect(answers).toEqual([10, 20, 30, 40, 50]);
    expect(batches).toEqual([[1, 2, 3], [4, 5]]);
    expect(await batcher.submit(6)).toBe(60);
    expect(batches).toHaveLength(3);
  });

  it('fails every caller of a batch that fails, and goes on with the next', async () => {
    let fail = true;
    const batcher = new TurnBatcher<string, string>(async (items) => {
      if (fail) throw new Error('database gone');
      return items.map((item) => item.toUpperCase());
    }, 10);
    const outcomes = await Promise.allSettled([batcher.submit('a'), batcher.submit('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    fail = false;
    expect(await batcher.submit('c')).toBe('C');
  });
});
