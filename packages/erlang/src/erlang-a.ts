import { erlangB } from './erlang-b.js';
import { erlangCMetricsFromB } from './erlang-c.js';
import { emptyTail, emptyTailInput, type ImpatientTail, impatientTail } from './impatient.js';
import {
  IDLE_QUEUE,
  type ImpatientMetrics,
  type QueueMetrics,
  type ServiceLevelBasis,
  type Variants,
} from './metrics.js';
import type { Measured } from './targets.js';

export interface ErlangAInput {
  /** Agents, integer or fractional (continuous Erlang A through the incomplete-gamma Erlang B). */
  agents: number;
  /** Offered load in Erlangs (arrival rate × AHT). */
  erlangs: number;
  ahtSeconds: number;
  /** Mean patience (exponential); Infinity gives Erlang C. */
  patienceSeconds: number;
  answerWithinSeconds: number;
  /** Which variant `serviceLevel` and `asaSeconds` report; default `served`. */
  basis?: ServiceLevelBasis;
}

/** Every variant equal to x. */
function same(x: number): Variants {
  return { virtual: x, served: x, answered: x };
}

/**
 * Metrics with every variant equal, for queues without abandonment or without arrivals. Field by field,
 * not by spread: spreading IDLE_QUEUE took half the time of a week of zero-volume intervals.
 */
export function uniformVariants(metrics: QueueMetrics): ImpatientMetrics {
  return {
    waitProbability: metrics.waitProbability,
    serviceLevel: metrics.serviceLevel,
    asaSeconds: metrics.asaSeconds,
    abandonRate: metrics.abandonRate,
    occupancy: metrics.occupancy,
    queueLength: metrics.queueLength,
    serviceLevelVariants: same(metrics.serviceLevel),
    asaSecondsVariants: same(metrics.asaSeconds),
  };
}

/** A tail's service level and ASA on one basis. */
function onBasis(basis: ServiceLevelBasis, virtual: number, served: number, answered: number): number {
  return basis === 'served' ? served : basis === 'virtual' ? virtual : answered;
}

/** Assemble the public metrics from a tail, picking the basis for the headline numbers. */
export function fromTail(tail: ImpatientTail, occupancy: number, basis: ServiceLevelBasis): ImpatientMetrics {
  const serviceLevelVariants = { virtual: tail.slVirtual, served: tail.slServed, answered: tail.slAnswered };
  const asaSecondsVariants = {
    virtual: tail.asaVirtualSeconds,
    served: tail.asaServedSeconds,
    answered: tail.asaAnsweredSeconds,
  };
  return {
    waitProbability: tail.waitProbability,
    serviceLevel: onBasis(basis, tail.slVirtual, tail.slServed, tail.slAnswered),
    asaSeconds: onBasis(basis, tail.asaVirtualSeconds, tail.asaServedSeconds, tail.asaAnsweredSeconds),
    abandonRate: tail.abandonProbability,
    occupancy,
    queueLength: tail.queueLength,
    serviceLevelVariants,
    asaSecondsVariants,
  };
}

/** No agents at all: nobody is ever served, every caller waits out its patience and leaves. */
export function unstaffedMetrics(
  arrivalRate: number,
  patienceSeconds: number,
  basis: ServiceLevelBasis,
): ImpatientMetrics {
  const never = Number.POSITIVE_INFINITY;
  const asaSecondsVariants = { virtual: never, served: patienceSeconds, answered: never };
  return {
    waitProbability: 1,
    serviceLevel: 0,
    asaSeconds: asaSecondsVariants[basis],
    abandonRate: 1,
    occupancy: 0,
    queueLength: arrivalRate * patienceSeconds,
    serviceLevelVariants: { virtual: 0, served: 0, answered: 0 },
    asaSecondsVariants,
  };
}

/**
 * Erlang A from a known Erlang B value B(n, A), so a search can update B incrementally.
 * `waits = false` (searches without an ASA target): the ASA variants other than `served` are NaN.
 */
export function erlangAMetricsFromB(blocking: number, input: ErlangAInput, waits = true): ImpatientMetrics {
  const { agents, erlangs, ahtSeconds, patienceSeconds, answerWithinSeconds } = input;
  const basis = input.basis ?? 'served';
  if (erlangs === 0) {
    return uniformVariants(IDLE_QUEUE);
  }
  if (patienceSeconds === Number.POSITIVE_INFINITY) {
    return uniformVariants(erlangCMetricsFromB(blocking, agents, erlangs, ahtSeconds, answerWithinSeconds));
  }
  const arrivalRate = erlangs / ahtSeconds;
  if (agents === 0) return unstaffedMetrics(arrivalRate, patienceSeconds, basis);
  const tail = impatientTail(
    {
      boundary: blocking,
      fullRate: agents / ahtSeconds,
      arrivalRate,
      abandonRate: 1 / patienceSeconds,
      answerWithinSeconds,
    },
    waits,
  );
  // Occupancy under abandonment is carried load over agents, ρ(1 − P(abandon)), not A/n.
  return fromTail(tail, Math.min(1, (erlangs * (1 - tail.abandonProbability)) / agents), basis);
}

/** What a search's probe of {@link tailMeasured} writes into (one probe at a time, never re-entered). */
const PROBE_INPUT = emptyTailInput();
const PROBE_TAIL = emptyTail();

/** What the targets read of a tail, written into `out` (see {@link erlangAMeasured}). */
export function tailMeasured(
  tail: ImpatientTail,
  occupancy: number,
  basis: ServiceLevelBasis,
  out: Measured,
): Measured {
  out.serviceLevel = onBasis(basis, tail.slVirtual, tail.slServed, tail.slAnswered);
  out.asaSeconds = onBasis(basis, tail.asaVirtualSeconds, tail.asaServedSeconds, tail.asaAnsweredSeconds);
  out.abandonRate = tail.abandonProbability;
  out.occupancy = occupancy;
  return out;
}

/**
 * The metrics a target reads (service level, ASA on the basis, abandonment, occupancy) of
 * {@link erlangAMetricsFromB}, written into `out`: a search probes four or five times per interval, and
 * building every variant object for each probe cost a tenth of the sizing in garbage collection.
 */
export function erlangAMeasured(blocking: number, input: ErlangAInput, waits: boolean, out: Measured): Measured {
  const { agents, erlangs, ahtSeconds, patienceSeconds } = input;
  if (erlangs === 0 || agents === 0 || patienceSeconds === Number.POSITIVE_INFINITY) {
    return erlangAMetricsFromB(blocking, input, waits);
  }
  PROBE_INPUT.boundary = blocking;
  PROBE_INPUT.fullRate = agents / ahtSeconds;
  PROBE_INPUT.arrivalRate = erlangs / ahtSeconds;
  PROBE_INPUT.abandonRate = 1 / patienceSeconds;
  PROBE_INPUT.answerWithinSeconds = input.answerWithinSeconds;
  const tail = impatientTail(PROBE_INPUT, waits, PROBE_TAIL);
  const occupancy = Math.min(1, (erlangs * (1 - tail.abandonProbability)) / agents);
  return tailMeasured(tail, occupancy, input.basis ?? 'served', out);
}

/**
 * Erlang A (M/M/n+M): callers abandon after an exponential patience. Closed forms of Mandelbaum &
 * Zeltyn in log space; every service-level and ASA variant. Stable to n = 20,000 and 20,000 Erlangs.
 */
export function erlangA(input: ErlangAInput): ImpatientMetrics {
  return erlangAMetricsFromB(erlangB(input.agents, input.erlangs), input);
}
