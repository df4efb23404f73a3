import { MINUTE_MS } from '@allhours/core';
import type { ScheduleRequest } from './request.js';

/**
 * Requirements per channel on the horizon's UTC grid. A coarser requirement is a head-count level,
 * so it repeats onto the finer grid (not split like a volume); intervals without data need 0 agents.
 */
export interface ChannelDemand {
  channel: string;
  /** Agents needed per grid interval of the horizon. */
  required: number[];
  /** Contacts per grid interval (split evenly from coarser data), when given. */
  volumes?: number[];
  ahtSeconds?: number[];
}

export interface Demand {
  origin: number;
  intervalMinutes: number;
  intervals: number;
  channels: ChannelDemand[];
}

export function buildDemand(request: ScheduleRequest): Demand {
  const step = request.intervalMinutes * MINUTE_MS;
  const origin = request.horizon.start;
  const intervals = (request.horizon.days * 1440) / request.intervalMinutes;
  const channels = request.requirements.map((q) => {
    const ratio = q.intervalMinutes / request.intervalMinutes;
    const first = (q.start - origin) / step;
    const required = new Array<number>(intervals).fill(0);
    const volumes = q.volumes ? new Array<number>(intervals).fill(0) : undefined;
    const aht = q.ahtSeconds !== undefined ? new Array<number>(intervals).fill(0) : undefined;
    for (let k = 0; k < q.values.length; k++) {
      for (let j = 0; j < ratio; j++) {
        const i = first + k * ratio + j;
        if (i < 0 || i >= intervals) continue;
        required[i] = q.values[k]!;
        if (volumes) volumes[i] = q.volumes![k]! / ratio;
        if (aht) aht[i] = Array.isArray(q.ahtSeconds) ? (q.ahtSeconds[k] ?? q.ahtSeconds.at(-1)!) : q.ahtSeconds!;
      }
    }
    const out: ChannelDemand = { channel: q.channel, required };
    if (volumes) out.volumes = volumes;
    if (aht) out.ahtSeconds = aht;
    return out;
  });
  return { origin, intervalMinutes: request.intervalMinutes, intervals, channels };
}

/** Grid intervals [first, last) a shift [start, end) covers completely, clipped to the horizon. */
export function coveredIntervals(demand: Demand, start: number, end: number): [number, number] {
  const step = demand.intervalMinutes * MINUTE_MS;
  const first = Math.max(0, Math.ceil((start - demand.origin) / step));
  const last = Math.min(demand.intervals, Math.floor((end - demand.origin) / step));
  return [first, Math.max(first, last)];
}
