/**
 * Follow-the-sun plan: the embedded sample desk (Amsterdam, New York, Manila; voice, chat, email) from
 * history to a published roster in one call — forecast, staffing, roster, what-if and report.html.
 * The same as `allhours demo`, here as library calls you can adapt.
 *
 * Run: pnpm ts examples/follow-the-sun.ts [output directory]
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSummary, planRequestSchema, runPlan, writeSamplePlan } from '@allhours/cli';
import { parseInput, stderrProgress } from '@allhours/core';
import { rosterSchema, scheduleRequestSchema, validateRoster } from '@allhours/scheduler';

const dir = process.argv[2] ?? (await mkdtemp(join(tmpdir(), 'allhours-follow-the-sun-')));
const { plan } = await writeSamplePlan(dir); // history CSVs + sample-plan.json

// Shorter than the demo: three days and a 20-second roster solve keep this example quick.
const parsed = parseInput(planRequestSchema, {
  ...plan,
  horizon: { ...plan.horizon, days: 3 },
  solver: { timeLimitSeconds: 20, seed: 1 },
});
const result = await runPlan(parsed, { baseDir: dir, progress: stderrProgress() });
console.log(formatSummary(result.summary, result.outDir));

for (const f of ['report.html', 'roster.csv', 'roster.ics', 'roster.json', 'plan.json', 'schedule-request.json'])
  assert.ok(existsSync(join(dir, f)), `${f} was not written`);
// Every stage's request is written so it can be re-run alone; the roster holds every hard rule.
const request = parseInput(
  scheduleRequestSchema,
  JSON.parse(await readFile(join(dir, 'schedule-request.json'), 'utf8')),
);
const check = validateRoster(request, parseInput(rosterSchema, result.roster));
assert.ok(check.valid, check.violations.map((v) => v.message).join('\n'));
assert.ok(result.roster.assignments.length > 0, 'no shift was rostered');
