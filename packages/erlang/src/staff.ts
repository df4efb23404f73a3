import { parseInput, sum } from '@allhours/core';
import { chatMetrics } from './chat.js';
import { evaluateDeferred, planDeferred } from './deferred.js';
import { erlangA } from './erlang-a.js';
import { erlangB, erlangBMetricsFromB } from './erlang-b.js';
import { erlangCMetrics } from './erlang-c.js';
import type { ImpatientMetrics, QueueMetrics, Variants } from './metrics.js';
import {
  type StaffChannel,
  type StaffingModel,
  type StaffRequest,
  type StaffRequestInput,
  staffRequestSchema,
} from './request.js';
import { ceilAgents, scheduledAgents, scheduledFractional } from './shrinkage.js';
import { type Sized, sizeChat, sizeErlangA, sizeErlangB, sizeErlangC } from './sizing.js';
import { meetsTargets } from './targets.js';

/** One interval of a channel's answer. Infinity in the typed API is null in JSON. */
export interface StaffInterval {
  /** Offered load in Erlangs (volume × AHT / interval length); for deferred, the arriving workload. */
  erlangs: number;
  /** Productive agents (integer when sized; as given when evaluated). */
  agents: number;
  /** Smallest continuous number of productive agents meeting every target (sized), or the agents given. */
  agentsFractional: number;
  /** ⌈agents / (1 − shrinkage)⌉ */
  scheduledAgents: number;
  /** agentsFractional / (1 − shrinkage) */
  scheduledAgentsFractional: number;
  /** On the channel's serviceLevelBasis; erlangB: share not blocked; deferred: share of arrivals handled in time. */
  serviceLevel: number;
  /** erlangA and chat: every variant. */
  serviceLevelVariants?: Variants;
  waitProbability: number;
  asaSeconds: number;
  asaSecondsVariants?: Variants;
  abandonRate: number;
  occupancy: number;
  queueLength: number;
  /** erlangB only. */
  blocking?: number;
  /** deferred only: items waiting at the end of the interval. */
  backlog?: number;
  /** Whether every target holds at `agents`. */
  meetsTargets: boolean;
}

export interface StaffChannelTotals {
  volume: number;
  agentHours: number;
  agentHoursFractional: number;
  scheduledAgentHours: number;
  scheduledAgentHoursFractional: number;
  /** Intervals where some target is missed (only when evaluating given agents). */
  intervalsMissingTargets: number;
}

export interface StaffChannelResult {
  name: string;
  model: StaffingModel;
  intervals: StaffInterval[];
  totals: StaffChannelTotals;
}

export interface StaffResponse {
  intervalMinutes: number;
  channels: StaffChannelResult[];
}

/**
 * An interval's row, its shrinkage fields and target check still to fill ({@link staffChannel} does, in
 * place): one object per interval, built field by field in the order the JSON shows them.
 */
function newRow(erlangs: number, agents: number, agentsFractional: number, m: QueueMetrics): StaffInterval {
  return {
    erlangs,
    agents,
    agentsFractional,
    scheduledAgents: 0,
    scheduledAgentsFractional: 0,
    serviceLevel: m.serviceLevel,
    waitProbability: m.waitProbability,
    asaSeconds: m.asaSeconds,
    abandonRate: m.abandonRate,
    occupancy: m.occupancy,
    queueLength: m.queueLength,
    meetsTargets: false,
  };
}

function queueRow(erlangs: number, agents: number, agentsFractional: number, m: QueueMetrics | ImpatientMetrics) {
  const row = newRow(erlangs, agents, agentsFractional, m);
  if ('serviceLevelVariants' in m) {
    row.serviceLevelVariants = m.serviceLevelVariants;
    row.asaSecondsVariants = m.asaSecondsVariants;
  }
  return row;
}

function sizedRow(erlangs: number, s: Sized<QueueMetrics | ImpatientMetrics>): StaffInterval {
  return queueRow(erlangs, s.agents, s.agentsFractional, s.metrics);
}

/**
 * A validated channel with its per-interval numbers in Float64Arrays: a caller's arrays come in any
 * elements kind (small integers, doubles, holes), and each kind is another map for the code that reads
 * them every interval (the chat path deoptimised on "wrong map" in every traced benchmark run before).
 */
type Channel = Omit<StaffChannel, 'volumes' | 'ahtSeconds' | 'ahtSecondsByConcurrency' | 'agents'> & {
  volumes: Float64Array;
  ahtSeconds: number | Float64Array | undefined;
  ahtSecondsByConcurrency: Float64Array | undefined;
  agents: Float64Array | undefined;
};

/** AHT of interval i: one number for all, or the per-interval array. */
function ahtAt(channel: Channel, i: number): number {
  const aht = channel.ahtSeconds;
  if (aht === undefined) return channel.ahtSecondsByConcurrency?.[0] ?? 0;
  return typeof aht === 'number' ? aht : aht[i]!;
}

/** Offered load of interval i in Erlangs (for deferred, the arriving workload). */
function erlangsAt(channel: Channel, i: number, intervalSeconds: number): number {
  return (channel.volumes[i]! * ahtAt(channel, i)) / intervalSeconds;
}

function chatAht(channel: Channel, i: number): Float64Array {
  if (channel.ahtSecondsByConcurrency) return channel.ahtSecondsByConcurrency;
  return new Float64Array(channel.concurrency ?? 1).fill(ahtAt(channel, i));
}

/**
 * Erlang B, C, A and chat: each interval on its own; `hint` (the previous interval's answer scaled to this
 * load) lets the searches start next to the answer (neighbouring intervals differ little).
 */
function queueInterval(
  channel: Channel,
  i: number,
  intervalSeconds: number,
  erlangs: number,
  hint: number | undefined,
): StaffInterval {
  const volume = channel.volumes[i]!;
  const aht = ahtAt(channel, i);
  const t = channel.targets;
  const given = channel.agents?.[i];
  const answerWithinSeconds = t.answerWithinSeconds ?? 0;
  const basis = t.serviceLevelBasis;
  switch (channel.model) {
    case 'erlangB': {
      const sized =
        given === undefined
          ? sizeErlangB(erlangs, t)
          : {
              agents: given,
              agentsFractional: given,
              metrics: erlangBMetricsFromB(erlangB(given, erlangs), given, erlangs),
            };
      const { blocking, occupancy } = sized.metrics;
      const row = newRow(erlangs, sized.agents, sized.agentsFractional, {
        serviceLevel: 1 - blocking,
        waitProbability: 0,
        asaSeconds: 0,
        abandonRate: 0,
        occupancy,
        queueLength: 0,
      });
      row.blocking = blocking;
      return row;
    }
    case 'erlangC':
      if (given === undefined) return sizedRow(erlangs, sizeErlangC(erlangs, aht, t));
      return queueRow(
        erlangs,
        given,
        given,
        erlangCMetrics({ agents: given, erlangs, ahtSeconds: aht, answerWithinSeconds }),
      );
    case 'erlangA': {
      const patienceSeconds = channel.patienceSeconds!;
      if (given === undefined)
        return sizedRow(erlangs, sizeErlangA({ erlangs, ahtSeconds: aht, patienceSeconds }, t, hint));
      const m = erlangA({ agents: given, erlangs, ahtSeconds: aht, patienceSeconds, answerWithinSeconds, basis });
      return queueRow(erlangs, given, given, m);
    }
    default: {
      const load = {
        arrivalsPerSecond: volume / intervalSeconds,
        ahtSecondsByConcurrency: chatAht(channel, i),
        patienceSeconds: channel.patienceSeconds!,
      };
      if (given === undefined) return sizedRow(erlangs, sizeChat(load, t, hint));
      const m = chatMetrics({
        arrivalsPerSecond: load.arrivalsPerSecond,
        ahtSecondsByConcurrency: load.ahtSecondsByConcurrency,
        patienceSeconds: load.patienceSeconds,
        agents: given,
        answerWithinSeconds,
        basis,
      });
      return queueRow(erlangs, given, given, m);
    }
  }
}

function queueIntervals(channel: Channel, intervalSeconds: number): StaffInterval[] {
  const rows: StaffInterval[] = new Array(channel.volumes.length);
  let previousErlangs = 0;
  let previousFractional = 0;
  for (let i = 0; i < rows.length; i++) {
    const erlangs = erlangsAt(channel, i, intervalSeconds);
    const hint =
      previousErlangs > 0 && erlangs > 0 && previousFractional > 0
        ? (previousFractional * erlangs) / previousErlangs
        : undefined;
    const row = queueInterval(channel, i, intervalSeconds, erlangs, hint);
    rows[i] = row;
    previousErlangs = erlangs;
    previousFractional = row.agentsFractional;
  }
  return rows;
}

function deferredIntervals(channel: Channel, intervalMinutes: number): StaffInterval[] {
  const input = {
    intervalMinutes,
    volumes: channel.volumes,
    ahtSeconds: channel.volumes.map((_, i) => ahtAt(channel, i)),
    responseWithinMinutes: channel.targets.responseWithinMinutes!,
    maxOccupancy: channel.targets.maxOccupancy,
  };
  const given = channel.agents;
  const rows = given ? evaluateDeferred(input, given) : planDeferred(input);
  const intervalSeconds = intervalMinutes * 60;
  return rows.map((r, i) => {
    const agents = given ? given[i]! : ceilAgents(r.agentsFractional);
    const busy = agents > 0 ? Math.min(1, r.workSeconds / (agents * intervalSeconds)) : 0;
    const erlangs = erlangsAt(channel, i, intervalSeconds);
    const row = newRow(erlangs, agents, given ? agents : r.agentsFractional, {
      serviceLevel: r.serviceLevel,
      waitProbability: 0,
      asaSeconds: 0,
      abandonRate: 0,
      occupancy: busy,
      queueLength: r.backlog,
    });
    row.backlog = r.backlog;
    return row;
  });
}

/** One channel: sized or evaluated intervals with shrinkage applied, and totals. */
export function staffChannel(input: StaffChannel, intervalMinutes: number): StaffChannelResult {
  const channel = sameShape(input);
  const intervalSeconds = intervalMinutes * 60;
  const intervals =
    channel.model === 'deferred'
      ? deferredIntervals(channel, intervalMinutes)
      : queueIntervals(channel, intervalSeconds);
  const { shrinkage } = channel;
  // Erlang B's service level is 1 − blocking, judged by maxBlocking; deferred must meet every deadline.
  const targets = channel.model === 'erlangB' ? { ...channel.targets, serviceLevel: undefined } : channel.targets;
  for (const row of intervals) {
    row.scheduledAgents = Number.isInteger(row.agents)
      ? scheduledAgents(row.agents, shrinkage)
      : scheduledFractional(row.agents, shrinkage);
    row.scheduledAgentsFractional = scheduledFractional(row.agentsFractional, shrinkage);
    row.meetsTargets = channel.model === 'deferred' ? row.serviceLevel >= 1 - 1e-9 : meetsTargets(row, targets);
  }
  // One pass for the totals (this runs for every channel of every request).
  let agentHours = 0;
  let agentHoursFractional = 0;
  let scheduledAgentHours = 0;
  let scheduledAgentHoursFractional = 0;
  let intervalsMissingTargets = 0;
  for (const x of intervals) {
    agentHours += x.agents;
    agentHoursFractional += x.agentsFractional;
    scheduledAgentHours += x.scheduledAgents;
    scheduledAgentHoursFractional += x.scheduledAgentsFractional;
    if (!x.meetsTargets) intervalsMissingTargets += 1;
  }
  const hours = intervalMinutes / 60;
  return {
    name: channel.name,
    model: channel.model,
    intervals,
    totals: {
      volume: sum(channel.volumes),
      agentHours: agentHours * hours,
      agentHoursFractional: agentHoursFractional * hours,
      scheduledAgentHours: scheduledAgentHours * hours,
      scheduledAgentHoursFractional: scheduledAgentHoursFractional * hours,
      intervalsMissingTargets,
    },
  };
}

/** Staff an already validated request (what the CLI passes after parsing). */
export function staffParsed(request: StaffRequest): StaffResponse {
  return {
    intervalMinutes: request.intervalMinutes,
    channels: request.channels.map((c) => staffChannel(c, request.intervalMinutes)),
  };
}

/**
 * The channel (and its targets) with every field present, in one order, its numbers in Float64Arrays:
 * the validated objects differ in which optional fields they have, and each set is another hidden class
 * for the code that reads them for every interval (polymorphic reads, and deoptimisation when a new set
 * turns up mid-run).
 */
function sameShape(c: StaffChannel): Channel {
  const doubles = (values: readonly number[] | undefined) => (values ? Float64Array.from(values) : undefined);
  const t = c.targets;
  return {
    name: c.name,
    model: c.model,
    volumes: Float64Array.from(c.volumes),
    ahtSeconds: typeof c.ahtSeconds === 'number' ? c.ahtSeconds : doubles(c.ahtSeconds),
    patienceSeconds: c.patienceSeconds,
    concurrency: c.concurrency,
    ahtSecondsByConcurrency: doubles(c.ahtSecondsByConcurrency),
    agents: doubles(c.agents),
    targets: {
      serviceLevel: t.serviceLevel,
      answerWithinSeconds: t.answerWithinSeconds,
      serviceLevelBasis: t.serviceLevelBasis,
      maxAsaSeconds: t.maxAsaSeconds,
      maxAbandonRate: t.maxAbandonRate,
      maxOccupancy: t.maxOccupancy,
      maxBlocking: t.maxBlocking,
      responseWithinMinutes: t.responseWithinMinutes,
    },
    shrinkage: c.shrinkage,
  };
}

/**
 * Agents every interval needs per channel, or — when a channel gives `agents` — the service those agents
 * achieve. Takes the JSON contract of `allhours staff`, validated by {@link staffRequestSchema};
 * bad input throws core's InputError naming the field.
 */
export function staff(request: StaffRequestInput): StaffResponse {
  return staffParsed(parseInput(staffRequestSchema, request));
}
