import { createRandom } from '@allhours/core';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compile.js';
import { employeeViolations, evaluate } from '../../src/engine/evaluate.js';
import { localSearch } from '../../src/engine/localsearch.js';
import { type Assignment, OFF, rosterModelSchema } from '../../src/engine/model.js';
import { RowRules } from '../../src/engine/rowrules.js';
import { smallModel } from './arbitraries.js';

// Per-cell permissions are compiled into `allowed`, not checked by RowRules.
const cellRules = new Set(['allowedTypes', 'unavailable', 'fixedDaysOff']);
const judgeOk = (model: ReturnType<typeof rosterModelSchema.parse>, e: number, row: number[]) =>
  employeeViolations(model, e, row).filter((v) => !cellRules.has(v.rule)).length === 0;

const rows = (days: number, employees: number, types: number) =>
  fc.array(fc.array(fc.integer({ min: -1, max: types - 1 }), { minLength: days, maxLength: days }), {
    minLength: employees,
    maxLength: employees,
  });

describe('RowRules (incremental employee rules)', () => {
  prop.prop([smallModel.chain((m) => fc.tuple(fc.constant(m), rows(14, m.employees.length, m.shiftTypes.length)))], {
    numRuns: 60,
  })('the whole-row check agrees with the evaluator', ([input, roster]) => {
    const model = rosterModelSchema.parse(input);
    const rules = new RowRules(compile(model), roster);
    model.employees.forEach((_, e) => {
      expect(rules.rowOkFull(e)).toBe(judgeOk(model, e, roster[e]!));
    });
  });

  prop.prop([smallModel.chain((m) => fc.tuple(fc.constant(m), rows(14, m.employees.length, m.shiftTypes.length)))], {
    numRuns: 60,
  })('the rule excess is zero exactly on rows that hold every rule, positive otherwise', ([input, roster]) => {
    const model = rosterModelSchema.parse(input);
    const rules = new RowRules(compile(model), roster);
    model.employees.forEach((_, e) => {
      const excess = rules.rowExcess(e);
      expect(excess).toBeGreaterThanOrEqual(0);
      expect(excess === 0).toBe(rules.rowOkFull(e));
    });
  });

  prop.prop([smallModel, fc.integer({ min: 1, max: 1000 })], { numRuns: 60 })(
    'after a block change of a valid row, the windowed check agrees with the evaluator',
    (input, seed) => {
      const model = rosterModelSchema.parse(input);
      const c = compile(model);
      const random = createRandom(seed);
      // Valid rows to start from: what local search keeps (it only moves between valid rows).
      const start: Assignment = model.employees.map(() => new Array<number>(model.days).fill(-1));
      const rules = new RowRules(c, start);
      for (let trial = 0; trial < 200; trial++) {
        const e = random.int(c.E);
        const lo = random.int(c.D);
        const hi = Math.min(c.D - 1, lo + random.int(4));
        const before = Array.from(rules.x.subarray(e * c.D, (e + 1) * c.D));
        if (!judgeOk(model, e, before)) continue;
        for (let d = lo; d <= hi; d++) rules.set(e, d, random.int(c.T + 1) - 1);
        const after = Array.from(rules.x.subarray(e * c.D, (e + 1) * c.D));
        const ok = rules.rowOk(e, lo, hi);
        expect(ok).toBe(judgeOk(model, e, after));
        if (!ok) for (let d = lo; d <= hi; d++) rules.set(e, d, before[d]!);
      }
    },
  );
});

describe('localSearch', () => {
  prop.prop(
    [smallModel, fc.integer({ min: 1, max: 1000 }), fc.option(fc.double({ min: 0.1, max: 100, noNaN: true }))],
    {
      numRuns: 40,
    },
  )(
    'keeps every employee rule and rotation (penalty mode included), never breaks more links, and reports the true objective change',
    (input, seed, penalty) => {
      const model = rosterModelSchema.parse(input);
      const c = compile(model);
      const start: Assignment = model.employees.map(() => new Array<number>(model.days).fill(-1));
      const before = evaluate(model, start);
      const ls = localSearch(c, start, createRandom(seed), {
        moves: 5000,
        stopAt: Number.POSITIVE_INFINITY,
        ...(penalty === null ? {} : { penalty }),
      });
      const after = evaluate(model, ls.best);
      const rulesOf = (ev: typeof after) => ev.violations.filter((v) => v.rule !== 'link');
      // Only rules the all-off start already broke (e.g. minimum minutes) may remain, per employee.
      const brokenBefore = new Set(rulesOf(before).map((v) => `${v.rule}/${v.employee}`));
      for (const v of rulesOf(after)) expect(brokenBefore.has(`${v.rule}/${v.employee}`)).toBe(true);
      const links = (ev: typeof after) => ev.violations.filter((v) => v.rule === 'link').length;
      expect(links(after)).toBe(ls.brokenLinks);
      expect(links(after)).toBeLessThanOrEqual(links(before));
      if (links(after) === links(before)) expect(after.objective - before.objective).toBeCloseTo(ls.delta, 6);
    },
  );
});

describe('localSearch paired swaps', () => {
  // Two employees who must work exactly 4 shifts of 8 days, one on duty each day; P0 is off on days 4–6 and
  // P1 on days 1–3 (fixed), so the middle days cannot change hands. P0 asks for day 0 off and P1 for day 7:
  // the only better roster swaps days 0 and 7 between them. A single-row move or the swap of one block
  // changes a shift count or leaves a day uncovered; only the paired swap keeps both.
  const model = rosterModelSchema.parse({
    days: 8,
    shiftTypes: [{ id: 'D', minutes: 480 }],
    employees: ['P0', 'P1'].map((id, e) => ({
      id,
      workload: [{ fromDay: 0, toDay: 8, minMinutes: 4 * 480, maxMinutes: 4 * 480 }],
      fixedDaysOff: e === 0 ? [4, 5, 6] : [1, 2, 3],
    })),
    requests: [
      { employee: 'P0', day: 0, type: 'D', on: false, weight: 3 },
      { employee: 'P1', day: 7, type: 'D', on: false, weight: 3 },
    ],
    cover: Array.from({ length: 8 }, (_, day) => ({
      terms: [{ day, type: 'D' }],
      requirement: 1,
      underWeight: 100,
      overWeight: 100,
    })),
  });
  const start: Assignment = [
    [0, 0, 0, 0, OFF, OFF, OFF, OFF],
    [OFF, OFF, OFF, OFF, 0, 0, 0, 0],
  ];

  it('swaps two blocks between two rows so that each keeps its shift count', () => {
    expect(evaluate(model, start).objective).toBe(6);
    const ls = localSearch(compile(model), start, createRandom(1), { moves: 20_000, stopAt: Number.POSITIVE_INFINITY });
    const after = evaluate(model, ls.best);
    expect(after.violations).toEqual([]);
    expect(after.objective).toBe(0);
    expect(ls.delta).toBe(-6);
    expect(ls.best[0]![0]).toBe(OFF);
    expect(ls.best[1]![7]).toBe(OFF);
  });
});
