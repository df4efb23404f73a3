import { parseInput } from '@allhours/core';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { constructRoster } from '../src/construct.js';
import { buildDemand } from '../src/demand.js';
import { employeeViolations, evaluate } from '../src/engine/evaluate.js';
import { rowCheck } from '../src/engine/index.js';
import { OFF, type RosterModel, rosterModelSchema } from '../src/engine/model.js';
import { buildRosterModel } from '../src/mapping.js';
import { buildCatalog } from '../src/options.js';
import { type ScheduleRequestInput, scheduleRequestSchema } from '../src/request.js';
import { generateScenario } from '../src/scenario.js';
import { planTypes } from '../src/stage1.js';

function modelOf(input: ScheduleRequestInput): RosterModel {
  const request = parseInput(scheduleRequestSchema, input);
  const catalog = buildCatalog(request);
  const demand = buildDemand(request);
  const mapping = buildRosterModel(request, catalog, demand, planTypes(request, catalog));
  return parseInput(rosterModelSchema, mapping.model);
}

const offRoster = (model: RosterModel) => model.employees.map(() => new Array<number>(model.days).fill(OFF));

describe('constructRoster', () => {
  it('three sites across the US DST change with 15-min handover: every hard rule and link holds', () => {
    const model = modelOf(generateScenario({ agents: 30, days: 14, seed: 3, handoverOverlapMinutes: 15 }));
    expect(model.links?.length ?? 0).toBeGreaterThan(100);
    const result = constructRoster(model);
    expect(result.unplaced).toEqual([]);
    expect(result.brokenLinks).toBe(0);
    const ev = evaluate(model, result.assignment);
    expect(ev.violations).toEqual([]);
    // It covers most of the demand an empty roster leaves open.
    const empty = evaluate(model, offRoster(model));
    expect(ev.components.coverUnder).toBeLessThan(0.2 * empty.components.coverUnder);
  });

  it('a cyclic 4-week rotation: members repeat the leader a week apart, every rule holds', () => {
    const input = generateScenario({ agents: 16, days: 28, seed: 5, handoverOverlapMinutes: 0 });
    input.rotation = { mode: 'cyclic', weeks: 4 };
    const model = modelOf(input);
    expect(model.cyclicGroups!.some((g) => g.employees.length === 4)).toBe(true);
    const result = constructRoster(model);
    expect(result.unplaced).toEqual([]);
    expect(evaluate(model, result.assignment).violations).toEqual([]);
  });

  it('is deterministic', () => {
    const model = modelOf(generateScenario({ agents: 12, days: 7, seed: 9 }));
    expect(constructRoster(model).assignment).toEqual(constructRoster(model).assignment);
  });
});

const scenarios = fc.record({
  agents: fc.integer({ min: 3, max: 10 }),
  days: fc.constantFrom(7, 14),
  seed: fc.integer({ min: 1, max: 10_000 }),
  handoverOverlapMinutes: fc.constantFrom(0, 15, 30),
  intervalMinutes: fc.constantFrom(30 as const),
  load: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
  start: fc.constantFrom('2026-03-02T00:00:00Z', '2026-03-23T00:00:00Z', '2026-10-19T00:00:00Z'),
});

describe('constructRoster on random scenarios', () => {
  prop.prop([scenarios], { numRuns: 10, seed: 11 })(
    'the judge finds no broken rule but on the agents it reports unplaced and the links it reports open',
    (options) => {
      const model = modelOf(generateScenario(options));
      const result = constructRoster(model, { passes: 1 });
      const ev = evaluate(model, result.assignment);
      const unplaced = new Set(result.unplaced);
      const links = ev.violations.filter((v) => v.rule === 'link');
      expect(links.length).toBe(result.brokenLinks);
      expect(ev.violations.filter((v) => v.rule !== 'link' && !unplaced.has(v.employee ?? ''))).toEqual([]);
    },
  );

  prop.prop([scenarios, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 })], {
    numRuns: 8,
    seed: 12,
  })('the fast row check agrees with the judge on rows near legal ones', (options, edits) => {
    const model = modelOf(generateScenario(options));
    const rules = rowCheck(model);
    const { assignment } = constructRoster(model, { passes: 0 });
    const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
    assignment.forEach((legal, e) => {
      // Edits drawn from values this employee might work: off, the row's own types, any allowed type.
      const allowed = (model.employees[e]!.allowedTypes ?? []).map((id) => typeIndex.get(id)!);
      const values = [OFF, ...new Set(legal.filter((t) => t !== OFF)), ...allowed];
      const row = legal.slice();
      for (const [d, t, k] of edits) row[(d + k) % model.days] = values[(t + e) % values.length]!;
      const judged = employeeViolations(model, e, row).length === 0;
      expect(rules.brokenRule(e, row) === undefined).toBe(judged);
    });
  });
});
