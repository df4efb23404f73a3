import { resolve } from 'node:path';
import { InputError, parseInput } from '@allhours/core';
import { rosterSchema, scheduleRequestSchema, validateRoster } from '@allhours/scheduler';
import { defineCommand } from '../command.js';
import { parseJson, readText } from '../io.js';

export const validateCommand = defineCommand({
  name: 'validate',
  summary: 'Re-check every hard rule of a roster against its schedule request',
  help: `Reads a roster (the JSON of \`allhours schedule\`, or any object with "assignments") from --input and
the schedule request from --request, and re-checks on UTC instants: site and skills, templates and start
windows, breaks inside their windows, availability and unavailable dates, minimum rest, weekly rest, one
shift per day, consecutive days, days off, nights per week, shifts and minutes per week, handover overlap.
The checker shares no code with the solver. A valid roster prints a report (exit 0); violations are
listed on stderr with exit code 2.`,
  request: rosterSchema,
  options: { request: 'the schedule request JSON the roster was made for (required)' },
  async run(roster, context) {
    const path = context.options.request;
    if (typeof path !== 'string' || path === '')
      throw new InputError([{ path: '--request', message: 'name the schedule request file' }]);
    const file = resolve(process.cwd(), path);
    const request = parseInput(scheduleRequestSchema, parseJson(await readText(file), path), path);
    const report = validateRoster(request, roster);
    if (!report.valid)
      throw new InputError(
        report.violations.map((v) => ({
          path: `${v.rule}${v.agentId ? ` ${v.agentId}` : ''}${v.at ? ` @ ${v.at}` : ''}`,
          message: v.message,
        })),
        'roster',
      );
    return { json: report };
  },
});
