import { createRandom, type IntervalMinutes, MINUTE_MS, slotIndexes, slotsPerDay } from '@allhours/core';
import type { IntervalRecord } from '../src/index.js';

/** Expected volume at a local slot-of-week: a 09:00 peak on weekdays, quieter weekends, a small night floor. */
export function profileAt(slot: number, intervalMinutes: number, level = 20): number {
  const perDay = slotsPerDay(intervalMinutes);
  const hour = ((slot % perDay) * intervalMinutes) / 60;
  const weekday = Math.floor(slot / perDay);
  return level * (weekday < 5 ? 1 : 0.4) * Math.exp(-((hour - 9) ** 2) / 8) + level * 0.05;
}

/** Poisson draw by inversion with the seeded PRNG. */
export function poisson(rate: number, next: () => number): number {
  let k = 0;
  let p = Math.exp(-rate);
  let cdf = p;
  const u = next();
  while (u > cdf && k < 10_000) {
    k++;
    p *= rate / k;
    cdf += p;
  }
  return k;
}

/** Interval records from `startMs` for `days` days: noise-free profile, or Poisson around it with a seed. */
export function syntheticIntervals(options: {
  startMs: number;
  days: number;
  intervalMinutes: IntervalMinutes;
  timeZone: string;
  level?: number;
  seed?: number;
}): IntervalRecord[] {
  const count = (options.days * 1440) / options.intervalMinutes;
  const slots = slotIndexes(options.startMs, count, options.intervalMinutes, options.timeZone);
  const random = options.seed !== undefined ? createRandom(options.seed) : undefined;
  const out: IntervalRecord[] = [];
  for (let i = 0; i < count; i++) {
    const rate = profileAt(slots[i]!, options.intervalMinutes, options.level);
    out.push({
      start: options.startMs + i * options.intervalMinutes * MINUTE_MS,
      volume: random ? poisson(rate, random.next) : rate,
    });
  }
  return out;
}
