import { formatInstant, InputError, MINUTE_MS, type Progress, parseInput, parseInstant } from '@allhours/core';
import { type StaffRequestInput, type StaffResponse, staff } from '@allhours/erlang';
import { type ForecastResponse, forecastRequestSchema, runForecastRequest } from '@allhours/forecast';
import type { ScheduleRequestInput } from '@allhours/scheduler';
import type { PlanChannel, PlanRequest } from './schema.js';

/**
 * The stages of a plan as plain functions, each producing the request the stage's own command takes
 * (written next to the report so any stage can be re-run alone) and its response.
 */

export function horizonIntervals(plan: PlanRequest): number {
  return (plan.horizon.days * 1440) / plan.intervalMinutes;
}

/** Where the plan's quantiles come from: the report's band plus the quantile a channel is staffed to. */
function quantilesFor(channel: PlanChannel): number[] {
  const q = new Set([0.1, 0.5, 0.9]);
  if (typeof channel.forecast.staffTo === 'number') q.add(channel.forecast.staffTo);
  return [...q].sort((a, b) => a - b);
}

/** The `allhours forecast` request of one channel, covering the plan's horizon. */
export function forecastRequestOf(plan: PlanRequest, channel: PlanChannel) {
  return {
    history: channel.history,
    timeZone: channel.timeZone ?? plan.timeZone,
    intervalMinutes: plan.intervalMinutes,
    origin: formatInstant(plan.horizon.start),
    // A local day can run past the UTC horizon; one more day keeps the horizon covered in every zone.
    horizonDays: plan.horizon.days + 1,
    specialDays: plan.specialDays,
    quantiles: quantilesFor(channel),
    model: channel.forecast.model,
    weeks: channel.forecast.weeks,
    ...(channel.forecast.openHours && { openHours: channel.forecast.openHours }),
  };
}

export async function forecastChannel(
  plan: PlanRequest,
  index: number,
  options: { baseDir: string; progress: Progress },
): Promise<ForecastResponse> {
  const channel = plan.channels[index]!;
  const where = `channels[${index}] (${channel.name})`;
  const parsed = parseInput(forecastRequestSchema, forecastRequestOf(plan, channel), where);
  try {
    return await runForecastRequest(parsed, options);
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.issues, where);
    throw e;
  }
}

/** A channel's forecast on the horizon grid: volume to staff to and handle time per interval. */
export interface ChannelDemand {
  volumes: number[];
  ahtSeconds: number[];
}

export function demandOf(
  plan: PlanRequest,
  channel: PlanChannel,
  forecast: ForecastResponse,
  index: number,
): ChannelDemand {
  const n = horizonIntervals(plan);
  const step = plan.intervalMinutes * MINUTE_MS;
  const volumes = new Array<number>(n).fill(0);
  const aht = new Array<number | undefined>(n).fill(undefined);
  const staffTo = channel.forecast.staffTo;
  for (const row of forecast.intervals) {
    const i = Math.round((parseInstant(row.start)! - plan.horizon.start) / step);
    if (i < 0 || i >= n) continue;
    volumes[i] = staffTo === 'mean' ? row.volume : (row.quantiles[String(staffTo)] ?? row.volume);
    aht[i] = row.ahtSeconds;
  }
  const known = aht.filter((a): a is number => a !== undefined && a > 0);
  const fallback =
    known.length > 0 ? known.reduce((s, a) => s + a, 0) / known.length : (channel.staffing.ahtSeconds ?? undefined);
  if (fallback === undefined && !channel.staffing.ahtSecondsByConcurrency)
    throw new InputError([
      { path: `channels[${index}].staffing.ahtSeconds`, message: 'is required: the history has no handle times' },
    ]);
  const ahtSeconds = aht.map((a) => (a !== undefined && a > 0 ? a : (channel.staffing.ahtSeconds ?? fallback ?? 0)));
  return { volumes, ahtSeconds };
}

/** The `allhours staff` request: each channel's forecast volumes and handle times with its targets. */
export function staffRequestOf(plan: PlanRequest, demands: ChannelDemand[]): StaffRequestInput {
  return {
    intervalMinutes: plan.intervalMinutes,
    channels: plan.channels.map((c, i) => {
      const { ahtSeconds: _fallback, ...staffing } = c.staffing;
      return {
        name: c.name,
        ...staffing,
        volumes: demands[i]!.volumes,
        ...(!c.staffing.ahtSecondsByConcurrency && { ahtSeconds: demands[i]!.ahtSeconds }),
      };
    }),
  };
}

export function staffChannels(plan: PlanRequest, demands: ChannelDemand[]): StaffResponse {
  try {
    return staff(staffRequestOf(plan, demands));
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.issues, 'staffing (built from plan channels)');
    throw e;
  }
}

/** The `allhours schedule` request: scheduled agents per interval as requirements, with what SL needs. */
export function scheduleRequestOf(
  plan: PlanRequest,
  demands: ChannelDemand[],
  staffing: StaffResponse,
  overrides: { requiredScale?: number[][] } = {},
): ScheduleRequestInput {
  return {
    horizon: { start: formatInstant(plan.horizon.start), days: plan.horizon.days },
    intervalMinutes: plan.intervalMinutes,
    requirements: plan.channels.map((c, i) => ({
      channel: c.name,
      start: formatInstant(plan.horizon.start),
      intervalMinutes: plan.intervalMinutes,
      values: staffing.channels[i]!.intervals.map(
        (x, k) => x.scheduledAgents * (overrides.requiredScale?.[i]?.[k] ?? 1),
      ),
      volumes: demands[i]!.volumes,
      ahtSeconds: demands[i]!.ahtSeconds,
      model: c.staffing.model,
      ...(c.staffing.patienceSeconds !== undefined && { patienceSeconds: c.staffing.patienceSeconds }),
      ...(c.staffing.concurrency !== undefined && { concurrency: c.staffing.concurrency }),
      targets: c.staffing.targets,
      shrinkage: c.staffing.shrinkage,
    })),
    sites: plan.sites,
    templates: plan.templates,
    agents: plan.agents,
    ...(plan.rules && { rules: plan.rules }),
    ...(plan.rotation && { rotation: plan.rotation }),
    ...(plan.weights && { weights: plan.weights }),
    ...(plan.solver && { solver: plan.solver }),
  };
}
