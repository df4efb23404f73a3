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

type Core = Omit<StaffInterval, 'scheduledAgents' | 'scheduledAgentsFractional' | 'meetsTargets' | 'erlangs'>;

function fromQueue(agents: number, agentsFractional: number, m: QueueMetrics | ImpatientMetrics): Core {
  const out: Core = {
    agents,
    agentsFractional,
    serviceLevel: m.serviceLevel,
    waitProbability: m.waitProbability,
    asaSeconds: m.asaSeconds,
    abandonRate: m.abandonRate,
    occupancy: m.occupancy,
    queueLength: m.queueLength,
  };
  if ('serviceLevelVariants' in m) {
    out.serviceLevelVariants = m.serviceLevelVariants;
    out.asaSecondsVariants = m.asaSecondsVariants;
  }
  return out;
}

function sizedQueue(s: Sized<QueueMetrics | ImpatientMetrics>): Core {
  return fromQueue(s.agents, s.agentsFractional, s.metrics);
}

/** AHT of interval i: one number for all, or the per-interval array. */
function ahtAt(channel: StaffChannel, i: number): number {
  const aht = channel.ahtSeconds;
  if (aht === undefined) return channel.ahtSecondsByConcurrency?.[0] ?? 0;
  return typeof aht === 'number' ? aht : aht[i]!;
}

function chatAht(channel: StaffChannel, i: number): number[] {
  if (channel.ahtSecondsByConcurrency) return channel.ahtSecondsByConcurrency;
  return new Array<number>(channel.concurrency ?? 1).fill(ahtAt(channel, i));
}

/**
 * Erlang B, C, A and chat: each interval on its own; `hint` scales the previous interval's answer to this
 * load so the searches start next to the answer (neighbouring intervals differ little).
 */
function queueInterval(channel: StaffChannel, i: number, intervalSeconds: number, previous?: Previous): Core {
  const volume = channel.volumes[i]!;
  const aht = ahtAt(channel, i);
  const erlangs = (volume * aht) / intervalSeconds;
  const t = channel.targets;
  const given = channel.agents?.[i];
  const answerWithinSeconds = t.answerWithinSeconds ?? 0;
  const basis = t.serviceLevelBasis;
  const hint =
    previous && previous.erlangs > 0 && erlangs > 0 && previous.agentsFractional > 0
      ? (previous.agentsFractional * erlangs) / previous.erlangs
      : undefined;
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
      return {
        agents: sized.agents,
        agentsFractional: sized.agentsFractional,
        serviceLevel: 1 - blocking,
        waitProbability: 0,
        asaSeconds: 0,
        abandonRate: 0,
        occupancy,
        queueLength: 0,
        blocking,
      };
    }
    case 'erlangC':
      if (given === undefined) return sizedQueue(sizeErlangC(erlangs, aht, t));
      return fromQueue(given, given, erlangCMetrics({ agents: given, erlangs, ahtSeconds: aht, answerWithinSeconds }));
    case 'erlangA': {
      const patienceSeconds = channel.patienceSeconds!;
      if (given === undefined) return sizedQueue(sizeErlangA({ erlangs, ahtSeconds: aht, patienceSeconds }, t, hint));
      const m = erlangA({ agents: given, erlangs, ahtSeconds: aht, patienceSeconds, answerWithinSeconds, basis });
      return fromQueue(given, given, m);
    }
    default: {
      const load = {
        arrivalsPerSecond: volume / intervalSeconds,
        ahtSecondsByConcurrency: chatAht(channel, i),
        patienceSeconds: channel.patienceSeconds!,
      };
      if (given === undefined) return sizedQueue(sizeChat(load, t, hint));
      const m = chatMetrics({
        arrivalsPerSecond: load.arrivalsPerSecond,
        ahtSecondsByConcurrency: load.ahtSecondsByConcurrency,
        patienceSeconds: load.patienceSeconds,
        agents: given,
        answerWithinSeconds,
        basis,
      });
      return fromQueue(given, given, m);
    }
  }
}

interface Previous {
  erlangs: number;
  agentsFractional: number;
}

function queueIntervals(channel: StaffChannel, intervalSeconds: number): Core[] {
  let previous: Previous | undefined;
  return channel.volumes.map((volume, i) => {
    const core = queueInterval(channel, i, intervalSeconds, previous);
    previous = { erlangs: (volume * ahtAt(channel, i)) / intervalSeconds, agentsFractional: core.agentsFractional };
    return core;
  });
}

function deferredIntervals(channel: StaffChannel, intervalMinutes: number): Core[] {
  const input = {
    intervalMinutes,
    volumes: channel.volumes,
    ahtSeconds: channel.volumes.map((_, i) => ahtAt(channel, i)),
    responseWithinMinutes: channel.targets.responseWithinMinutes!,
    maxOccupancy: channel.targets.maxOccupancy,
  };
  const given = channel.agents;
  const rows = given ? evaluateDeferred(input, given) : planDeferred(input);
  return rows.map((r, i) => {
    const agents = given ? given[i]! : ceilAgents(r.agentsFractional);
    const busy = agents > 0 ? Math.min(1, r.workSeconds / (agents * intervalMinutes * 60)) : 0;
    return {
      agents,
      agentsFractional: given ? agents : r.agentsFractional,
      serviceLevel: r.serviceLevel,
      waitProbability: 0,
      asaSeconds: 0,
      abandonRate: 0,
      occupancy: busy,
      queueLength: r.backlog,
      backlog: r.backlog,
    };
  });
}

/** One channel: sized or evaluated intervals with shrinkage applied, and totals. */
export function staffChannel(channel: StaffChannel, intervalMinutes: number): StaffChannelResult {
  const intervalSeconds = intervalMinutes * 60;
  const cores =
    channel.model === 'deferred'
      ? deferredIntervals(channel, intervalMinutes)
      : queueIntervals(channel, intervalSeconds);
  const { shrinkage } = channel;
  // Erlang B's service level is 1 − blocking, judged by maxBlocking; deferred must meet every deadline.
  const targets = channel.model === 'erlangB' ? { ...channel.targets, serviceLevel: undefined } : channel.targets;
  const intervals = cores.map((core, i): StaffInterval => {
    // Built field by field (no spread): this runs for every interval of every channel.
    const row: StaffInterval = {
      erlangs: (channel.volumes[i]! * ahtAt(channel, i)) / intervalSeconds,
      agents: core.agents,
      agentsFractional: core.agentsFractional,
      scheduledAgents: Number.isInteger(core.agents)
        ? scheduledAgents(core.agents, shrinkage)
        : scheduledFractional(core.agents, shrinkage),
      scheduledAgentsFractional: scheduledFractional(core.agentsFractional, shrinkage),
      serviceLevel: core.serviceLevel,
      waitProbability: core.waitProbability,
      asaSeconds: core.asaSeconds,
      abandonRate: core.abandonRate,
      occupancy: core.occupancy,
      queueLength: core.queueLength,
      meetsTargets: channel.model === 'deferred' ? core.serviceLevel >= 1 - 1e-9 : meetsTargets(core, targets),
    };
    if (core.serviceLevelVariants) row.serviceLevelVariants = core.serviceLevelVariants;
    if (core.asaSecondsVariants) row.asaSecondsVariants = core.asaSecondsVariants;
    if (core.blocking !== undefined) row.blocking = core.blocking;
    if (core.backlog !== undefined) row.backlog = core.backlog;
    return row;
  });
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
 * Agents every interval needs per channel, or — when a channel gives `agents` — the service those agents
 * achieve. Takes the JSON contract of `allhours staff`, validated by {@link staffRequestSchema};
 * bad input throws core's InputError naming the field.
 */
export function staff(request: StaffRequestInput): StaffResponse {
  return staffParsed(parseInput(staffRequestSchema, request));
}
