import { staffParsed, staffRequestSchema } from '@allhours/erlang';
import { defineCommand } from '../command.js';

export const staffCommand = defineCommand({
  name: 'staff',
  summary:
    'Agents every interval needs per channel (Erlang B/C/A, chat, deferred work), or the service given agents achieve',
  help: `Reads per channel the contacts per interval, handle time and targets, and returns for every interval the
smallest number of productive agents that meets every target at once (with the continuous requirement
"agentsFractional" and "scheduledAgents" after shrinkage), with service level, ASA, abandonment, occupancy,
queue length, blocking (erlangB) and backlog (deferred). With "agents" given, evaluates those instead.
Models: erlangB (lost calls), erlangC (waiting, infinite patience), erlangA (waiting with abandonment,
patienceSeconds), chat (concurrency K, ahtSecondsByConcurrency, patienceSeconds), deferred (backlog with
targets.responseWithinMinutes). Unbounded values (ASA when agents ≤ offered load in Erlang C) print as null.`,
  request: staffRequestSchema,
  // Microseconds per interval: no progress to report.
  run(request) {
    return { json: staffParsed(request) };
  },
});
