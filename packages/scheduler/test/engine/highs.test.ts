import { createRandom } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { runHighs } from '../../src/engine/highs.js';
import { Linear, LpBuilder } from '../../src/engine/lp.js';

/** A seeded random set-covering MIP: each row asks for 1–3 of the 10 % of columns in it. */
function coveringMip(columns: number, rows: number, seed: number): LpBuilder {
  const random = createRandom(seed);
  const lp = new LpBuilder();
  for (let j = 0; j < columns; j++) lp.addCol(1 + random.int(20), 0, 1, true);
  for (let i = 0; i < rows; i++) {
    const expr = new Linear();
    for (let j = 0; j < columns; j++) if (random.next() < 0.1) expr.add(j, 1);
    if (expr.index.length === 0) expr.add(random.int(columns), 1);
    lp.addRow(expr, Math.min(expr.index.length, 1 + random.int(3)), Number.POSITIVE_INFINITY);
  }
  return lp;
}

describe('runHighs stopWhen', () => {
  it('stops on counts at the same point every time, with the best solution so far', async () => {
    // 3,521 LP iterations and 5 nodes in about a second.
    const lp = coveringMip(150, 100, 2);
    const full = await runHighs(lp, { timeLimitSeconds: 60, seed: 1 });
    expect(full.status).toBe('optimal');
    const cap = Math.floor(full.lpIterations / 3);
    expect(cap).toBeGreaterThan(100);
    const stopped = () => runHighs(lp, { timeLimitSeconds: 60, seed: 1, stopWhen: (done) => done.lpIterations > cap });
    const first = await stopped();
    expect(first.status).toBe('workLimit');
    expect(first.lpIterations).toBeGreaterThan(cap);
    expect(first.lpIterations).toBeLessThan(full.lpIterations);
    // No better than the optimum, and never below the bound it reports.
    expect(first.objective).toBeGreaterThanOrEqual(full.objective - 1e-6);
    expect(first.bound).toBeLessThanOrEqual(full.objective + 1e-6);
    const second = await stopped();
    expect([second.status, second.lpIterations, second.nodes, second.objective]).toEqual([
      first.status,
      first.lpIterations,
      first.nodes,
      first.objective,
    ]);
  }, 60_000);

  it('leaves a run alone that finishes below its limit', async () => {
    const lp = coveringMip(100, 80, 1);
    const plain = await runHighs(lp, { timeLimitSeconds: 60, seed: 1 });
    const watched = await runHighs(lp, { timeLimitSeconds: 60, seed: 1, stopWhen: () => false });
    expect(watched.status).toBe('optimal');
    expect([watched.objective, watched.lpIterations, watched.nodes]).toEqual([
      plain.objective,
      plain.lpIterations,
      plain.nodes,
    ]);
  });
});
