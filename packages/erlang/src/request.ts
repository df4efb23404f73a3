import { intervalMinutesSchema, numberArray } from '@allhours/core';
import { z } from 'zod';

/** Largest offered load per interval and channel (the numerics are tested to 20,000). */
export const MAX_ERLANGS = 1_000_000;
/** Largest mean patience: beyond days, Erlang A is Erlang C and its sums only grow longer. */
export const MAX_PATIENCE_SECONDS = 10_000_000;

export const STAFFING_MODELS = ['erlangB', 'erlangC', 'erlangA', 'chat', 'deferred'] as const;
export type StaffingModel = (typeof STAFFING_MODELS)[number];

const positive = (what: string) =>
  z
    .number({ error: `must be a number (${what})` })
    .finite()
    .positive({ error: 'must be > 0' });
const openProbability = z
  .number({ error: 'must be a number' })
  .gt(0, { error: 'must be in (0, 1)' })
  .lt(1, { error: 'must be in (0, 1)' });
const capProbability = z
  .number({ error: 'must be a number' })
  .gt(0, { error: 'must be in (0, 1]' })
  .lte(1, { error: 'must be in (0, 1]' });

export const serviceLevelBasisSchema = z.enum(['virtual', 'served', 'answered']).meta({
  description:
    'which service level (and ASA) targets and the reported serviceLevel mean once callers abandon: virtual = P(V ≤ t) ' +
    'for the offered wait V; served = P(W ≤ t and served) (ASA: mean wait of all arrivals); answered = P(W ≤ t | served)',
});

export const targetsSchema = z
  .object({
    serviceLevel: openProbability
      .optional()
      .meta({ description: 'share answered within answerWithinSeconds, in (0, 1)' }),
    answerWithinSeconds: z
      .number()
      .finite()
      .nonnegative({ error: 'must be ≥ 0' })
      .optional()
      .meta({ description: 'service-level threshold t; without it the reported service level is at t = 0' }),
    serviceLevelBasis: serviceLevelBasisSchema.default('served'),
    maxAsaSeconds: positive('seconds').optional().meta({ description: 'largest average speed of answer' }),
    maxAbandonRate: capProbability
      .optional()
      .meta({ description: 'largest share of arrivals abandoning (erlangA, chat)' }),
    maxOccupancy: capProbability
      .optional()
      .meta({ description: 'largest share of agent time busy; for deferred, the share of time given to the work' }),
    maxBlocking: openProbability.optional().meta({ description: 'erlangB: largest share of calls blocked' }),
    responseWithinMinutes: positive('minutes')
      .optional()
      .meta({ description: 'deferred: every item handled within this many minutes of arrival' }),
  })
  .strict();

export const channelSchema = z
  .object({
    name: z.string().min(1, { error: 'must not be empty' }),
    model: z.enum(STAFFING_MODELS, { error: `must be one of ${STAFFING_MODELS.join(', ')}` }),
    volumes: numberArray({ min: 0, minItems: 1, tooFew: 'needs at least one interval' }).meta({
      description: 'contacts arriving per interval',
    }),
    ahtSeconds: z
      .union([positive('seconds'), z.array(positive('seconds'))], { error: 'must be a number > 0 or an array of them' })
      .optional()
      .meta({
        description:
          'average handle time, one number or one per interval (chat may give ahtSecondsByConcurrency instead)',
      }),
    patienceSeconds: positive('seconds')
      .max(MAX_PATIENCE_SECONDS, { error: `must be at most ${MAX_PATIENCE_SECONDS} seconds` })
      .optional()
      .meta({ description: 'mean patience before abandoning (exponential); required for erlangA and chat' }),
    concurrency: z.number().int().min(1).max(50).optional().meta({ description: 'chat: chats an agent holds at once' }),
    ahtSecondsByConcurrency: z
      .array(positive('seconds'))
      .min(1)
      .max(50)
      .optional()
      .meta({ description: 'chat: handle time of a chat while its agent has 1, 2, …, K open; its length is K' }),
    agents: numberArray({ min: 0, max: 2 * MAX_ERLANGS, aboveMax: 'too many agents' })
      .optional()
      .meta({ description: 'productive agents per interval to evaluate instead of sizing (integers for chat)' }),
    targets: targetsSchema.prefault({}),
    shrinkage: z
      .number()
      .gte(0, { error: 'must be in [0, 1)' })
      .lt(1, { error: 'must be in [0, 1)' })
      .default(0)
      .meta({ description: 'share of scheduled time not productive; scheduled = productive / (1 − shrinkage)' }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const count = c.volumes.length;
    if (Array.isArray(c.ahtSeconds) && c.ahtSeconds.length !== count) {
      issue(['ahtSeconds'], `has ${c.ahtSeconds.length} values for ${count} volumes`);
    }
    if (c.agents && c.agents.length !== count) issue(['agents'], `has ${c.agents.length} values for ${count} volumes`);
    if (c.ahtSeconds === undefined && !(c.model === 'chat' && c.ahtSecondsByConcurrency))
      issue(['ahtSeconds'], 'is required');
    if ((c.model === 'erlangA' || c.model === 'chat') && c.patienceSeconds === undefined) {
      issue(['patienceSeconds'], `is required for model ${c.model}`);
    }
    if (c.concurrency && c.ahtSecondsByConcurrency && c.concurrency !== c.ahtSecondsByConcurrency.length) {
      issue(
        ['ahtSecondsByConcurrency'],
        `has ${c.ahtSecondsByConcurrency.length} values for concurrency ${c.concurrency}`,
      );
    }
    if (c.model === 'chat' && c.agents) {
      c.agents.forEach((a, i) => {
        if (!Number.isInteger(a)) issue(['agents', i], 'must be a whole number of agents for chat');
      });
    }
    const t = c.targets;
    if (c.model === 'deferred' && t.responseWithinMinutes === undefined) {
      issue(['targets', 'responseWithinMinutes'], 'is required for model deferred');
    }
    if (c.model === 'erlangB' && !c.agents && t.maxBlocking === undefined && t.maxOccupancy === undefined) {
      issue(['targets', 'maxBlocking'], 'is required to size model erlangB');
    }
    if (
      c.model !== 'deferred' &&
      c.model !== 'erlangB' &&
      t.serviceLevel !== undefined &&
      t.answerWithinSeconds === undefined
    ) {
      issue(['targets', 'answerWithinSeconds'], 'is required with targets.serviceLevel');
    }
  });

export const staffRequestSchema = z
  .object({
    intervalMinutes: intervalMinutesSchema,
    channels: z.array(channelSchema).min(1, { error: 'needs at least one channel' }),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.channels.forEach((c, i) => {
      if (seen.has(c.name))
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'name'], message: `"${c.name}" is used twice` });
      seen.add(c.name);
      // Work grows with the load (O(n) recursions): refuse loads no contact center has, rather than hang.
      if (c.model === 'deferred') return;
      const aht = c.ahtSeconds ?? Math.max(...(c.ahtSecondsByConcurrency ?? [0]));
      c.volumes.forEach((v, j) => {
        const erlangs = (v * (typeof aht === 'number' ? aht : (aht[j] ?? 0))) / (r.intervalMinutes * 60);
        if (erlangs > MAX_ERLANGS) {
          ctx.addIssue({
            code: 'custom',
            path: ['channels', i, 'volumes', j],
            message: `offers ${erlangs.toPrecision(3)} Erlangs; at most ${MAX_ERLANGS} are supported`,
          });
        }
      });
    });
  })
  .meta({
    description:
      'Staffing request: per channel, volumes per interval and targets → agents per interval (sized, or evaluated when ' +
      '"agents" is given). In the JSON response an unbounded value (ASA or queue length when agents ≤ offered load ' +
      'in Erlang C) is written as null; the typed API returns Infinity.',
  });

/** The request as callers write it (JSON). */
export type StaffRequestInput = z.input<typeof staffRequestSchema>;
/** The request after validation and defaults. */
export type StaffRequest = z.output<typeof staffRequestSchema>;
export type StaffChannel = StaffRequest['channels'][number];
export type StaffTargets = StaffChannel['targets'];
