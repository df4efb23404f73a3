import { describe, expect, it } from 'vitest';
import { buildDemand } from '../src/demand.js';
import { buildCatalog } from '../src/options.js';
import { planShifts, planTypes } from '../src/stage1.js';
import { flatRequirement, parsed, smallRequest } from './helpers.js';

describe('stage 1: shift planning LP', () => {
  it('javascript-lp-solver and HiGHS agree on the LP bound', async () => {
    const start = '2026-03-23T00:00:00Z';
    const request = parsed(
      smallRequest(
        { requirements: [flatRequirement('voice', start, 2, 30, (h) => (h >= 8 && h < 18 ? 3 : 1))] },
        { days: 2, agents: 4 },
      ),
    );
    const catalog = buildCatalog(request);
    const demand = buildDemand(request);
    const types = planTypes(request, catalog);
    const js = await planShifts(request, catalog, demand, types, { backend: 'jsLpSolver' });
    const highs = await planShifts(request, catalog, demand, types, { backend: 'highs' });
    expect(js.status).toBe('optimal');
    expect(highs.status).toBe('optimal');
    expect(js.lowerBound).toBeCloseTo(highs.lowerBound, 3);
    // Every required agent-interval costs at least half an hour of pay (20/h → 10) or its under-coverage
    // penalty (100): 2 days × (20 intervals × 3 + 28 × 1) = 176 agent-intervals → at least 1,760.
    expect(highs.lowerBound).toBeGreaterThanOrEqual(1760);
    expect(highs.counts.flat().some((x) => x > 0)).toBe(true);
  });

  it('counts whole shifts: a 700-min weekly minimum on 480-min shifts costs two shifts, not 1.46', async () => {
    const start = '2026-03-23T00:00:00Z';
    const request = parsed(
      smallRequest(
        {
          requirements: [flatRequirement('voice', start, 7, 30, 0)],
          agents: [{ id: 'a', siteId: 'S', channels: ['voice'], minMinutesPerWeek: 700, maxShiftsPerWeek: 5 }],
        },
        { days: 7 },
      ),
    );
    const catalog = buildCatalog(request);
    const stage1 = await planShifts(request, catalog, buildDemand(request), planTypes(request, catalog));
    const cheapest = Math.min(...catalog.instances.flat().map((i) => i?.cost ?? Number.POSITIVE_INFINITY));
    // Any roster works two shifts (≥ 700 min); the relaxation alone would allow 700/480 of the cheapest.
    expect(stage1.lowerBound).toBeGreaterThanOrEqual(2 * cheapest - 1e-6);
  });

  it('adds the fairness term per site: nights above the target cost their weight, the bound stays valid', async () => {
    // One agent 24/7 for a week on one site with six agents: seven night shifts, whoever works them.
    const request = parsed(smallRequest({}, { days: 7, agents: 6 }));
    const catalog = buildCatalog(request);
    const demand = buildDemand(request);
    const types = planTypes(request, catalog);
    const plain = await planShifts(request, catalog, demand, types);
    const bound = async (target: number) =>
      (await planShifts(request, catalog, demand, types, { fairness: [{ kind: 'night', target, weight: 50 }] }))
        .lowerBound - plain.lowerBound;
    // Target 0: every night is above it (7 × 50). Target 1: six agents may work one each, the seventh is above.
    expect(await bound(0)).toBeCloseTo(350, 6);
    expect(await bound(1)).toBeCloseTo(50, 6);
    expect(await bound(2)).toBeCloseTo(0, 6);
  });
});
