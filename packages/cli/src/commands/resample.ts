import { aggregate, disaggregate, formatInstant, intervalMinutesSchema, seriesSchema } from '@allhours/core';
import { z } from 'zod';
import { defineCommand } from '../command.js';

const request = z
  .object({
    series: seriesSchema,
    intervalMinutes: intervalMinutesSchema.meta({ description: 'grid of the result' }),
    profile: z.array(z.number().finite().nonnegative()).optional().meta({
      description: 'weights to split coarse intervals by (per sub-interval, or per result interval); flat if absent',
    }),
  })
  .strict();

export const resampleCommand = defineCommand({
  name: 'resample',
  summary: 'Move a series to a coarser grid (sums, volume conserved) or a finer one (split by a profile)',
  help: `Aggregates finer intervals into coarser ones by summing, or splits coarser ones into finer ones
in proportion to "profile" (flat when absent). Grids are 5, 6, 10, 15, 30 or 60 minutes on UTC.`,
  request,
  run({ series, intervalMinutes, profile }) {
    const out =
      intervalMinutes >= series.intervalMinutes
        ? aggregate(series, intervalMinutes)
        : disaggregate(series, intervalMinutes, profile);
    return { json: { start: formatInstant(out.start), intervalMinutes: out.intervalMinutes, values: out.values } };
  },
});
