import { parseInput } from '@allhours/core';
import { type ScheduleRequest, type ScheduleRequestInput, scheduleRequestSchema } from '../src/request.js';

/** A flat requirement of `level` agents (or a function of the UTC hour) over the horizon. */
export function flatRequirement(
  channel: string,
  start: string,
  days: number,
  intervalMinutes: 15 | 30,
  level: number | ((utcHour: number) => number),
): ScheduleRequestInput['requirements'][number] {
  const n = (days * 1440) / intervalMinutes;
  const at = (i: number) => (typeof level === 'number' ? level : level(Math.floor((i * intervalMinutes) / 60) % 24));
  return { channel, start, intervalMinutes, values: Array.from({ length: n }, (_, i) => at(i)) };
}

/** One site, three 8-hour templates (early/late/night), `agents` voice agents, 24/7 demand of one agent. */
export function smallRequest(
  overrides: Partial<ScheduleRequestInput> & { agents?: ScheduleRequestInput['agents'] } = {},
  options: { agents?: number; timeZone?: string; start?: string; days?: number } = {},
): ScheduleRequestInput {
  const start = options.start ?? '2026-03-23T00:00:00Z';
  const days = options.days ?? 7;
  const agents = Array.from({ length: options.agents ?? 6 }, (_, k) => ({
    id: `a${k + 1}`,
    siteId: 'S',
    channels: ['voice'],
    minMinutesPerWeek: 960,
    maxMinutesPerWeek: 2400,
    maxShiftsPerWeek: 5,
  }));
  return {
    horizon: { start, days },
    intervalMinutes: 30,
    requirements: [flatRequirement('voice', start, days, 30, 1)],
    sites: [{ id: 'S', timeZone: options.timeZone ?? 'Europe/Amsterdam', costPerHour: 20, nightPremium: 0.25 }],
    templates: [
      { id: 'early', siteId: 'S', startTimes: ['06:00'], durationMinutes: 480 },
      { id: 'late', siteId: 'S', startTimes: ['14:00'], durationMinutes: 480 },
      { id: 'night', siteId: 'S', startTimes: ['22:00'], durationMinutes: 480 },
    ],
    agents,
    solver: { timeLimitSeconds: 2, seed: 1 },
    ...overrides,
  };
}

export function parsed(input: ScheduleRequestInput): ScheduleRequest {
  return parseInput(scheduleRequestSchema, input);
}
