import { createRandom, parseInput } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { constructRoster } from '../src/construct.js';
import { buildDemand } from '../src/demand.js';
import { employeeViolations } from '../src/engine/evaluate.js';
import { OFF, type RosterModel, rosterModelSchema } from '../src/engine/model.js';
import { cheapestRow, lagrangianBound, prepare } from '../src/lagrange.js';
import { buildRosterModel } from '../src/mapping.js';
import { buildCatalog } from '../src/options.js';
import { scheduleRequestSchema } from '../src/request.js';
import { generateScenario } from '../src/scenario.js';
import { schedule } from '../src/schedule.js';
import { planShifts, planTypes } from '../src/stage1.js';

const scenario = (timeLimitSeconds = 5) =>
  parseInput(
    scheduleRequestSchema,
    generateScenario({ agents: 12, days: 14, seed: 4, handoverOverlapMinutes: 15, timeLimitSeconds }),
  );

async function boundInputs() {
  const request = scenario();
  const catalog = buildCatalog(request);
  const demand = buildDemand(request);
  const types = planTypes(request, catalog);
  const stage1 = await planShifts(request, catalog, demand, types);
  const mapping = buildRosterModel(request, catalog, demand, types);
  const model = parseInput(rosterModelSchema, mapping.model);
  return { request, stage1, mapping, model };
}

const rowSum = (model: RosterModel, rc: Float64Array, row: number[]) =>
  row.reduce((s, t, d) => (t === OFF ? s : s + rc[d * model.shiftTypes.length + t]!), 0);

// The rules the pricing DP keeps exactly; the others are checked by its callers.
const DP_RULES = new Set([
  'allowedTypes',
  'minMinutes',
  'maxMinutes',
  'maxShifts',
  'minConsecutiveDaysOff',
  'unavailable',
]);

describe('pricing DP', () => {
  it('keeps the rules it models and is no worse than any legal row of a constructed roster', async () => {
    const { model } = await boundInputs();
    const p = prepare(model)!;
    expect(p).toBeDefined();
    const roster = constructRoster(model).assignment;
    const rnd = createRandom(7);
    for (let trial = 0; trial < 3; trial++) {
      const rc = Float64Array.from({ length: model.days * model.shiftTypes.length }, () => rnd.next() * 200 - 150);
      model.employees.forEach((_, e) => {
        const row = cheapestRow(p, e, rc)!;
        expect(row).toBeDefined();
        const broken = employeeViolations(model, e, row).filter((v) => DP_RULES.has(v.rule));
        expect(broken).toEqual([]);
        expect(rowSum(model, rc, row)).toBeLessThanOrEqual(rowSum(model, rc, roster[e]!) + 1e-6);
      });
    }
  });
});

describe('Lagrangian bound', () => {
  it('stays below the roster schedule() returns at any prices, and subgradient steps raise it', async () => {
    const { request, stage1, mapping, model } = await boundInputs();
    const result = await schedule(request);
    expect(result.objective).not.toBeNull();
    const objective = result.objective!;
    // Validity does not depend on the prices: none, every row at its under-cover weight, and the steps.
    for (const prices of [model.cover.map(() => 0), model.cover.map((row) => row.underWeight)]) {
      const lagrange = lagrangianBound(model, prices, { iterations: 15, target: objective });
      expect(lagrange.first + mapping.uncoverablePenalty).toBeLessThanOrEqual(objective + 1e-6);
      expect(lagrange.bound).toBeGreaterThanOrEqual(lagrange.first);
      expect(lagrange.bound + mapping.uncoverablePenalty).toBeLessThanOrEqual(objective + 1e-6);
    }
    const fromZero = lagrangianBound(
      model,
      model.cover.map(() => 0),
      { iterations: 15, target: objective },
    );
    expect(fromZero.bound).toBeGreaterThan(fromZero.first);
    expect(stage1.lowerBound).toBeLessThanOrEqual(objective + 1e-6);
  });
});
