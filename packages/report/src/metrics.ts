import { minutesOfLocalTime, type Series, sum } from '@allhours/core';
import type { ReportData } from './data.js';
import { wallClock } from './wall-clock.js';

type Channel = ReportData['channels'][number];
type Agent = ReportData['agents'][number];

/**
 * Service level over the horizon: intervals weighted by forecast contacts where the forecast lines up
 * (a quiet 03:00 miss matters less than a 10:00 one), else a plain mean of the measured intervals.
 */
export function overallServiceLevel(channel: Channel): number | null {
  const sl = channel.serviceLevel;
  if (!sl) return null;
  const step = sl.intervalMinutes * 60_000;
  let weighted = 0;
  let weights = 0;
  sl.values.forEach((v, i) => {
    if (v === null) return;
    const t = sl.start + i * step;
    const f = channel.forecast;
    const k = f && f.intervalMinutes === sl.intervalMinutes ? Math.round((t - f.start) / step) : -1;
    const w = f && k >= 0 && k < f.mean.length ? f.mean[k]! : 1;
    weighted += w * v;
    weights += w;
  });
  return weights > 0 ? weighted / weights : null;
}

/** Agent-hours the roster is short of the requirement. */
export function shortAgentHours(required: Series, scheduled: Series): number {
  const step = required.intervalMinutes * 60_000;
  const hours = required.intervalMinutes / 60;
  return sum(
    required.values.map((r, i) => {
      const k = Math.round((required.start + i * step - scheduled.start) / step);
      const s = k >= 0 && k < scheduled.values.length ? scheduled.values[k]! : 0;
      return Math.max(0, r - s) * hours;
    }),
  );
}

/** Minimum minutes inside the night window that make a shift a night shift (the EU directive's 3 hours). */
export const NIGHT_SHIFT_MINUTES = 180;

/** Night shifts and weekend days of an agent, in the agent's local time. */
export function nightsAndWeekends(
  agent: Agent,
  timeZone: string,
  nightWindow: readonly [string, string],
): { nights: number; weekends: number } {
  const from = minutesOfLocalTime(nightWindow[0]);
  const to = minutesOfLocalTime(nightWindow[1]);
  const inNight = (m: number) => (from > to ? m >= from || m < to : m >= from && m < to);
  let nights = 0;
  const weekendDates = new Set<string>();
  for (const shift of agent.shifts) {
    let nightMinutes = 0;
    for (let t = shift.start; t < shift.end; t += 15 * 60_000) {
      if (inNight(wallClock(t, timeZone).minuteOfDay)) nightMinutes += Math.min(15, (shift.end - t) / 60_000);
    }
    if (nightMinutes >= NIGHT_SHIFT_MINUTES) nights++;
    const start = wallClock(shift.start, timeZone);
    if (start.weekday >= 6) weekendDates.add(start.date);
  }
  return { nights: agent.nights ?? nights, weekends: agent.weekends ?? weekendDates.size };
}
