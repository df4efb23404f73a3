import { readFileSync } from 'node:fs';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readCurtois } from '../../src/curtois/read.js';
import { type Compiled, compile } from '../../src/engine/compile.js';
import { employeeViolations } from '../../src/engine/evaluate.js';
import { runHighs } from '../../src/engine/highs.js';
import { freeMask } from '../../src/engine/lns.js';
import { buildMip } from '../../src/engine/mip.js';
import { OFF, type RosterModelInput, rosterModelSchema } from '../../src/engine/model.js';
import { rowPricer } from '../../src/engine/pricing.js';
import { rowCost } from '../../src/engine/row-cost.js';

/** What the pricing minimises: the row's own objective less the prices of the cover rows it counts in. */
function priced(c: Compiled, e: number, row: readonly number[], prices: readonly number[]): number {
  let v = rowCost(c, e, row);
  row.forEach((t, d) => {
    if (t !== OFF) for (const r of c.coverOfCell[d * c.T + t]!) v -= prices[r]!;
  });
  return v;
}

/** Every row of a short horizon, kept when the judge finds no violation: the reference optimum. */
function bruteForce(c: Compiled, e: number, prices: readonly number[]): { best: number; legal: number[][] } {
  const { D, T } = c;
  let best = Number.POSITIVE_INFINITY;
  const legal: number[][] = [];
  const row = new Array<number>(D).fill(OFF);
  const total = (T + 1) ** D;
  for (let k = 0; k < total; k++) {
    for (let d = 0, x = k; d < D; d++, x = Math.floor(x / (T + 1))) row[d] = (x % (T + 1)) - 1;
    if (employeeViolations(c.model, e, row, true).length > 0) continue;
    best = Math.min(best, priced(c, e, row, prices));
    legal.push(row.slice());
  }
  return { best, legal };
}

/** One employee over 4–7 days with every rule family the pricer takes, at random prices. */
const scenario = fc
  .record({
    days: fc.integer({ min: 4, max: 7 }),
    types: fc.integer({ min: 1, max: 3 }),
    maxRun: fc.option(fc.integer({ min: 1, max: 5 })),
    minRun: fc.option(fc.integer({ min: 1, max: 3 })),
    minOff: fc.option(fc.integer({ min: 1, max: 3 })),
    maxWeekends: fc.option(fc.integer({ min: 0, max: 2 })),
    weekendDays: fc.constantFrom([5, 6], [4], [0, 1, 2]),
    minMinutes: fc.option(fc.integer({ min: 0, max: 2400 })),
    maxMinutes: fc.option(fc.integer({ min: 400, max: 3000 })),
    window: fc.option(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 })),
    ),
    maxPerType: fc.option(fc.integer({ min: 0, max: 3 })),
    // A second maximum: the pricer adds the maxima a row breaks to its state one by one (rowPricer).
    maxFirstType: fc.option(fc.integer({ min: 0, max: 3 })),
    nights: fc.option(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 }))),
    forbid: fc.array(fc.tuple(fc.nat(2), fc.nat(2), fc.option(fc.nat(6))), { maxLength: 3 }),
    daysOff: fc.array(fc.nat(6), { maxLength: 2 }),
    requests: fc.array(fc.tuple(fc.nat(6), fc.option(fc.nat(2)), fc.boolean(), fc.integer({ min: 1, max: 5 })), {
      maxLength: 4,
    }),
    fairness: fc.option(
      fc.tuple(
        fc.constantFrom('night' as const, 'weekend' as const),
        // Whole hundredths: the pricer cuts labels that could gain less than its EPS (1e-9), so a weight
        // of 5e-10 (a double fast-check draws) makes rows that close ties to it, not to the brute force.
        fc.integer({ min: 0, max: 300 }).map((w) => w / 100),
      ),
    ),
    prices: fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 21, maxLength: 21 }),
    upper: fc.option(fc.nat()),
    costs: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3, maxLength: 3 }),
  })
  .map((r) => {
    const types = ['E', 'D', 'N'].slice(0, r.types);
    const days = r.days;
    const input: RosterModelInput = {
      days,
      shiftTypes: types.map((id, t) => ({ id, minutes: 480 + 120 * t, ...(id === 'N' ? { night: true } : {}) })),
      forbiddenSuccessions: r.forbid
        .filter(([a, b, day]) => a < r.types && b < r.types && (day === null || day < days))
        .map(([a, b, day]) => ({ first: types[a]!, second: types[b]!, ...(day === null ? {} : { day }) })),
      weekends: [r.weekendDays.filter((d) => d < days), [days - 1]].filter((w) => w.length > 0),
      employees: [
        {
          id: 'P',
          workload: [
            {
              fromDay: 0,
              toDay: days,
              ...(r.minMinutes === null ? {} : { minMinutes: r.minMinutes }),
              ...(r.maxMinutes === null ? {} : { maxMinutes: r.maxMinutes }),
            },
            ...(r.window === null
              ? []
              : [
                  {
                    fromDay: r.window[0],
                    toDay: Math.min(days, r.window[0] + r.window[1]),
                    maxShifts: r.window[2],
                    minMinutes: r.window[2] * 200,
                  },
                ]),
          ],
          ...(r.maxRun === null ? {} : { maxConsecutiveShifts: r.maxRun }),
          ...(r.minRun === null ? {} : { minConsecutiveShifts: r.minRun }),
          ...(r.minOff === null ? {} : { minConsecutiveDaysOff: r.minOff }),
          ...(r.maxWeekends === null ? {} : { maxWeekends: r.maxWeekends }),
          maxShiftsPerType: {
            ...(r.maxFirstType === null ? {} : { [types[0]!]: r.maxFirstType }),
            ...(r.maxPerType === null ? {} : { [types[types.length - 1]!]: r.maxPerType }),
          },
          ...(r.nights === null ? {} : { maxNights: [{ windowDays: r.nights[0], max: r.nights[1] }] }),
          fixedDaysOff: r.daysOff.filter((d) => d < days),
        },
      ],
      requests: r.requests
        .filter(([day, t]) => day < days && (t === null || t < r.types))
        .map(([day, t, on, weight]) => ({
          employee: 'P',
          day,
          ...(t === null ? {} : { type: types[t]! }),
          on,
          weight,
        })),
      cover: Array.from({ length: days * r.types }, (_, i) => ({
        terms: [{ day: Math.floor(i / r.types), type: types[i % r.types]! }],
        requirement: 1,
        underWeight: 100,
        overWeight: 100,
      })),
      cost: Array.from({ length: days }, () => r.costs.slice(0, r.types)),
      ...(r.fairness === null ? {} : { fairness: [{ kind: r.fairness[0], target: r.fairness[1], weight: 7 }] }),
    };
    return { model: rosterModelSchema.parse(input), prices: r.prices, upper: r.upper };
  });

describe('rowPricer (dynamic programming over one row)', () => {
  prop.prop([scenario], { numRuns: 300 })(
    "finds the judge's cheapest legal row at any prices (with a known row to beat or without), and says there is none when there is none",
    ({ model, prices, upper }) => {
      const c = compile(model);
      const pricer = rowPricer(c, 0);
      expect(pricer).toBeDefined();
      const { best: reference, legal } = bruteForce(c, 0, prices);
      const known = upper === null || legal.length === 0 ? undefined : legal[upper % legal.length]!;
      const result = pricer!.price(prices, known && { row: known, value: priced(c, 0, known, prices) });
      if (!Number.isFinite(reference)) {
        expect(result).toMatchObject({ found: false, reason: 'none' });
        return;
      }
      if (!result.found) throw new Error(`no row found: ${result.reason}`);
      expect(employeeViolations(model, 0, result.row)).toEqual([]);
      expect(result.value).toBeCloseTo(priced(c, 0, result.row, prices), 9);
      expect(result.value).toBeCloseTo(reference, 9);
      for (const other of result.others) {
        expect(employeeViolations(model, 0, other.row)).toEqual([]);
        expect(other.value).toBeCloseTo(priced(c, 0, other.row, prices), 9);
        expect(other.value).toBeGreaterThanOrEqual(result.value - 1e-9);
      }
    },
  );

  prop.prop([scenario], { numRuns: 200 })(
    'keeps the optimum with the minutes table split from the run rules, and narrowed by width finds legal rows no cheaper',
    ({ model, prices }) => {
      const c = compile(model);
      // No room for the joint table: the minutes, reach and weekend tables of long horizons take over.
      const pricer = rowPricer(c, 0, { maxStates: 50_000, maxSteps: 1_000_000, completionCells: 0 })!;
      const { best: reference } = bruteForce(c, 0, prices);
      const exact = pricer.price(prices);
      if (!Number.isFinite(reference)) {
        expect(exact).toMatchObject({ found: false, reason: 'none' });
        return;
      }
      if (!exact.found) throw new Error(`no row found: ${exact.reason}`);
      expect(exact.value).toBeCloseTo(reference, 9);
      const narrow = pricer.price(prices, undefined, 1, { width: 2 });
      if (!narrow.found) return; // a narrowed search may run into dead ends; the caller falls back
      expect(employeeViolations(model, 0, narrow.row)).toEqual([]);
      expect(narrow.value).toBeCloseTo(priced(c, 0, narrow.row, prices), 9);
      expect(narrow.value).toBeGreaterThanOrEqual(reference - 1e-9);
    },
  );

  it('leaves weekly rest windows to the MIP', () => {
    const model = rosterModelSchema.parse({
      days: 7,
      shiftTypes: [{ id: 'D', minutes: 480 }],
      timing: { start: Array.from({ length: 7 }, (_, d) => [d * 1440 + 480]) },
      employees: [{ id: 'P', weeklyRest: { windowDays: 7, minMinutes: 2100 } }],
    });
    expect(rowPricer(compile(model), 0)).toBeUndefined();
  });

  it('agrees with the pricing MIP on Curtois 2 at the prices of a first round', async () => {
    const text = readFileSync(new URL('../fixtures/curtois/Instance2.txt', import.meta.url), 'utf8');
    const c = compile(readCurtois(text, 'Instance2.txt'));
    // Prices inside [−over, under] of each cover row, as the master's duals are.
    const prices = c.cover.map((row, r) => (((r * 37) % 11) / 10) * row.underWeight - row.overWeight / 2);
    const off = c.model.employees.map(() => new Array<number>(c.D).fill(OFF));
    for (const e of [0, 5, 13]) {
      const dp = rowPricer(c, e)!.price(prices);
      if (!dp.found) throw new Error(`no row found: ${dp.reason}`);
      const sub = buildMip(c, off, freeMask(c, [e]), { coverPrices: prices });
      const mip = await runHighs(sub.lp, { timeLimitSeconds: 30, seed: 1, subproblem: true });
      expect(mip.status).toBe('optimal');
      expect(dp.value).toBeCloseTo(mip.objective, 6);
    }
  }, 60_000);
});
