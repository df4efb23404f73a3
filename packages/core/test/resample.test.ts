import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { aggregate, disaggregate, type IntervalMinutes, type Series, sum } from '../src/index.js';

const base = Date.UTC(2026, 2, 29, 0, 0);

describe('aggregate', () => {
  test('four quarter hours make one hour', () => {
    const s: Series = { start: base, intervalMinutes: 15, values: [1, 2, 3, 4, 5, 6, 7, 8] };
    expect(aggregate(s, 60)).toEqual({ start: base, intervalMinutes: 60, values: [10, 26] });
  });

  test('a series that starts mid-hour gives a partial first hour', () => {
    const s: Series = { start: base + 30 * 60_000, intervalMinutes: 15, values: [1, 2, 3] };
    expect(aggregate(s, 60)).toEqual({ start: base, intervalMinutes: 60, values: [3, 3] });
  });

  test('refuses a coarser target that is not a multiple', () => {
    expect(() => aggregate({ start: base, intervalMinutes: 10, values: [1] }, 15)).toThrow(RangeError);
  });
});

describe('disaggregate', () => {
  test('flat by default', () => {
    expect(disaggregate({ start: base, intervalMinutes: 30, values: [6] }, 10).values).toEqual([2, 2, 2]);
  });

  test('by a per-sub-interval profile', () => {
    expect(disaggregate({ start: base, intervalMinutes: 30, values: [10, 20] }, 15, [1, 3]).values).toEqual([
      2.5, 7.5, 5, 15,
    ]);
  });

  test('a zero-weight group falls back to flat', () => {
    expect(disaggregate({ start: base, intervalMinutes: 30, values: [4] }, 15, [0, 0]).values).toEqual([2, 2]);
  });
});

const pairs: [IntervalMinutes, IntervalMinutes][] = [
  [5, 10],
  [5, 15],
  [5, 30],
  [5, 60],
  [6, 30],
  [6, 60],
  [10, 30],
  [15, 30],
  [15, 60],
  [30, 60],
];

describe('conservation of volume', () => {
  prop.prop([
    fc.constantFrom(...pairs),
    fc.integer({ min: 0, max: 200 }),
    fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { maxLength: 400 }),
  ])('aggregating conserves the total', ([fine, coarse], offsetSteps, values) => {
    const s: Series = { start: base + offsetSteps * fine * 60_000, intervalMinutes: fine, values };
    const total = sum(values);
    expect(sum(aggregate(s, coarse).values)).toBeCloseTo(total, 6);
  });

  prop.prop([
    fc.constantFrom(...pairs),
    fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 100 }),
    fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 12, maxLength: 12 }),
  ])('splitting by a profile and aggregating back gives the original', ([fine, coarse], values, weights) => {
    const k = coarse / fine;
    const s: Series = { start: base, intervalMinutes: coarse, values };
    const back = aggregate(disaggregate(s, fine, weights.slice(0, k)), coarse);
    back.values.forEach((v, i) => {
      expect(v).toBeCloseTo(values[i]!, 6);
    });
  });
});
