import { describe, expect, it } from 'vitest';
import { evaluate, OFF, rosterModelSchema, rowCheck } from '../src/engine/index.js';
import { repairLinks } from '../src/link-repair.js';

/**
 * A late L on any day must be met by an early E that day. B is the only early worker and at its weekly
 * maximum (two shifts, Monday and Tuesday); A's late on Saturday is its weekly minimum. The link can only
 * be mended by a shift moved across four or more days: B's Tuesday to Saturday, or A's Saturday to Tuesday.
 */
const model = rosterModelSchema.parse({
  days: 7,
  shiftTypes: [
    { id: 'E', minutes: 480 },
    { id: 'L', minutes: 480 },
  ],
  weekends: [[5, 6]],
  employees: [
    { id: 'A', allowedTypes: ['L'], workload: [{ fromDay: 0, toDay: 7, minMinutes: 480, maxShifts: 1 }] },
    { id: 'B', allowedTypes: ['E'], workload: [{ fromDay: 0, toDay: 7, minMinutes: 960, maxShifts: 2 }] },
  ],
  cover: [],
  links: Array.from({ length: 7 }, (_, day) => ({ when: [{ day, type: 'L' }], need: [{ day, type: 'E' }] })),
});

describe('repairLinks', () => {
  it('moves a shift across the week to mend a link when no single-day edit keeps the rules', () => {
    const E = 0;
    const L = 1;
    const assignment = [
      [OFF, OFF, OFF, OFF, OFF, L, OFF],
      [E, E, OFF, OFF, OFF, OFF, OFF],
    ];
    expect(evaluate(model, assignment).violations.map((v) => v.rule)).toEqual(['link']);
    const left = repairLinks(model, rowCheck(model), assignment, {
      movable: new Set([0, 1]),
      value: () => 0,
      change: () => {},
    });
    expect(left).toBe(0);
    expect(evaluate(model, assignment).violations).toEqual([]);
  });
});
