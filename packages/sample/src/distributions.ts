import type { Random } from '@allhours/core';

/**
 * Samplers over core's seeded uniform stream, so the sample is bit-for-bit the same for the same seed.
 */

/** Standard normal by Box–Muller (one of the pair; simplicity beats the saved draw here). */
export function normal(random: Random): number {
  let u = random.next();
  while (u <= Number.MIN_VALUE) u = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}

/** Gamma(shape, scale = 1) by Marsaglia–Tsang; shape < 1 via the boost U^(1/shape). */
export function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * random.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** log(k!) by Stirling's series; exact enough (< 1e-10) for k ≥ 10, table below that. */
const LOG_FACTORIAL_SMALL = Array.from({ length: 10 }, (_, k) => {
  let s = 0;
  for (let i = 2; i <= k; i++) s += Math.log(i);
  return s;
});
function logFactorial(k: number): number {
  if (k < 10) return LOG_FACTORIAL_SMALL[k]!;
  const k1 = k + 1;
  return (k1 - 0.5) * Math.log(k1) - k1 + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * k1) - 1 / (360 * k1 ** 3);
}

/**
 * Poisson(mean). Small means by multiplying uniforms (Knuth); large ones by Hörmann's transformed
 * rejection (PTRS), which is O(1) and has no exp(−mean) underflow.
 */
export function poisson(random: Random, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = random.next();
    while (p > limit) {
      k++;
      p *= random.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const loglam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random.next() - 0.5;
    const v = random.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -mean + k * loglam - logFactorial(k)) {
      return k;
    }
  }
}

/** Over-dispersed count: Poisson with a Gamma-distributed rate (negative binomial of size `dispersion`). */
export function negativeBinomial(random: Random, mean: number, dispersion: number): number {
  if (!(mean > 0)) return 0;
  return poisson(random, (mean * gamma(random, dispersion)) / dispersion);
}
