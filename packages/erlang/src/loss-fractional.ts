import { erlangBContinuous } from './erlang-b.js';
import type { LossPoint } from './loss-walk.js';
import { continuousThreshold, THRESHOLD_TOLERANCE } from './search.js';

/**
 * The continuous requirement of the loss-based models (Erlang B and C) from the integer walk, with one
 * evaluation of the incomplete-gamma form instead of a root search on it.
 *
 * 1/B(x) = L(x) obeys L(x) = 1 + (x/A)·L(x−1) for real x, so L' obeys L'(x) = (L(x−1) + x·L'(x−1))/A
 * and the log-slope is r = L'/L, r(0) = eᴬE₁(A): carried along the O(1) Erlang-B step (LossWalk)
 * at the cost of one multiply-add, with positive terms (stable).
 * With ln B and its slope exact at n−1 and n, a cubic Hermite interpolant of ln B is accurate to
 * ~f⁗/384 across the bracket; Newton on it gives the zero, one exact evaluation there measures the
 * remaining miss and one Newton step removes it. If that step is not negligible the exact search finishes.
 */

/**
 * A target miss from Erlang B at x: writes the miss (> 0 misses, decreasing in x) to out[0] and its
 * derivative in x to out[1], given ln B(x) and d ln B/dx.
 */
export type MissFromBlocking = (x: number, lnB: number, dlnB: number, out: Float64Array) => void;

const scratch = new Float64Array(2);

/**
 * The zero of a decreasing miss in (n−1, n], given B and r at both ends and the (exact) miss there:
 * missBelow > 0 ≥ missAt. `exact` is the miss from the exact continuous model (the fallback search).
 */
export function lossThreshold(
  n: number,
  erlangs: number,
  below: LossPoint,
  at: LossPoint,
  missBelow: number,
  missAt: number,
  missFromBlocking: MissFromBlocking,
  exact: (x: number) => number,
): number {
  const lo = n - 1;
  const f0 = Math.log(below.blocking);
  const f1 = Math.log(at.blocking);
  const d0 = -below.logSlope;
  const d1 = -at.logSlope;
  if (!(Number.isFinite(f0) && Number.isFinite(f1) && Number.isFinite(missBelow) && Number.isFinite(missAt))) {
    return continuousThreshold(lo, n, exact, missBelow, missAt, THRESHOLD_TOLERANCE);
  }
  // ln B(lo + t) ≈ f0 + t·d0 + t²·c2 + t³·c3 (cubic Hermite).
  const c2 = 3 * (f1 - f0) - 2 * d0 - d1;
  const c3 = 2 * (f0 - f1) + d0 + d1;
  let x = lo + missBelow / (missBelow - missAt);
  let slope = Number.NaN;
  for (let i = 0; i < 8; i++) {
    const t = x - lo;
    missFromBlocking(x, f0 + t * (d0 + t * (c2 + t * c3)), d0 + t * (2 * c2 + 3 * t * c3), scratch);
    slope = scratch[1]!;
    const next = Math.min(n, Math.max(lo, x - scratch[0]! / slope));
    if (!Number.isFinite(next)) break;
    const moved = Math.abs(next - x);
    x = next;
    // Newton converges quadratically: after a step under 1e-5 the interpolant's zero is within ~1e-10, and
    // the exact evaluation below corrects what is left (a confirming step would only cost a probe).
    if (moved < 1e-5) break;
  }
  // One exact evaluation at the interpolated zero; accept its Newton correction when it is negligible.
  const t = x - lo;
  const dlnB = d0 + t * (2 * c2 + 3 * t * c3);
  missFromBlocking(x, Math.log(erlangBContinuous(x, erlangs)), dlnB, scratch);
  const miss = scratch[0]!;
  slope = scratch[1]!;
  const correction = miss / slope;
  // Trusted only where the miss is nearly linear: small in value (log scale) as well as in the step, so a
  // steep miss near a pole (ASA as x → A) does not pass a large miss off as a small correction.
  if (slope < 0 && Math.abs(correction) <= 1e-5 && Math.abs(miss) <= 1e-4) {
    return Math.min(n, Math.max(lo, x - correction));
  }
  // Rare (kinks where the worst target changes, tiny loads): finish on the exact model, tighter than 1e-6.
  if (!Number.isFinite(miss)) return continuousThreshold(lo, n, exact, missBelow, missAt, THRESHOLD_TOLERANCE);
  return miss > 0
    ? continuousThreshold(x, n, exact, miss, missAt, THRESHOLD_TOLERANCE)
    : continuousThreshold(lo, x, exact, missBelow, miss, THRESHOLD_TOLERANCE);
}
