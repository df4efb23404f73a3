import { createRandom } from '@allhours/core';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { gamma, negativeBinomial, poisson } from '../src/distributions.js';

function moments(xs: number[]) {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe('samplers', () => {
  prop.prop([fc.integer(), fc.double({ min: 0, max: 500, noNaN: true })])(
    'poisson gives non-negative integers for any mean',
    (seed, mean) => {
      const random = createRandom(seed);
      for (let i = 0; i < 20; i++) {
        const k = poisson(random, mean);
        expect(Number.isInteger(k) && k >= 0).toBe(true);
      }
    },
  );

  test('poisson mean and variance match λ on both algorithms (small and large means)', () => {
    for (const lambda of [3, 12, 45, 200]) {
      const random = createRandom(lambda);
      const { mean, variance } = moments(Array.from({ length: 20_000 }, () => poisson(random, lambda)));
      expect(Math.abs(mean / lambda - 1)).toBeLessThan(0.03);
      expect(Math.abs(variance / lambda - 1)).toBeLessThan(0.06);
    }
  });

  test('gamma(shape) has mean shape and variance shape', () => {
    for (const shape of [0.5, 3, 40]) {
      const random = createRandom(7);
      const { mean, variance } = moments(Array.from({ length: 20_000 }, () => gamma(random, shape)));
      expect(Math.abs(mean / shape - 1)).toBeLessThan(0.04);
      expect(Math.abs(variance / shape - 1)).toBeLessThan(0.1);
    }
  });

  test('negative binomial is over-dispersed: variance ≈ μ + μ²/k', () => {
    const random = createRandom(11);
    const mu = 30;
    const k = 10;
    const { mean, variance } = moments(Array.from({ length: 20_000 }, () => negativeBinomial(random, mu, k)));
    expect(Math.abs(mean / mu - 1)).toBeLessThan(0.03);
    expect(Math.abs(variance / (mu + (mu * mu) / k) - 1)).toBeLessThan(0.1);
    expect(negativeBinomial(random, 0, k)).toBe(0);
  });
});
