import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createRandom, shuffled } from '../src/index.js';

describe('shuffled', () => {
  test.prop([fc.array(fc.integer()), fc.integer()])(
    'is a permutation of its input, which it leaves alone',
    (items, seed) => {
      const before = items.slice();
      const out = shuffled(createRandom(seed), items);
      expect(items).toEqual(before);
      expect(out.slice().sort((a, b) => a - b)).toEqual(items.slice().sort((a, b) => a - b));
    },
  );

  it('gives the same order for the same seed', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffled(createRandom(7), items)).toEqual(shuffled(createRandom(7), items));
    expect(shuffled(createRandom(7), items)).not.toEqual(items);
  });

  it('puts each item first about equally often', () => {
    const random = createRandom(1);
    const first = [0, 0, 0, 0];
    for (let k = 0; k < 4000; k++) first[shuffled(random, [0, 1, 2, 3])[0]!]!++;
    for (const n of first) expect(Math.abs(n - 1000)).toBeLessThan(120);
  });
});
