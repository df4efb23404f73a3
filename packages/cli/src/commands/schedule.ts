import { rosterToCsv, rosterToIcs, schedule, scheduleRequestSchema } from '@allhours/scheduler';
import { defineCommand } from '../command.js';

export const scheduleCommand = defineCommand({
  name: 'schedule',
  summary: 'Roster agents across sites and time zones: shifts, breaks, rest rules, handover, rotation',
  help: `Builds a roster from required agents per interval and channel: stage 1 plans shift starts with an
LP (its optimum is the reported lower bound), stage 2 assigns named agents with every rule (minimum rest,
weekly rest, consecutive days, days off, nights, contract minutes, availability, handover overlap, cyclic
or free rotation) within solver.timeLimitSeconds, stage 3 staggers breaks. Shifts are built in each site's
local time and reported in UTC and local time; rest is measured on UTC instants.
Output: the roster as JSON, --format csv (one row per shift) or --format ics (one VCALENDAR per agent,
concatenated; --agent selects one). Infeasible input is answered with status "infeasible" and an
"explanation" naming the rule, agents, days or intervals.`,
  request: scheduleRequestSchema,
  formats: ['csv', 'ics'],
  options: { agent: 'with --format ics: only this agent’s calendar' },
  async run(request, context) {
    const response = await schedule(request, { progress: context.progress });
    if (context.format === 'csv') return { text: rosterToCsv(response) };
    if (context.format === 'ics') {
      const agent = context.options.agent;
      return { text: rosterToIcs(response, typeof agent === 'string' ? agent : undefined) };
    }
    return { json: response };
  },
});
