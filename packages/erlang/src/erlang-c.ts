import { erlangB } from './erlang-b.js';
import type { QueueMetrics } from './metrics.js';

/**
 * Erlang C from Erlang B: C = B / (1 − ρ(1 − B)), ρ = A/n. With n ≤ A the queue grows without
 * bound and every caller waits, so C = 1 (a defined answer, not NaN).
 */
export function erlangCFromB(blocking: number, agents: number, erlangs: number): number {
  if (agents <= erlangs) return 1;
  return blocking / (1 - (erlangs / agents) * (1 - blocking));
}

/** Erlang C probability of waiting for `agents` (integer or fractional) and `erlangs` offered load. */
export function erlangC(agents: number, erlangs: number): number {
  if (agents <= erlangs) return 1;
  return erlangCFromB(erlangB(agents, erlangs), agents, erlangs);
}

/**
 * Service level P(W ≤ t) from Erlang B: 1 − C·e^(−(n−A)t/AHT), formed as (1 − C) + C·(1 − e^(…)) with
 * 1 − C = (1 − ρ)(1 − B)/(1 − ρ(1 − B)), so small service levels keep their relative accuracy.
 */
export function erlangCServiceLevelFromB(
  blocking: number,
  agents: number,
  erlangs: number,
  answerWithinSeconds: number,
  ahtSeconds: number,
): number {
  if (agents <= erlangs) return 0;
  const rho = erlangs / agents;
  const denominator = 1 - rho * (1 - blocking);
  const c = blocking / denominator;
  const oneMinusC = ((1 - rho) * (1 - blocking)) / denominator;
  const decay = -Math.expm1((-(agents - erlangs) * answerWithinSeconds) / ahtSeconds);
  return Math.min(1, oneMinusC + c * decay);
}

/** Erlang C service level: share of callers answered within `answerWithinSeconds`. */
export function serviceLevel(agents: number, erlangs: number, answerWithinSeconds: number, ahtSeconds: number): number {
  if (agents <= erlangs) return 0;
  return erlangCServiceLevelFromB(erlangB(agents, erlangs), agents, erlangs, answerWithinSeconds, ahtSeconds);
}

/** Erlang C average speed of answer in seconds, C·AHT/(n − A); Infinity when n ≤ A. */
export function asa(agents: number, erlangs: number, ahtSeconds: number): number {
  if (agents <= erlangs) return Number.POSITIVE_INFINITY;
  return (erlangC(agents, erlangs) * ahtSeconds) / (agents - erlangs);
}

/** Every Erlang C metric at once from a known Erlang B value (the sizing loop updates B in O(1)). */
export function erlangCMetricsFromB(
  blocking: number,
  agents: number,
  erlangs: number,
  ahtSeconds: number,
  answerWithinSeconds: number,
): QueueMetrics {
  if (agents <= erlangs) {
    return {
      waitProbability: 1,
      serviceLevel: 0,
      asaSeconds: Number.POSITIVE_INFINITY,
      abandonRate: 0,
      occupancy: 1,
      queueLength: Number.POSITIVE_INFINITY,
    };
  }
  const c = erlangCFromB(blocking, agents, erlangs);
  return {
    waitProbability: c,
    serviceLevel: erlangCServiceLevelFromB(blocking, agents, erlangs, answerWithinSeconds, ahtSeconds),
    asaSeconds: (c * ahtSeconds) / (agents - erlangs),
    abandonRate: 0,
    occupancy: erlangs / agents,
    queueLength: (c * erlangs) / (agents - erlangs),
  };
}

/** Erlang C (M/M/n, infinite patience): wait probability, service level, ASA, occupancy, queue length. */
export function erlangCMetrics(input: {
  agents: number;
  erlangs: number;
  ahtSeconds: number;
  answerWithinSeconds: number;
}): QueueMetrics {
  const { agents, erlangs, ahtSeconds, answerWithinSeconds } = input;
  const blocking = agents > erlangs ? erlangB(agents, erlangs) : 1;
  return erlangCMetricsFromB(blocking, agents, erlangs, ahtSeconds, answerWithinSeconds);
}
