import { describe, expect, test } from 'vitest';
import { sizeChat, sizeErlangA, sizeErlangB, sizeErlangC } from '../src/index.js';

// The typed API is called without zod in front of it: a NaN target used to make the search loop forever.
describe('sizing refuses targets it could never meet, naming them', () => {
  test('NaN or out-of-range targets', () => {
    expect(() => sizeErlangC(10, 180, { maxOccupancy: Number.NaN })).toThrow(/targets\.maxOccupancy/);
    expect(() => sizeErlangB(10, { maxBlocking: 0 })).toThrow(/targets\.maxBlocking must be in \(0, 1\)/);
    // The same range as the JSON contract's schema: blocking every call is not a target.
    expect(() => sizeErlangB(10, { maxBlocking: 1 })).toThrow(/targets\.maxBlocking must be in \(0, 1\)/);
    expect(() => sizeErlangC(10, 180, { serviceLevel: 1, answerWithinSeconds: 20 })).toThrow(/targets\.serviceLevel/);
    expect(() =>
      sizeErlangA({ erlangs: 10, ahtSeconds: 180, patienceSeconds: 60 }, { maxAsaSeconds: Number.NaN }),
    ).toThrow(/targets\.maxAsaSeconds/);
    expect(() =>
      sizeChat(
        { arrivalsPerSecond: 0.1, ahtSecondsByConcurrency: [180, 200], patienceSeconds: 60 },
        { maxAbandonRate: -0.1 },
      ),
    ).toThrow(/targets\.maxAbandonRate/);
  });

  test('a load that is not a finite non-negative number', () => {
    expect(() => sizeErlangC(Number.NaN, 180, {})).toThrow(/offered load/);
    expect(() => sizeErlangB(Number.POSITIVE_INFINITY, {})).toThrow(/offered load/);
  });

  test('valid targets still size', () => {
    expect(sizeErlangC(10, 180, { serviceLevel: 0.8, answerWithinSeconds: 20 }).agents).toBeGreaterThan(10);
  });
});
