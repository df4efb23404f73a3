import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { deadlineIntervals, evaluateDeferred, minimumLevel, planDeferred, staff } from '../src/index.js';

/** The level by brute force over every window: max over m < j of (work due by j − work arrived by m)/(j − m). */
function bruteLevel(volumes: number[], aht: number[], k: number): number {
  const x = [0];
  for (let i = 0; i < volumes.length; i++) x.push(x[i]! + volumes[i]! * aht[i]!);
  let level = 0;
  const count = volumes.length;
  for (let j = 0; j < count; j++) {
    const due = j === count - 1 ? x[count]! : j - k + 1 >= 0 ? x[j - k + 2]! : 0;
    for (let m = -1; m < j; m++) level = Math.max(level, (due - x[m + 1]!) / (j - m));
  }
  return level;
}

// Zero or at least a hundredth of an item: the FIFO forgives slivers below 1e-9 items as rounding.
const volumes = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 500, noNaN: true })), {
  minLength: 1,
  maxLength: 80,
});

describe('deferred work', () => {
  test('a 200-item burst with a 2-hour deadline on 30-minute intervals is spread over four intervals', () => {
    const input = {
      intervalMinutes: 30,
      volumes: [0, 200, 0, 0, 0, 0, 0],
      ahtSeconds: new Array(7).fill(180),
      responseWithinMinutes: 120,
    };
    const rows = planDeferred(input);
    // 200 × 180 s = 36,000 s of work over 4 × 1,800 s → 5 agents in each of the four intervals.
    expect(rows.map((r) => Math.round(r.agentsFractional * 1e6) / 1e6)).toEqual([0, 5, 5, 5, 5, 0, 0]);
    expect(rows.map((r) => Math.round(r.backlog))).toEqual([0, 150, 100, 50, 0, 0, 0]);
    expect(rows.every((r) => r.serviceLevel === 1)).toBe(true);
  });

  test('the deadline counts whole intervals, at least one', () => {
    expect(deadlineIntervals(240, 30)).toBe(8);
    expect(deadlineIntervals(10, 30)).toBe(1);
    expect(deadlineIntervals(1440, 15)).toBe(96);
  });

  prop.prop([volumes, fc.integer({ min: 1, max: 12 }), fc.double({ min: 30, max: 900, noNaN: true })])(
    'the level is the exact minimum: every deadline met at it, and the brute-force window maximum equals it',
    (v, k, aht) => {
      const ahtSeconds = v.map(() => aht);
      const input = { intervalMinutes: 15, volumes: v, ahtSeconds, responseWithinMinutes: k * 15 };
      const level = minimumLevel(input);
      expect(level).toBeCloseTo(bruteLevel(v, ahtSeconds, k), 6);
      const rows = planDeferred(input);
      for (const r of rows) expect(r.serviceLevel).toBeGreaterThan(1 - 1e-9);
      // Work is conserved and never above the level.
      const work = rows.reduce((s, r) => s + r.workSeconds, 0);
      const total = v.reduce((s, x) => s + x * aht, 0);
      expect(work).toBeCloseTo(total, 4);
      for (const r of rows) expect(r.workSeconds).toBeLessThanOrEqual(level * (1 + 1e-9) + 1e-9);
      // Slightly less capacity misses a deadline.
      if (level > 1e-6) {
        const short = evaluateDeferred(
          input,
          v.map(() => (level * 0.999) / (15 * 60)),
        );
        expect(short.some((r) => r.serviceLevel < 1 - 1e-9)).toBe(true);
      }
    },
  );

  test('evaluating given agents reports backlog and the share handled in time', () => {
    const r = staff({
      intervalMinutes: 60,
      channels: [
        {
          name: 'email',
          model: 'deferred',
          volumes: [40, 40, 0, 0],
          ahtSeconds: 360,
          agents: [2, 2, 2, 2],
          targets: { responseWithinMinutes: 120 },
        },
      ],
    });
    // 2 agents handle 20 items an hour: 80 items need 4 hours, the first 40 are due after 2 hours.
    const rows = r.channels[0]!.intervals;
    expect(rows.map((x) => x.backlog)).toEqual([20, 40, 20, 0]);
    expect(rows[0]!.serviceLevel).toBe(1);
    // The second hour's 40 are due by the end of hour 3: 20 are handled then, 20 late in hour 4.
    expect(rows[1]!.serviceLevel).toBeCloseTo(0.5, 12);
    expect(r.channels[0]!.totals.intervalsMissingTargets).toBe(1);
  });
});

describe('deferred work with non-round figures', () => {
  prop.prop([
    fc.array(fc.double({ min: 0, max: 40, noNaN: true }), { minLength: 48, maxLength: 400 }),
    fc.double({ min: 60, max: 900, noNaN: true }),
  ])('finishes, meets every deadline and does exactly the work that arrived', (volumes, aht) => {
    // Handle times that vary a little per interval, as forecasts do: float remainders once made FIFO spin forever.
    const ahtSeconds = volumes.map((_, i) => aht * (1 + 0.07 * Math.sin(i)));
    const input = { intervalMinutes: 30, volumes, ahtSeconds, responseWithinMinutes: 240 };
    const plan = planDeferred(input);
    const arrived = volumes.reduce((s, v, i) => s + v * ahtSeconds[i]!, 0);
    const done = plan.reduce((s, x) => s + x.workSeconds, 0);
    expect(done).toBeCloseTo(arrived, 3);
    for (const x of plan) expect(x.serviceLevel).toBeGreaterThan(1 - 1e-6);
  });
});
