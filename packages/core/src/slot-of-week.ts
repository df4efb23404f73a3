import { MINUTE_MS } from './interval.js';
import { formatLocalTime, toLocal } from './local.js';

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * Where an instant falls in the local week, by the wall clock: weekday and time of day. Keyed by
 * wall-clock time, so the 09:00 peak is slot "Mon 09:00" in both summer and winter. On the day clocks
 * go back, the repeated hour maps onto the same slots twice; on the day they go forward, its slots are absent.
 */
export interface SlotOfWeek {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Wall-clock minutes since local midnight, floored to the grid. */
  minuteOfDay: number;
  /** 0 … slotsPerWeek − 1, Monday 00:00 first. */
  index: number;
  /** `Mon 09:00`. */
  key: string;
}

export function slotsPerDay(intervalMinutes: number): number {
  return 1440 / intervalMinutes;
}

export function slotOfWeek(instantMs: number, timeZone: string, intervalMinutes: number): SlotOfWeek {
  const local = toLocal(instantMs, timeZone);
  return slotFromLocal(local.weekday, local.hour * 60 + local.minute, intervalMinutes);
}

export function slotFromLocal(weekday: number, wallMinute: number, intervalMinutes: number): SlotOfWeek {
  const minuteOfDay = Math.floor(wallMinute / intervalMinutes) * intervalMinutes;
  const index = (weekday - 1) * slotsPerDay(intervalMinutes) + minuteOfDay / intervalMinutes;
  return { weekday, minuteOfDay, index, key: `${WEEKDAY_NAMES[weekday - 1]} ${formatLocalTime(minuteOfDay)}` };
}

/**
 * Slot-of-week index for each of `count` grid intervals from `startMs`. Computes the zone offset only when
 * it may change (once per hour), which keeps a year of 5-minute intervals fast.
 */
export function slotIndexes(startMs: number, count: number, intervalMinutes: number, timeZone: string): Int32Array {
  const out = new Int32Array(count);
  const step = intervalMinutes * MINUTE_MS;
  const perDay = slotsPerDay(intervalMinutes);
  let offsetCheckedUntil = Number.NEGATIVE_INFINITY;
  let offsetMs = 0;
  for (let i = 0; i < count; i++) {
    const t = startMs + i * step;
    if (t >= offsetCheckedUntil) {
      offsetMs = toLocal(t, timeZone).offset * MINUTE_MS;
      // Offsets change on whole or half hours at most every few weeks; recheck at the next quarter hour boundary.
      offsetCheckedUntil = Math.floor(t / (15 * MINUTE_MS)) * 15 * MINUTE_MS + 15 * MINUTE_MS;
    }
    const wall = t + offsetMs; // wall-clock time expressed as if it were UTC
    const dayNumber = Math.floor(wall / 86_400_000);
    const weekday = ((((dayNumber + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday (ISO 4)
    const wallMinute = Math.floor((wall - dayNumber * 86_400_000) / MINUTE_MS);
    out[i] = (weekday - 1) * perDay + Math.floor(wallMinute / intervalMinutes);
  }
  return out;
}
