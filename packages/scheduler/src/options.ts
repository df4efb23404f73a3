import {
  addDays,
  DAY_MS,
  formatLocalTime,
  isWeekendDate,
  localToInstant,
  MINUTE_MS,
  minutesOfLocalTime,
  toLocal,
} from '@allhours/core';
import type { ScheduleRequest, Site, Template } from './request.js';

/**
 * Shift options: each template's local start times, expanded per site-local calendar day into UTC
 * instants. A shift runs from its local start to its local end (start + duration on the wall clock),
 * so across a DST change its true length is 7 or 9 hours for an 8-hour template.
 *
 * Day d of the horizon is the calendar date (UTC date of horizon.start) + d at every site; an option
 * exists on day d when its local start time exists that day (not in a spring-forward gap) and its start
 * instant lies inside the horizon.
 */

/** A day-independent shift pattern: site × template × local start time. */
export interface ShiftPattern {
  /** `site/template/HH:mm` */
  id: string;
  siteId: string;
  templateId: string;
  startMinute: number;
  durationMinutes: number;
  unpaidBreakMinutes: number;
  /** Minutes of the shift inside the site's local night window (wall clock). */
  nightMinutes: number;
  night: boolean;
  /** 0 early, 1 day, 2 late, 3 night — by local start, for forward rotation. */
  shiftClass: number;
}

/** A pattern on one day, as UTC instants. */
export interface ShiftInstance {
  start: number;
  end: number;
  /** Pay for this shift on this day: paid hours × rate, plus night and weekend premiums. */
  cost: number;
}

export interface ShiftCatalog {
  origin: number;
  days: number;
  horizonEnd: number;
  /** Local date of day d (same at every site). */
  dates: string[];
  patterns: ShiftPattern[];
  /** instances[p][d], undefined when the pattern does not exist that day. */
  instances: (ShiftInstance | undefined)[][];
  siteOf: Map<string, Site>;
}

/** An EU night worker works at least 3 h of night time; shorter shifts count when half of them is night. */
const NIGHT_WORKER_MINUTES = 180;

export function startMinutesOf(template: Template): number[] {
  if (Array.isArray(template.startTimes)) return [...new Set(template.startTimes.map(minutesOfLocalTime))];
  const { from, to, stepMinutes } = template.startTimes;
  const out: number[] = [];
  for (let m = minutesOfLocalTime(from); m <= minutesOfLocalTime(to); m += stepMinutes) out.push(m);
  return out;
}

/** Is a local minute of day inside [from, to] (wrapping past midnight when from > to)? Inclusive ends. */
export function inLocalWindow(minute: number, window: readonly [string, string]): boolean {
  const from = minutesOfLocalTime(window[0]);
  const to = minutesOfLocalTime(window[1]);
  const m = ((minute % 1440) + 1440) % 1440;
  return from <= to ? m >= from && m <= to : m >= from || m <= to;
}

/** Minutes of [start, start + length) (local minutes, may pass 1440) inside a daily window [from, to). */
export function overlapWithDailyWindow(start: number, length: number, window: readonly [string, string]): number {
  const from = minutesOfLocalTime(window[0]);
  let to = minutesOfLocalTime(window[1]);
  if (to <= from) to += 1440;
  let total = 0;
  for (let day = -1; day <= 2; day++) {
    const a = Math.max(start, from + day * 1440);
    const b = Math.min(start + length, to + day * 1440);
    if (b > a) total += b - a;
  }
  return total;
}

function shiftClassOf(startMinute: number): number {
  const m = startMinute % 1440;
  if (m >= 240 && m < 600) return 0;
  if (m >= 600 && m < 840) return 1;
  if (m >= 840 && m < 1200) return 2;
  return 3;
}

export function buildPatterns(request: ScheduleRequest): ShiftPattern[] {
  const siteOf = new Map(request.sites.map((s) => [s.id, s]));
  const out: ShiftPattern[] = [];
  for (const t of request.templates) {
    const site = siteOf.get(t.siteId)!;
    for (const startMinute of startMinutesOf(t)) {
      if (site.startWindow && !inLocalWindow(startMinute, site.startWindow)) continue;
      const nightMinutes = overlapWithDailyWindow(startMinute, t.durationMinutes, site.nightWindow);
      out.push({
        id: `${site.id}/${t.id}/${formatLocalTime(startMinute)}`,
        siteId: site.id,
        templateId: t.id,
        startMinute,
        durationMinutes: t.durationMinutes,
        unpaidBreakMinutes: t.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0),
        nightMinutes,
        night: nightMinutes >= Math.min(NIGHT_WORKER_MINUTES, t.durationMinutes / 2),
        shiftClass: shiftClassOf(startMinute),
      });
    }
  }
  return out;
}

/** Start and end instants of a pattern on a local date, or undefined when the start time does not exist. */
export function instantsOf(
  date: string,
  startMinute: number,
  durationMinutes: number,
  timeZone: string,
): { start: number; end: number } | undefined {
  const start = localToInstant(date, startMinute, timeZone);
  const local = toLocal(start, timeZone);
  if (local.toISODate() !== date || local.hour * 60 + local.minute !== startMinute % 1440) return undefined;
  const end = localToInstant(date, startMinute + durationMinutes, timeZone);
  return { start, end };
}

function costOf(pattern: ShiftPattern, site: Site, date: string, start: number, end: number): number {
  const paidHours = ((end - start) / MINUTE_MS - pattern.unpaidBreakMinutes) / 60;
  let weekendMinutes = 0;
  for (let day = 0; day * 1440 < pattern.startMinute + pattern.durationMinutes; day++) {
    if (!isWeekendDate(addDays(date, day))) continue;
    const a = Math.max(pattern.startMinute, day * 1440);
    const b = Math.min(pattern.startMinute + pattern.durationMinutes, (day + 1) * 1440);
    if (b > a) weekendMinutes += b - a;
  }
  const premium = (pattern.nightMinutes * site.nightPremium + weekendMinutes * site.weekendPremium) / 60;
  return site.costPerHour * (Math.max(0, paidHours) + premium);
}

export function utcDateOf(instantMs: number): string {
  return new Date(instantMs).toISOString().slice(0, 10);
}

export function buildCatalog(request: ScheduleRequest): ShiftCatalog {
  const origin = request.horizon.start;
  const days = request.horizon.days;
  const horizonEnd = origin + days * DAY_MS;
  const first = utcDateOf(origin);
  const dates = Array.from({ length: days }, (_, d) => addDays(first, d));
  const siteOf = new Map(request.sites.map((s) => [s.id, s]));
  const patterns = buildPatterns(request);
  const instances = patterns.map((p) => {
    const site = siteOf.get(p.siteId)!;
    return dates.map((date) => {
      const at = instantsOf(date, p.startMinute, p.durationMinutes, site.timeZone);
      if (!at || at.start < origin || at.start >= horizonEnd) return undefined;
      return { ...at, cost: costOf(p, site, date, at.start, at.end) };
    });
  });
  return { origin, days, horizonEnd, dates, patterns, instances, siteOf };
}
