import { resolve } from 'node:path';
import { aggregate, formatInstant, parseInput } from '@allhours/core';
import { z } from 'zod';
import { defineCommand } from '../command.js';
import { runPlan } from '../plan/run-plan.js';
import { writeSamplePlan } from '../plan/sample-plan.js';
import { planRequestSchema } from '../plan/schema.js';
import { formatSummary } from '../plan/summary.js';

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Run the whole plan on the embedded sample: a follow-the-sun desk on three sites (writes out/)',
  help: `Generates the sample history (8 weeks of voice, chat and email for customers in Europe, the
Americas and Asia-Pacific; seeded, so every run is the same), writes it and the plan to the output
directory (out/ unless --out-dir), and runs \`allhours plan\` on it: forecast, staffing, a one-week roster
for three sites (Amsterdam, New York, Manila), a what-if, and report.html. Takes no input.
Re-run the plan alone with: allhours plan --input out/sample-plan.json`,
  request: z.object({}).strict(),
  needsInput: false,
  formats: ['text'],
  defaultFormat: 'text',
  options: { 'out-dir': 'where to write (default out/)' },
  async run(_request, context) {
    const dir = resolve(typeof context.options['out-dir'] === 'string' ? context.options['out-dir'] : 'out');
    const { plan, history } = await writeSamplePlan(dir);
    const parsed = parseInput(planRequestSchema, plan, 'sample plan');
    const historyForReport = Object.fromEntries(
      history.channels.map((c) => {
        // Shown on the plan's grid, so history and forecast count contacts per the same interval length.
        const onGrid = aggregate(c.volumes, parsed.intervalMinutes);
        return [
          c.channel,
          { start: formatInstant(onGrid.start), intervalMinutes: parsed.intervalMinutes, values: onGrid.values },
        ];
      }),
    );
    const result = await runPlan(parsed, { baseDir: dir, progress: context.progress, historyForReport });
    if (context.format === 'json') return { json: result.summary };
    return { text: formatSummary(result.summary, result.outDir) };
  },
});
