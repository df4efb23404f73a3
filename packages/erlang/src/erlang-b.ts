import { LossWalk, walkStart } from './loss-walk.js';
import { logPoissonTerm, regularizedGamma, upperGammaFraction } from './special.js';

/** Erlang B at an integer number of agents by the forward recursion ({@link LossWalk}), O(√A + n − A). */
export function erlangBInteger(agents: number, erlangs: number): number {
  if (erlangs === 0) return agents === 0 ? 1 : 0;
  return new LossWalk(erlangs, agents).blocking;
}

/** How far above the load (in √A) continuous Erlang B still walks up from below instead of summing the series. */
const WALK_ABOVE_LOAD = 4;

/**
 * Continuous Erlang B for a real number of agents x ≥ 0: B(x, A) = Aˣe⁻ᴬ / Γ(x+1, A), the
 * incomplete-gamma form that interpolates the integer values smoothly (fractional agents).
 */
export function erlangBContinuous(agents: number, erlangs: number): number {
  if (agents === 0) return 1;
  if (erlangs === 0) return 0;
  const s = agents + 1;
  // Near the load the fraction (below it) and the series (above it) need O(√A) steps, each waiting on a
  // division; from ⌊A − 6√A⌋ (same fraction of x) the fraction needs a few, and the forward recursion,
  // valid for real x, walks the rest with multiply-adds, up to 4√A above the load (the series is short beyond).
  const start = walkStart(erlangs);
  const top = erlangs + WALK_ABOVE_LOAD * Math.sqrt(erlangs);
  if (start > 0 && agents >= start + 1 && agents <= top) {
    const steps = Math.floor(agents - start);
    const from = agents - steps;
    const inverse = erlangs * upperGammaFraction(from + 1, erlangs); // 1/B(from)
    return 1 / walkInverse(inverse, from, steps, erlangs);
  }
  // Small loads (no walk start): from the fractional part, where the fraction (A ≥ 3 ≥ s + 1) needs a few
  // steps, walked up; an integer x walks from B(0) = 1, as erlangBInteger does.
  if (start === 0 && erlangs >= 3 && agents >= 1 && agents <= top) {
    const steps = Math.floor(agents);
    const from = agents - steps;
    const inverse = from === 0 ? 1 : erlangs * upperGammaFraction(from + 1, erlangs);
    return 1 / walkInverse(inverse, from, steps, erlangs);
  }
  // Q(s,A) = s·D(s,A)·h and s·D(s,A) = A·D(x,A), so B = 1/(A·h): no underflow at large loads.
  if (erlangs >= s + 1) return 1 / (erlangs * upperGammaFraction(s, erlangs));
  const { q } = regularizedGamma(s, erlangs);
  return Math.exp(logPoissonTerm(agents, erlangs)) / q;
}

/**
 * 1/B walked `steps` agents up from `from` (1/B(from) = `inverse`): L(k) = 1 + (k/A)·L(k−1). At an integer
 * `from` one step at a time, the very operations of LossWalk, so integer agents get the value
 * erlangBInteger gives. At a fractional one four steps at a time: L ↦ α + β·L composed over four
 * steps (α, β positive, formed off the dependency chain), a quarter of the chain's multiply-adds to wait on.
 */
function walkInverse(inverse: number, from: number, steps: number, erlangs: number): number {
  const perAgent = 1 / erlangs;
  let l = inverse;
  let k = 1;
  if (!Number.isInteger(from)) {
    for (; k + 3 <= steps; k += 4) {
      const f1 = (from + k) * perAgent;
      const f2 = (from + k + 1) * perAgent;
      const f3 = (from + k + 2) * perAgent;
      const f4 = (from + k + 3) * perAgent;
      l = 1 + f4 * (1 + f3 * (1 + f2)) + f4 * f3 * (f2 * f1) * l;
    }
  }
  for (; k <= steps; k++) l = 1 + (from + k) * perAgent * l;
  return l;
}

/**
 * Erlang B blocking probability for `agents` servers (integer or fractional) and `erlangs` offered
 * load: the share of arrivals that find every agent busy when nobody waits.
 */
export function erlangB(agents: number, erlangs: number): number {
  if (!(agents >= 0) || !(erlangs >= 0)) throw new RangeError('erlangB needs agents ≥ 0 and erlangs ≥ 0');
  if (Number.isInteger(agents)) return erlangBInteger(agents, erlangs);
  return erlangBContinuous(agents, erlangs);
}

/** Erlang B metrics: blocking and occupancy (carried load A(1 − B) over agents). */
export interface LossMetrics {
  blocking: number;
  occupancy: number;
}

export function erlangBMetricsFromB(blocking: number, agents: number, erlangs: number): LossMetrics {
  return { blocking, occupancy: agents > 0 ? (erlangs * (1 - blocking)) / agents : 0 };
}
