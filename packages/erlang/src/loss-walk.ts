import { upperGammaFraction } from './special.js';

/**
 * The forward Erlang-B walk over integer agents (B(n) from B(n−1) in O(1), stable for any n) and where it
 * may start: the integer staffing searches of Erlang B and C walk, and the fractional requirement reads the
 * log-slope the walk carries (loss-fractional.ts).
 */

const EULER_GAMMA = 0.5772156649015329;

/** eᴬ·E₁(A) = −d ln B/dx at x = 0 (A > 0): the continued fraction from 1 up, the series below. */
export function scaledExpIntegral(erlangs: number): number {
  if (erlangs >= 1) return upperGammaFraction(0, erlangs);
  // E₁(a) = −γ − ln a − Σ_{k≥1} (−a)ᵏ/(k·k!)
  let term = 1;
  let sum = 0;
  for (let k = 1; k < 60; k++) {
    term *= -erlangs / k;
    const add = term / k;
    sum += add;
    if (Math.abs(add) <= 1e-17 * Math.abs(sum)) break;
  }
  return Math.exp(erlangs) * (-EULER_GAMMA - Math.log(erlangs) - sum);
}

/**
 * r(0) for the walk: from A = 20 on, the recursion shrinks an error in r(0) below 1e-11 (relative) by n = A,
 * so the asymptotic 1/(A+1) of eᴬE₁(A) serves and the continued fraction is only needed below.
 */
export function walkSlopeAtZero(erlangs: number): number {
  return erlangs >= 20 ? 1 / (erlangs + 1) : scaledExpIntegral(erlangs);
}

/** B(n, A) and r(n) = −d ln B/dx at n, by the forward recursion. */
export interface LossPoint {
  blocking: number;
  /** −d ln B/dx: how fast blocking falls per extra agent, in log terms. */
  logSlope: number;
}

/**
 * Where the walk may start for load A: ⌊A − 6√A⌋ when that saves enough steps. There B comes from the
 * continued fraction (A ≥ s + 1), and r from its leading term 1/(A − x); the recursion multiplies r's
 * error by x/(x + A·B(x−1)) ≈ x/A per step below A, e^(−18) by x = A, and the exact evaluation in
 * {@link lossThreshold} checks the interpolant anyway.
 */
export function walkStart(erlangs: number): number {
  const start = Math.floor(erlangs - 6 * Math.sqrt(erlangs));
  return start >= 32 ? start : 0;
}

/** Where the walk scales its state down (L grows like 1/B, which underflows far above the load). */
const RESCALE_ABOVE = 1e280;

/**
 * The forward Erlang-B walk over integer agents with the log-slope r carried along; the state is at `agents`.
 * It steps L = 1/B and its derivative L' (r = L'/L, since ln B = −ln L):
 * L(k) = 1 + (k/A)·L(k−1) and L'(k) = (L(k−1) + k·L'(k−1))/A, both multiply-adds of positive terms, so
 * no step waits on a division and B = 1/L, r = L'/L are formed only when read: about 2.5× faster per step
 * than B(k) = A·B/(k + A·B), whose every step divides. L and L' are kept in units of `unit`, scaled
 * down together before L overflows. The factor 1/A is rounded once, which moves L by at most k·1.1e-16
 * relative after k steps (2e-12 at 20,000). B underflowing to 0 far above the load is the true value rounded.
 */
export class LossWalk {
  // Every field starts as a double, so V8 keeps them unboxed (a field first undefined would box each store).
  agents = 0;
  /** L = 1/B, in units of `unit`. */
  inverse = 1.5;
  /** L' = dL/dx, in units of `unit`. */
  slope = 1.5;
  unit = 1.5;
  private readonly perAgent: number = 1.5;

  /** At `agents` (integer ≥ 0), from {@link walkStart} when that is below it, else from 0. */
  constructor(erlangs: number, agents = 0) {
    this.perAgent = 1 / erlangs;
    this.unit = 1;
    const k = walkStart(erlangs);
    if (k > 0 && agents >= k) {
      this.agents = k;
      this.inverse = erlangs * upperGammaFraction(k + 1, erlangs);
      this.slope = this.inverse / (erlangs - k);
    } else {
      this.agents = 0;
      this.inverse = 1;
      this.slope = walkSlopeAtZero(erlangs);
    }
    while (this.agents < agents) this.step();
  }

  /** B at `agents`. */
  get blocking(): number {
    return this.unit / this.inverse;
  }

  /** r = −d ln B/dx at `agents`: how fast blocking falls per extra agent, in log terms. */
  get logSlope(): number {
    return this.slope / this.inverse;
  }

  /** One agent more. */
  step(): void {
    const k = this.agents + 1;
    const factor = k * this.perAgent;
    this.slope = this.perAgent * this.inverse + factor * this.slope;
    this.inverse = this.unit + factor * this.inverse;
    if (this.inverse > RESCALE_ABOVE) {
      this.unit /= this.inverse;
      this.slope /= this.inverse;
      this.inverse = 1;
    }
    this.agents = k;
  }
}
