import {
  createRandom,
  floorToGrid,
  formatInstant,
  instantSchema,
  localDayBounds,
  MINUTE_MS,
  parseInput,
  type Random,
  type Series,
  toLocal,
} from '@allhours/core';
import type { DateTime } from 'luxon';
import { z } from 'zod';
import { gamma, negativeBinomial, normal } from './distributions.js';
import {
  type ChannelProfile,
  PROFILES,
  REGIONS,
  type Region,
  SAMPLE_CHANNELS,
  SAMPLE_HOLIDAYS,
  type SampleChannel,
  type SampleHoliday,
  WEEKLY_GROWTH,
} from './profiles.js';

/** The fixed sample `allhours plan` runs on: 8 weeks of 15-minute history ending Monday 23 Nov 2026 00:00 UTC. */
export const SAMPLE_DEFAULTS = {
  seed: 20261123,
  end: '2026-11-23T00:00:00Z',
  weeks: 8,
  intervalMinutes: 15,
  volumeScale: 1,
} as const;

export const sampleOptionsSchema = z
  .object({
    seed: z.number().int().default(SAMPLE_DEFAULTS.seed),
    /** Exclusive end of the history; must be on the interval grid. */
    end: instantSchema.prefault(SAMPLE_DEFAULTS.end),
    weeks: z.number().int().min(1).max(104).default(SAMPLE_DEFAULTS.weeks),
    intervalMinutes: z.union([z.literal(15), z.literal(30)]).default(SAMPLE_DEFAULTS.intervalMinutes),
    /** Multiplies every region's volume: 0.5 gives a team half the size. */
    volumeScale: z.number().positive().max(100).default(SAMPLE_DEFAULTS.volumeScale),
    /** Customer regions to include (all three by default). */
    regions: z
      .array(z.enum(['europe', 'americas', 'apac']))
      .min(1)
      .default(['europe', 'americas', 'apac']),
  })
  .superRefine((o, ctx) => {
    if (floorToGrid(o.end, o.intervalMinutes) !== o.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['end'],
        message: `${formatInstant(o.end)} is not on the ${o.intervalMinutes}-minute UTC grid`,
      });
    }
  });
export type SampleOptions = z.input<typeof sampleOptionsSchema>;

export interface SampleChannelHistory {
  channel: SampleChannel;
  /** Contacts arrived per interval. */
  volumes: Series;
  /** Mean handle time of the interval's contacts; `null` where no contact arrived. */
  ahtSeconds: (number | null)[];
}

export interface SampleSpecialDay extends SampleHoliday {
  /** The region's zone: the holiday is that local calendar day. */
  timeZone: string;
}

export interface SampleHistory {
  seed: number;
  start: number;
  end: number;
  intervalMinutes: 15 | 30;
  channels: SampleChannelHistory[];
  /** Holidays that fall inside the history, each in its region's zone. */
  specialDays: SampleSpecialDay[];
}

/**
 * Expected contacts per hour (before noise) from one region on one channel at an instant: the region's
 * local wall clock, weekday and holidays decide, so the shape stays put in local time across DST.
 */
export function expectedRatePerHour(
  region: Region,
  channel: SampleChannel,
  instantMs: number,
  anchorMs: number,
  volumeScale = 1,
): number {
  return rateAtLocal(region, channel, toLocal(instantMs, region.timeZone), anchorMs, volumeScale);
}

function rateAtLocal(
  region: Region,
  channel: SampleChannel,
  local: DateTime,
  anchorMs: number,
  volumeScale: number,
): number {
  const profile = PROFILES[channel];
  const hour = local.hour + local.minute / 60;
  const dayShare = hourlyWeight(profile.hourly, hour) / sumOfWeights(profile.hourly);
  const weeks = (local.toMillis() - anchorMs) / (7 * 24 * 60 * MINUTE_MS);
  const holiday = holidayFactor(region.id, local.toISODate() as string);
  return (
    volumeScale *
    region.dailyVolume[channel] *
    profile.weekday[local.weekday - 1]! *
    dayShare *
    holiday *
    (1 + WEEKLY_GROWTH) ** weeks
  );
}

/** The profile interpolated linearly between hour midpoints, wrapping at midnight. */
export function hourlyWeight(hourly: readonly number[], hour: number): number {
  const x = hour - 0.5;
  const i = Math.floor(x);
  const f = x - i;
  const at = (k: number) => hourly[((k % 24) + 24) % 24]!;
  return at(i) * (1 - f) + at(i + 1) * f;
}

const sums = new Map<readonly number[], number>();
function sumOfWeights(hourly: readonly number[]): number {
  let s = sums.get(hourly);
  if (s === undefined) {
    s = hourly.reduce((a, b) => a + b, 0);
    sums.set(hourly, s);
  }
  return s;
}

function holidayFactor(regionId: Region['id'], localDate: string): number {
  let f = 1;
  for (const h of SAMPLE_HOLIDAYS) if (h.region === regionId && h.date === localDate) f *= h.factor;
  return f;
}

/** Holidays of the sample's regions whose local day overlaps [startMs, endMs). */
export function sampleSpecialDays(startMs: number, endMs: number): SampleSpecialDay[] {
  const out: SampleSpecialDay[] = [];
  for (const h of SAMPLE_HOLIDAYS) {
    const region = REGIONS.find((r) => r.id === h.region)!;
    const [dayStart, dayEnd] = localDayBounds(h.date, region.timeZone);
    if (dayEnd > startMs && dayStart < endMs) out.push({ ...h, timeZone: region.timeZone });
  }
  return out;
}

/**
 * Contact history of a follow-the-sun support desk: customers in Europe, the Americas and Asia-Pacific
 * reach one team on voice, chat and email. Deterministic for the same options.
 */
export function generateSampleHistory(options: SampleOptions = {}): SampleHistory {
  const opts = parseInput(sampleOptionsSchema, options, 'sample options');
  const step = opts.intervalMinutes * MINUTE_MS;
  const count = (opts.weeks * 7 * 24 * 60) / opts.intervalMinutes;
  const start = opts.end - count * step;
  const random = createRandom(opts.seed);
  const regions = REGIONS.filter((r) => opts.regions.includes(r.id));
  const channels = SAMPLE_CHANNELS.map((channel) =>
    channelHistory(channel, regions, start, count, opts.intervalMinutes, opts.volumeScale, random),
  );
  return {
    seed: opts.seed,
    start,
    end: opts.end,
    intervalMinutes: opts.intervalMinutes,
    channels,
    specialDays: sampleSpecialDays(start, opts.end).filter((d) => opts.regions.includes(d.region)),
  };
}

function channelHistory(
  channel: SampleChannel,
  regions: readonly Region[],
  start: number,
  count: number,
  intervalMinutes: 15 | 30,
  volumeScale: number,
  random: Random,
): SampleChannelHistory {
  const profile = PROFILES[channel];
  const step = intervalMinutes * MINUTE_MS;
  const hours = intervalMinutes / 60;
  const volumes = new Array<number>(count).fill(0);
  const handleTotals = new Array<number>(count).fill(0);
  for (const region of regions) {
    // A level per local day: busy and quiet days come in whole days, not as independent intervals.
    const dayLevel = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const t = start + i * step;
      const mid = t + step / 2;
      const local = toLocal(mid, region.timeZone);
      const date = local.toISODate() as string;
      let level = dayLevel.get(date);
      if (level === undefined) {
        level = gamma(random, 150) / 150; // ≈ ±8 % day to day
        dayLevel.set(date, level);
      }
      const mean = rateAtLocal(region, channel, local, start, volumeScale) * hours * level;
      const n = negativeBinomial(random, mean, profile.dispersion);
      if (n === 0) continue;
      volumes[i]! += n;
      handleTotals[i]! += n * meanHandleSeconds(profile, local.hour + local.minute / 60, n, random);
    }
  }
  const ahtSeconds = volumes.map((n, i) => (n > 0 ? Math.round(handleTotals[i]! / n) : null));
  return { channel, volumes: { start, intervalMinutes, values: volumes }, ahtSeconds };
}

/** Mean of `n` handle times: the hour's typical value plus sampling noise that shrinks with √n. */
function meanHandleSeconds(profile: ChannelProfile, hour: number, n: number, random: Random): number {
  const typical = profile.ahtSeconds * hourlyWeight(profile.ahtHourly, hour);
  const noisy = typical * (1 + (profile.handleCv / Math.sqrt(n)) * normal(random));
  return Math.max(typical * 0.25, noisy);
}
