import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  chatMetrics,
  erlangA,
  erlangCMetrics,
  meetsTargets,
  serviceLevel,
  sizeChat,
  sizeErlangA,
  sizeErlangB,
  sizeErlangC,
} from '../src/index.js';
import { abandonCap, aht, basis, load, patience, target, wait } from './arbitraries.js';

describe('monotonicity', () => {
  prop.prop([load, aht, wait, fc.integer({ min: 1, max: 2500 })])(
    'Erlang C service level rises with agents',
    (a, h, t, n) => {
      expect(serviceLevel(n + 1, a, t, h)).toBeGreaterThanOrEqual(serviceLevel(n, a, t, h) - 1e-12);
    },
  );

  prop.prop([load, aht, wait, fc.integer({ min: 1, max: 2500 }), fc.double({ min: 1, max: 1.5, noNaN: true })])(
    'Erlang C service level falls with volume and with handle time',
    (a, h, t, n, factor) => {
      const base = serviceLevel(n, a, t, h);
      // More volume: load grows at the same AHT.
      expect(serviceLevel(n, a * factor, t, h)).toBeLessThanOrEqual(base + 1e-12);
      // Longer handle time at the same volume: load and AHT grow together.
      expect(serviceLevel(n, a * factor, t, h * factor)).toBeLessThanOrEqual(base + 1e-12);
    },
  );

  prop.prop([load, aht, patience, wait, fc.integer({ min: 1, max: 2500 })])(
    'Erlang A: every service level rises and abandonment falls with agents',
    (a, h, p, t, n) => {
      const at = (agents: number) =>
        erlangA({ agents, erlangs: a, ahtSeconds: h, patienceSeconds: p, answerWithinSeconds: t });
      const [x, y] = [at(n), at(n + 1)];
      for (const k of ['virtual', 'served', 'answered'] as const) {
        expect(y.serviceLevelVariants[k]).toBeGreaterThanOrEqual(x.serviceLevelVariants[k] - 1e-9);
      }
      expect(y.abandonRate).toBeLessThanOrEqual(x.abandonRate + 1e-12);
      // Occupancy ρ(1 − P(abandon)) carries P(abandon)'s rounding times ρ: 1e-12 at ρ ≈ 600 in overload.
      expect(y.occupancy).toBeLessThanOrEqual(x.occupancy + 1e-9);
    },
  );

  prop.prop([
    load,
    aht,
    patience,
    wait,
    fc.integer({ min: 1, max: 2500 }),
    fc.double({ min: 1, max: 1.5, noNaN: true }),
  ])('Erlang A service level falls with volume and with handle time', (a, h, p, t, n, factor) => {
    const sl = (erlangs: number, ahtSeconds: number) =>
      erlangA({ agents: n, erlangs, ahtSeconds, patienceSeconds: p, answerWithinSeconds: t }).serviceLevel;
    const base = sl(a, h);
    expect(sl(a * factor, h)).toBeLessThanOrEqual(base + 1e-9);
    expect(sl(a * factor, h * factor)).toBeLessThanOrEqual(base + 1e-9);
  });
});

describe('sizing is minimal', () => {
  prop.prop([load, aht, target, wait, fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined })])(
    'Erlang C: n meets every target and n − 1 misses one',
    (a, h, sl, t, occ) => {
      const targets = { serviceLevel: sl, answerWithinSeconds: t, maxOccupancy: occ };
      const s = sizeErlangC(a, h, targets);
      expect(meetsTargets(s.metrics, targets)).toBe(true);
      const before = erlangCMetrics({ agents: s.agents - 1, erlangs: a, ahtSeconds: h, answerWithinSeconds: t });
      expect(meetsTargets(before, targets)).toBe(false);
      expect(s.agentsFractional).toBeGreaterThan(s.agents - 1 - 1e-9);
      expect(s.agentsFractional).toBeLessThanOrEqual(s.agents);
    },
  );

  prop.prop([load, aht, patience, target, wait, abandonCap, basis])(
    'Erlang A: n meets service level and abandonment, n − 1 misses',
    (a, h, p, sl, t, ab, basis) => {
      const targets = { serviceLevel: sl, answerWithinSeconds: t, maxAbandonRate: ab, serviceLevelBasis: basis };
      const s = sizeErlangA({ erlangs: a, ahtSeconds: h, patienceSeconds: p }, targets);
      expect(meetsTargets(s.metrics, targets)).toBe(true);
      const before = erlangA({
        agents: s.agents - 1,
        erlangs: a,
        ahtSeconds: h,
        patienceSeconds: p,
        answerWithinSeconds: t,
        basis,
      });
      if (s.agents > 1) expect(meetsTargets(before, targets)).toBe(false);
      expect(s.agentsFractional).toBeLessThanOrEqual(s.agents);
      expect(s.agentsFractional).toBeGreaterThan(s.agents - 1 - 1e-9);
    },
  );

  // The example: n at the walk's start ⌊A − 6√A⌋, where B once came two ways that differ by ~1e-14.
  prop.prop([load, fc.double({ min: 0.001, max: 0.2, noNaN: true })], {
    examples: [[1984.3803481327384, 0.13781879021426585]],
  })('Erlang B: n − 1 blocks too much', (a, max) => {
    const s = sizeErlangB(a, { maxBlocking: max });
    expect(s.metrics.blocking).toBeLessThanOrEqual(max);
    if (s.agents > 0) expect(sizeErlangB(a, { maxBlocking: s.metrics.blocking }).agents).toBe(s.agents);
  });

  prop.prop([
    fc.double({ min: 0.001, max: 0.5, noNaN: true }),
    fc.array(fc.double({ min: 30, max: 600, noNaN: true }), { minLength: 1, maxLength: 4 }),
    patience,
    target,
  ])('chat: n meets the targets, n − 1 misses', (lambda, ahts, p, sl) => {
    const targets = { serviceLevel: sl, answerWithinSeconds: 30, maxAbandonRate: 0.1 };
    const load = { arrivalsPerSecond: lambda, ahtSecondsByConcurrency: ahts, patienceSeconds: p };
    const s = sizeChat(load, targets);
    expect(meetsTargets(s.metrics, targets)).toBe(true);
    const before = chatMetrics({ ...load, agents: s.agents - 1, answerWithinSeconds: 30 });
    if (s.agents > 1) expect(meetsTargets(before, targets)).toBe(false);
  });
});

/** Standard normal density and distribution (erf by its Taylor series; |x| ≤ 4 here). */
const phi = (x: number) => Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
function Phi(x: number): number {
  const z = x / Math.SQRT2;
  let term = z;
  let sum = z;
  for (let k = 1; k < 200; k++) {
    term *= (-z * z) / k;
    sum += term / (2 * k + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

/** Square-root staffing: the smallest n = R + β√R with 1 − α(β)·e^(−β√R·t/AHT) ≥ SL (Halfin–Whitt). */
function squareRootStaffing(load: number, slTarget: number, tOverAht: number): number {
  for (let n = Math.floor(load) + 1; ; n++) {
    const beta = (n - load) / Math.sqrt(load);
    const alpha = 1 / (1 + (beta * Phi(beta)) / phi(beta));
    if (1 - alpha * Math.exp(-beta * Math.sqrt(load) * tOverAht) >= slTarget) return n;
  }
}

describe('square-root staffing bounds the exact n from below, within one agent', () => {
  prop.prop([
    fc.integer({ min: 1, max: 3000 }),
    fc.constantFrom(0.7, 0.8, 0.9, 0.95),
    fc.constantFrom(0.05, 0.111, 0.25, 0.5, 1),
  ])('R = 1…3000, the SL and t/AHT grid of the research notes', (load, sl, ratio) => {
    const exact = sizeErlangC(load, 180, { serviceLevel: sl, answerWithinSeconds: 180 * ratio }).agents;
    const qed = squareRootStaffing(load, sl, ratio);
    expect(exact - qed).toBeGreaterThanOrEqual(0);
    expect(exact - qed).toBeLessThanOrEqual(1);
  });
});

describe('limits', () => {
  prop.prop([
    fc.double({ min: 0.5, max: 1500, noNaN: true }),
    aht,
    wait,
    fc.double({ min: 0.05, max: 3, noNaN: true }),
  ])('Erlang A tends to Erlang C as patience grows', (a, h, t, extra) => {
    const n = Math.floor(a + extra * Math.sqrt(a)) + 1;
    const c = erlangCMetrics({ agents: n, erlangs: a, ahtSeconds: h, answerWithinSeconds: t });
    let previous = Number.POSITIVE_INFINITY;
    for (const p of [1e2, 1e4, 1e6].map((x) => x * h)) {
      const m = erlangA({ agents: n, erlangs: a, ahtSeconds: h, patienceSeconds: p, answerWithinSeconds: t });
      const gap =
        Math.abs(m.serviceLevelVariants.virtual - c.serviceLevel) + Math.abs(m.waitProbability - c.waitProbability);
      expect(gap).toBeLessThanOrEqual(previous + 1e-12);
      previous = gap;
    }
    expect(previous).toBeLessThan(1e-3);
  });

  prop.prop([fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.1, max: 500, noNaN: true }), aht, patience, wait])(
    'chat with K = 1 equals Erlang A',
    (n, a, h, p, t) => {
      const A = erlangA({ agents: n, erlangs: a, ahtSeconds: h, patienceSeconds: p, answerWithinSeconds: t });
      const C = chatMetrics({
        agents: n,
        arrivalsPerSecond: a / h,
        ahtSecondsByConcurrency: [h],
        patienceSeconds: p,
        answerWithinSeconds: t,
      });
      const rel = (x: number, y: number) => Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);
      for (const key of ['waitProbability', 'abandonRate', 'occupancy', 'queueLength'] as const) {
        expect(rel(C[key], A[key])).toBeLessThan(1e-9);
      }
      for (const k of ['virtual', 'served', 'answered'] as const) {
        expect(rel(C.serviceLevelVariants[k], A.serviceLevelVariants[k])).toBeLessThan(1e-9);
        expect(rel(C.asaSecondsVariants[k], A.asaSecondsVariants[k])).toBeLessThan(1e-9);
      }
    },
  );

  prop.prop([load, aht, patience, wait, fc.integer({ min: 1, max: 2500 })])(
    'Erlang A occupancy is ρ(1 − P(abandon)) and every probability is in [0, 1]',
    (a, h, p, t, n) => {
      const m = erlangA({ agents: n, erlangs: a, ahtSeconds: h, patienceSeconds: p, answerWithinSeconds: t });
      expect(m.occupancy).toBeCloseTo(Math.min(1, (a / n) * (1 - m.abandonRate)), 12);
      for (const x of [m.waitProbability, m.abandonRate, m.occupancy, ...Object.values(m.serviceLevelVariants)]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
      for (const x of Object.values(m.asaSecondsVariants)) expect(x).toBeGreaterThanOrEqual(0);
    },
  );
});
