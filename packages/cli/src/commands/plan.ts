import { defineCommand } from '../command.js';
import { runPlan } from '../plan/run-plan.js';
import { planRequestSchema } from '../plan/schema.js';
import { formatSummary } from '../plan/summary.js';

export const planCommand = defineCommand({
  name: 'plan',
  summary: 'History to published roster in one go: forecast → staffing → roster → what-if → report',
  help: `Runs every stage on plan.json: forecasts each channel from its history (model "auto" unless set),
sizes agents per interval to the channel's targets, rosters the named agents over the horizon with every
rule, compares the what-if coverage options, and writes the results into the output directory
(plan.outputDir, relative to plan.json, or --out-dir): report.html (one self-contained file), roster.csv,
roster.ics, roster.json, plan.json, and each stage's request and result (forecast-<channel>.request.json,
staff-request.json, schedule-request.json, …) so any stage can be re-run alone with its own command.
Prints a short summary; --format json prints it as JSON.`,
  request: planRequestSchema,
  formats: ['text'],
  defaultFormat: 'text',
  options: { 'out-dir': 'write results here instead of plan.outputDir' },
  async run(plan, context) {
    const outDir = context.options['out-dir'];
    const result = await runPlan(plan, {
      baseDir: context.baseDir,
      ...(typeof outDir === 'string' && { outDir }),
      progress: context.progress,
    });
    if (context.format === 'json') return { json: result.summary };
    return { text: formatSummary(result.summary, result.outDir) };
  },
});
