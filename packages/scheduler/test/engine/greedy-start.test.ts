import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCurtois } from '../../src/curtois/read.js';
import { compile } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { greedyStart } from '../../src/engine/greedy-start.js';
import { type Assignment, OFF } from '../../src/engine/model.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/curtois/${name}`, import.meta.url), 'utf8');
// Curtois Instance 2 (14 staff, 2 weeks, 2 shift types), proven optimum 828.
const instance2 = readCurtois(fixture('Instance2.txt'), 'Instance2.txt');
const c = compile(instance2);
const offRoster = (): Assignment => Array.from({ length: c.E }, () => new Array<number>(c.D).fill(OFF));
const everyone = Array.from({ length: c.E }, (_, e) => e);
const noLimit = { maxUnits: Number.POSITIVE_INFINITY, stopAt: Number.POSITIVE_INFINITY };

describe('greedyStart', () => {
  it('gives every employee a legal row, and best-response passes only lower the objective', () => {
    const first = greedyStart(c, offRoster(), everyone, { ...noLimit, maxPasses: 0 });
    const passed = greedyStart(c, offRoster(), everyone, noLimit);
    expect(first.unplaced).toEqual([]);
    expect(passed.unplaced).toEqual([]);
    const before = evaluate(instance2, first.roster);
    const after = evaluate(instance2, passed.roster);
    expect(before.violations).toEqual([]);
    expect(after.violations).toEqual([]);
    expect(after.objective).toBeLessThanOrEqual(before.objective);
    expect(after.objective).toBeGreaterThanOrEqual(828);
    expect(passed.work).toBeGreaterThan(first.work);
  });

  it('is repeatable and leaves the rows it was not asked to place as they are', () => {
    const start = offRoster();
    const kept = Array.from({ length: c.D }, (_, d) => (d % 7 < 5 ? 0 : OFF));
    start[3] = kept.slice();
    const todo = everyone.filter((e) => e !== 3);
    const a = greedyStart(c, start, todo, noLimit);
    const b = greedyStart(c, start, todo, noLimit);
    expect(a.roster).toEqual(b.roster);
    expect(a.work).toBe(b.work);
    expect(a.roster[3]).toEqual(kept);
    expect(start[0]).toEqual(new Array<number>(c.D).fill(OFF)); // the caller's roster is not changed
  });

  it('stops its passes at the work budget', () => {
    const first = greedyStart(c, offRoster(), everyone, { ...noLimit, maxPasses: 0 });
    const capped = greedyStart(c, offRoster(), everyone, { ...noLimit, maxUnits: first.work });
    expect(capped.passes).toBe(0);
    expect(capped.roster).toEqual(first.roster);
  });

  it('from a start, runs only the passes: the rows the first placement would have had, then the same passes', () => {
    const first = greedyStart(c, offRoster(), everyone, { ...noLimit, maxPasses: 0 });
    const passed = greedyStart(c, offRoster(), everyone, noLimit);
    const resumed = greedyStart(c, first.roster, everyone, { ...noLimit, fromStart: true });
    expect(resumed.roster).toEqual(passed.roster);
    expect(resumed.passes).toBe(passed.passes);
    expect(resumed.unplaced).toEqual([]);
    // At the end of its passes no row gains: from there a pass changes nothing.
    const again = greedyStart(c, resumed.roster, everyone, { ...noLimit, fromStart: true, maxPasses: 1 });
    expect(again.roster).toEqual(resumed.roster);
  });

  it('from a start, re-chooses only the rows it is given, and never raises the objective', () => {
    const first = greedyStart(c, offRoster(), everyone, { ...noLimit, maxPasses: 0 });
    const some = [0, 5, 9];
    const resumed = greedyStart(c, first.roster, some, { ...noLimit, fromStart: true });
    for (let e = 0; e < c.E; e++) if (!some.includes(e)) expect(resumed.roster[e]).toEqual(first.roster[e]);
    const after = evaluate(instance2, resumed.roster);
    expect(after.violations).toEqual([]);
    expect(after.objective).toBeLessThanOrEqual(evaluate(instance2, first.roster).objective);
  });
});
