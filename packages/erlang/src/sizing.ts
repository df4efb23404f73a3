import { chatMetrics } from './chat.js';
import { erlangAMetricsFromB } from './erlang-a.js';
import { erlangBContinuous, erlangBInteger, erlangBMetricsFromB, type LossMetrics } from './erlang-b.js';
import { erlangCMetrics, erlangCMetricsFromB } from './erlang-c.js';
import { IDLE_QUEUE, type ImpatientMetrics, type QueueMetrics } from './metrics.js';
import { continuousThreshold, smallestInteger } from './search.js';
import { meetsTargets, type StaffingTargets, targetViolation } from './targets.js';

/** A staffing requirement: the smallest integer meeting every target, the continuous one, and the metrics at the integer. */
export interface Sized<M> {
  agents: number;
  /** Smallest real number of agents meeting every target (continuous model), within 1e-6; ≤ agents. */
  agentsFractional: number;
  metrics: M;
}

function hasTargets(t: StaffingTargets): boolean {
  return [t.serviceLevel, t.maxAsaSeconds, t.maxAbandonRate, t.maxOccupancy, t.maxBlocking].some(
    (x) => x !== undefined,
  );
}

/** The continuous requirement in (lo, n] given the miss at both ends; lo itself when it already passes. */
function fractional(n: number, lo: number, miss: (x: number) => number, missLo: number, missN: number): number {
  if (lo >= n) return n;
  if (!(missLo > 0)) return lo;
  return continuousThreshold(lo, n, miss, missLo, missN);
}

/**
 * Erlang C sizing: walk n up from ⌊A⌋+1 updating Erlang B in O(1) per step and testing the targets in
 * O(1) without allocating, stop at the first n that meets them all. Without targets: the smallest stable n.
 */
export function sizeErlangC(erlangs: number, ahtSeconds: number, targets: StaffingTargets): Sized<QueueMetrics> {
  if (erlangs === 0) return { agents: 0, agentsFractional: 0, metrics: IDLE_QUEUE };
  const t = targets.answerWithinSeconds ?? 0;
  const sl = targets.serviceLevel ?? 0;
  const maxAsa = targets.maxAsaSeconds ?? Number.POSITIVE_INFINITY;
  const maxOcc = targets.maxOccupancy ?? 1;
  let n = Math.floor(erlangs) + 1;
  if (targets.maxOccupancy !== undefined) n = Math.max(n, Math.ceil(erlangs / maxOcc) - 1);
  let previous = erlangBInteger(n - 1, erlangs);
  let b = (erlangs * previous) / (n + erlangs * previous);
  for (;;) {
    const rho = erlangs / n;
    const denominator = 1 - rho * (1 - b);
    const c = b / denominator;
    const serviceLevel = ((1 - rho) * (1 - b)) / denominator - c * Math.expm1((-(n - erlangs) * t) / ahtSeconds);
    if (serviceLevel >= sl && (c * ahtSeconds) / (n - erlangs) <= maxAsa && rho <= maxOcc) break;
    previous = b;
    n += 1;
    b = (erlangs * b) / (n + erlangs * b);
  }
  const metrics = erlangCMetricsFromB(b, n, erlangs, ahtSeconds, t);
  if (!hasTargets(targets)) return { agents: n, agentsFractional: erlangs, metrics };
  const miss = (x: number) =>
    targetViolation(erlangCMetrics({ agents: x, erlangs, ahtSeconds, answerWithinSeconds: t }), targets);
  const lo = Math.max(n - 1, erlangs);
  const missLo =
    lo === n - 1 ? targetViolation(erlangCMetricsFromB(previous, n - 1, erlangs, ahtSeconds, t), targets) : miss(lo);
  return { agents: n, agentsFractional: fractional(n, lo, miss, missLo, targetViolation(metrics, targets)), metrics };
}

/** Erlang B sizing (lost calls): walk n up from 0 with the O(1) recursion step. */
export function sizeErlangB(erlangs: number, targets: StaffingTargets): Sized<LossMetrics> {
  if (erlangs === 0) return { agents: 0, agentsFractional: 0, metrics: { blocking: 0, occupancy: 0 } };
  const maxBlocking = targets.maxBlocking ?? 1;
  const maxOcc = targets.maxOccupancy ?? 1;
  let n = 0;
  let b = 1;
  let previous = 1;
  while (!(b <= maxBlocking && (n > 0 ? (erlangs * (1 - b)) / n : 0) <= maxOcc && n > 0)) {
    previous = b;
    n += 1;
    b = (erlangs * b) / (n + erlangs * b);
  }
  const metrics = erlangBMetricsFromB(b, n, erlangs);
  const miss = (x: number) => targetViolation(erlangBMetricsFromB(erlangBContinuous(x, erlangs), x, erlangs), targets);
  const missLo = targetViolation(erlangBMetricsFromB(previous, n - 1, erlangs), targets);
  return {
    agents: n,
    agentsFractional: fractional(n, n - 1, miss, missLo, targetViolation(metrics, targets)),
    metrics,
  };
}

export interface ImpatientLoad {
  erlangs: number;
  ahtSeconds: number;
  patienceSeconds: number;
}

/**
 * Erlang A sizing (`hint`: a guess of the answer, e.g. the previous interval's, scaled by load): find the continuous requirement first (secant steps on the continuous model, Erlang B
 * by its incomplete-gamma form), then the integer is its ceiling, checked against its neighbours.
 */
export function sizeErlangA(load: ImpatientLoad, targets: StaffingTargets, hint?: number): Sized<ImpatientMetrics> {
  const { erlangs } = load;
  const answerWithinSeconds = targets.answerWithinSeconds ?? 0;
  const basis = targets.serviceLevelBasis ?? 'served';
  const at = (agents: number) =>
    erlangAMetricsFromB(erlangBContinuous(agents, erlangs), {
      erlangs,
      ahtSeconds: load.ahtSeconds,
      patienceSeconds: load.patienceSeconds,
      agents,
      answerWithinSeconds,
      basis,
    });
  if (erlangs === 0 || !hasTargets(targets)) return { agents: 0, agentsFractional: 0, metrics: at(0) };
  const miss = (x: number) => (x <= 0 ? Number.POSITIVE_INFINITY : targetViolation(at(x), targets));
  // Bracket the continuous zero from the hint (a neighbouring interval's answer, scaled) or x = A,
  // stepping by secant extrapolation (first step ½√A, or √A/10 from a hint).
  let x0 = Math.max(hint ?? erlangs, 0.5);
  let m0 = miss(x0);
  let step = Math.max(0.5, (hint === undefined ? 0.5 : 0.1) * Math.sqrt(erlangs));
  const direction = m0 > 0 ? 1 : -1;
  let x1 = x0;
  let m1 = m0;
  for (;;) {
    let next = x1 + direction * step;
    if (x1 !== x0 && Number.isFinite(m0) && Number.isFinite(m1) && m0 !== m1) {
      const root = x1 - (m1 * (x1 - x0)) / (m1 - m0);
      // The log miss is nearly linear: trust the secant (a little past it), at most 16 times the last step.
      const distance = Math.min(16 * step, Math.max(0.5, 1.1 * Math.abs(root - x1) + 0.1));
      next = x1 + direction * distance;
    }
    if (next <= 0) next = 0;
    const mNext = miss(next);
    step = Math.abs(next - x1);
    x0 = x1;
    m0 = m1;
    x1 = next;
    m1 = mNext;
    if (mNext > 0 !== direction > 0 || next === 0) break;
  }
  const [lo, hi, missLo, missHi] = direction > 0 ? [x0, x1, m0, m1] : [x1, x0, m1, m0];
  const agentsFractional = missLo > 0 ? continuousThreshold(lo, hi, miss, missLo, missHi) : lo;
  // The integer requirement: the ceiling, moved if rounding put it on the wrong side. By monotonicity
  // n − 1 fails without a probe unless it lies within the root's tolerance.
  let n = Math.max(1, Math.ceil(agentsFractional - 1e-9));
  let metrics = at(n);
  while (!meetsTargets(metrics, targets)) metrics = at(++n);
  while (n > 1 && agentsFractional - (n - 1) < 1e-6) {
    const below = at(n - 1);
    if (!meetsTargets(below, targets)) break;
    n -= 1;
    metrics = below;
  }
  return { agents: n, agentsFractional: Math.min(agentsFractional, n), metrics };
}

export interface ChatLoad {
  arrivalsPerSecond: number;
  ahtSecondsByConcurrency: readonly number[];
  patienceSeconds: number;
}

/**
 * Chat sizing over integer agents. The chat model has no continuous form, so the fractional requirement
 * interpolates the worst target's (logarithmic) miss linearly between n−1 and n.
 */
export function sizeChat(load: ChatLoad, targets: StaffingTargets, hint?: number): Sized<ImpatientMetrics> {
  const at = (agents: number) =>
    chatMetrics({
      arrivalsPerSecond: load.arrivalsPerSecond,
      ahtSecondsByConcurrency: load.ahtSecondsByConcurrency,
      patienceSeconds: load.patienceSeconds,
      agents,
      answerWithinSeconds: targets.answerWithinSeconds ?? 0,
      basis: targets.serviceLevelBasis ?? 'served',
    });
  if (load.arrivalsPerSecond === 0 || !hasTargets(targets)) return { agents: 0, agentsFractional: 0, metrics: at(0) };
  const levels = load.ahtSecondsByConcurrency.length;
  // Offered load in agents at full concurrency, plus a square-root margin.
  const busy = (load.arrivalsPerSecond * load.ahtSecondsByConcurrency[levels - 1]!) / levels;
  const probed = new Map<number, number>();
  const metricsAt = new Map<number, ImpatientMetrics>();
  const miss = (k: number) => {
    const m = at(k);
    metricsAt.set(k, m);
    return meetsTargets(m, targets)
      ? Math.min(0, targetViolation(m, targets))
      : Math.max(targetViolation(m, targets), 1e-300);
  };
  const n = smallestInteger(miss, hint ?? busy + Math.sqrt(busy), 1, probed);
  const metrics = metricsAt.get(n) ?? at(n);
  const high = probed.get(n) ?? miss(n);
  const low = n > 1 ? (probed.get(n - 1) ?? miss(n - 1)) : Number.POSITIVE_INFINITY;
  const share = Number.isFinite(low) && low > high ? low / (low - high) : 1;
  return { agents: n, agentsFractional: n - 1 + Math.min(1, Math.max(0, share)), metrics };
}
