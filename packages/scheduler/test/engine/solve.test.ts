import { readFileSync } from 'node:fs';
import { test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { readCurtois } from '../../src/curtois/read.js';
import { compile } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { rosterModelSchema } from '../../src/engine/model.js';
import { solve } from '../../src/engine/solve.js';
import { smallModel } from './arbitraries.js';

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
      // No negative shift cost: every objective term is ≥ 0, and so is any bound reported.
      if (compile(model).cost.every((x) => x >= 0) && Number.isFinite(result.lowerBound))
        expect(result.lowerBound).toBeGreaterThanOrEqual(0);
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

  it('rounds a bound up only where every objective weight is whole', () => {
    const base = {
      days: 2,
      shiftTypes: [{ id: 'D', minutes: 480 }],
      employees: [{ id: 'A' }],
      requests: [{ employee: 'A', day: 0, on: false, weight: 2 }],
      cover: [{ terms: [{ day: 1, type: 'D' }], requirement: 1, underWeight: 10, overWeight: 1 }],
    };
    expect(compile(rosterModelSchema.parse(base)).integral).toBe(true);
    const halfRequest = { ...base, requests: [{ employee: 'A', day: 0, on: false, weight: 2.5 }] };
    expect(compile(rosterModelSchema.parse(halfRequest)).integral).toBe(false);
    expect(compile(rosterModelSchema.parse({ ...base, costByType: { D: 0.25 } })).integral).toBe(false);
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

const fixture = (name: string) => readFileSync(new URL(`../fixtures/curtois/${name}`, import.meta.url), 'utf8');

/** Handover: whoever works a night N must be relieved by someone on the early E of the next day. */
const handover = rosterModelSchema.parse({
  days: 14,
  shiftTypes: [
    { id: 'E', minutes: 480 },
    { id: 'N', minutes: 600, night: true },
  ],
  forbiddenSuccessions: [{ first: 'N', second: 'E' }],
  weekends: [
    [5, 6],
    [12, 13],
  ],
  employees: ['A', 'B', 'C', 'D'].map((id, e) => ({
    id,
    allowedTypes: e < 2 ? ['N'] : ['E'],
    maxConsecutiveShifts: 4,
    minConsecutiveDaysOff: 2,
    workload: [{ fromDay: 0, toDay: 14, maxMinutes: 6000 }],
  })),
  cover: Array.from({ length: 14 }, (_, day) => ({
    terms: [{ day, type: 'N' }],
    requirement: 1,
    underWeight: 100,
    overWeight: 5,
  })),
  links: Array.from({ length: 13 }, (_, day) => ({
    when: [{ day, type: 'N' }],
    need: [{ day: day + 1, type: 'E' }],
  })),
  costByType: { E: 3, N: 4 },
});

describe('links, repair and determinism', () => {
  it('staffs every handover although rows are built one at a time', async () => {
    const result = await solve(handover, {
      timeLimitSeconds: 20,
      seed: 2,
      workLimit: 1.5e6,
      exactMaxColumns: 0,
      startMipMaxColumns: 0,
    });
    expect(evaluate(handover, result.assignment).violations).toEqual([]);
    expect(result.violations).toEqual([]);
    const works = (e: number, d: number) => result.assignment[e]![d]! >= 0;
    for (let d = 0; d < 13; d++) {
      if (works(0, d) || works(1, d)) expect(works(2, d + 1) || works(3, d + 1)).toBe(true);
    }
    // Nights are covered wherever the rules allow: two night workers, runs ≤ 4, 2 days off between.
    expect(result.components.coverUnder).toBeLessThanOrEqual(200);
  });

  it('repairs an initial roster that breaks hard rules instead of discarding it', async () => {
    const model = readCurtois(fixture('Instance1.txt'), 'Instance1.txt');
    const everyone = model.employees.map(() => new Array<number>(model.days).fill(0));
    expect(evaluate(model, everyone).violations.length).toBeGreaterThan(0);
    const result = await solve(model, {
      timeLimitSeconds: 20,
      seed: 1,
      initial: everyone,
      workLimit: 1.5e6,
      exactMaxColumns: 0,
    });
    expect(evaluate(model, result.assignment).violations).toEqual([]);
    expect(Number.isFinite(result.objective)).toBe(true);
  });

  it('gives the same roster for the same seed (Curtois Instance 2, work-bounded)', async () => {
    const model = readCurtois(fixture('Instance2.txt'), 'Instance2.txt');
    const run = () =>
      solve(model, {
        timeLimitSeconds: 60,
        seed: 5,
        workLimit: 1.5e6,
        exactMaxColumns: 0,
        startMipMaxColumns: 0,
        polishMaxColumns: 0,
      });
    const a = await run();
    const b = await run();
    expect(a.stats.stoppedOn).toBe('work');
    expect(b.stats.stoppedOn).toBe('work');
    expect(b.assignment).toEqual(a.assignment);
    expect(b.objective).toBe(a.objective);
    expect(a.stats.moves).toBeGreaterThan(0);
    expect(a.stats.lnsSteps).toBeGreaterThan(0);
  });

  it('ends a moderate model on the full MIP under a node budget, the same way every time', async () => {
    const model = readCurtois(fixture('Instance2.txt'), 'Instance2.txt');
    // Instance 2 has 396 columns: no exact phase at 0, polished at 1,000.
    const run = () =>
      solve(model, { timeLimitSeconds: 60, seed: 3, workLimit: 3e6, exactMaxColumns: 0, polishMaxColumns: 1000 });
    const a = await run();
    const b = await run();
    expect(['work', 'proof']).toContain(a.stats.stoppedOn);
    expect(b.stats.stoppedOn).toBe(a.stats.stoppedOn);
    expect(b.assignment).toEqual(a.assignment);
    expect(a.violations).toEqual([]);
    // The node budget is charged in full, so the run ends on its work budget, not later.
    expect(a.stats.work).toBeLessThanOrEqual(a.stats.workLimit * 1.05);
  });

  it('gives the same roster for the same seed on a model with links', async () => {
    const run = () =>
      solve(handover, {
        timeLimitSeconds: 60,
        seed: 9,
        workLimit: 1e6,
        exactMaxColumns: 0,
        startMipMaxColumns: 0,
        polishMaxColumns: 0,
      });
    const a = await run();
    const b = await run();
    expect(a.stats.stoppedOn).toBe('work');
    expect(b.assignment).toEqual(a.assignment);
    expect(a.violations).toEqual([]);
  });
});
