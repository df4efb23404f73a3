import { DAY_MS, type IntervalMinutes, localDateOf, MINUTE_MS, slotIndexes, slotsPerDay } from '@allhours/core';

/**
 * A run of grid intervals with what the models need to know about each: its local slot-of-week, its
 * local day and whether it belongs to a special day. Models index everything by local slot, so a DST
 * day (23 or 25 hours) keeps the wall-clock profile.
 */
export interface Timeline {
  timeZone: string;
  intervalMinutes: IntervalMinutes;
  /** Epoch ms of position 0, on the UTC grid. */
  start: number;
  count: number;
  /** Local slot-of-week per position (core `slotIndexes`). */
  slot: Int32Array;
  /** Local calendar day per position, as days since 1970-01-01. */
  day: Int32Array;
  /** Index into `labels` of the special day a position belongs to, or −1 on a normal day. */
  special: Int32Array;
  labels: string[];
}

/** `YYYY-MM-DD` → days since 1970-01-01. */
export function dayNumberOf(localDate: string): number {
  const [y, m, d] = localDate.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Positions of a timeline without special days (those are attached by the calendar). */
export function makeTimeline(
  start: number,
  count: number,
  intervalMinutes: IntervalMinutes,
  timeZone: string,
): Timeline {
  const slot = slotIndexes(start, count, intervalMinutes, timeZone);
  const day = new Int32Array(count);
  const perDay = slotsPerDay(intervalMinutes);
  if (count > 0) {
    // Consecutive positions change weekday exactly when the local date changes.
    let current = dayNumberOf(localDateOf(start, timeZone));
    let weekday = Math.floor(slot[0]! / perDay);
    for (let i = 0; i < count; i++) {
      const wd = Math.floor(slot[i]! / perDay);
      if (wd !== weekday) {
        current += 1;
        weekday = wd;
      }
      day[i] = current;
    }
  }
  return {
    timeZone,
    intervalMinutes,
    start,
    count,
    slot,
    day,
    special: new Int32Array(count).fill(-1),
    labels: [],
  };
}

/** Positions [from, to) of a timeline, sharing its arrays. */
export function sliceTimeline(t: Timeline, from: number, to: number): Timeline {
  return {
    ...t,
    start: t.start + from * t.intervalMinutes * MINUTE_MS,
    count: to - from,
    slot: t.slot.subarray(from, to),
    day: t.day.subarray(from, to),
    special: t.special.subarray(from, to),
  };
}

export function positionStart(t: Pick<Timeline, 'start' | 'intervalMinutes'>, i: number): number {
  return t.start + i * t.intervalMinutes * MINUTE_MS;
}

/** Index of the first position whose local day is at or after `dayNumber` (count when none). */
export function firstPositionOfDay(t: Timeline, dayNumber: number): number {
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.day[mid]! < dayNumber) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
