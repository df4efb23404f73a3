import { z } from 'zod';
import { formatInstant, instantSchema } from './instant.js';
import { type IntervalMinutes, intervalMinutesSchema, isOnGrid, MINUTE_MS } from './interval.js';

/**
 * A run of equal-length intervals on the UTC grid: `values[i]` belongs to
 * [start + i·intervalMinutes, start + (i+1)·intervalMinutes). `start` is epoch ms once parsed.
 */
export interface Series {
  start: number;
  intervalMinutes: IntervalMinutes;
  values: number[];
}

/**
 * A series schema whose values follow `value` (numbers, or numbers and nulls for "not measured"), with
 * the start checked against the UTC grid. Every series schema in the project is built here.
 */
export function seriesSchemaOf<V extends z.ZodType>(value: V) {
  return z
    .object({
      start: instantSchema,
      intervalMinutes: intervalMinutesSchema,
      values: z.array(value),
    })
    .superRefine((s, ctx) => {
      if (!isOnGrid(s.start, s.intervalMinutes)) {
        ctx.addIssue({
          code: 'custom',
          path: ['start'],
          message: `${formatInstant(s.start)} is not on the ${s.intervalMinutes}-minute UTC grid`,
        });
      }
    });
}

export const seriesSchema = seriesSchemaOf(z.number().finite());

export type SeriesInput = z.input<typeof seriesSchema>;

export function intervalMs(series: Pick<Series, 'intervalMinutes'>): number {
  return series.intervalMinutes * MINUTE_MS;
}

/** Instant just after the last interval. */
export function seriesEnd(series: Series): number {
  return series.start + series.values.length * intervalMs(series);
}

/** Start instant of interval `i`. */
export function intervalStart(series: Pick<Series, 'start' | 'intervalMinutes'>, i: number): number {
  return series.start + i * series.intervalMinutes * MINUTE_MS;
}

/** Index of the interval that contains `instantMs` (may be out of range). */
export function indexAt(series: Pick<Series, 'start' | 'intervalMinutes'>, instantMs: number): number {
  return Math.floor((instantMs - series.start) / (series.intervalMinutes * MINUTE_MS));
}

/** Values over [fromMs, toMs); intervals outside the series read as `fill`. */
export function sliceByTime(series: Series, fromMs: number, toMs: number, fill = 0): Series {
  const step = intervalMs(series);
  const first = Math.ceil((fromMs - series.start) / step);
  const count = Math.max(0, Math.ceil((toMs - series.start) / step) - first);
  const values = new Array<number>(count);
  for (let i = 0; i < count; i++) values[i] = series.values[first + i] ?? fill;
  return { start: series.start + first * step, intervalMinutes: series.intervalMinutes, values };
}

/** Neumaier-compensated sum, so totals survive regrouping to the last bit that matters. */
export function sum(values: ArrayLike<number>): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}
