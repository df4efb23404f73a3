import { instantSchema } from '@allhours/core';
import { z } from 'zod';

/**
 * A published roster as the validator reads it: the `assignments` of an `allhours schedule` response
 * (other response fields are ignored). Instants are UTC ISO or ISO with an offset.
 */
export const rosterAssignmentSchema = z
  .object({
    agentId: z.string().min(1),
    siteId: z.string().min(1),
    templateId: z.string().min(1),
    channel: z.string().min(1),
    start: instantSchema,
    end: instantSchema,
    breaks: z.array(z.object({ start: instantSchema, end: instantSchema }).loose()).default([]),
  })
  .loose();

export const rosterSchema = z.object({ assignments: z.array(rosterAssignmentSchema) }).loose();

export type RosterInput = z.input<typeof rosterSchema>;
export type Roster = z.output<typeof rosterSchema>;
export type RosterAssignment = Roster['assignments'][number];
