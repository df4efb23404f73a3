import { instantSchema, localTimeSchema, timeZoneSchema } from '@allhours/core';
import { STAFFING_MODELS, targetsSchema } from '@allhours/erlang';
import { historySchema, MODEL_NAMES, openHoursSchema, specialDaySchema } from '@allhours/forecast';
import {
  agentSchema,
  rotationSchema,
  rulesSchema,
  siteSchema,
  solverOptionsSchema,
  templateSchema,
  weightsSchema,
} from '@allhours/scheduler';
import { z } from 'zod';

/**
 * `plan.json`: everything `allhours plan` needs to go from history to a published roster. Each section reuses
 * the schema of the stage that consumes it, so a field means the same here as in that stage's own command.
 */

/** How a channel is staffed: the fields of an `allhours staff` channel that the forecast does not supply. */
const staffingSchema = z
  .object({
    model: z.enum(STAFFING_MODELS),
    ahtSeconds: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'handle time where the history has none; the forecast handle time otherwise' }),
    patienceSeconds: z.number().positive().optional(),
    concurrency: z.number().int().min(1).max(50).optional(),
    ahtSecondsByConcurrency: z.array(z.number().positive()).min(1).max(50).optional(),
    targets: targetsSchema.prefault({}),
    shrinkage: z.number().min(0).lt(1).default(0),
  })
  .strict()
  .meta({ description: 'as in an `allhours staff` channel; volumes and handle times come from the forecast' });

export const planChannelSchema = z
  .object({
    name: z.string().min(1),
    history: historySchema,
    timeZone: timeZoneSchema
      .optional()
      .meta({ description: 'zone whose local clock shapes this channel’s demand; the plan’s timeZone if absent' }),
    forecast: z
      .object({
        model: z.enum(MODEL_NAMES).default('auto'),
        weeks: z.number().int().min(1).max(52).default(4),
        staffTo: z
          .union([z.literal('mean'), z.number().gt(0).lt(1)])
          .default('mean')
          .meta({ description: 'staff to the mean forecast, or to a quantile of it (0.8 = the 80th percentile)' }),
        openHours: openHoursSchema.optional(),
      })
      .strict()
      .prefault({}),
    staffing: staffingSchema,
  })
  .strict();

export const whatIfSchema = z
  .object({
    id: z.string().min(1),
    label: z.string().min(1),
    humanHours: z
      .object({ from: localTimeSchema, to: localTimeSchema })
      .strict()
      .optional()
      .meta({ description: 'local hours (plan timeZone) in which people answer; absent = around the clock' }),
    botShare: z
      .number()
      .min(0)
      .max(1)
      .default(0)
      .meta({ description: 'share of contacts outside humanHours that bots or self-service resolve' }),
  })
  .strict();

export const planRequestSchema = z
  .object({
    title: z.string().min(1).default('allhours plan'),
    timeZone: timeZoneSchema.meta({ description: 'zone the report displays and the what-if hours are read in' }),
    intervalMinutes: z.union([z.literal(15), z.literal(30)], { error: 'must be 15 or 30 minutes' }),
    horizon: z.object({ start: instantSchema, days: z.number().int().min(1).max(28) }).strict(),
    currency: z.string().min(1).max(8).default('EUR'),
    specialDays: z.array(specialDaySchema).default([]),
    channels: z.array(planChannelSchema).min(1),
    sites: z.array(siteSchema).min(1),
    templates: z.array(templateSchema).min(1),
    agents: z.array(agentSchema).min(1),
    rules: rulesSchema.optional(),
    rotation: rotationSchema.optional(),
    weights: weightsSchema.optional(),
    solver: solverOptionsSchema.optional(),
    whatIf: z.array(whatIfSchema).default([]),
    outputDir: z.string().min(1).default('out').meta({ description: 'where results go, relative to plan.json' }),
  })
  .strict();

export type PlanRequestInput = z.input<typeof planRequestSchema>;
export type PlanRequest = z.output<typeof planRequestSchema>;
export type PlanChannel = PlanRequest['channels'][number];
export type WhatIf = PlanRequest['whatIf'][number];
