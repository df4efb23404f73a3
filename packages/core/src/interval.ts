import { z } from 'zod';

/** Grid sizes the time axis supports; each divides an hour, so every grid is aligned to whole UTC hours. */
export const INTERVAL_MINUTES = [5, 6, 10, 15, 30, 60] as const;
export type IntervalMinutes = (typeof INTERVAL_MINUTES)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const intervalMinutesSchema = z
  .literal(INTERVAL_MINUTES, { error: `must be one of ${INTERVAL_MINUTES.join(', ')} minutes` })
  .meta({ description: 'interval length in minutes on the UTC grid' });

/** True when `instantMs` starts an interval of the UTC grid of `intervalMinutes`. */
export function isOnGrid(instantMs: number, intervalMinutes: number): boolean {
  return Number.isInteger(instantMs) && instantMs % (intervalMinutes * MINUTE_MS) === 0;
}

/** Start of the grid interval containing `instantMs`. */
export function floorToGrid(instantMs: number, intervalMinutes: number): number {
  const step = intervalMinutes * MINUTE_MS;
  return Math.floor(instantMs / step) * step;
}
