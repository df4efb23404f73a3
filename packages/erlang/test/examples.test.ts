import { describe, expect, test } from 'vitest';
import {
  asa,
  erlangA,
  erlangB,
  erlangC,
  erlangCMetrics,
  serviceLevel,
  sizeErlangA,
  sizeErlangB,
  sizeErlangC,
  staff,
} from '../src/index.js';

// Published worked examples (vectors V1–V13 of the staffing research notes), at the printed precision.
const close = (x: number, y: number, digits: number) => expect(x).toBeCloseTo(y, digits);

describe('Erlang C: callcentrehelper / pyworkforce / cran ErlangC (100 calls per 30 min, AHT 180 s, 20 s)', () => {
  const erlangs = (100 * 180) / 1800;

  test('V1: A = 10, 14 agents, Pw, SL, ASA, immediate answer, occupancy, 20 after 30% shrinkage', () => {
    expect(erlangs).toBe(10);
    const m = erlangCMetrics({ agents: 14, erlangs, ahtSeconds: 180, answerWithinSeconds: 20 });
    close(m.waitProbability, 0.1741319335950498, 14);
    close(m.serviceLevel, 0.8883500191794669, 14);
    close(m.occupancy, 0.7142857142857143, 15);
    close(m.asaSeconds, 7.83593701177724, 12);
    close(1 - m.waitProbability, 0.82586807, 8);
    close(serviceLevel(14, 10, 20, 180), 0.88835, 5); // V13, pyworkforce issue #35
    const r = staff({
      intervalMinutes: 30,
      channels: [
        {
          name: 'voice',
          model: 'erlangC',
          volumes: [100],
          ahtSeconds: 180,
          targets: { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85 },
          shrinkage: 0.3,
        },
      ],
    });
    const row = r.channels[0]!.intervals[0]!;
    expect(row.agents).toBe(14);
    expect(row.scheduledAgents).toBe(20);
    close(row.serviceLevel, 0.8883500191794669, 14);
  });

  test('V2: the iteration table for 11, 12, 13 agents', () => {
    const table = [
      [11, 0.6821182, 0.3896138, 122.78127684408],
      [12, 0.4493882, 0.640158, 40.4449401868444],
      [13, 0.2852705, 0.7955948, 17.1162271821896],
    ] as const;
    for (const [n, pw, sl, asaSeconds] of table) {
      close(erlangC(n, 10), pw, 7);
      close(serviceLevel(n, 10, 20, 180), sl, 6);
      close(asa(n, 10, 180), asaSeconds, 10);
    }
  });

  test('V3: SL target 0.9 or max occupancy 0.7 → 15 agents, 22 scheduled', () => {
    for (const targets of [
      { serviceLevel: 0.9, answerWithinSeconds: 20, maxOccupancy: 0.85 },
      { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.7 },
    ]) {
      const s = sizeErlangC(10, 180, targets);
      expect(s.agents).toBe(15);
      close(s.metrics.serviceLevel, 0.9414528428690223, 14);
      close(s.metrics.occupancy, 0.6666666666666666, 15);
      close(s.metrics.waitProbability, 0.10204236700798798, 14);
      expect(Math.ceil(s.agents / 0.7)).toBe(22);
    }
  });

  test('the sized 14 is minimal and its continuous requirement lies in (13, 14]', () => {
    const s = sizeErlangC(10, 180, { serviceLevel: 0.8, answerWithinSeconds: 20 });
    expect(s.agents).toBe(14);
    expect(s.agentsFractional).toBeGreaterThan(13);
    expect(s.agentsFractional).toBeLessThanOrEqual(14);
    close(serviceLevel(s.agentsFractional, 10, 20, 180), 0.8, 6); // the continuous requirement is exact to 1e-6 agents
  });

  test('C(13.5, 10) by the incomplete-gamma form', () => {
    close(erlangC(13.5, 10), 0.22399741126751566, 14);
  });
});

describe('Erlang C where Aⁿ/n! overflows, and textbook checks', () => {
  test('(170,160), (171,160), (200,190)', () => {
    close(erlangC(170, 160), 0.33049193315295755, 14);
    close(erlangC(171, 160), 0.2910026401387504, 14);
    close(erlangC(200, 190), 0.36526385656254634, 14);
  });

  test('Wolfram: C(5, 2.5), C(6, 2.5) → 6 agents for 90% not delayed; B(5,3), B(4,2), B(6,2)', () => {
    close(erlangC(5, 2.5), 0.13037, 5);
    close(erlangC(6, 2.5), 0.04744, 5);
    expect(sizeErlangC(2.5, 300, { serviceLevel: 0.9, answerWithinSeconds: 0 }).agents).toBe(6);
    close(erlangB(5, 3), 0.110054, 6);
    close(erlangB(4, 2), 0.095238, 6);
    close(erlangB(6, 2), 0.012085, 6);
  });

  test('360 calls per half hour, 4 min, 55 agents, 15 s', () => {
    close(erlangC(55, 48), 0.238701, 6);
    close(asa(55, 48, 240), 8.184, 3);
    close(serviceLevel(55, 48, 15, 240), 0.8459, 4);
  });

  test('Halfin–Whitt and Jagerman limits at R = 10,000, n = 10,100', () => {
    close(erlangC(10100, 10000), 0.22476, 5);
    close(Math.sqrt(10100) * erlangB(10100, 10000), 0.28766, 5);
  });

  test('economies of scale at 80/20, AHT 180 s', () => {
    const expected = [
      [5, 8, 0.625],
      [10, 14, 0.714],
      [50, 56, 0.893],
      [100, 107, 0.935],
      [1000, 1011, 0.989],
      [5000, 5013, 0.997],
    ] as const;
    for (const [load, agents, occupancy] of expected) {
      const s = sizeErlangC(load, 180, { serviceLevel: 0.8, answerWithinSeconds: 20 });
      expect(s.agents).toBe(agents);
      close(s.metrics.occupancy, occupancy, 3);
    }
  });

  test('n ≤ A is a defined answer: C = 1, SL 0, ASA Infinity', () => {
    const m = erlangCMetrics({ agents: 9, erlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 });
    expect(m).toMatchObject({ waitProbability: 1, serviceLevel: 0, asaSeconds: Number.POSITIVE_INFINITY });
    expect(erlangC(10, 10)).toBe(1);
  });
});

describe('Erlang A: pyworkforce (λ 100/30 min, AHT 3 min, patience 5 min, t = 20 s)', () => {
  const input = { erlangs: 10, ahtSeconds: 180, patienceSeconds: 300, answerWithinSeconds: 20 };

  test('V8: 14 agents', () => {
    const m = erlangA({ ...input, agents: 14 });
    close(m.waitProbability, 0.145260114296361, 13);
    close(m.abandonRate, 0.013983744122409, 13);
    close(m.occupancy, 0.704297325626851, 13);
    close(m.asaSecondsVariants.served / 60, 0.069918720612046, 13);
    close(m.serviceLevelVariants.served, 0.916792091863547, 13);
    expect(m.serviceLevel).toBe(m.serviceLevelVariants.served);
  });

  test('V9: SL 0.8, occupancy ≤ 0.85, abandonment ≤ 0.05 → 13 agents, 19 scheduled; 12 fails', () => {
    const s = sizeErlangA(input, {
      serviceLevel: 0.8,
      answerWithinSeconds: 20,
      maxOccupancy: 0.85,
      maxAbandonRate: 0.05,
    });
    expect(s.agents).toBe(13);
    expect(Math.ceil(13 / 0.7)).toBe(19);
    close(s.metrics.serviceLevel, 0.858178, 6);
    close(s.metrics.occupancy, 0.750028, 6);
    close(s.metrics.abandonRate, 0.024963, 6);
    close(s.metrics.waitProbability, 0.225797, 6);
    close(s.metrics.asaSeconds / 60, 0.124817, 6);
    close(erlangA({ ...input, agents: 12 }).serviceLevel, 0.772279, 6);
  });
});

describe('Erlang B: pyworkforce', () => {
  test('V10: A = 10, max blocking 0.02 → 17 agents, 25 scheduled at 30%; B(1,1), B(2,1)', () => {
    expect(sizeErlangB(10, { maxBlocking: 0.02 }).agents).toBe(17);
    close(erlangB(16, 10), 0.022302, 6);
    close(erlangB(17, 10), 0.012949, 6);
    expect(erlangB(1, 1)).toBe(0.5);
    close(erlangB(2, 1), 0.2, 15);
    const r = staff({
      intervalMinutes: 30,
      channels: [
        {
          name: 'trunks',
          model: 'erlangB',
          volumes: [100],
          ahtSeconds: 180,
          targets: { maxBlocking: 0.02 },
          shrinkage: 0.3,
        },
      ],
    });
    expect(r.channels[0]!.intervals[0]).toMatchObject({ agents: 17, scheduledAgents: 25 });
  });
});
