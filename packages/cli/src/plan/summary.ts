import type { StaffResponse } from '@allhours/erlang';
import type { ScheduleResponse } from '@allhours/scheduler';
import type { PlanRequest } from './schema.js';
import type { WhatIfResult } from './what-if.js';

/** The few figures a planner reads first: service per channel, cost, agents, gaps. */
export interface PlanSummary {
  status: string;
  cost: number;
  currency: string;
  agentsRostered: number;
  agentsAvailable: number;
  shifts: number;
  gap: number | null;
  channels: {
    name: string;
    serviceLevel: number | null;
    target: number | null;
    shortAgentHours: number;
    requiredAgentHours: number;
  }[];
  whatIf: { label: string; cost: number; agents: number; serviceLevel: Record<string, number | null> }[];
}

export function summarize(
  plan: PlanRequest,
  staffing: StaffResponse,
  roster: ScheduleResponse,
  whatIf: WhatIfResult[],
): PlanSummary {
  const baseline = whatIf[0]!.option;
  return {
    status: roster.status,
    cost: Math.round(roster.kpis.cost),
    currency: plan.currency,
    agentsRostered: new Set(roster.assignments.map((a) => a.agentId)).size,
    agentsAvailable: plan.agents.length,
    shifts: roster.assignments.length,
    gap: roster.gap,
    channels: plan.channels.map((c, i) => ({
      name: c.name,
      serviceLevel: baseline.serviceLevel[c.name] ?? null,
      target: c.staffing.targets.serviceLevel ?? null,
      shortAgentHours: Math.round((roster.kpis.underCoverageAgentHoursByChannel[c.name] ?? 0) * 10) / 10,
      requiredAgentHours: Math.round(staffing.channels[i]!.totals.scheduledAgentHours),
    })),
    whatIf: whatIf.map((w) => ({
      label: w.option.label,
      cost: w.option.cost,
      agents: w.option.agents,
      serviceLevel: w.option.serviceLevel,
    })),
  };
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

export function formatSummary(summary: PlanSummary, outDir: string): string {
  const lines = [
    `roster ${summary.status}${summary.gap !== null ? ` (gap ${(summary.gap * 100).toFixed(1)}%)` : ''}: ${summary.shifts} shifts, ${summary.agentsRostered} of ${summary.agentsAvailable} agents, cost ${summary.cost.toLocaleString('en-US')} ${summary.currency}`,
    ...summary.channels.map(
      (c) =>
        `  ${c.name.padEnd(8)} service level ${pct(c.serviceLevel)} (target ${pct(c.target)}), ${c.requiredAgentHours} agent-h required, ${c.shortAgentHours} agent-h short`,
    ),
  ];
  if (summary.whatIf.length > 1) {
    lines.push('what-if:');
    for (const w of summary.whatIf)
      lines.push(
        `  ${w.label.padEnd(34)} cost ${Math.round(w.cost).toLocaleString('en-US').padStart(9)}  agents ${String(w.agents).padStart(4)}  ${Object.entries(
          w.serviceLevel,
        )
          .map(([k, v]) => `${k} ${pct(v)}`)
          .join(', ')}`,
      );
  }
  lines.push(
    `written to ${outDir}: report.html, roster.csv, roster.ics, roster.json, plan.json and each stage's request/result`,
  );
  return `${lines.join('\n')}\n`;
}
