import {
  instantSchema,
  isOnGrid,
  localDateSchema,
  localTimeSchema,
  MINUTE_MS,
  minutesOfLocalTime,
  numberArray,
  timeZoneSchema,
} from '@allhours/core';
import { channelSchema as erlangChannelSchema, STAFFING_MODELS, targetsSchema } from '@allhours/erlang';
import { z } from 'zod';

/**
 * The `allhours schedule` request: one zod schema is the type, the validation and the JSON Schema.
 * Local notions (start times, windows, dates) stay local here; `options.ts` turns them into UTC instants.
 */

const id = z.string().min(1, 'must not be empty');
const localWindow = z
  .tuple([localTimeSchema, localTimeSchema])
  .meta({ description: '[from, to] in local wall-clock time; wraps past midnight when from > to' });
const weight = z.number().finite().nonnegative();

export const siteSchema = z
  .object({
    id,
    timeZone: timeZoneSchema,
    costPerHour: z.number().finite().nonnegative().default(0).meta({ description: 'pay per paid hour' }),
    nightPremium: z
      .number()
      .finite()
      .nonnegative()
      .default(0)
      .meta({ description: 'extra fraction of costPerHour for each hour inside nightWindow (0.25 = +25 %)' }),
    weekendPremium: z
      .number()
      .finite()
      .nonnegative()
      .default(0)
      .meta({ description: 'extra fraction of costPerHour for each hour on a local Saturday or Sunday' }),
    nightWindow: localWindow.default(['22:00', '06:00']).meta({ description: 'local night time' }),
    startWindow: localWindow.optional().meta({ description: 'local times in which shifts may start (inclusive)' }),
  })
  .strict();

export const breakSchema = z
  .object({
    minutes: z.number().int().positive(),
    paid: z.boolean().default(false),
    earliestAfterMinutes: z.number().int().nonnegative(),
    latestAfterMinutes: z.number().int().nonnegative(),
  })
  .strict()
  .refine((b) => b.earliestAfterMinutes <= b.latestAfterMinutes, {
    message: 'earliestAfterMinutes must not exceed latestAfterMinutes',
    path: ['latestAfterMinutes'],
  });

const startRangeSchema = z
  .object({ from: localTimeSchema, to: localTimeSchema, stepMinutes: z.number().int().min(1).max(1440) })
  .strict();

export const templateSchema = z
  .object({
    id,
    siteId: id,
    startTimes: z
      .union([z.array(localTimeSchema).min(1), startRangeSchema])
      .meta({ description: 'local start times: a list, or {from, to, stepMinutes} (to inclusive)' }),
    durationMinutes: z
      .number()
      .int()
      .positive()
      .max(1440, 'a shift template may last at most 24 h (1440 minutes)')
      .meta({ description: 'from local start to local end; the true UTC length differs across a DST change' }),
    breaks: z.array(breakSchema).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    t.breaks.forEach((b, i) => {
      if (b.latestAfterMinutes + b.minutes > t.durationMinutes)
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', i, 'latestAfterMinutes'],
          message: `a break starting ${b.latestAfterMinutes} min after the start would end after the ${t.durationMinutes}-minute shift`,
        });
    });
  });

export const availabilitySchema = z
  .object({
    weekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .default([1, 2, 3, 4, 5, 6, 7])
      .meta({ description: 'ISO weekdays of the shift start, 1 = Monday … 7 = Sunday' }),
    from: localTimeSchema,
    to: localTimeSchema,
  })
  .strict()
  .meta({
    description:
      'a shift may start at or after `from` and must end by `to` (local; to ≤ from reaches into the next day)',
  });

export const preferenceSchema = z
  .object({
    kind: z.enum(['prefer', 'avoid']),
    weekdays: z.array(z.number().int().min(1).max(7)).optional(),
    dates: z.array(localDateSchema).optional(),
    templateIds: z.array(id).optional().meta({ description: 'absent = working at all' }),
    weight: weight.default(1),
  })
  .strict();

export const agentSchema = z
  .object({
    id,
    siteId: id,
    channels: z.array(id).min(1),
    // Each shift counts its whole length, unpaid breaks included (docs/scheduler-engine.md: working time
    // without them was measured and waits for a start that handles the fifth shift it allows).
    minMinutesPerWeek: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .meta({ description: "minutes of shifts a week, each shift's whole length (unpaid breaks included)" }),
    maxMinutesPerWeek: z
      .number()
      .int()
      .nonnegative()
      .default(2880)
      .meta({ description: "EU: 48 h; each shift's whole length counts, unpaid breaks included" }),
    maxShiftsPerWeek: z.number().int().min(0).max(7).default(5),
    unavailableDates: z.array(localDateSchema).default([]).meta({ description: 'local dates with no shift start' }),
    availability: z
      .array(availabilitySchema)
      .optional()
      .meta({ description: 'local weekly windows a shift must fit in; absent = any time' }),
    preferences: z.array(preferenceSchema).default([]),
    maxWorkingWeekends: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .meta({ description: "this agent's own limit, instead of rules.maxWorkingWeekends" }),
  })
  .strict()
  .refine((a) => a.minMinutesPerWeek <= a.maxMinutesPerWeek, {
    message: 'minMinutesPerWeek exceeds maxMinutesPerWeek',
    path: ['minMinutesPerWeek'],
  });

export const rulesSchema = z
  .object({
    minRestMinutes: z.number().int().nonnegative().default(660).meta({ description: 'EU: 11 h between shifts' }),
    weeklyRestMinutes: z
      .number()
      .int()
      .nonnegative()
      .default(2100)
      .meta({ description: 'EU: 24 h + 11 h in one block per 7 days' }),
    maxConsecutiveDays: z.number().int().min(1).default(6),
    minConsecutiveDaysOff: z.number().int().min(1).default(2),
    minConsecutiveDays: z
      .number()
      .int()
      .min(1)
      .default(1)
      .meta({ description: 'working days in a row at least; runs touching the horizon ends are exempt' }),
    maxWorkingWeekends: z.number().int().nonnegative().optional().meta({
      description:
        'weekends (the local Saturday and Sunday) on which an agent starts any shift, at most, over the horizon; absent = no limit',
    }),
    maxNightsPerWeek: z.number().int().min(0).max(7).default(5),
    handoverOverlapMinutes: z
      .number()
      .int()
      .nonnegative()
      .default(0)
      .meta({ description: 'minutes a continuing agent must overlap a shift that ends while demand continues' }),
    forwardRotation: z
      .boolean()
      .default(false)
      .meta({ description: 'no earlier shift class (early < day < late < night) on the day after a later one' }),
  })
  .strict();

export const rotationSchema = z
  .object({ mode: z.enum(['free', 'cyclic']).default('free'), weeks: z.number().int().min(1).max(8).default(4) })
  .strict();

export const weightsSchema = z
  .object({
    underCoverage: z
      .union([weight, z.record(z.string(), weight)])
      .default(100)
      .meta({ description: 'per missing agent-interval; a number or per channel' }),
    overCoverage: weight.default(1).meta({ description: 'per surplus agent-interval' }),
    cost: weight.default(1).meta({ description: 'multiplies pay' }),
    fairness: weight.default(10).meta({ description: 'per night or weekend shift above the fair share' }),
    preferences: weight.default(1).meta({ description: 'multiplies preference weights' }),
  })
  .strict();

export const solverOptionsSchema = z
  .object({
    timeLimitSeconds: z.number().positive().max(3600).default(30),
    seed: z.number().int().default(1),
  })
  .strict();

export const requirementSchema = z
  .object({
    channel: id,
    start: instantSchema,
    intervalMinutes: z.union([z.literal(15), z.literal(30), z.literal(60)]),
    values: numberArray({ min: 0, minItems: 1 }).meta({ description: 'agents needed per interval' }),
    volumes: numberArray({ min: 0 }).optional().meta({ description: 'contacts per interval, for service level' }),
    ahtSeconds: z.union([z.number().positive(), z.array(z.number().positive())]).optional(),
    model: z
      .enum(STAFFING_MODELS)
      .default('erlangC')
      .meta({ description: 'erlang model for the service level the roster achieves (needs volumes)' }),
    patienceSeconds: z.number().positive().optional().meta({ description: 'erlangA and chat' }),
    concurrency: z.number().int().min(1).max(50).optional().meta({ description: 'chat' }),
    targets: targetsSchema.optional().meta({ description: 'as in `allhours staff`; answerWithinSeconds sets the SL' }),
    shrinkage: z.number().min(0).lt(1).default(0).meta({
      description:
        'share of on-duty time that is not productive (as in `allhours staff`): the service level is evaluated on on-duty agents × (1 − shrinkage)',
    }),
  })
  .strict();

const requestObject = z
  .object({
    horizon: z.object({ start: instantSchema, days: z.number().int().min(1).max(56) }).strict(),
    intervalMinutes: z.union([z.literal(15), z.literal(30)], { error: 'must be 15 or 30 minutes' }),
    requirements: z.array(requirementSchema).min(1),
    sites: z.array(siteSchema).min(1),
    templates: z.array(templateSchema).min(1),
    agents: z.array(agentSchema).min(1),
    rules: rulesSchema.default(rulesSchema.parse({})),
    rotation: rotationSchema.default({ mode: 'free', weeks: 4 }),
    weights: weightsSchema.default(weightsSchema.parse({})),
    solver: solverOptionsSchema.default({ timeLimitSeconds: 30, seed: 1 }),
  })
  .strict();

export const scheduleRequestSchema = requestObject.superRefine(crossCheck);

export type ScheduleRequestInput = z.input<typeof scheduleRequestSchema>;
export type ScheduleRequest = z.output<typeof scheduleRequestSchema>;
export type Site = ScheduleRequest['sites'][number];
export type Template = ScheduleRequest['templates'][number];
export type Agent = ScheduleRequest['agents'][number];
export type Rules = ScheduleRequest['rules'];
export type Requirement = ScheduleRequest['requirements'][number];

type Ctx = z.RefinementCtx;
type Out = z.output<typeof requestObject>;

/** The erlang `staff` channel that evaluates a requirement's volumes (agents are filled in later). */
export function erlangChannelOf(q: Out['requirements'][number]) {
  return {
    name: q.channel,
    model: q.model,
    volumes: q.volumes ?? [],
    ...(q.ahtSeconds !== undefined && { ahtSeconds: q.ahtSeconds }),
    ...(q.patienceSeconds !== undefined && { patienceSeconds: q.patienceSeconds }),
    ...(q.concurrency !== undefined && { concurrency: q.concurrency }),
    ...(q.targets !== undefined && { targets: q.targets }),
    shrinkage: q.shrinkage,
  };
}

function duplicates(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const x of ids) (seen.has(x) ? dup : seen).add(x);
  return dup;
}

/** Checks that tie fields together: references between sections and the UTC grid. */
function crossCheck(r: Out, ctx: Ctx): void {
  const add = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if (!isOnGrid(r.horizon.start, r.intervalMinutes))
    add(['horizon', 'start'], `must start a ${r.intervalMinutes}-minute interval of the UTC grid`);
  for (const [key, list] of [
    ['sites', r.sites],
    ['templates', r.templates],
    ['agents', r.agents],
  ] as const) {
    const dup = duplicates(list.map((x) => x.id));
    list.forEach((x, i) => {
      if (dup.has(x.id)) add([key, i, 'id'], `duplicate id "${x.id}"`);
    });
  }
  if (r.rotation.mode === 'cyclic' && r.rotation.weeks * 7 > r.horizon.days)
    add(
      ['rotation', 'weeks'],
      `a ${r.rotation.weeks}-week cycle needs a horizon of at least ${r.rotation.weeks * 7} days`,
    );
  const siteIds = new Set(r.sites.map((s) => s.id));
  const channels = new Set<string>();
  r.requirements.forEach((q, i) => {
    if (channels.has(q.channel)) add(['requirements', i, 'channel'], `channel "${q.channel}" is given twice`);
    channels.add(q.channel);
    if (q.intervalMinutes % r.intervalMinutes !== 0)
      add(
        ['requirements', i, 'intervalMinutes'],
        `${q.intervalMinutes} is not a multiple of the ${r.intervalMinutes}-minute grid`,
      );
    if (!isOnGrid(q.start, q.intervalMinutes) || !isOnGrid(q.start, r.intervalMinutes))
      add(['requirements', i, 'start'], `is off the ${r.intervalMinutes}-minute UTC grid`);
    if (q.volumes && q.volumes.length !== q.values.length)
      add(
        ['requirements', i, 'volumes'],
        `has ${q.volumes.length} values, expected ${q.values.length} (one per interval)`,
      );
    else if (q.volumes) {
      // The erlang package's channel schema is the judge of what a service-level evaluation needs.
      const check = erlangChannelSchema.safeParse(erlangChannelOf(q));
      if (!check.success)
        for (const issue of check.error.issues)
          add(['requirements', i, ...(issue.path as (string | number)[])], issue.message);
    }
    const horizonEnd = r.horizon.start + r.horizon.days * 1440 * MINUTE_MS;
    const end = q.start + q.values.length * q.intervalMinutes * MINUTE_MS;
    if (end <= r.horizon.start || q.start >= horizonEnd)
      add(['requirements', i, 'start'], 'the requirement does not overlap the horizon');
  });
  r.sites.forEach((s, i) => {
    if (s.startWindow && s.startWindow[0] === s.startWindow[1] && s.startWindow[0] !== '00:00')
      add(['sites', i, 'startWindow'], 'an empty window allows no start');
  });
  const templateSite = new Map(r.templates.map((t) => [t.id, t.siteId]));
  r.templates.forEach((t, i) => {
    if (!siteIds.has(t.siteId)) add(['templates', i, 'siteId'], `unknown site "${t.siteId}"`);
    if (!Array.isArray(t.startTimes)) {
      if (minutesOfLocalTime(t.startTimes.from) > minutesOfLocalTime(t.startTimes.to))
        add(['templates', i, 'startTimes', 'to'], 'must not be before from (list times past midnight instead)');
    }
  });
  r.agents.forEach((a, i) => {
    if (!siteIds.has(a.siteId)) add(['agents', i, 'siteId'], `unknown site "${a.siteId}"`);
    a.channels.forEach((c, j) => {
      if (!channels.has(c)) add(['agents', i, 'channels', j], `channel "${c}" has no requirements`);
    });
    a.preferences.forEach((p, j) => {
      p.templateIds?.forEach((tid, k) => {
        if (templateSite.get(tid) !== a.siteId)
          add(['agents', i, 'preferences', j, 'templateIds', k], `no template "${tid}" at site "${a.siteId}"`);
      });
    });
  });
}
