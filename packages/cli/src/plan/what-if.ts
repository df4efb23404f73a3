import { intervalStart, minutesOfLocalTime, type Progress, parseInput, parseInstant, toLocal } from '@allhours/core';
import { type ScheduleResponse, schedule, scheduleRequestSchema } from '@allhours/scheduler';
import type { PlanRequest, WhatIf } from './schema.js';
import { type ChannelDemand, scheduleRequestOf, staffChannels } from './stages.js';

/**
 * Coverage options side by side: people around the clock (the plan's roster) against people only within
 * `humanHours`, with bots or self-service resolving `botShare` of the contacts outside them. Each option is
 * rostered for real (same agents, rules and solver, a third of the time limit), so cost and service level
 * are what a planner would get, not an estimate.
 */
export interface WhatIfResult {
  option: {
    id: string;
    label: string;
    description: string;
    cost: number;
    agents: number;
    agentHours: number;
    serviceLevel: Record<string, number | null>;
    botShare: number;
    shortAgentHours: number;
  };
  status: string;
}

/** Whether interval `i` falls inside the option's human hours, on the plan's local clock. */
function inHumanHours(plan: PlanRequest, option: WhatIf, i: number): boolean {
  if (!option.humanHours) return true;
  const t = intervalStart({ start: plan.horizon.start, intervalMinutes: plan.intervalMinutes }, i);
  const local = toLocal(t, plan.timeZone);
  const minute = local.hour * 60 + local.minute;
  const from = minutesOfLocalTime(option.humanHours.from);
  const to = minutesOfLocalTime(option.humanHours.to);
  return from <= to ? minute >= from && minute < to : minute >= from || minute < to;
}

/**
 * Share of contacts answered within target, over all contacts of the channel: bot-resolved contacts count as
 * served, contacts outside human hours that bots do not take count as missed.
 */
function overallServiceLevel(
  plan: PlanRequest,
  option: WhatIf,
  demand: ChannelDemand,
  roster: ScheduleResponse,
  channel: string,
): number | null {
  const step = plan.intervalMinutes * 60_000;
  const sl = new Map<number, number | null>();
  for (const c of roster.coverage) {
    if (c.channel !== channel) continue;
    sl.set(Math.round((parseInstant(c.start)! - plan.horizon.start) / step), c.serviceLevel);
  }
  let total = 0;
  let good = 0;
  let measured = false;
  demand.volumes.forEach((v, i) => {
    total += v;
    if (inHumanHours(plan, option, i)) {
      const s = sl.get(i);
      if (s !== null && s !== undefined) {
        good += v * s;
        measured = true;
      }
    } else good += v * option.botShare;
  });
  return measured && total > 0 ? good / total : null;
}

function optionResult(
  plan: PlanRequest,
  option: WhatIf,
  demands: ChannelDemand[],
  roster: ScheduleResponse,
  description: string,
): WhatIfResult {
  const hours = (ms: number) => ms / 3_600_000;
  const agentHours = roster.assignments.reduce(
    (s, a) =>
      s +
      hours(Date.parse(a.end) - Date.parse(a.start)) -
      a.breaks.reduce((b, x) => b + hours(Date.parse(x.end) - Date.parse(x.start)), 0),
    0,
  );
  return {
    option: {
      id: option.id,
      label: option.label,
      description,
      cost: Math.round(roster.kpis.cost * 100) / 100,
      agents: new Set(roster.assignments.map((a) => a.agentId)).size,
      agentHours: Math.round(agentHours * 10) / 10,
      serviceLevel: Object.fromEntries(
        plan.channels.map((c, i) => [c.name, overallServiceLevel(plan, option, demands[i]!, roster, c.name)]),
      ),
      botShare: option.botShare,
      shortAgentHours: Math.round(roster.kpis.underCoverageAgentHours * 10) / 10,
    },
    status: roster.status,
  };
}

export async function runWhatIfs(
  plan: PlanRequest,
  demands: ChannelDemand[],
  baseline: ScheduleResponse,
  options: { progress: Progress },
): Promise<WhatIfResult[]> {
  const around: WhatIf = { id: 'human-24-7', label: 'People 24/7', botShare: 0 };
  const results = [optionResult(plan, around, demands, baseline, 'the plan’s roster: people answer around the clock')];
  for (const [k, option] of plan.whatIf.entries()) {
    options.progress.update('what-if', k / plan.whatIf.length, option.label);
    // People only inside their hours: outside them nobody is required and no contact reaches an agent.
    const inside = demands.map((d) => d.volumes.map((_, i) => (inHumanHours(plan, option, i) ? 1 : 0)));
    const reduced = demands.map((d, c) => ({ ...d, volumes: d.volumes.map((v, i) => v * inside[c]![i]!) }));
    const reducedStaffing = staffChannels(plan, reduced);
    const input = scheduleRequestOf(plan, reduced, reducedStaffing);
    const limit = Math.max(5, (plan.solver?.timeLimitSeconds ?? 30) / 3);
    input.solver = { ...(plan.solver ?? {}), timeLimitSeconds: limit };
    const roster = await schedule(parseInput(scheduleRequestSchema, input, `whatIf[${k}]`));
    const hours = option.humanHours ? `${option.humanHours.from}–${option.humanHours.to} ${plan.timeZone}` : '24/7';
    results.push(
      optionResult(
        plan,
        option,
        demands,
        roster,
        `people ${hours}; bots resolve ${Math.round(option.botShare * 100)}% of contacts outside those hours`,
      ),
    );
  }
  if (plan.whatIf.length > 0) options.progress.done('what-if', `${plan.whatIf.length} options`);
  return results;
}
