import { formatInstant, InputError, type InputIssue, parseInstant } from '@allhours/core';
import type { z } from 'zod';
import type { quantileForecastSchema, reportAgentSchema } from './data.js';

/**
 * Turn the other commands' JSON outputs (forecast intervals, schedule coverage and assignments) into the
 * report's series and agents. Structural types only: the report does not depend on those packages.
 */

type SeriesInput = { start: string; intervalMinutes: 5 | 6 | 10 | 15 | 30 | 60; values: number[] };

export interface ForecastIntervalRow {
  start: string;
  volume: number;
  /** Keys like "0.1", "0.5", "0.9". */
  quantiles?: Record<string, number>;
}

/** Forecast response intervals → the band chart's mean/p10/p90 (p10/p90 fall back to the mean when absent). */
export function forecastFromIntervals(
  rows: readonly ForecastIntervalRow[],
  intervalMinutes: SeriesInput['intervalMinutes'],
  source = 'forecast',
): z.input<typeof quantileForecastSchema> {
  const sorted = sortByStart(rows, source);
  const pick = (r: ForecastIntervalRow, q: string) => r.quantiles?.[q] ?? r.quantiles?.[String(Number(q))] ?? r.volume;
  const grid = onGrid(sorted, intervalMinutes, source);
  return {
    start: formatInstant(grid.start),
    intervalMinutes,
    mean: grid.rows.map((r) => r?.row.volume ?? 0),
    p10: grid.rows.map((r) => (r ? pick(r.row, '0.1') : 0)),
    p90: grid.rows.map((r) => (r ? pick(r.row, '0.9') : 0)),
  };
}

export interface CoverageRow {
  channel: string;
  start: string;
  required: number;
  scheduled: number;
  serviceLevel?: number | null;
}

export interface ChannelCoverage {
  required: SeriesInput;
  scheduled: SeriesInput;
  serviceLevel: { start: string; intervalMinutes: SeriesInput['intervalMinutes']; values: (number | null)[] };
}

/** Schedule `coverage` rows → per channel required/scheduled/service-level series; missing intervals read 0 / null. */
export function coverageByChannel(
  rows: readonly CoverageRow[],
  intervalMinutes: SeriesInput['intervalMinutes'],
  source = 'coverage',
): Record<string, ChannelCoverage> {
  const out: Record<string, ChannelCoverage> = {};
  const channels = [...new Set(rows.map((r) => r.channel))];
  for (const channel of channels) {
    const grid = onGrid(
      sortByStart(
        rows.filter((r) => r.channel === channel),
        `${source}[${channel}]`,
      ),
      intervalMinutes,
      `${source}[${channel}]`,
    );
    const start = formatInstant(grid.start);
    out[channel] = {
      required: { start, intervalMinutes, values: grid.rows.map((r) => r?.row.required ?? 0) },
      scheduled: { start, intervalMinutes, values: grid.rows.map((r) => r?.row.scheduled ?? 0) },
      serviceLevel: { start, intervalMinutes, values: grid.rows.map((r) => r?.row.serviceLevel ?? null) },
    };
  }
  return out;
}

export interface AssignmentRow {
  agentId: string;
  siteId: string;
  channel?: string;
  start: string;
  end: string;
  breaks?: readonly { start: string; end: string }[];
}

/**
 * Schedule `assignments` → one report agent per agent id with its shifts; night and weekend counts from
 * the schedule's KPIs when given (so the report shows the scheduler's own definition).
 */
export function agentsFromAssignments(
  rows: readonly AssignmentRow[],
  kpis?: { nightsPerAgent?: Record<string, number>; weekendShiftsPerAgent?: Record<string, number> },
): z.input<typeof reportAgentSchema>[] {
  const byAgent = new Map<string, z.input<typeof reportAgentSchema>>();
  for (const r of rows) {
    let agent = byAgent.get(r.agentId);
    if (!agent) {
      agent = { id: r.agentId, siteId: r.siteId, shifts: [] };
      const nights = kpis?.nightsPerAgent?.[r.agentId];
      const weekends = kpis?.weekendShiftsPerAgent?.[r.agentId];
      if (nights !== undefined) agent.nights = nights;
      if (weekends !== undefined) agent.weekends = weekends;
      byAgent.set(r.agentId, agent);
    }
    agent.shifts.push({
      start: r.start,
      end: r.end,
      ...(r.channel ? { channel: r.channel } : {}),
      breaks: (r.breaks ?? []).map((b) => ({ start: b.start, end: b.end })),
    });
  }
  for (const a of byAgent.values()) a.shifts.sort((x, y) => Date.parse(x.start) - Date.parse(y.start));
  return [...byAgent.values()];
}

function sortByStart<T extends { start: string }>(rows: readonly T[], source: string): { at: number; row: T }[] {
  const issues: InputIssue[] = [];
  const parsed = rows.map((row, i) => {
    const at = parseInstant(row.start);
    if (at === undefined)
      issues.push({ path: `[${i}].start`, message: `"${row.start}" is not an ISO instant with an offset` });
    return { at: at ?? 0, row };
  });
  if (issues.length > 0) throw new InputError(issues, source);
  return parsed.sort((a, b) => a.at - b.at);
}

/** Rows placed on a contiguous grid from the first to the last start; `undefined` where a row is missing. */
function onGrid<T>(
  sorted: { at: number; row: T }[],
  intervalMinutes: number,
  source: string,
): { start: number; rows: ({ row: T } | undefined)[] } {
  if (sorted.length === 0) throw new InputError([{ path: '', message: 'no rows' }], source);
  const step = intervalMinutes * 60_000;
  const start = sorted[0]!.at;
  const count = Math.round((sorted[sorted.length - 1]!.at - start) / step) + 1;
  const out: ({ row: T } | undefined)[] = new Array(count).fill(undefined);
  for (const { at, row } of sorted) {
    const i = (at - start) / step;
    if (!Number.isInteger(i)) {
      throw new InputError(
        [
          {
            path: '',
            message: `${formatInstant(at)} is not on the ${intervalMinutes}-minute grid from ${formatInstant(start)}`,
          },
        ],
        source,
      );
    }
    out[i] = { row };
  }
  return { start, rows: out };
}
