import { readFileSync } from 'node:fs';
import { createRandom, parseInput } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { constructRoster } from '../../src/construct.js';
import { readCurtois } from '../../src/curtois/read.js';
import { buildDemand } from '../../src/demand.js';
import { compile } from '../../src/engine/compile.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { drawAroundShortRow, type LnsState, lnsStep, weekendMask } from '../../src/engine/lns.js';
import { OFF, type RosterModel, rosterModelSchema } from '../../src/engine/model.js';
import { moveUnits } from '../../src/engine/work.js';
import { buildRosterModel } from '../../src/mapping.js';
import { buildCatalog } from '../../src/options.js';
import { scheduleRequestSchema } from '../../src/request.js';
import { generateScenario } from '../../src/scenario.js';
import { planTypes } from '../../src/stage1.js';

/** A contact-center model: shifts cover 32 quarter hours each, so sub-MIPs are dense. */
function contactCenterModel(): RosterModel {
  const request = parseInput(
    scheduleRequestSchema,
    generateScenario({ agents: 40, days: 14, seed: 2, handoverOverlapMinutes: 15 }),
  );
  const catalog = buildCatalog(request);
  const mapping = buildRosterModel(request, catalog, buildDemand(request), planTypes(request, catalog));
  return parseInput(rosterModelSchema, mapping.model);
}

describe('lnsStep', () => {
  it('redraws a neighbourhood too dense to solve quickly smaller, the same way every time', async () => {
    const model = contactCenterModel();
    const c = compile(model);
    const start = constructRoster(model).assignment;
    const step = async () => {
      // Every cell free: far above the nonzero cap on a 15-minute grid.
      const state: LnsState = { size: c.E * c.D, iterations: 0 };
      const result = await lnsStep(c, start, false, state, createRandom(7), {
        seed: 7,
        timeLimitSeconds: 30,
        linkPenalty: 1e6,
      });
      return { state, result };
    };
    const a = await step();
    const b = await step();
    expect(a.state.size).toBeLessThan(0.25 * c.E * c.D);
    expect(b.state.size).toBe(a.state.size);
    expect(b.result.units).toBe(a.result.units);
    // A step never returns a worse roster than it started from.
    if (a.result.roster) {
      expect(evaluate(model, a.result.roster).objective).toBeLessThanOrEqual(evaluate(model, start).objective + 1e-6);
    }
  });
});

describe('weekendMask', () => {
  // Eight weeks, a weekend on days 7w+5 and 7w+6, ten employees who may work two weekends each.
  const weekends = Array.from({ length: 8 }, (_, w) => [7 * w + 5, 7 * w + 6]);
  const model = parseInput(rosterModelSchema, {
    days: 56,
    shiftTypes: [{ id: 'a', minutes: 480 }],
    weekends,
    employees: Array.from({ length: 10 }, (_, e) => ({ id: `e${e}`, maxWeekends: 2 })),
    cover: Array.from({ length: 56 }, (_, day) => ({
      terms: [{ day, type: 'a' }],
      requirement: 3,
      underWeight: 100,
      overWeight: 1,
    })),
  });
  const c = compile(model);
  const off = Array.from({ length: c.E }, () => new Array<number>(c.D).fill(OFF));
  /** The weekend's days and the day either side, within the horizon. */
  const around = (w: number[]) => [w[0]! - 1, ...w, w[1]! + 1].filter((d) => d < c.D);

  it('frees four whole weekends with the day either side, on the same days in every row it frees', () => {
    const random = createRandom(3);
    for (let draw = 0; draw < 20; draw++) {
      const free = weekendMask(c, off, 32, random);
      const rows = Array.from({ length: c.E }, (_, e) => free.subarray(e * c.D, (e + 1) * c.D).join(''));
      const freed = rows.filter((r) => r.includes('1'));
      expect(new Set(freed).size).toBe(1);
      const days = [...freed[0]!].flatMap((bit, d) => (bit === '1' ? [d] : []));
      const picked = weekends.filter((w) => days.includes(w[0]!));
      expect(picked).toHaveLength(4);
      expect(days).toEqual(picked.flatMap(around));
      // About size / days rows: 32 cells over 15 or 16 days.
      expect(freed).toHaveLength(2);
    }
  });

  it('draws the same neighbourhoods for the same seed', () => {
    const a = createRandom(9);
    const b = createRandom(9);
    for (let draw = 0; draw < 5; draw++) expect(weekendMask(c, off, 60, a)).toEqual(weekendMask(c, off, 60, b));
  });
});

describe('drawAroundShortRow', () => {
  // Two weeks; employees 0–3 may work nights, the others days only; 4,800 minutes (ten day shifts) at most each.
  const model = parseInput(rosterModelSchema, {
    days: 14,
    shiftTypes: [
      { id: 'a', minutes: 480 },
      { id: 'n', minutes: 720 },
    ],
    employees: Array.from({ length: 12 }, (_, e) => ({
      id: `e${e}`,
      allowedTypes: e < 4 ? ['a', 'n'] : ['a'],
      workload: [{ fromDay: 0, toDay: 14, maxMinutes: 10 * 480 }],
    })),
    cover: [
      { terms: [{ day: 0, type: 'a' }], requirement: 8, underWeight: 100, overWeight: 1 },
      { terms: [{ day: 3, type: 'n' }], requirement: 2, underWeight: 100, overWeight: 1 },
    ],
  });
  const c = compile(model);
  // Employees 0–7 work ten day shifts (their maximum), 8–11 five (minutes left): the night of day 3 is short.
  const roster = Array.from({ length: c.E }, (_, e) =>
    Array.from({ length: c.D }, (_, d) => (d < (e < 8 ? 10 : 5) ? 0 : OFF)),
  );
  const able = new Set([0, 1, 2, 3]);
  const roomy = new Set([8, 9, 10, 11]);

  it('draws employees allowed on the short row first, then employees with minutes left', () => {
    const random = createRandom(5);
    for (let draw = 0; draw < 20; draw++) {
      const into = new Set<number>();
      expect(drawAroundShortRow(c, roster, 8, random, into)).toBe(1);
      const drawn = [...into];
      const firstRoomy = drawn.findIndex((e) => !able.has(e));
      expect(firstRoomy).toBeGreaterThan(0);
      expect(firstRoomy).toBeLessThanOrEqual(4);
      expect(drawn.slice(firstRoomy).every((e) => roomy.has(e))).toBe(true);
      expect(into.size).toBeLessThanOrEqual(6);
    }
  });

  it('draws nothing where no row is short, and the same employees for the same seed', () => {
    // Employees 0 and 1 take the nights of day 3 instead of their day shifts of days 3 and 9 (4,560 min).
    const met = roster.map((row, e) => (e < 2 ? row.map((t, d) => (d === 3 ? 1 : d === 9 ? OFF : t)) : row));
    const into = new Set<number>();
    expect(drawAroundShortRow(c, met, 8, createRandom(5), into)).toBe(-1);
    expect(into.size).toBe(0);
    const a = new Set<number>();
    const b = new Set<number>();
    drawAroundShortRow(c, roster, 8, createRandom(11), a);
    drawAroundShortRow(c, roster, 8, createRandom(11), b);
    expect([...a]).toEqual([...b]);
  });
});

describe('moveUnits', () => {
  it('charges a move by the cover rows its cells count in', () => {
    const curtois = readCurtois(
      readFileSync(new URL('../fixtures/curtois/Instance1.txt', import.meta.url), 'utf8'),
      'Instance1.txt',
    );
    // One cover row per cell (day × shift type): 0.6 + 0.07.
    expect(moveUnits(compile(curtois).coverOfCell)).toBeCloseTo(0.67, 10);
    const dense = moveUnits(compile(contactCenterModel()).coverOfCell);
    expect(dense).toBeGreaterThan(2);
    expect(dense).toBeLessThan(4);
  });
});
