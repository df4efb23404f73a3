import { logPoissonTerm, regularizedGamma, upperGammaFraction } from './special.js';

/**
 * One step of the forward Erlang-B recursion, B(n) from B(n−1): values stay in (0, 1] and
 * rounding errors shrink at every step, so it is stable for any n (never Aⁿ/n!).
 */
export function erlangBStep(previous: number, agents: number, erlangs: number): number {
  const x = erlangs * previous;
  return x / (agents + x);
}

/** Erlang B at an integer number of agents by the forward recursion, O(n). */
export function erlangBInteger(agents: number, erlangs: number): number {
  let b = 1;
  for (let k = 1; k <= agents; k++) {
    const x = erlangs * b;
    b = x / (k + x);
  }
  return b;
}

/**
 * Continuous Erlang B for a real number of agents x ≥ 0: B(x, A) = Aˣe⁻ᴬ / Γ(x+1, A), the
 * incomplete-gamma form that interpolates the integer values smoothly (fractional agents).
 */
export function erlangBContinuous(agents: number, erlangs: number): number {
  if (agents === 0) return 1;
  if (erlangs === 0) return 0;
  const s = agents + 1;
  // Q(s,A) = s·D(s,A)·h and s·D(s,A) = A·D(x,A), so B = 1/(A·h): no underflow at large loads.
  if (erlangs >= s + 1) return 1 / (erlangs * upperGammaFraction(s, erlangs));
  const { q } = regularizedGamma(s, erlangs);
  return Math.exp(logPoissonTerm(agents, erlangs)) / q;
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
