/**
 * Sizing the models where callers abandon, Erlang A and chat: integer secant steps from a hint, the answer's
 * metrics kept from the first probe, and for Erlang A the continuous requirement on the continuous model.
 */
import { type ChatSlots, chatMeasured, chatMetrics, chatSlots } from './chat.js';
import { erlangAMeasured, erlangAMetricsFromB } from './erlang-a.js';
import { erlangBContinuous } from './erlang-b.js';
import type { ImpatientMetrics, ServiceLevelBasis } from './metrics.js';
import { continuousThreshold, type IntegerThreshold, smallestInteger, THRESHOLD_TOLERANCE } from './search.js';
import { hasTargets, type Sized } from './sized.js';
import { checkTargets, type Measured, meetsTargets, type StaffingTargets, targetViolation } from './targets.js';

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
  ahtSecondsByConcurrency: ArrayLike<number>;
  patienceSeconds: number;
}

/** The chat search under way (one at a time, never re-entered), as {@link SEARCH_A} for Erlang A. */
const SEARCH_CHAT = {
  input: {
    arrivalsPerSecond: 0.5,
    ahtSecondsByConcurrency: [] as ArrayLike<number>,
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
