/** Arbitraries shared by the engine tests. */
import { fc } from '@fast-check/vitest';
import type { RosterModelInput } from '../../src/engine/model.js';

/** Random small models with every rule family; the all-off roster keeps every hard rule, so one exists. */
export const smallModel = fc
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
