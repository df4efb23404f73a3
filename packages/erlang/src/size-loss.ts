/**
 * Sizing the loss-based models, Erlang B and C: walk n up with the O(1) recursion step, then the continuous
 * requirement from the walk's two points (loss-fractional.ts).
 */
import { erlangBContinuous, erlangBMetricsFromB, type LossMetrics } from './erlang-b.js';
import { erlangCMetrics, erlangCMetricsFromB } from './erlang-c.js';
import { lossThreshold } from './loss-fractional.js';
import { type LossPoint, LossWalk, walkStart } from './loss-walk.js';
import { IDLE_QUEUE, type QueueMetrics } from './metrics.js';
import { continuousThreshold, THRESHOLD_TOLERANCE } from './search.js';
import { hasTargets, type Sized } from './sized.js';
import { checkTargets, type StaffingTargets, targetViolation } from './targets.js';

/** The continuous requirement in (lo, n] given the miss at both ends; lo itself when it already passes. */
function fractional(n: number, lo: number, miss: (x: number) => number, missLo: number, missN: number): number {
  if (lo >= n) return n;
  if (!(missLo > 0)) return lo;
  return continuousThreshold(lo, n, miss, missLo, missN, THRESHOLD_TOLERANCE);
}

/**
 * Erlang C sizing: walk n up from ⌊A⌋+1 updating Erlang B (and its log-slope) in O(1) per step and testing
 * the targets in O(1) without allocating, stop at the first n that meets them all. Without targets: the
 * smallest stable n. The continuous requirement from the bracket [n−1, n] (see loss-fractional.ts).
 */
export function sizeErlangC(erlangs: number, ahtSeconds: number, targets: StaffingTargets): Sized<QueueMetrics> {
  checkTargets(targets, erlangs);
  if (erlangs === 0) return { agents: 0, agentsFractional: 0, metrics: IDLE_QUEUE };
  const t = targets.answerWithinSeconds ?? 0;
  const sl = targets.serviceLevel ?? 0;
  const maxAsa = targets.maxAsaSeconds ?? Number.POSITIVE_INFINITY;
  const maxOcc = targets.maxOccupancy ?? 1;
  let n = Math.floor(erlangs) + 1;
  if (targets.maxOccupancy !== undefined) n = Math.max(n, Math.ceil(erlangs / maxOcc) - 1);
  const walk = new LossWalk(erlangs, n - 1);
  let previous = walk.blocking;
  // The state one step back, for its log-slope at the end (reading it every step would divide every step).
  let slopeBefore = walk.slope;
  let inverseBefore = walk.inverse;
  walk.step();
  let b = walk.blocking;
  for (;;) {
    const rho = erlangs / n;
    const denominator = 1 - rho * (1 - b);
    const c = b / denominator;
    const serviceLevel = ((1 - rho) * (1 - b)) / denominator - c * Math.expm1((-(n - erlangs) * t) / ahtSeconds);
    if (serviceLevel >= sl && (c * ahtSeconds) / (n - erlangs) <= maxAsa && rho <= maxOcc) break;
    previous = b;
    slopeBefore = walk.slope;
    inverseBefore = walk.inverse;
    walk.step();
    n += 1;
    b = walk.blocking;
  }
  const rPrevious = slopeBefore / inverseBefore;
  const r = walk.logSlope;
  const metrics = erlangCMetricsFromB(b, n, erlangs, ahtSeconds, t);
  if (!hasTargets(targets)) return { agents: n, agentsFractional: erlangs, metrics };
  beginLossSearch(SEARCH_C, erlangs, ahtSeconds, targets);
  const missN = targetViolation(metrics, targets);
  if (n - 1 <= erlangs) {
    // Erlang C is only defined above A: search (A, n] on the exact model.
    return { agents: n, agentsFractional: fractional(n, erlangs, exactMissC, exactMissC(erlangs), missN), metrics };
  }
  const missLo = targetViolation(erlangCMetricsFromB(previous, n - 1, erlangs, ahtSeconds, t), targets);
  if (!(missLo > 0)) return { agents: n, agentsFractional: n - 1, metrics };
  return {
    agents: n,
    agentsFractional: lossThreshold(
      n,
      erlangs,
      point(BELOW, previous, rPrevious),
      point(AT, b, r),
      missLo,
      missN,
      missFromBlockingC,
      exactMissC,
    ),
    metrics,
  };
}

/**
 * The Erlang B or C search under way (one at a time, never re-entered): the load, the targets and their
 * logarithms, read by plain functions, so a search builds no closures.
 */
interface LossSearch {
  erlangs: number;
  ahtSeconds: number;
  targets: StaffingTargets;
  /** t/AHT: how fast the wait tail decays per agent above the load. */
  decayPerAgent: number;
  /** ln(1 − SL target), ln(max ASA/AHT), ln(max occupancy), ln(max blocking); NaN when not set. */
  logSlLimit: number;
  logAsaLimit: number;
  logOccLimit: number;
  logBlockingLimit: number;
  /** The caps themselves (1 when not set), for the integer walk's direct comparisons. */
  maxBlocking: number;
  maxOccupancy: number;
}

function lossSearch(): LossSearch {
  const nan = Number.NaN;
  return {
    erlangs: nan,
    ahtSeconds: nan,
    targets: {},
    decayPerAgent: nan,
    logSlLimit: nan,
    logAsaLimit: nan,
    logOccLimit: nan,
    logBlockingLimit: nan,
    maxBlocking: nan,
    maxOccupancy: nan,
  };
}

const SEARCH_C = lossSearch();
const SEARCH_B = lossSearch();
/** The walk's points at n − 1 and n, as lossThreshold reads them. */
const BELOW: LossPoint = { blocking: 0.5, logSlope: 0.5 };
const AT: LossPoint = { blocking: 0.5, logSlope: 0.5 };

function point(out: LossPoint, blocking: number, logSlope: number): LossPoint {
  out.blocking = blocking;
  out.logSlope = logSlope;
  return out;
}

function beginLossSearch(search: LossSearch, erlangs: number, ahtSeconds: number, targets: StaffingTargets): void {
  search.erlangs = erlangs;
  search.ahtSeconds = ahtSeconds;
  search.targets = targets;
  search.decayPerAgent = (targets.answerWithinSeconds ?? 0) / ahtSeconds;
  search.logSlLimit = targets.serviceLevel === undefined ? Number.NaN : Math.log(1 - targets.serviceLevel);
  search.logAsaLimit = targets.maxAsaSeconds === undefined ? Number.NaN : Math.log(targets.maxAsaSeconds / ahtSeconds);
  search.logOccLimit = targets.maxOccupancy === undefined ? Number.NaN : Math.log(targets.maxOccupancy);
  search.logBlockingLimit = targets.maxBlocking === undefined ? Number.NaN : Math.log(targets.maxBlocking);
  search.maxBlocking = targets.maxBlocking ?? 1;
  search.maxOccupancy = targets.maxOccupancy ?? 1;
}

/** The Erlang C miss on the exact continuous model (lossThreshold's fallback). */
function exactMissC(x: number): number {
  const { erlangs, ahtSeconds, targets } = SEARCH_C;
  const answerWithinSeconds = targets.answerWithinSeconds ?? 0;
  return targetViolation(erlangCMetrics({ agents: x, erlangs, ahtSeconds, answerWithinSeconds }), targets);
}

/** The Erlang C miss of {@link targetViolation} and its slope from ln B(x) (log space: no rounding near SL 1). */
function missFromBlockingC(x: number, lnB: number, dlnB: number, out: Float64Array): void {
  const { erlangs, decayPerAgent, logSlLimit, logAsaLimit, logOccLimit } = SEARCH_C;
  const b = Math.exp(lnB);
  const rho = erlangs / x;
  const denominator = 1 - rho * (1 - b);
  const lnC = lnB - Math.log(denominator);
  const dlnC = dlnB - ((rho / x) * (1 - b) + rho * b * dlnB) / denominator;
  let miss = Number.NEGATIVE_INFINITY;
  let slope = 0;
  if (!Number.isNaN(logSlLimit)) {
    miss = lnC - (x - erlangs) * decayPerAgent - logSlLimit;
    slope = dlnC - decayPerAgent;
  }
  if (!Number.isNaN(logAsaLimit)) {
    const m = lnC - Math.log(x - erlangs) - logAsaLimit;
    if (m > miss) {
      miss = m;
      slope = dlnC - 1 / (x - erlangs);
    }
  }
  if (!Number.isNaN(logOccLimit)) {
    const m = Math.log(rho) - logOccLimit;
    if (m > miss) {
      miss = m;
      slope = -1 / x;
    }
  }
  out[0] = miss;
  out[1] = slope;
}

/** Whether blocking or occupancy misses its target at `agents` (both fall with n). */
function failsB(blocking: number, agents: number): boolean {
  const { erlangs, maxBlocking, maxOccupancy } = SEARCH_B;
  if (!(blocking <= maxBlocking && agents > 0)) return true;
  // Carried load never exceeds the agents: without an occupancy cap there is nothing to divide for.
  return maxOccupancy < 1 && (erlangs * (1 - blocking)) / agents > maxOccupancy;
}

/** The Erlang B miss on the exact continuous model (lossThreshold's fallback). */
function exactMissB(x: number): number {
  const { erlangs, targets } = SEARCH_B;
  return targetViolation(erlangBMetricsFromB(erlangBContinuous(x, erlangs), x, erlangs), targets);
}

/** The Erlang B miss of {@link targetViolation} and its slope from ln B(x). */
function missFromBlockingB(x: number, lnB: number, dlnB: number, out: Float64Array): void {
  const { erlangs, logBlockingLimit, logOccLimit } = SEARCH_B;
  let m = Number.NEGATIVE_INFINITY;
  let slope = 0;
  if (!Number.isNaN(logBlockingLimit)) {
    m = lnB - logBlockingLimit;
    slope = dlnB;
  }
  if (!Number.isNaN(logOccLimit)) {
    const b = Math.exp(lnB);
    const occ = Math.log((erlangs * (1 - b)) / x) - logOccLimit;
    if (occ > m) {
      m = occ;
      slope = (-b * dlnB) / (1 - b) - 1 / x;
    }
  }
  out[0] = m;
  out[1] = slope;
}

/** Erlang B sizing (lost calls): walk n up with the O(1) recursion step (and the log-slope). */
export function sizeErlangB(erlangs: number, targets: StaffingTargets): Sized<LossMetrics> {
  checkTargets(targets, erlangs);
  if (erlangs === 0) return { agents: 0, agentsFractional: 0, metrics: { blocking: 0, occupancy: 0 } };
  beginLossSearch(SEARCH_B, erlangs, Number.NaN, targets);
  // Jump over the low n when they surely fail (both measures fall with n); else walk from 0 up to the
  // start and take B there from the start itself: B(n) must be the one value erlangBInteger gives, or a
  // target set to a reported blocking could size one agent higher (the two ways differ by ~1e-14).
  const start = new LossWalk(erlangs, walkStart(erlangs));
  const jump = start.agents > 0 && failsB(start.blocking, start.agents);
  let walk = jump || start.agents === 0 ? start : new LossWalk(erlangs, 0);
  let previous = walk.blocking;
  let slopeBefore = walk.slope; // the state one step back, for its log-slope at the end
  let inverseBefore = walk.inverse;
  while (failsB(walk.blocking, walk.agents)) {
    previous = walk.blocking;
    slopeBefore = walk.slope;
    inverseBefore = walk.inverse;
    if (walk !== start && walk.agents + 1 === start.agents) walk = start;
    else walk.step();
  }
  const rPrevious = slopeBefore / inverseBefore;
  const n = walk.agents;
  const b = walk.blocking;
  const r = walk.logSlope;
  const metrics = erlangBMetricsFromB(b, n, erlangs);
  const missLo = targetViolation(erlangBMetricsFromB(previous, n - 1, erlangs), targets);
  const missN = targetViolation(metrics, targets);
  if (!(missLo > 0)) return { agents: n, agentsFractional: n - 1, metrics };
  if (n === 1) return { agents: n, agentsFractional: fractional(n, 0, exactMissB, missLo, missN), metrics };
  const below = point(BELOW, previous, rPrevious);
  const at = point(AT, b, r);
  return {
    agents: n,
    agentsFractional: lossThreshold(n, erlangs, below, at, missLo, missN, missFromBlockingB, exactMissB),
    metrics,
  };
}
