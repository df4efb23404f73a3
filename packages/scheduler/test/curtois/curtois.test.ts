import { readFileSync } from 'node:fs';
import { InputError } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { readCurtois } from '../../src/curtois/read.js';
import { rosterToTsv } from '../../src/curtois/write.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { solve } from '../../src/engine/solve.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/curtois/${name}`, import.meta.url), 'utf8');
const instance1 = readCurtois(fixture('Instance1.txt'), 'Instance1.txt');
const instance2 = readCurtois(fixture('Instance2.txt'), 'Instance2.txt');

describe('readCurtois', () => {
  it('maps every section of Instance 1 (sizes as in the benchmark table)', () => {
    expect(instance1.days).toBe(14);
    expect(instance1.shiftTypes).toEqual([{ id: 'D', minutes: 480 }]);
    expect(instance1.employees).toHaveLength(8);
    expect(instance1.employees.flatMap((e) => e.fixedDaysOff ?? [])).toHaveLength(8);
    expect(instance1.requests.filter((r) => r.on)).toHaveLength(21);
    expect(instance1.requests.filter((r) => !r.on)).toHaveLength(5);
    expect(instance1.cover).toHaveLength(14);
    expect(instance1.weekends).toEqual([
      [5, 6],
      [12, 13],
    ]);
    expect(instance1.employees[0]).toMatchObject({
      id: 'A',
      maxShiftsPerType: { D: 14 },
      workload: [{ fromDay: 0, toDay: 14, maxMinutes: 4320, minMinutes: 3360 }],
      maxConsecutiveShifts: 5,
      minConsecutiveShifts: 2,
      minConsecutiveDaysOff: 2,
      maxWeekends: 1,
    });
    // Instance 2: "L,480,E" — E may not follow L.
    expect(instance2.forbiddenSuccessions).toEqual([{ first: 'L', second: 'E' }]);
  });

  it('names the line of a malformed row', () => {
    const bad = fixture('Instance1.txt').replace('A,D=14,4320,3360,5,2,2,1', 'A,D=14,4320,x,5,2,2,1');
    expect(() => readCurtois(bad, 'bad.txt')).toThrow(InputError);
    expect(() => readCurtois(bad, 'bad.txt')).toThrow(/bad\.txt: line \d+: MinTotalMinutes must be an integer/);
  });
});

describe('evaluator on the benchmark objective', () => {
  it('agrees with components checked by hand on Instance 1', () => {
    const off = instance1.employees.map(() => new Array<number>(14).fill(-1));
    const none = evaluate(instance1, off);
    // Cover requirements sum to 71, each short at weight 100; the 21 on-requests weigh 37 in all.
    expect(none.components).toEqual({ coverUnder: 7100, coverOver: 0, requests: 37, cost: 0, fairness: 0 });
    expect(none.violations.map((v) => v.rule)).toEqual(new Array(8).fill('minMinutes'));
    const everyone = instance1.employees.map(() => new Array<number>(14).fill(0));
    const all = evaluate(instance1, everyone);
    // 8 on duty every day: 112 − 71 = 41 over at weight 1; the 5 off-requests weigh 11.
    expect(all.components).toEqual({ coverUnder: 0, coverOver: 41, requests: 11, cost: 0, fairness: 0 });
  });
});

describe('solving the benchmark', () => {
  it('reaches the proven optimum 607 of Instance 1', async () => {
    const result = await solve(instance1, { timeLimitSeconds: 20, seed: 1 });
    expect(result.objective).toBe(607);
    expect(result.status).toBe('optimal');
    expect(evaluate(instance1, result.assignment)).toMatchObject({ objective: 607, violations: [] });
    const tsv = rosterToTsv(instance1, result.assignment).split('\n').slice(0, -1);
    expect(tsv[0]!.split('\t')).toEqual(['employee', ...Array.from({ length: 14 }, (_, d) => String(d))]);
    expect(tsv).toHaveLength(9);
    for (const [e, line] of tsv.slice(1).entries()) {
      const cells = line.split('\t');
      expect(cells[0]).toBe(instance1.employees[e]!.id);
      expect(cells.slice(1).map((c) => (c === '' ? -1 : 0))).toEqual(result.assignment[e]);
    }
  });

  it('reaches the proven optimum 828 of Instance 2 and proves it (whole weights round the bound up)', async () => {
    const result = await solve(instance2, { timeLimitSeconds: 45, seed: 1 });
    expect(result.objective).toBe(828);
    expect(evaluate(instance2, result.assignment).violations).toEqual([]);
    expect(result).toMatchObject({ status: 'optimal', lowerBound: 828, gap: 0 });
    expect(result.stats.stoppedOn).toBe('proof');
  });
});
