import { type ChatSlots, chatMeasured, chatMetrics, chatSlots } from './chat.js';
import { erlangAMeasured, erlangAMetricsFromB } from './erlang-a.js';
import { erlangBContinuous, erlangBMetricsFromB, type LossMetrics } from './erlang-b.js';
import { erlangCMetrics, erlangCMetricsFromB } from './erlang-c.js';
import { lossThreshold } from './loss-fractional.js';
import { type LossPoint, LossWalk, walkStart } from './loss-walk.js';
import { IDLE_QUEUE, type ImpatientMetrics, type QueueMetrics, type ServiceLevelBasis } from './metrics.js';
import { continuousThreshold, type IntegerThreshold, smallestInteger, THRESHOLD_TOLERANCE } from './search.js';
import { checkTargets, type Measured, meetsTargets, type StaffingTargets, targetViolation } from './targets.js';

/** A staffing requirement: the smallest integer meeting every target, the continuous one, and the metrics at the integer. */
export interface Sized<M> {
  agents: number;
  /** Smallest real number of agents meeting every target (continuous model), within 1e-6; ≤ agents. */
  agentsFractional: number;
  metrics: M;
}

/** Whether any target is set (field by field: this runs for every interval, and an array per call is garbage). */
function hasTargets(t: StaffingTargets): boolean {
  return (
    t.serviceLevel !== undefined ||
    t.maxAsaSeconds !== undefined ||
    t.maxAbandonRate !== undefined ||
    t.maxOccupancy !== undefined ||
    t.maxBlocking !== undefined
  );
}

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

export interface ImpatientLoad {
  erlangs: number;
  ahtSeconds: number;
  patienceSeconds: number;
}

/** Where the integer searches leave n and its neighbours' misses (one search at a time). */
const found: IntegerThreshold = { agents: 0, missAt: Number.NaN, missBelow: Number.NaN };

/** What the probes' input of every search record has besides the load (each field a double from the start). */
function probeFields() {
  return { agents: 0.5, answerWithinSeconds: 0.5, basis: 'served' as ServiceLevelBasis };
}

/** What every search record has besides its input (see {@link beginSearch}). */
function searchFields() {
  return {
    targets: {} as StaffingTargets,
    waits: false,
    /** The first integer probe (at the hint, most often the answer) keeps every metric. */
    first: undefined as ImpatientMetrics | undefined,
    firstAgents: Number.NaN,
  };
}

/**
 * The Erlang A search under way (one at a time, never re-entered): its probes read the load and targets
 * here and remember B at the last agents probed, so a search builds no closures (their contexts and the
 * numbers boxed in them were a quarter of the garbage a sized interval left: 2,392 → 1,803 bytes).
 */
const SEARCH_A = {
  input: { erlangs: 0.5, ahtSeconds: 0.5, patienceSeconds: 0.5, ...probeFields() },
  ...searchFields(),
  /** Agents of the last B computed, and that B (see {@link blockingNear}). */
  knownAgents: Number.NaN,
  knownBlocking: Number.NaN,
};

/**
 * Erlang B at any x ≥ 0 for the search's load, remembering the last value: an integer search probes
 * neighbours, and B one agent up is one step of the forward recursion (relative error shrinks), one agent
 * down one step back, B(x−1) = x·B(x)/(A(1 − B(x))), taken only while B(x) ≤ ½ (its error grows by 1/(1 − B)).
 */
function blockingNear(agents: number): number {
  const search = SEARCH_A;
  const erlangs = search.input.erlangs;
  const known = search.knownAgents;
  const value = search.knownBlocking;
  let b: number;
  if (agents === known + 1) b = (erlangs * value) / (agents + erlangs * value);
  else if (agents === known - 1 && value <= 0.5 && value > 0) b = (known * value) / (erlangs * (1 - value));
  else if (agents === known) b = value;
  else b = erlangBContinuous(agents, erlangs);
  search.knownAgents = agents;
  search.knownBlocking = b;
  return b;
}

/** Every metric at `agents`. */
function fullA(agents: number): ImpatientMetrics {
  SEARCH_A.input.agents = agents;
  return erlangAMetricsFromB(blockingNear(agents), SEARCH_A.input);
}

/** What the targets read, at `agents` (integer or not). */
function measureA(agents: number): Measured {
  SEARCH_A.input.agents = agents;
  return erlangAMeasured(blockingNear(agents), SEARCH_A.input, SEARCH_A.waits, PROBE);
}

/** The integer search's miss. */
function integerMissA(agents: number): number {
  return firstProbeMiss(SEARCH_A, agents, fullA, measureA);
}

/** The continuous search's miss. */
function continuousMissA(x: number): number {
  return x <= 0 ? Number.POSITIVE_INFINITY : targetViolation(measureA(x), SEARCH_A.targets);
}

/**
 * Erlang A sizing (`hint`: a guess of the continuous answer, e.g. the previous interval's scaled by load):
 * the integer n first (secant steps over integers from the hint, probing with the metrics a target reads),
 * every metric at n, then the continuous requirement in (n − 1, n] by inverse quadratic interpolation on the
 * continuous model (Erlang B by its incomplete-gamma form).
 */
export function sizeErlangA(load: ImpatientLoad, targets: StaffingTargets, hint?: number): Sized<ImpatientMetrics> {
  checkTargets(targets, load.erlangs);
  const { erlangs } = load;
  const search = SEARCH_A;
  const input = search.input;
  input.erlangs = erlangs;
  input.ahtSeconds = load.ahtSeconds;
  input.patienceSeconds = load.patienceSeconds;
  beginSearch(search, targets);
  search.knownAgents = Number.NaN;
  search.knownBlocking = Number.NaN;
  if (erlangs === 0 || !hasTargets(targets)) return { agents: 0, agentsFractional: 0, metrics: fullA(0) };
  // ⌈hint⌉ is the likely answer: probing it and the one below usually settles n.
  const n = smallestInteger(integerMissA, Math.ceil(hint ?? erlangs), 1, found);
  const missHi = found.missAt;
  const missBelow = found.missBelow;
  const metrics = n === search.firstAgents && search.first ? search.first : fullA(n);
  const missLo = n > 1 ? (Number.isNaN(missBelow) ? integerMissA(n - 1) : missBelow) : Number.POSITIVE_INFINITY;
  const agentsFractional = continuousThreshold(n - 1, n, continuousMissA, missLo, missHi, THRESHOLD_TOLERANCE);
  search.first = undefined; // not kept beyond the search
  return { agents: n, agentsFractional, metrics };
}

/** What the probes of a search write into (one search at a time). */
const PROBE: Measured = { serviceLevel: 0, asaSeconds: 0, abandonRate: 0, occupancy: 0 };

/** What an integer search keeps: its targets and its first probe, with every metric. */
interface FirstProbe {
  targets: StaffingTargets;
  first: ImpatientMetrics | undefined;
  firstAgents: number;
}

/** A search record of Erlang A or chat: the probes' input, and whether they need the wait sums. */
interface ProbeSearch extends FirstProbe {
  input: { agents: number; answerWithinSeconds: number; basis: ServiceLevelBasis };
  waits: boolean;
}

/** Reset what every search record has for a new search (the load is the caller's to set). */
function beginSearch(search: ProbeSearch, targets: StaffingTargets): void {
  search.input.agents = 0;
  search.input.answerWithinSeconds = targets.answerWithinSeconds ?? 0;
  search.input.basis = targets.serviceLevelBasis ?? 'served';
  search.targets = targets;
  // The searches skip the wait sums unless a target reads them (the answer gets every metric).
  search.waits = targets.maxAsaSeconds !== undefined;
  search.first = undefined;
  search.firstAgents = Number.NaN;
}

/**
 * An integer search's miss at `agents`: the first probe (at the hint, most often the answer) gets every
 * metric and is kept, the others only what the targets read; the answer's metrics are the kept ones when
 * it is n.
 */
function firstProbeMiss(
  search: FirstProbe,
  agents: number,
  full: (agents: number) => ImpatientMetrics,
  measure: (agents: number) => Measured,
): number {
  if (search.first !== undefined) return signedMiss(measure(agents), search.targets);
  search.first = full(agents);
  search.firstAgents = agents;
  return signedMiss(search.first, search.targets);
}

/** The log miss of {@link targetViolation}, its sign forced to agree with {@link meetsTargets} (direct comparisons). */
function signedMiss(m: Measured, targets: StaffingTargets): number {
  const v = targetViolation(m, targets);
  return meetsTargets(m, targets) ? Math.min(0, v) : Math.max(v, 1e-300);
}

export interface ChatLoad {
  arrivalsPerSecond: number;
  ahtSecondsByConcurrency: readonly number[];
  patienceSeconds: number;
}

/** The chat search under way (one at a time, never re-entered), as {@link SEARCH_A} for Erlang A. */
const SEARCH_CHAT = {
  input: {
    arrivalsPerSecond: 0.5,
    ahtSecondsByConcurrency: [] as readonly number[],
    patienceSeconds: 0.5,
    ...probeFields(),
  },
  ...searchFields(),
  /** The slots part at the last two agents probed (the answer is one of them), written in place. */
  lastAgents: Number.NaN,
  last: { boundary: 0.5, mean: 0.5 } as ChatSlots,
  beforeAgents: Number.NaN,
  before: { boundary: 0.5, mean: 0.5 } as ChatSlots,
};

/** The slots part at `agents` (> 0), from the two kept when it is one of them. */
function slotsAt(agents: number): ChatSlots {
  const search = SEARCH_CHAT;
  if (agents === search.lastAgents) return search.last;
  if (agents === search.beforeAgents) return search.before;
  // The older entry is overwritten and becomes the last.
  const reuse = search.before;
  search.before = search.last;
  search.beforeAgents = search.lastAgents;
  const { input } = search;
  search.last = chatSlots(agents, input.arrivalsPerSecond, input.ahtSecondsByConcurrency, reuse);
  search.lastAgents = agents;
  return search.last;
}

function fullChat(agents: number): ImpatientMetrics {
  SEARCH_CHAT.input.agents = agents;
  return chatMetrics(SEARCH_CHAT.input, true, agents > 0 ? slotsAt(agents) : undefined);
}

function measureChat(agents: number): Measured {
  SEARCH_CHAT.input.agents = agents;
  return chatMeasured(SEARCH_CHAT.input, SEARCH_CHAT.waits, agents > 0 ? slotsAt(agents) : undefined, PROBE);
}

function integerMissChat(agents: number): number {
  return firstProbeMiss(SEARCH_CHAT, agents, fullChat, measureChat);
}

/**
 * Chat sizing over integer agents. The chat model has no continuous form, so the fractional requirement
 * interpolates the worst target's (logarithmic) miss linearly between n−1 and n.
 */
export function sizeChat(load: ChatLoad, targets: StaffingTargets, hint?: number): Sized<ImpatientMetrics> {
  checkTargets(targets, load.arrivalsPerSecond);
  const search = SEARCH_CHAT;
  const input = search.input;
  input.arrivalsPerSecond = load.arrivalsPerSecond;
  input.ahtSecondsByConcurrency = load.ahtSecondsByConcurrency;
  input.patienceSeconds = load.patienceSeconds;
  beginSearch(search, targets);
  search.lastAgents = Number.NaN;
  search.beforeAgents = Number.NaN;
  if (load.arrivalsPerSecond === 0 || !hasTargets(targets)) {
    return { agents: 0, agentsFractional: 0, metrics: fullChat(0) };
  }
  const levels = load.ahtSecondsByConcurrency.length;
  // Offered load in agents at full concurrency, plus a square-root margin.
  const busy = (load.arrivalsPerSecond * load.ahtSecondsByConcurrency[levels - 1]!) / levels;
  // ⌈hint⌉ is the likely answer (the fractional one rounded up): its probe keeps every metric.
  const n = smallestInteger(integerMissChat, Math.ceil(hint ?? busy + Math.sqrt(busy)), 1, found);
  const high = found.missAt;
  const below = found.missBelow;
  const metrics = n === search.firstAgents && search.first ? search.first : fullChat(n);
  const low = n > 1 ? (Number.isNaN(below) ? integerMissChat(n - 1) : below) : Number.POSITIVE_INFINITY;
  const share = Number.isFinite(low) && low > high ? low / (low - high) : 1;
  search.first = undefined;
  search.input.ahtSecondsByConcurrency = [];
  return { agents: n, agentsFractional: n - 1 + Math.min(1, Math.max(0, share)), metrics };
}
