import {
  instantSchema,
  intervalMinutesSchema,
  localDateSchema,
  localTimeSchema,
  seriesSchema,
  seriesSchemaOf,
  timeZoneSchema,
} from '@allhours/core';
import { z } from 'zod';

/**
 * Everything the report shows, as plain data: the lead fills it from the forecast, staffing and scheduler
 * outputs. Instants are ISO strings with an offset (parsed to epoch ms); local dates are `YYYY-MM-DD`.
 */

const finite = z.number().finite();
const fraction = z.number().min(0).max(1);

/** A series whose values may be `null` where nothing was measured (service level with no contacts). */
export const optionalValueSeriesSchema = seriesSchemaOf(finite.nullable());

export const quantileForecastSchema = z
  .object({
    start: instantSchema,
    intervalMinutes: intervalMinutesSchema,
    /** Expected contacts per interval. */
    mean: z.array(finite.min(0)),
    /** 10th and 90th percentiles per interval: the band. */
    p10: z.array(finite.min(0)),
    p90: z.array(finite.min(0)),
  })
  .superRefine((f, ctx) => {
    for (const key of ['p10', 'p90'] as const) {
      if (f[key].length !== f.mean.length) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `has ${f[key].length} values, mean has ${f.mean.length}`,
        });
      }
    }
    const bad = f.p10.findIndex((v, i) => v > (f.p90[i] ?? Number.POSITIVE_INFINITY) + 1e-9);
    if (bad >= 0) ctx.addIssue({ code: 'custom', path: ['p10', bad], message: 'is above p90' });
  });

export const channelTargetSchema = z.object({
  /** Fraction of contacts answered within the time, 0–1 (0.8 = 80%). */
  serviceLevel: fraction,
  answerWithinSeconds: z.number().positive().optional(),
  /** Deferred channels (email): a response within this many minutes. */
  responseWithinMinutes: z.number().positive().optional(),
});

export const reportChannelSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  /** Contacts per interval that actually arrived (shown before the forecast). */
  history: seriesSchema.optional(),
  forecast: quantileForecastSchema.optional(),
  /** Agents required per interval (staffing output, after shrinkage if that is what is scheduled against). */
  required: seriesSchema,
  /** Agents the roster puts on this channel per interval, same grid as `required`. */
  scheduled: seriesSchema,
  /** Achieved service level per interval 0–1 with the scheduled agents; `null` where no contacts. */
  serviceLevel: optionalValueSeriesSchema.optional(),
  target: channelTargetSchema.optional(),
  /** Share of contacts a bot or self-service handles when no agent is staffed (0 = none). */
  botShare: fraction.default(0),
  /** Zone the availability schedule is published in; defaults to the report's `timeZone`. */
  publishTimeZone: timeZoneSchema.optional(),
});

export const reportSiteSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1).optional(),
  timeZone: timeZoneSchema,
  /** Total cost of the site's roster over the horizon, in the report's currency. */
  cost: finite.min(0),
  /** Optional split of `cost` (regular hours, night premium, weekend premium…), drawn stacked. */
  costParts: z.array(z.object({ label: z.string().min(1), amount: finite.min(0) })).optional(),
  paidHours: finite.min(0).optional(),
});

const spanSchema = z.object({ start: instantSchema, end: instantSchema });

export const reportShiftSchema = z.object({
  start: instantSchema,
  end: instantSchema,
  channel: z.string().min(1).optional(),
  breaks: z.array(spanSchema).default([]),
});

export const reportAgentSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1).optional(),
  siteId: z.string().min(1),
  /** The agent's zone; defaults to the site's. */
  timeZone: timeZoneSchema.optional(),
  shifts: z.array(reportShiftSchema),
  /** Night shifts over the horizon; counted from the shifts (see `nightWindow`) when left out. */
  nights: z.number().int().min(0).optional(),
  /** Weekend days worked; counted from the shifts (local Saturday/Sunday starts) when left out. */
  weekends: z.number().int().min(0).optional(),
});

export const whatIfOptionSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  description: z.string().optional(),
  /** Cost over the horizon in the report's currency. */
  cost: finite.min(0),
  /** Agents on the roster (head count). */
  agents: z.number().int().min(0),
  agentHours: finite.min(0).optional(),
  /** Service level per channel id, 0–1 (null where not measured). */
  serviceLevel: z.record(z.string(), fraction.nullable()),
  /** Share of night contacts left to a bot/self-service in this option. */
  botShare: fraction.optional(),
  /** Agent-hours short of the requirement. */
  shortAgentHours: finite.min(0).optional(),
});

export const reportDataSchema = z
  .object({
    title: z.string().min(1).default('allhours plan'),
    subtitle: z.string().optional(),
    /** When the plan was made; left out for a byte-identical report from the same input. */
    generatedAt: instantSchema.optional(),
    /** Zone for the forecast, heatmap and service-level axes and the default availability schedule. */
    timeZone: timeZoneSchema,
    currency: z.string().min(1).max(8).default('EUR'),
    horizon: z.object({ start: instantSchema, days: z.number().int().min(1).max(62) }),
    /** Days of actual history shown before the forecast. */
    historyDaysShown: z.number().int().min(0).max(62).default(14),
    channels: z.array(reportChannelSchema).min(1),
    sites: z.array(reportSiteSchema).default([]),
    agents: z.array(reportAgentSchema).default([]),
    /** Holidays (local dates in `timeZone`) for the availability schedule. */
    holidays: z.array(z.object({ date: localDateSchema, label: z.string().min(1) })).default([]),
    /** Local window that makes a shift a night shift (when agents' `nights` are not given). */
    nightWindow: z.tuple([localTimeSchema, localTimeSchema]).default(['22:00', '06:00']),
    /** Share of a day type a slot must be staffed on to publish it at that level (see availabilitySchedule). */
    availabilityReliability: z.number().gt(0).max(1).default(0.8),
    /** Granularity of the published availability blocks in minutes (a multiple of every channel's interval). */
    availabilityBlockMinutes: z.union([z.literal(15), z.literal(30), z.literal(60), z.literal(120)]).default(60),
    whatIf: z.array(whatIfOptionSchema).default([]),
    /** Short lines for the summary box (warnings, solver status). */
    notes: z.array(z.string()).default([]),
  })
  .superRefine((d, ctx) => {
    const sites = new Set(d.sites.map((s) => s.id));
    d.agents.forEach((a, i) => {
      if (!sites.has(a.siteId)) {
        ctx.addIssue({ code: 'custom', path: ['agents', i, 'siteId'], message: `unknown site "${a.siteId}"` });
      }
      a.shifts.forEach((s, k) => {
        if (!(s.end > s.start)) {
          ctx.addIssue({ code: 'custom', path: ['agents', i, 'shifts', k, 'end'], message: 'must be after start' });
        }
        s.breaks.forEach((b, j) => {
          if (!(b.end > b.start) || b.start < s.start || b.end > s.end) {
            ctx.addIssue({
              code: 'custom',
              path: ['agents', i, 'shifts', k, 'breaks', j],
              message: 'must be a non-empty span inside its shift',
            });
          }
        });
      });
    });
    const ids = new Set<string>();
    d.channels.forEach((c, i) => {
      if (ids.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: `duplicate channel "${c.id}"` });
      ids.add(c.id);
      if (d.availabilityBlockMinutes % c.required.intervalMinutes !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['availabilityBlockMinutes'],
          message: `must be a multiple of channel "${c.id}"'s ${c.required.intervalMinutes}-minute interval`,
        });
      }
      if (c.scheduled.intervalMinutes !== c.required.intervalMinutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['channels', i, 'scheduled', 'intervalMinutes'],
          message: 'must equal required.intervalMinutes',
        });
      }
    });
    d.whatIf.forEach((w, i) => {
      for (const key of Object.keys(w.serviceLevel)) {
        if (!ids.has(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['whatIf', i, 'serviceLevel', key],
            message: `unknown channel "${key}"`,
          });
        }
      }
    });
  });

export type ReportDataInput = z.input<typeof reportDataSchema>;
export type ReportData = z.output<typeof reportDataSchema>;
