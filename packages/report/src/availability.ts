import {
  addDays,
  formatLocalTime,
  isWeekendDate,
  localDateOf,
  localDateSchema,
  localDayIntervals,
  parseInput,
  seriesSchema,
  timeZoneSchema,
} from '@allhours/core';
import { z } from 'zod';
import { wallClock } from './wall-clock.js';

/**
 * The opening hours a contact center can publish per channel, derived from what the roster really staffs:
 * per local time slot, `full` (staffed to requirement), `limited` (some agents but fewer than required,
 * so longer answer times; or nobody but a bot/self-service), `closed` (nothing). Separate schedules for
 * weekdays, weekends and holidays.
 */

export const AVAILABILITY_LEVELS = ['closed', 'limited', 'full'] as const;
export type AvailabilityLevel = (typeof AVAILABILITY_LEVELS)[number];
export type DayType = 'weekday' | 'weekend' | 'holiday';

export const availabilityInputSchema = z
  .object({
    /** Zone the schedule is published in (the customers' clock). */
    timeZone: timeZoneSchema,
    /** Agents required per interval. */
    required: seriesSchema,
    /** Agents staffed (scheduled) per interval, same grid as `required`. */
    staffed: seriesSchema,
    /** Fraction of contacts a bot or self-service handles when no agent is there; > 0 means "limited", not "closed". */
    botShare: z.number().min(0).max(1).default(0),
    /** Local dates (in `timeZone`) that run the holiday schedule. */
    holidays: z.array(localDateSchema).default([]),
    /**
     * Share of the days of a type on which a slot must reach a level to be published at that level:
     * 1 = promise only what held every day; 0.8 tolerates one bad day in five.
     */
    reliability: z.number().gt(0).max(1).default(0.8),
    /** Granularity of the published blocks: a customer reads hours, not quarter hours. */
    blockMinutes: z.number().int().positive().max(1440).default(60),
  })
  .superRefine((v, ctx) => {
    if (v.blockMinutes % v.required.intervalMinutes !== 0 || 1440 % v.blockMinutes !== 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['blockMinutes'],
        message: `must be a multiple of the ${v.required.intervalMinutes}-minute interval that divides a day`,
      });
    }
    if (v.required.intervalMinutes !== v.staffed.intervalMinutes) {
      ctx.addIssue({
        code: 'custom',
        path: ['staffed', 'intervalMinutes'],
        message: 'must equal required.intervalMinutes',
      });
    }
  });
export type AvailabilityInput = z.input<typeof availabilityInputSchema>;

export interface AvailabilityBlock {
  /** `HH:mm` local, inclusive. */
  from: string;
  /** `HH:mm` local, exclusive (`24:00` closes the day). */
  to: string;
  fromMinute: number;
  toMinute: number;
  level: AvailabilityLevel;
  /** Why a block is limited: `reduced staffing` or `bot/self-service`; empty otherwise. */
  reason: string;
}

export interface DaySchedule {
  dayType: DayType;
  /** Days of this type the schedule was derived from. */
  days: number;
  /** Set when there was no day of this type and another type's schedule stands in (holidays → weekends). */
  derivedFrom?: DayType;
  blocks: AvailabilityBlock[];
}

export interface AvailabilitySchedule {
  timeZone: string;
  /** Length of the published blocks' grid (the `blockMinutes` option). */
  slotMinutes: number;
  weekday: DaySchedule;
  weekend: DaySchedule;
  holiday: DaySchedule;
}

const RANK: Record<AvailabilityLevel, number> = { closed: 0, limited: 1, full: 2 };

/** Level of one interval: the rule the published schedule is made of. */
export function intervalLevel(required: number, staffed: number, botShare: number): AvailabilityLevel {
  if (staffed > 0 && staffed >= required - 1e-9) return 'full';
  if (staffed > 0 || botShare > 0) return 'limited';
  return 'closed';
}

interface Observation {
  level: AvailabilityLevel;
  staffed: number;
}

export type AvailabilityOptions = z.output<typeof availabilityInputSchema>;

/** The schedule from raw input (ISO instants), validated: bad input is an InputError naming the field. */
export function availabilitySchedule(input: AvailabilityInput): AvailabilitySchedule {
  return scheduleFromParsed(parseInput(availabilityInputSchema, input, 'availability'));
}

/** The schedule from already-parsed series (epoch-ms starts). */
export function scheduleFromParsed(v: AvailabilityOptions): AvailabilitySchedule {
  const minutes = v.required.intervalMinutes;
  const step = minutes * 60_000;
  const slots = 1440 / v.blockMinutes;
  const holidays = new Set(v.holidays);
  const from = Math.max(v.required.start, v.staffed.start);
  const to = Math.min(
    v.required.start + v.required.values.length * step,
    v.staffed.start + v.staffed.values.length * step,
  );
  const observations: Record<DayType, Observation[][]> = { weekday: [], weekend: [], holiday: [] };
  const dayCount: Record<DayType, number> = { weekday: 0, weekend: 0, holiday: 0 };

  if (to > from) {
    for (let date = localDateOf(from, v.timeZone); ; date = addDays(date, 1)) {
      const instants = localDayIntervals(date, v.timeZone, minutes);
      if (instants.length === 0 || instants[0]! >= to) break;
      // Only whole days: a partial first or last day would publish its missing hours as closed.
      if (instants[0]! < from || instants[instants.length - 1]! + step > to) continue;
      const type: DayType = holidays.has(date) ? 'holiday' : isWeekendDate(date) ? 'weekend' : 'weekday';
      dayCount[type]++;
      const bySlot = observations[type];
      for (const t of instants) {
        const slot = Math.floor(wallClock(t, v.timeZone).minuteOfDay / v.blockMinutes);
        const required = v.required.values[Math.round((t - v.required.start) / step)]!;
        const staffed = v.staffed.values[Math.round((t - v.staffed.start) / step)]!;
        (bySlot[slot] ??= []).push({ level: intervalLevel(required, staffed, v.botShare), staffed });
      }
    }
  }

  const schedule = (type: DayType): DaySchedule => ({
    dayType: type,
    days: dayCount[type],
    blocks: dayCount[type] === 0 ? [] : toBlocks(observations[type], slots, v.blockMinutes, v.reliability),
  });
  const weekday = schedule('weekday');
  const weekend = schedule('weekend');
  let holiday = schedule('holiday');
  // Holidays usually run the Sunday schedule; say so rather than publish an empty day.
  if (holiday.days === 0 && weekend.days > 0) holiday = { ...holiday, derivedFrom: 'weekend', blocks: weekend.blocks };
  return { timeZone: v.timeZone, slotMinutes: v.blockMinutes, weekday, weekend, holiday };
}

/**
 * Per block, the best level reached on at least `reliability` of its intervals (over all days of the
 * type); then runs of equal blocks merge.
 */
function toBlocks(bySlot: Observation[][], slots: number, minutes: number, reliability: number): AvailabilityBlock[] {
  const perSlot: { level: AvailabilityLevel; reason: string }[] = [];
  for (let s = 0; s < slots; s++) {
    const obs = bySlot[s] ?? [];
    if (obs.length === 0) {
      // A slot that exists on no day of the type (only inside a DST gap): borrow the previous slot.
      perSlot.push(perSlot[s - 1] ?? { level: 'closed', reason: '' });
      continue;
    }
    let level: AvailabilityLevel = 'closed';
    for (const candidate of ['full', 'limited'] as const) {
      const reached = obs.filter((o) => RANK[o.level] >= RANK[candidate]).length;
      if (reached >= reliability * obs.length - 1e-9) {
        level = candidate;
        break;
      }
    }
    let reason = '';
    if (level === 'limited') {
      const withAgents = obs.filter((o) => o.staffed > 0).length;
      reason = withAgents >= reliability * obs.length - 1e-9 ? 'reduced staffing' : 'bot/self-service';
    }
    perSlot.push({ level, reason });
  }
  const blocks: AvailabilityBlock[] = [];
  perSlot.forEach((p, s) => {
    const last = blocks[blocks.length - 1];
    if (last && last.level === p.level && last.reason === p.reason) {
      last.toMinute = (s + 1) * minutes;
      last.to = clock(last.toMinute);
    } else {
      blocks.push({
        from: clock(s * minutes),
        to: clock((s + 1) * minutes),
        fromMinute: s * minutes,
        toMinute: (s + 1) * minutes,
        level: p.level,
        reason: p.reason,
      });
    }
  });
  return blocks;
}

function clock(minute: number): string {
  return minute === 1440 ? '24:00' : formatLocalTime(minute);
}
