import { DateTime } from 'luxon';
import { z } from 'zod';
import { MINUTE_MS } from './interval.js';

/**
 * Local time lives only at the edges (templates, windows, display). Everything here turns a local
 * notion (a calendar date, a wall-clock time) into UTC instants or back, per IANA zone.
 */

/** `YYYY-MM-DD`, a calendar date with no zone attached. */
export const localDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine((d) => DateTime.fromISO(d, { zone: 'UTC' }).isValid, 'is not a real calendar date');

/** `HH:mm` wall-clock time, `00:00`–`24:00` (24:00 closes a day). */
export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day as HH:mm (00:00–24:00)');

/** Minutes since local midnight of `HH:mm`. */
export function minutesOfLocalTime(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function formatLocalTime(minuteOfDay: number): string {
  const m = ((minuteOfDay % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function toLocal(instantMs: number, timeZone: string): DateTime {
  return DateTime.fromMillis(instantMs, { zone: timeZone });
}

/** ISO string with the zone's offset at that instant: `2026-03-29T03:00:00.000+02:00`. */
export function formatLocal(instantMs: number, timeZone: string): string {
  return toLocal(instantMs, timeZone).toISO({ suppressMilliseconds: false }) as string;
}

/** Local calendar date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDateOf(instantMs: number, timeZone: string): string {
  return toLocal(instantMs, timeZone).toISODate() as string;
}

/** UTC offset in minutes at an instant (Asia/Kolkata → 330). */
export function offsetMinutesAt(instantMs: number, timeZone: string): number {
  return toLocal(instantMs, timeZone).offset;
}

/**
 * The instant of a wall-clock time on a local date. `minuteOfDay` may exceed 1440 to reach into the
 * next day (a 22:00 + 10 h shift ends at minute 1920).
 * Wall times that do not exist (the spring-forward gap) move forward by the gap, as clocks do;
 * wall times that occur twice (fall back) take the first occurrence.
 */
export function localToInstant(localDate: string, minuteOfDay: number, timeZone: string): number {
  const day = Math.floor(minuteOfDay / 1440);
  const minute = minuteOfDay - day * 1440;
  const base = DateTime.fromISO(localDate, { zone: timeZone }).plus({ days: day });
  const dt = base.set({ hour: Math.floor(minute / 60), minute: minute % 60, second: 0, millisecond: 0 });
  return dt.toMillis();
}

/** [start, end) of a local calendar day as UTC instants: 23, 24 or 25 hours long around DST. */
export function localDayBounds(localDate: string, timeZone: string): [number, number] {
  const start = DateTime.fromISO(localDate, { zone: timeZone }).startOf('day');
  if (!start.isValid) throw new RangeError(`invalid local date "${localDate}" in ${timeZone}`);
  return [start.toMillis(), start.plus({ days: 1 }).startOf('day').toMillis()];
}

export function localDayLengthMinutes(localDate: string, timeZone: string): number {
  const [start, end] = localDayBounds(localDate, timeZone);
  return (end - start) / MINUTE_MS;
}

/** Next calendar date, `2026-12-31` → `2027-01-01`. */
export function addDays(localDate: string, days: number): string {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).plus({ days }).toISODate() as string;
}

/** ISO weekday of a calendar date: 1 = Monday … 7 = Sunday. */
export function weekdayOf(localDate: string): number {
  return DateTime.fromISO(localDate, { zone: 'UTC' }).weekday;
}

/** A Saturday or Sunday: the weekend of premiums, fairness counts and charts. */
export function isWeekendDate(localDate: string): boolean {
  return weekdayOf(localDate) >= 6;
}

/**
 * UTC interval starts of the grid that fall within a local day. A day with a DST change has
 * 92 or 100 quarter hours; in a half-hour-offset zone on an hourly grid the intervals start at :30 local.
 */
export function localDayIntervals(localDate: string, timeZone: string, intervalMinutes: number): number[] {
  const [start, end] = localDayBounds(localDate, timeZone);
  const step = intervalMinutes * MINUTE_MS;
  const out: number[] = [];
  for (let t = Math.ceil(start / step) * step; t < end; t += step) out.push(t);
  return out;
}
