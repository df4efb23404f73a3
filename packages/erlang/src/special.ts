/**
 * Special functions for the continuous (fractional-agent) Erlang forms, all in log space where
 * magnitudes can overflow. Written for relative accuracy near 1e-14 on the ranges staffing uses
 * (shape and argument up to a few hundred thousand).
 */

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** Stirling correction lnΓ(x) − [(x−½)ln x − x + ½ln 2π], for x ≥ 10 (truncation error < 1e-17). */
export function stirlingCorrection(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return (
    r *
    (1 / 12 + r2 * (-1 / 360 + r2 * (1 / 1260 + r2 * (-1 / 1680 + r2 * (1 / 1188 + r2 * (-691 / 360360 + r2 / 156))))))
  );
}

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x >= 10) return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + stirlingCorrection(x);
  // Shift up with Γ(x) = Γ(x+k) / (x(x+1)…(x+k−1)) so Stirling applies.
  let product = 1;
  let z = x;
  while (z < 10) {
    product *= z;
    z += 1;
  }
  return (z - 0.5) * Math.log(z) - z + HALF_LOG_2PI + stirlingCorrection(z) - Math.log(product);
}

/** ln(1 + x) − x without the cancellation of the naive form for small |x|. */
export function log1pmx(x: number): number {
  if (Math.abs(x) > 0.5) return Math.log1p(x) - x;
  // ln(1+x) = 2 atanh(r), r = x/(2+x); and 2r − x = −x·r.
  const r = x / (2 + x);
  const r2 = r * r;
  let power = r * r2;
  let series = 0;
  for (let k = 3; k < 60; k += 2) {
    const term = power / k;
    series += term;
    if (Math.abs(term) <= 1e-18 * Math.abs(series)) break;
    power *= r2;
  }
  return -x * r + 2 * series;
}

/**
 * ln D(s, x) with D = xˢ e⁻ˣ / Γ(s+1), the Poisson-like prefactor of the incomplete gamma functions.
 * For large s it is formed as s·log1pmx((x−s)/s) − ½ln(2πs) − corr(s), which keeps full relative
 * accuracy where the naive s·ln x − x − lnΓ(s+1) would cancel large terms.
 */
export function logPoissonTerm(s: number, x: number): number {
  if (x === 0) return s === 0 ? 0 : Number.NEGATIVE_INFINITY;
  if (s >= 10) return s * log1pmx((x - s) / s) - 0.5 * Math.log(2 * Math.PI * s) - stirlingCorrection(s);
  return s * Math.log(x) - x - lnGamma(s + 1);
}

/** Regularized incomplete gamma functions P(s,x) = γ(s,x)/Γ(s) and Q = 1 − P, each without cancellation. */
export interface RegularizedGamma {
  p: number;
  q: number;
}

const MAX_ITERATIONS = 1_000_000;
const TINY = 1e-300;

/** P(s,x) and Q(s,x) for s > 0, x ≥ 0: the series below s+1, Lentz's continued fraction above. */
export function regularizedGamma(s: number, x: number): RegularizedGamma {
  if (x <= 0) return { p: 0, q: 1 };
  if (x < s + 1) {
    // P = D(s,x) · Σ_{k≥0} x^k / ((s+1)…(s+k))
    let term = 1;
    let sum = 1;
    for (let k = 1; k < MAX_ITERATIONS; k++) {
      term *= x / (s + k);
      sum += term;
      if (term <= 1e-17 * sum) break;
    }
    const p = Math.exp(logPoissonTerm(s, x)) * sum;
    return { p, q: 1 - p };
  }
  const q = Math.exp(logPoissonTerm(s, x) + Math.log(s)) * upperGammaFraction(s, x);
  return { p: 1 - q, q };
}

/**
 * The continued fraction h(s,x) = 1/(x+1−s− 1(1−s)/(x+3−s− 2(2−s)/(x+5−s− …))) with Q(s,x) = s·D(s,x)·h
 * (modified Lentz); converges quickly for x ≥ s+1. Exposed so callers can cancel D in ratios.
 */
export function upperGammaFraction(s: number, x: number): number {
  let bTerm = x + 1 - s;
  let c = 1 / TINY;
  let d = 1 / bTerm;
  let h = d;
  for (let i = 1; i < MAX_ITERATIONS; i++) {
    const an = -i * (i - s);
    bTerm += 2;
    d = an * d + bTerm;
    if (Math.abs(d) < TINY) d = TINY;
    c = bTerm + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) <= 4e-16) break;
  }
  return h;
}

/** Σ_{k=1}^{j} 1/(c+k) = ψ(c+j+1) − ψ(c+1): summed directly when short, by the digamma asymptotics otherwise. */
export function harmonicShift(c: number, j: number): number {
  if (j <= 256) {
    let sum = 0;
    for (let k = j; k >= 1; k--) sum += 1 / (c + k);
    return sum;
  }
  return digammaDifference(c + 1, c + j + 1);
}

/** ψ(y) − ψ(x) for 0 < x ≤ y, with the logarithms combined through log1p. */
function digammaDifference(x: number, y: number): number {
  let shift = 0;
  let xs = x;
  let ys = y;
  while (xs < 10) {
    shift -= 1 / xs; // ψ(x) = ψ(x+1) − 1/x
    xs += 1;
  }
  while (ys < 10) {
    shift += 1 / ys;
    ys += 1;
  }
  return Math.log1p((ys - xs) / xs) + digammaTail(ys) - digammaTail(xs) - shift;
}

/** ψ(x) − ln x for x ≥ 10 (asymptotic series). */
function digammaTail(x: number): number {
  const r = 1 / x;
  const r2 = r * r;
  return -0.5 * r - r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132)))));
}
