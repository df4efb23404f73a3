import { mkdir, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { formatInstant, localDateOf, type Progress, parseInput, silentProgress } from '@allhours/core';
import type { StaffResponse } from '@allhours/erlang';
import type { ForecastResponse } from '@allhours/forecast';
import {
  agentsFromAssignments,
  coverageByChannel,
  forecastFromIntervals,
  type ReportDataInput,
  renderReport,
} from '@allhours/report';
import { rosterToCsv, rosterToIcs, type ScheduleResponse, schedule, scheduleRequestSchema } from '@allhours/scheduler';
import type { PlanRequest } from './schema.js';
import {
  type ChannelDemand,
  demandOf,
  forecastChannel,
  forecastRequestOf,
  scheduleRequestOf,
  staffChannels,
  staffRequestOf,
} from './stages.js';
import { type PlanSummary, summarize } from './summary.js';
import { runWhatIfs, type WhatIfResult } from './what-if.js';

export interface PlanOptions {
  /** Directory relative paths in the plan (history files, outputDir) resolve against. */
  baseDir: string;
  /** Overrides `plan.outputDir`. */
  outDir?: string;
  progress?: Progress;
  /** History per channel shown in the report (the demo passes what it generated). */
  historyForReport?: Record<string, { start: string; intervalMinutes: 15 | 30; values: number[] }>;
}

export interface PlanResult {
  outDir: string;
  files: string[];
  forecasts: ForecastResponse[];
  staffing: StaffResponse;
  roster: ScheduleResponse;
  whatIf: WhatIfResult[];
  summary: PlanSummary;
}

/** History file paths in a forecast request re-based so the request runs from the output directory. */
function rebaseHistory<T extends { history: { file?: string | undefined } }>(
  request: T,
  baseDir: string,
  outDir: string,
): T {
  const file = request.history.file;
  if (file === undefined || isAbsolute(file)) return request;
  return { ...request, history: { ...request.history, file: relative(outDir, resolve(baseDir, file)) } };
}

/** forecast → staffing → roster → what-if → report, writing every stage's request and result to `outDir`. */
export async function runPlan(plan: PlanRequest, options: PlanOptions): Promise<PlanResult> {
  const progress = options.progress ?? silentProgress;
  const outDir = resolve(options.baseDir, options.outDir ?? plan.outputDir);
  await mkdir(outDir, { recursive: true });
  const files: string[] = [];
  const write = async (name: string, content: unknown) => {
    const path = join(outDir, name);
    await writeFile(path, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
    files.push(path);
  };

  const forecasts: ForecastResponse[] = [];
  const demands: ChannelDemand[] = [];
  for (let i = 0; i < plan.channels.length; i++) {
    const channel = plan.channels[i]!;
    progress.update('forecast', i / plan.channels.length, channel.name);
    const forecast = await forecastChannel(plan, i, { baseDir: options.baseDir, progress: silentProgress });
    forecasts.push(forecast);
    demands.push(demandOf(plan, channel, forecast, i));
    await write(
      `forecast-${channel.name}.request.json`,
      rebaseHistory(forecastRequestOf(plan, channel), options.baseDir, outDir),
    );
    await write(`forecast-${channel.name}.json`, forecast);
  }
  progress.done('forecast', `${plan.channels.length} channels, model ${forecasts.map((f) => f.model).join(' / ')}`);

  progress.update('staffing', undefined);
  const staffing = staffChannels(plan, demands);
  await write('staff-request.json', staffRequestOf(plan, demands));
  await write('staffing.json', staffing);
  progress.done(
    'staffing',
    staffing.channels.map((c) => `${c.name} ${Math.round(c.totals.scheduledAgentHours)} agent-h`).join(', '),
  );

  const scheduleInput = scheduleRequestOf(plan, demands, staffing);
  await write('schedule-request.json', scheduleInput);
  const scheduleRequest = parseInput(scheduleRequestSchema, scheduleInput, 'schedule request (built from plan)');
  const roster = await schedule(scheduleRequest, { progress });
  await write('roster.json', roster);
  await write('roster.csv', rosterToCsv(roster));
  await write('roster.ics', rosterToIcs(roster));

  const whatIf = await runWhatIfs(plan, demands, roster, { progress });

  const report = reportDataOf(plan, forecasts, roster, whatIf, options.historyForReport);
  await write('report-data.json', report);
  progress.update('report', undefined);
  await write('report.html', renderReport(report));
  progress.done('report', join(outDir, 'report.html'));

  const summary = summarize(plan, staffing, roster, whatIf);
  await write('plan.json', { plan, summary });
  return { outDir, files, forecasts, staffing, roster, whatIf, summary };
}

function reportDataOf(
  plan: PlanRequest,
  forecasts: ForecastResponse[],
  roster: ScheduleResponse,
  whatIf: WhatIfResult[],
  history: PlanOptions['historyForReport'],
): ReportDataInput {
  const coverage = coverageByChannel(roster.coverage, plan.intervalMinutes);
  const holidays = plan.specialDays
    .filter((d) => d.date >= localDateOf(plan.horizon.start, plan.timeZone))
    .map((d) => ({ date: d.date, label: d.label }));
  return {
    title: plan.title,
    subtitle: `${plan.horizon.days} days from ${localDateOf(plan.horizon.start, plan.timeZone)} · roster ${roster.status}`,
    timeZone: plan.timeZone,
    currency: plan.currency,
    horizon: { start: formatInstant(plan.horizon.start), days: plan.horizon.days },
    channels: plan.channels.map((c, i) => {
      const cov = coverage[c.name];
      const zero = { start: formatInstant(plan.horizon.start), intervalMinutes: plan.intervalMinutes, values: [0] };
      const target = c.staffing.targets;
      return {
        id: c.name,
        ...(history?.[c.name] && { history: history[c.name] }),
        forecast: forecastFromIntervals(forecasts[i]!.intervals, plan.intervalMinutes),
        required: cov?.required ?? zero,
        scheduled: cov?.scheduled ?? zero,
        ...(cov && { serviceLevel: cov.serviceLevel }),
        ...(target.serviceLevel !== undefined && {
          target: {
            serviceLevel: target.serviceLevel,
            ...(target.answerWithinSeconds !== undefined && { answerWithinSeconds: target.answerWithinSeconds }),
            ...(target.responseWithinMinutes !== undefined && { responseWithinMinutes: target.responseWithinMinutes }),
          },
        }),
      };
    }),
    sites: plan.sites.map((s) => ({
      id: s.id,
      timeZone: s.timeZone,
      cost: roster.kpis.costBySite?.[s.id] ?? 0,
    })),
    agents: agentsFromAssignments(roster.assignments, roster.kpis),
    holidays,
    whatIf: whatIf.map((w) => w.option),
    notes: [...(roster.explanation ?? []), ...roster.kpis.diagnostics.slice(0, 5)],
  };
}
