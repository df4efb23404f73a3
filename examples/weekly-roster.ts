/**
 * Weekly roster from a requirements file: 14 agents at one Amsterdam site covering voice and chat around
 * the clock for the week of the EU clock change (25 Oct 2026), with 11 h rest and 35 h weekly rest.
 * The roster is re-checked by the independent validator and written as CSV.
 *
 * Run: pnpm ts examples/weekly-roster.ts            (the request: examples/data/weekly-roster.json,
 *      the same file `allhours schedule --input examples/data/weekly-roster.json` takes)
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { parseInput } from '@allhours/core';
import { rosterSchema, rosterToCsv, schedule, scheduleRequestSchema, validateRoster } from '@allhours/scheduler';

const file = new URL('./data/weekly-roster.json', import.meta.url);
const request = parseInput(scheduleRequestSchema, JSON.parse(await readFile(file, 'utf8')), 'weekly-roster.json');

const roster = await schedule(request);
console.log(
  `status ${roster.status}, objective ${roster.objective?.toFixed(0)}, lower bound ${roster.lowerBound?.toFixed(0)}`,
);
console.log(
  `${roster.assignments.length} shifts, cost ${roster.kpis.cost.toFixed(0)}, short ${roster.kpis.underCoverageAgentHours} agent-h`,
);

// The validator shares no code with the solver: it re-derives every hard rule from the request.
const check = validateRoster(request, parseInput(rosterSchema, roster));
assert.ok(check.valid, check.violations.map((v) => v.message).join('\n'));
assert.ok(roster.assignments.length > 0);

const csv = rosterToCsv(roster);
console.log(csv.split('\n').slice(0, 6).join('\n'));
