import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCurtois } from '../../src/curtois/read.js';
import { columnGeneration, columnGenerationApplies } from '../../src/engine/colgen.js';
import { compile } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { type Assignment, OFF } from '../../src/engine/model.js';
import { rowCost } from '../../src/engine/row-cost.js';
import { solve } from '../../src/engine/solve.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/curtois/${name}`, import.meta.url), 'utf8');
// Curtois Instance 2 (14 staff, 2 weeks, 2 shift types), proven optimum 828.
const instance2 = readCurtois(fixture('Instance2.txt'), 'Instance2.txt');

describe('columnGeneration', () => {
  it('applies where rows meet only in cover rows', () => {
    const c = compile(instance2);
    expect(columnGenerationApplies(c)).toBe(true);
    const linked = compile({ ...instance2, links: [{ when: [{ day: 0, type: 'E' }], need: [{ day: 0, type: 'L' }] }] });
    expect(columnGenerationApplies(linked)).toBe(false);
  });

  it("prices a row as the evaluator counts the employee's own part (cost, requests)", () => {
    const c = compile(instance2);
    const row = Array.from({ length: c.D }, (_, d) => (d % 3 === 0 ? OFF : d % 2));
    const alone: Assignment = Array.from({ length: c.E }, (_, e) => (e === 4 ? row : new Array(c.D).fill(OFF)));
    const none: Assignment = Array.from({ length: c.E }, () => new Array(c.D).fill(OFF));
    const withRow = evaluate(instance2, alone).components;
    const without = evaluate(instance2, none).components;
    // Both rosters differ only in employee 4's row: so do the two evaluations.
    const off = new Array(c.D).fill(OFF);
    const missedOn = c.requests[4]!.filter((r) => r.on).reduce((sum, r) => sum + r.weight, 0);
    expect(rowCost(c, 4, off)).toBe(missedOn);
    expect(rowCost(c, 4, row) - rowCost(c, 4, off)).toBeCloseTo(
      withRow.requests + withRow.cost + withRow.fairness - (without.requests + without.cost + without.fairness),
      9,
    );
  });

  it('bounds Curtois 2 from below by at most its optimum and returns a legal roster at or above the bound', async () => {
    const c = compile(instance2);
    const start = await solve(instance2, { timeLimitSeconds: 10, seed: 1, exactMaxColumns: 0, columnGeneration: 0 });
    const run = await columnGeneration(c, start.assignment, {
      seed: 1,
      priceUnits: 20e6,
      diveUnits: 5e6,
      diveSeconds: 10,
      masterUnits: 2e6,
      priceUntil: Date.now() + 40_000,
      masterSeconds: 10,
    });
    expect(run.rounds).toBeGreaterThan(0);
    expect(run.bound).toBeLessThanOrEqual(828 + 1e-6);
    // Valid and useful: above the compact MIP's LP bound is what it is for.
    expect(run.bound).toBeGreaterThan(800);
    const ev = evaluate(instance2, run.roster!);
    expect(ev.violations).toEqual([]);
    expect(ev.objective).toBeGreaterThanOrEqual(run.bound - 1e-6);
    expect(ev.objective).toBeLessThanOrEqual(start.objective);
  }, 60_000);
});
