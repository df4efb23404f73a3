import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/engine/evaluate.js';
import { type Assignment, type RosterModelInput, rosterModelSchema } from '../../src/engine/model.js';

const E = 0;
const N = 1;
const OFF = -1;

// Four days, an early and a night type, two employees; every rule family appears once.
const small: RosterModelInput = {
  days: 4,
  shiftTypes: [
    { id: 'E', minutes: 480 },
    { id: 'N', minutes: 600, night: true },
  ],
  forbiddenSuccessions: [{ first: 'N', second: 'E' }],
  weekends: [[2, 3]],
  employees: [
    {
      id: 'A',
      maxShiftsPerType: { N: 1 },
      workload: [{ fromDay: 0, toDay: 4, minMinutes: 960, maxMinutes: 1600 }],
      maxConsecutiveShifts: 2,
      maxWeekends: 0,
    },
    { id: 'B', minConsecutiveShifts: 2, fixedDaysOff: [3] },
  ],
  requests: [
    { employee: 'A', day: 0, type: 'E', on: true, weight: 2 },
    { employee: 'B', day: 1, on: false, weight: 3 },
  ],
  cover: [
    { terms: [{ day: 0, type: 'E' }], requirement: 2, underWeight: 100, overWeight: 1 },
    { terms: [{ day: 1, type: 'N' }], requirement: 1, underWeight: 100, overWeight: 1 },
    { terms: [{ day: 2, type: 'E' }], requirement: 0, underWeight: 100, overWeight: 7 },
  ],
  costByType: { N: 10 },
  fairness: [{ kind: 'night', target: 0, weight: 5 }],
};

describe('evaluate', () => {
  const model = rosterModelSchema.parse(small);

  it('computes each objective component as checked by hand', () => {
    const roster: Assignment = [
      [N, E, E, OFF],
      [E, N, OFF, E],
    ];
    const { objective, components } = evaluate(model, roster);
    // cover: day 0 E has 1 of 2 → 100; day 1 N has 1 of 1 → 0; day 2 E has 1 over 0 → 7.
    // requests: A wanted E on day 0 (works N) → 2; B wanted day 1 off (works) → 3.
    // cost: two N shifts at 10. fairness: each employee has one night above target 0 → 2 × 5.
    expect(components).toEqual({ coverUnder: 100, coverOver: 7, requests: 5, cost: 20, fairness: 10 });
    expect(objective).toBe(142);
  });

  it('lists every broken hard rule with the employee', () => {
    const roster: Assignment = [
      [N, E, E, OFF],
      [E, N, OFF, E],
    ];
    const rules = evaluate(model, roster).violations.map((v) => `${v.employee}:${v.rule}`);
    // A: N→E on days 0→1, three shifts in a row (max 2), works a weekend (max 0). B: works fixed day off 3.
    // B's runs (0–1 and 3) touch the horizon ends, so the minimum run rule exempts them.
    expect(rules.sort()).toEqual(
      ['A:forbiddenSuccession', 'A:maxConsecutiveShifts', 'A:maxWeekends', 'B:fixedDaysOff'].sort(),
    );
  });

  it('flags minimum rules only inside the horizon, and min/max minutes', () => {
    const roster: Assignment = [
      [E, OFF, OFF, OFF], // 480 min < 960
      [OFF, E, OFF, OFF], // a one-shift run strictly inside the horizon
    ];
    const rules = evaluate(model, roster).violations.map((v) => `${v.employee}:${v.rule}`);
    expect(rules.sort()).toEqual(['A:minMinutes', 'B:minConsecutiveShifts']);
  });

  it('accepts a roster that keeps every rule', () => {
    const roster: Assignment = [
      [E, E, OFF, OFF],
      [E, N, OFF, OFF],
    ];
    const ev = evaluate(model, roster);
    expect(ev.violations).toEqual([]);
    // cover day 0 met, day 1 met; requests: A's E on day 0 met, B works day 1 → 3; one N: cost 10, fairness 5.
    expect(ev.objective).toBe(18);
  });

  it('measures weekly rest on real shift times, links and cyclic rotations', () => {
    const timed = rosterModelSchema.parse({
      days: 3,
      shiftTypes: [
        { id: 'E', minutes: 480 },
        { id: 'L', minutes: 480 },
      ],
      // E 06:00–14:00, L 14:00–22:00 every day.
      timing: { start: [0, 1, 2].map((d) => [d * 1440 + 360, d * 1440 + 840]) },
      employees: [{ id: 'A', weeklyRest: { windowDays: 3, minMinutes: 2000 } }],
      links: [{ when: [{ day: 0, type: 'L' }], need: [{ day: 1, type: 'E' }] }],
    });
    // E day 0 (ends 14:00), off day 1, L day 2 (starts 14:00 of day 2): 48 h of rest.
    expect(evaluate(timed, [[0, OFF, 1]]).violations).toEqual([]);
    // L, E, L: the longest free span is 24 h (day 1 14:00 → day 2 14:00) < 2000 min; the link holds.
    const rules = evaluate(timed, [[1, 0, 1]]).violations.map((v) => v.rule);
    expect(rules).toEqual(['weeklyRest']);
    // A late shift on day 0 with nobody on the early shift of day 1 breaks the handover link.
    expect(evaluate(timed, [[1, OFF, OFF]]).violations.map((v) => v.rule)).toEqual(['link']);

    const cyclic = rosterModelSchema.parse({
      days: 14,
      shiftTypes: [{ id: 'D', minutes: 480 }],
      employees: [{ id: 'P' }, { id: 'Q' }],
      cyclicGroups: [{ employees: ['P', 'Q'], weeks: 2 }],
    });
    const week1 = [0, 0, 0, 0, 0, OFF, OFF];
    const week2 = [OFF, OFF, 0, 0, 0, 0, 0];
    expect(
      evaluate(cyclic, [
        [...week1, ...week2],
        [...week2, ...week1],
      ]).violations,
    ).toEqual([]);
    expect(
      evaluate(cyclic, [
        [...week1, ...week2],
        [...week1, ...week2],
      ]).violations.length,
    ).toBeGreaterThan(0);
  });

  it('rejects a roster of the wrong shape instead of scoring it', () => {
    const ev = evaluate(model, [[E, E, OFF]]);
    expect(ev.violations[0]!.rule).toBe('shape');
    expect(ev.objective).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('rosterModelSchema', () => {
  it('names the field of a dangling reference', () => {
    const bad = rosterModelSchema.safeParse({
      days: 3,
      shiftTypes: [{ id: 'E', minutes: 480 }],
      employees: [{ id: 'A', allowedTypes: ['X'] }],
      requests: [{ employee: 'B', day: 5, on: true, weight: 1 }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(['employees.0.allowedTypes.0', 'requests.0.employee', 'requests.0.day']);
  });
});
