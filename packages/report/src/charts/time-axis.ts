import { addDays, isWeekendDate, localDateOf, localDayBounds } from '@allhours/core';
import { DateTime } from 'luxon';

export interface DayTick {
  date: string;
  /** Local midnight as a UTC instant. */
  start: number;
  end: number;
  /** `Mon 23 Nov`. */
  label: string;
  weekend: boolean;
}

/** `Mon 23 Nov` for a calendar date. */
export function dayLabel(date: string): string {
  let label = labels.get(date);
  if (label === undefined) {
    label = DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc d LLL');
    labels.set(date, label);
  }
  return label;
}
const labels = new Map<string, string>(); // a few hundred dates at most; labels are asked for per cell

/** The local days in `zone` that overlap [fromMs, toMs), each with its true (23/24/25 h) bounds. */
export function dayTicks(fromMs: number, toMs: number, zone: string): DayTick[] {
  const out: DayTick[] = [];
  if (!(toMs > fromMs)) return out;
  let date = localDateOf(fromMs, zone);
  for (let guard = 0; guard < 4000; guard++) {
    const [start, end] = localDayBounds(date, zone);
    if (start >= toMs) break;
    out.push({ date, start, end, label: dayLabel(date), weekend: isWeekendDate(date) });
    date = addDays(date, 1);
  }
  return out;
}

/** Calendar dates `first`, `first + 1`, … (`count` of them). */
export function dateRange(first: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(first, i));
}

/** Whole days from date `a` to date `b` (`b − a`). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
