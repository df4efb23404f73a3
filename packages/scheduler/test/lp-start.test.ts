import { parseInput } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { constructRoster } from '../src/construct.js';
import { buildDemand } from '../src/demand.js';
import { evaluate, rosterModelSchema } from '../src/engine/index.js';
import { stageOneTargets } from '../src/lp-start.js';
import { buildRosterModel } from '../src/mapping.js';
import { buildCatalog } from '../src/options.js';
import { scheduleRequestSchema } from '../src/request.js';
import { generateScenario } from '../src/scenario.js';
import { schedule } from '../src/schedule.js';
import { planShifts, planTypes } from '../src/stage1.js';

/** A week's scenario through stage 1, with its roster model. */
async function planned(agents: number, seed: number) {
  const request = parseInput(scheduleRequestSchema, generateScenario({ agents, days: 7, seed }));
  const catalog = buildCatalog(request);
  const demand = buildDemand(request);
  const types = planTypes(request, catalog);
  const stage1 = await planShifts(request, catalog, demand, types);
  const model = parseInput(rosterModelSchema, buildRosterModel(request, catalog, demand, types).model);
  return { types, stage1, model };
}

describe('stageOneTargets: stage 1’s plan as target rows for the start', () => {
  it('adds one row per (type, day) the LP starts, asking for its count, and keeps the real cover rows', async () => {
    const { types, stage1, model } = await planned(14, 4);
    expect(stage1.status).toBe('optimal');
    const targets = parseInput(rosterModelSchema, stageOneTargets(model, types, types, stage1)!);

    expect(targets.cover.slice(0, model.cover.length)).toEqual(model.cover);
    const extra = targets.cover.slice(model.cover.length);
    const lpCells = stage1.counts.flat().filter((x) => x > 1e-6);
    expect(extra).toHaveLength(lpCells.length);
    // The rows ask for exactly the LP's shifts, all at one weight, nothing penalised above the count.
    expect(extra.reduce((s, r) => s + r.requirement, 0)).toBeCloseTo(
      lpCells.reduce((s, x) => s + x, 0),
      6,
    );
    for (const row of extra) {
      expect(row.terms).toHaveLength(1);
      expect(row.overWeight).toBe(0);
      expect(row.underWeight).toBe(extra[0]!.underWeight);
      const k = types.findIndex((t) => t.id === row.terms[0]!.type);
      expect(row.requirement).toBeCloseTo(stage1.counts[k]![row.terms[0]!.day]!, 9);
    }
    // A start built against them keeps every employee rule of the real model (handover links it may
    // leave open, as any constructed start; schedule() then keeps the other start).
    const guided = constructRoster(targets);
    const judged = evaluate(model, guided.assignment);
    expect(judged.violations.filter((v) => v.rule !== 'link')).toEqual([]);
    expect(judged.violations).toHaveLength(guided.brokenLinks);
  });

  it('without an LP optimum there are no targets', async () => {
    const { types, stage1, model } = await planned(6, 2);
    expect(stageOneTargets(model, types, types, { ...stage1, status: 'failed' })).toBeUndefined();
  });

  it('schedule() reports both starts and hands the better one to the solver', async () => {
    const request = parseInput(
      scheduleRequestSchema,
      generateScenario({ agents: 12, days: 7, seed: 6, timeLimitSeconds: 4 }),
    );
    const { construct } = (await schedule(request)).kpis.stage2;
    expect(construct.guidedObjective).not.toBeNull();
    expect(construct.objective!).toBeLessThanOrEqual(construct.guidedObjective!);
  });
});
