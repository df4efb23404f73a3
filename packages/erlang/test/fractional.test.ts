import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  erlangA,
  erlangB,
  erlangBMetricsFromB,
  erlangCMetrics,
  type Measured,
  meetsTargets,
  type StaffingTargets,
  sizeErlangA,
  sizeErlangB,
  sizeErlangC,
} from '../src/index.js';
import { abandonCap, aht, basis, load, patience, target, wait } from './arbitraries.js';

/**
 * `agentsFractional` against the definition: the smallest real x where the continuous model meets every
 * target, found by plain bisection on meetsTargets over (n − 1, n] (60 halvings: far below 1e-6).
 */
function bisect(n: number, floor: number, metricsAt: (x: number) => Measured, targets: StaffingTargets): number {
  let lo = Math.max(n - 1, floor);
  let hi = n;
  if (meetsTargets(metricsAt(lo), targets)) return lo;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (meetsTargets(metricsAt(mid), targets)) hi = mid;
    else lo = mid;
  }
  return hi;
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

describe('agentsFractional is the continuous threshold to 1e-6 (checked by bisection)', () => {
  prop.prop([
    load,
    aht,
    wait,
    optional(target),
    optional(fc.double({ min: 0.5, max: 1, noNaN: true })),
    optional(fc.double({ min: 1, max: 120, noNaN: true })),
  ])('Erlang C', (a, h, t, sl, occ, asa) => {
    const targets = { serviceLevel: sl, answerWithinSeconds: t, maxOccupancy: occ, maxAsaSeconds: asa };
    if (sl === undefined && occ === undefined && asa === undefined) return;
    const s = sizeErlangC(a, h, targets);
    const metricsAt = (x: number) => erlangCMetrics({ agents: x, erlangs: a, ahtSeconds: h, answerWithinSeconds: t });
    expect(Math.abs(s.agentsFractional - bisect(s.agents, a, metricsAt, targets))).toBeLessThanOrEqual(1e-6);
  });

  prop.prop([
    load,
    fc.double({ min: 0.0005, max: 0.5, noNaN: true }),
    optional(fc.double({ min: 0.3, max: 1, noNaN: true })),
  ])('Erlang B', (a, maxBlocking, maxOccupancy) => {
    const targets = { maxBlocking, maxOccupancy };
    const s = sizeErlangB(a, targets);
    const metricsAt = (x: number) => erlangBMetricsFromB(erlangB(x, a), x, a);
    expect(Math.abs(s.agentsFractional - bisect(s.agents, 0, metricsAt, targets))).toBeLessThanOrEqual(1e-6);
  });

  prop.prop([fc.double({ min: 0.05, max: 600, noNaN: true }), aht, patience, target, wait, abandonCap, basis])(
    'Erlang A',
    (a, h, p, sl, t, ab, b) => {
      const targets = { serviceLevel: sl, answerWithinSeconds: t, maxAbandonRate: ab, serviceLevelBasis: b };
      const s = sizeErlangA({ erlangs: a, ahtSeconds: h, patienceSeconds: p }, targets);
      const metricsAt = (x: number) =>
        erlangA({ agents: x, erlangs: a, ahtSeconds: h, patienceSeconds: p, answerWithinSeconds: t, basis: b });
      expect(Math.abs(s.agentsFractional - bisect(s.agents, 1e-9, metricsAt, targets))).toBeLessThanOrEqual(1e-6);
    },
  );
});
