import { intervalMinutesSchema, localDateSchema, localTimeSchema, timeZoneSchema } from '@allhours/core';
import { z } from 'zod';

/** Model names a caller can ask for; `auto` chooses or blends per horizon by backtest. */
export const MODEL_NAMES = ['auto', 'seasonal-naive', 'week-mean', 'double-seasonal', 'regression'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** One interval of history as JSON; `start` is ISO with an offset, or local wall time in `timeZone`. */
export const intervalRowSchema = z
  .object({
    start: z.string().min(1).meta({ description: 'interval start: ISO with offset, or local time in timeZone' }),
    volume: z.number().finite().nonnegative().meta({ description: 'contacts arriving in the interval' }),
    ahtSeconds: z.number().finite().positive().optional().meta({ description: 'mean handle time of those contacts' }),
    channel: z.string().min(1).optional(),
  })
  .strict();

/** One contact as JSON. */
export const contactRowSchema = z
  .object({
    timestamp: z.string().min(1).meta({ description: 'arrival: ISO with offset, or local time in timeZone' }),
    handleSeconds: z.number().finite().nonnegative().optional(),
    channel: z.string().min(1).optional(),
  })
  .strict();

export const historySchema = z
  .object({
    file: z.string().min(1).optional().meta({ description: 'CSV or JSON file, relative to the request' }),
    format: z.enum(['intervals', 'contacts']).default('intervals'),
    intervals: z.array(intervalRowSchema).optional(),
    contacts: z.array(contactRowSchema).optional(),
  })
  .strict()
  .superRefine((h, ctx) => {
    const given = [h.file, h.intervals, h.contacts].filter((x) => x !== undefined).length;
    if (given !== 1) ctx.addIssue({ code: 'custom', message: 'give exactly one of "file", "intervals", "contacts"' });
  });

export const localWindowSchema = z
  .object({ from: localTimeSchema, to: localTimeSchema })
  .strict()
  .refine((w) => w.from < w.to, { error: '"from" must be before "to"' });

export const specialDaySchema = z
  .object({
    date: localDateSchema,
    label: z.string().min(1).meta({ description: 'days with the same label share one estimated effect' }),
    windows: z.array(localWindowSchema).min(1).optional().meta({ description: 'local windows; whole day if absent' }),
    multiplier: z.number().finite().nonnegative().optional().meta({
      description: 'volume factor against a normal day (e.g. 0.3); estimated from past days with this label if absent',
    }),
  })
  .strict();

export const openHoursSchema = z
  .array(
    z
      .object({
        days: z.array(z.enum(WEEKDAY_NAMES)).min(1),
        from: localTimeSchema,
        to: localTimeSchema,
      })
      .strict()
      .refine((w) => w.from < w.to, { error: '"from" must be before "to"' }),
  )
  .meta({ description: 'local opening windows; slots outside are closed (zero). Inferred from history if absent' });

export const forecastRequestSchema = z
  .object({
    history: historySchema,
    timeZone: timeZoneSchema,
    intervalMinutes: intervalMinutesSchema
      .optional()
      .meta({ description: 'grid of the forecast; history grid if absent' }),
    origin: z
      .string()
      .optional()
      .meta({ description: 'first forecast instant (ISO with offset); end of history if absent' }),
    horizonDays: z.number().int().min(1).max(56).default(7),
    specialDays: z.array(specialDaySchema).default([]),
    openHours: openHoursSchema.optional(),
    quantiles: z.array(z.number().gt(0).lt(1)).default([0.1, 0.5, 0.9]),
    model: z.enum(MODEL_NAMES).default('auto'),
    weeks: z.number().int().min(1).max(52).default(4).meta({ description: 'k of the k-week same-slot mean' }),
    channel: z
      .string()
      .min(1)
      .optional()
      .meta({ description: 'which channel to forecast when the history has several' }),
    backtest: z.boolean().default(false).meta({ description: 'add rolling-origin backtest figures to the response' }),
    timeLimitSeconds: z.number().positive().optional(),
  })
  .strict();

export type ForecastRequest = z.input<typeof forecastRequestSchema>;
export type ParsedForecastRequest = z.output<typeof forecastRequestSchema>;
export type SpecialDay = z.output<typeof specialDaySchema>;
export type OpenHours = z.output<typeof openHoursSchema>;
export type IntervalRow = z.output<typeof intervalRowSchema>;
export type ContactRow = z.output<typeof contactRowSchema>;

/** `allhours backtest`: the history fields of a forecast request plus the rolling-origin setup. */
export const backtestRequestSchema = forecastRequestSchema
  .pick({
    history: true,
    timeZone: true,
    intervalMinutes: true,
    specialDays: true,
    openHours: true,
    quantiles: true,
    model: true,
    weeks: true,
    channel: true,
    timeLimitSeconds: true,
  })
  .extend({
    origins: z.number().int().min(1).max(400).default(8).meta({ description: 'rolling origins (local midnights)' }),
    spacingDays: z.number().int().min(1).max(28).default(7).meta({ description: 'days between origins' }),
    horizonDays: z.number().int().min(1).max(28).default(7),
    baselines: z.boolean().default(true).meta({
      description: 'also score seasonal naive and the k-week mean in the same run',
    }),
  })
  .strict();

export type BacktestRequest = z.input<typeof backtestRequestSchema>;
export type ParsedBacktestRequest = z.output<typeof backtestRequestSchema>;
