import { describe, expect, test } from 'vitest';
import { erlangA, erlangB, erlangC, erlangCMetrics } from '../src/index.js';
import { refErlangA, refErlangB, refErlangBContinuous, refErlangC, relativeError } from './reference.js';

/** Largest relative error seen per group, printed at the end so the report can quote it. */
const worst: Record<string, number> = {};
function check(group: string, value: number, ref: Parameters<typeof relativeError>[1], tolerance: number) {
  const err = relativeError(value, ref);
  worst[group] = Math.max(worst[group] ?? 0, err);
  expect(err, `${group}: ${value} vs ${ref.toString()}`).toBeLessThan(tolerance);
}

// (agents, erlangs): small, textbook, where Aⁿ/n! overflows, and up to n = 20,000.
const GRID_BC: [number, number][] = [
  [1, 1],
  [2, 1],
  [5, 3],
  [14, 10],
  [55, 48],
  [170, 160],
  [200, 190],
  [400, 420],
  [1000, 950],
  [1000, 1200],
  [5000, 4900],
  [10100, 10000],
  [20000, 19800],
  [20000, 19990],
  [19000, 20000],
];

describe('Erlang B and C against a 50-digit reference (relative 1e-10)', () => {
  test.each(GRID_BC)('n = %i, A = %i', (n, a) => {
    check('erlangB', erlangB(n, a), refErlangB(n, a), 1e-10);
    if (n > a) {
      const ref = refErlangC(n, a, 180, 20);
      const m = erlangCMetrics({ agents: n, erlangs: a, ahtSeconds: 180, answerWithinSeconds: 20 });
      check('erlangC', m.waitProbability, ref.c, 1e-10);
      check('erlangC', m.serviceLevel, ref.serviceLevel, 1e-10);
      check('erlangC', m.asaSeconds, ref.asaSeconds, 1e-10);
      check('erlangC', m.queueLength, ref.queueLength, 1e-10);
    }
  });

  // Continuous Erlang B (incomplete gamma) at fractional agents, both sides of the load.
  test.each([
    [0.5, 0.3],
    [2.5, 7],
    [13.5, 10],
    [100.25, 90],
    [300.7, 450],
    [1000.7, 950],
    [4999.5, 5000],
    [20000.5, 19800],
    [15000.25, 20000],
  ])('fractional n = %d, A = %d', (x, a) => {
    check('erlangB fractional', erlangB(x, a), refErlangBContinuous(x, a), 1e-10);
    if (x > a) {
      const b = refErlangBContinuous(x, a);
      const rho = a / x;
      const ref = b.div(b.minus(1).times(rho).plus(1));
      check('erlangC fractional', erlangC(x, a), ref, 1e-10);
    }
  });

  test('the continuous form meets the recursion at integers', () => {
    for (const [n, a] of GRID_BC) check('continuous at integer + 1e-12', erlangB(n + 1e-12, a), refErlangB(n, a), 1e-9);
  });
});

// (agents, erlangs, patience/AHT): heavy and light abandonment, under- and over-staffed, up to n = 20,000.
const GRID_A: [number, number, number][] = [
  [1, 0.5, 1],
  [3, 2.5, 0.2],
  [14, 10, 5 / 3],
  [13, 10, 5 / 3],
  [10, 14, 1],
  [50, 48, 0.2],
  [200, 190, 5],
  [1000, 950, 1],
  [1000, 1100, 0.5],
  [3000, 3000, 2 / 3],
  [20000, 19800, 1],
  [20000, 20500, 5],
];

describe('Erlang A against a 50-digit birth–death sum (relative 1e-9)', () => {
  test.each(GRID_A)('n = %i, A = %d, patience/AHT = %d', (n, a, ratio) => {
    const aht = 180;
    const patience = aht * ratio;
    const t = 20;
    const ref = refErlangA(n, a, aht, patience, t);
    const m = erlangA({ agents: n, erlangs: a, ahtSeconds: aht, patienceSeconds: patience, answerWithinSeconds: t });
    check('erlangA', m.waitProbability, ref.waitProbability, 1e-9);
    check('erlangA', m.abandonRate, ref.abandonRate, 1e-9);
    check('erlangA', m.occupancy, ref.occupancy, 1e-9);
    check('erlangA', m.queueLength, ref.queueLength, 1e-9);
    check('erlangA', m.asaSecondsVariants.virtual, ref.asaVirtual, 1e-9);
    check('erlangA', m.asaSecondsVariants.served, ref.asaServed, 1e-9);
    check('erlangA', m.asaSecondsVariants.answered, ref.asaAnswered, 1e-9);
    check('erlangA', m.serviceLevelVariants.virtual, ref.slVirtual, 1e-9);
    check('erlangA', m.serviceLevelVariants.served, ref.slServed, 1e-9);
    check('erlangA', m.serviceLevelVariants.answered, ref.slAnswered, 1e-9);
  });

  test('the offered-wait tail matches the exact hypoexponential sum of every queue state', () => {
    for (const [n, a, patience] of [
      [3, 2.5, 300],
      [2, 3, 60],
    ] as const) {
      const ref = refErlangA(n, a, 180, patience, 20, true);
      const m = erlangA({ agents: n, erlangs: a, ahtSeconds: 180, patienceSeconds: patience, answerWithinSeconds: 20 });
      check('erlangA', m.serviceLevelVariants.virtual, ref.slVirtual, 1e-9);
      check('erlangA', m.serviceLevelVariants.served, ref.slServed, 1e-9);
    }
  });

  test('worst relative errors', () => {
    console.log('max relative error', worst);
    expect(Object.keys(worst).length).toBeGreaterThan(0);
  });
});
