import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { type RosterModelInput, rosterModelSchema } from '../../src/engine/model.js';
import { solve } from '../../src/engine/solve.js';

/** Random small models with every rule family; the all-off roster keeps every hard rule, so one exists. */
const smallModel = fc
  .record({
    employees: fc.integer({ min: 2, max: 4 }),
    types: fc.integer({ min: 1, max: 3 }),
    maxRun: fc.integer({ min: 2, max: 5 }),
    minRun: fc.integer({ min: 1, max: 2 }),
    minOff: fc.integer({ min: 1, max: 2 }),
    maxWeekends: fc.integer({ min: 0, max: 1 }),
    maxMinutes: fc.integer({ min: 1000, max: 4000 }),
    cover: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 21, maxLength: 21 }),
    requests: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 13 }), fc.nat(), fc.boolean()), { maxLength: 6 }),
    daysOff: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 13 })), { maxLength: 4 }),
    forbid: fc.boolean(),
    weeklyRest: fc.boolean(),
    cyclic: fc.boolean(),
    link: fc.boolean(),
  })
  .map((r): RosterModelInput => {
    const days = 14;
    const ids = Array.from({ length: r.employees }, (_, i) => `P${i}`);
    const types = ['E', 'D', 'N'].slice(0, r.types);
    return {
      days,
      shiftTypes: types.map((id, t) => ({ id, minutes: 420 + 60 * t, ...(id === 'N' ? { night: true } : {}) })),
      timing: { start: Array.from({ length: days }, (_, d) => types.map((_, t) => d * 1440 + 360 + 480 * t)) },
      forbiddenSuccessions: r.forbid && r.types > 1 ? [{ first: types[r.types - 1]!, second: 'E' }] : [],
      weekends: [
        [5, 6],
        [12, 13],
      ],
      employees: ids.map((id, e) => ({
        id,
        workload: [{ fromDay: 0, toDay: days, maxMinutes: r.maxMinutes }],
        maxConsecutiveShifts: r.maxRun,
        minConsecutiveShifts: r.minRun,
        minConsecutiveDaysOff: r.minOff,
        maxWeekends: r.maxWeekends,
        maxNights: [{ windowDays: 7, max: 2 }],
        ...(r.weeklyRest ? { weeklyRest: { windowDays: 7, minMinutes: 35 * 60 } } : {}),
        fixedDaysOff: r.daysOff.filter(([p]) => p % r.employees === e).map(([, d]) => d),
      })),
      requests: r.requests.map(([p, day, t, on]) => ({
        employee: ids[p % r.employees]!,
        day,
        type: types[t % r.types]!,
        on,
        weight: 1 + (t % 3),
      })),
      cover: r.cover.map((requirement, i) => ({
        terms: [{ day: i % days, type: types[i % r.types]! }],
        requirement,
        underWeight: 100,
        overWeight: 1,
      })),
      costByType: { E: 1 },
      fairness: [{ kind: 'weekend', target: 2, weight: 3 }],
      ...(r.cyclic && r.employees >= 2 ? { cyclicGroups: [{ employees: ids.slice(0, 2), weeks: 2 }] } : {}),
      ...(r.link ? { links: [{ when: [{ day: 3, type: 'E' }], need: [{ day: 4, type: 'E' }] }] } : {}),
    };
  });

describe('solve', () => {
  prop.prop([smallModel], { numRuns: 8 })(
    'returns a roster with no hard violation per the evaluator',
    async (input) => {
      const model = rosterModelSchema.parse(input);
      const result = await solve(model, { timeLimitSeconds: 2, seed: 3 });
      const judged = evaluate(model, result.assignment);
      expect(judged.violations).toEqual([]);
      expect(result.violations).toEqual([]);
      expect(result.objective).toBeCloseTo(judged.objective, 6);
      expect(result.lowerBound).toBeLessThanOrEqual(result.objective + 1e-6);
    },
  );

  it('proves a tiny model optimal and agrees with a brute-force optimum', async () => {
    // Two employees, one type, four days: 16 × 16 rosters, small enough to enumerate.
    const model = rosterModelSchema.parse({
      days: 4,
      shiftTypes: [{ id: 'D', minutes: 480 }],
      employees: [
        { id: 'A', maxConsecutiveShifts: 2, workload: [{ fromDay: 0, toDay: 4, minMinutes: 960 }] },
        { id: 'B', minConsecutiveDaysOff: 2, fixedDaysOff: [1] },
      ],
      requests: [
        { employee: 'A', day: 2, on: false, weight: 3 },
        { employee: 'B', day: 3, type: 'D', on: true, weight: 2 },
      ],
      cover: [0, 1, 2, 3].map((day) => ({
        terms: [{ day, type: 'D' }],
        requirement: day === 1 ? 2 : 1,
        underWeight: 10,
        overWeight: 1,
      })),
    });
    let best = Number.POSITIVE_INFINITY;
    for (let a = 0; a < 16; a++) {
      for (let b = 0; b < 16; b++) {
        const row = (bits: number) => [0, 1, 2, 3].map((d) => ((bits >> d) & 1 ? 0 : -1));
        const ev = evaluate(model, [row(a), row(b)]);
        if (ev.violations.length === 0) best = Math.min(best, ev.objective);
      }
    }
    const result = await solve(model, { timeLimitSeconds: 5, backend: 'mip' });
    expect(result.status).toBe('optimal');
    expect(result.objective).toBe(best);
    expect(result.gap).toBe(0);
  });

  it('reports infeasible when no roster keeps the hard rules', async () => {
    const model = rosterModelSchema.parse({
      days: 3,
      shiftTypes: [{ id: 'D', minutes: 480 }],
      employees: [{ id: 'A', fixedDaysOff: [0, 1, 2], workload: [{ fromDay: 0, toDay: 3, minMinutes: 480 }] }],
    });
    const result = await solve(model, { timeLimitSeconds: 2, backend: 'mip' });
    expect(result.status).toBe('infeasible');
    expect(result.violations.map((v) => v.rule)).toEqual(['minMinutes']);
  });
});
