import {
  addDays,
  DAY_MS,
  localDateOf,
  localDayBounds,
  localToInstant,
  MINUTE_MS,
  minutesOfLocalTime,
  toLocal,
  weekdayOf,
} from '@allhours/core';
import type { ScheduleRequest } from '../request.js';
import type { Roster, RosterAssignment } from './roster.js';

/**
 * The independent judge of a roster: re-checks every hard rule of the request on UTC instants, from
 * the request and the roster alone. It shares no code with the solver or the model mapping on purpose,
 * so a mapping bug cannot hide behind the same bug here.
 *
 * Conventions it checks (the request's documented semantics):
 * - Day d of the horizon is the calendar date (UTC date of horizon.start) + d in each site's zone; a
 *   shift belongs to the local date of its start.
 * - A shift runs from its local start time to local start + duration on the wall clock.
 * - Weekly limits apply per 7-day block from day 0 (a final partial block prorated: min down, max up);
 *   weekly rest is checked in every full block between its site-local midnights; nights per week in
 *   every sliding 7-day window.
 * - A night shift has ≥ 3 h (or half its wall-clock length, when shorter) inside the local night window.
 */
export interface RuleViolation {
  rule:
    | 'reference'
    | 'horizon'
    | 'template'
    | 'startWindow'
    | 'breaks'
    | 'unavailable'
    | 'availability'
    | 'oneShiftPerDay'
    | 'minRest'
    | 'weeklyRest'
    | 'maxConsecutiveDays'
    | 'minConsecutiveDays'
    | 'minConsecutiveDaysOff'
    | 'maxWorkingWeekends'
    | 'maxNightsPerWeek'
    | 'maxShiftsPerWeek'
    | 'maxMinutesPerWeek'
    | 'minMinutesPerWeek'
    | 'handover';
  agentId?: string;
  /** Local date or UTC instant the violation is about. */
  at?: string;
  message: string;
}

export interface ValidationReport {
  valid: boolean;
  assignments: number;
  violations: RuleViolation[];
}

function templateStarts(t: ScheduleRequest['templates'][number]): Set<number> {
  if (Array.isArray(t.startTimes)) return new Set(t.startTimes.map(minutesOfLocalTime));
  const out = new Set<number>();
  const last = minutesOfLocalTime(t.startTimes.to);
  for (let m = minutesOfLocalTime(t.startTimes.from); m <= last; m += t.startTimes.stepMinutes) out.add(m);
  return out;
}

function withinWindow(minute: number, from: string, to: string): boolean {
  const a = minutesOfLocalTime(from);
  const b = minutesOfLocalTime(to);
  return a <= b ? minute >= a && minute <= b : minute >= a || minute <= b;
}

/** Wall-clock minutes of [start, start + length) inside the daily window [from, to). */
function nightMinutes(start: number, length: number, window: [string, string]): number {
  const a = minutesOfLocalTime(window[0]);
  let b = minutesOfLocalTime(window[1]);
  if (b <= a) b += 1440;
  let sum = 0;
  for (let k = -1; k <= 2; k++)
    sum += Math.max(0, Math.min(start + length, b + 1440 * k) - Math.max(start, a + 1440 * k));
  return sum;
}

const iso = (ms: number) => new Date(ms).toISOString();

interface Checked {
  a: RosterAssignment;
  date: string;
  day: number;
  startMinute: number;
  duration: number;
  night: boolean;
}

export function validateRoster(request: ScheduleRequest, roster: Roster): ValidationReport {
  const violations: RuleViolation[] = [];
  const add = (v: RuleViolation) => violations.push(v);
  const sites = new Map(request.sites.map((s) => [s.id, s]));
  const templates = new Map(request.templates.map((t) => [t.id, t]));
  const agents = new Map(request.agents.map((a) => [a.id, a]));
  const rules = request.rules;
  const horizonStart = request.horizon.start;
  const days = request.horizon.days;
  const horizonEnd = horizonStart + days * DAY_MS;
  const firstDate = iso(horizonStart).slice(0, 10);
  const dayOf = (date: string) =>
    Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${firstDate}T00:00:00Z`)) / DAY_MS);

  const perAgent = new Map<string, Checked[]>();
  for (const a of roster.assignments) {
    const agent = agents.get(a.agentId);
    const site = sites.get(a.siteId);
    const template = templates.get(a.templateId);
    if (!agent || !site || !template) {
      add({ rule: 'reference', agentId: a.agentId, at: iso(a.start), message: 'unknown agent, site or template' });
      continue;
    }
    if (agent.siteId !== a.siteId || template.siteId !== a.siteId)
      add({
        rule: 'reference',
        agentId: a.agentId,
        at: iso(a.start),
        message: `agent of ${agent.siteId} on a ${a.siteId} shift of template ${template.id} (site ${template.siteId})`,
      });
    if (!agent.channels.includes(a.channel))
      add({
        rule: 'reference',
        agentId: a.agentId,
        at: iso(a.start),
        message: `channel ${a.channel} is not among the agent's skills`,
      });

    const local = toLocal(a.start, site.timeZone);
    const date = localDateOf(a.start, site.timeZone);
    const startMinute = local.hour * 60 + local.minute;
    const day = dayOf(date);
    if (a.start < horizonStart || a.start >= horizonEnd || day < 0 || day >= days)
      add({ rule: 'horizon', agentId: a.agentId, at: iso(a.start), message: 'shift starts outside the horizon' });
    if (!templateStarts(template).has(startMinute) || local.second !== 0 || local.millisecond !== 0)
      add({
        rule: 'template',
        agentId: a.agentId,
        at: iso(a.start),
        message: `local start ${local.toFormat('HH:mm')} is not a start time of ${template.id}`,
      });
    const expectedEnd = localToInstant(date, startMinute + template.durationMinutes, site.timeZone);
    if (a.end !== expectedEnd)
      add({
        rule: 'template',
        agentId: a.agentId,
        at: iso(a.start),
        message: `ends ${iso(a.end)}, template ${template.id} ends ${iso(expectedEnd)}`,
      });
    if (site.startWindow && !withinWindow(startMinute, site.startWindow[0], site.startWindow[1]))
      add({
        rule: 'startWindow',
        agentId: a.agentId,
        at: iso(a.start),
        message: `local start ${local.toFormat('HH:mm')} outside ${site.startWindow.join('–')}`,
      });

    // Breaks: one per template break, each inside its window and inside the shift, none overlapping.
    const breaks = [...a.breaks].sort((x, y) => x.start - y.start);
    const wanted = [...template.breaks].sort((x, y) => x.earliestAfterMinutes - y.earliestAfterMinutes);
    if (breaks.length !== wanted.length)
      add({
        rule: 'breaks',
        agentId: a.agentId,
        at: iso(a.start),
        message: `${breaks.length} breaks, template has ${wanted.length}`,
      });
    else {
      const used = new Set<number>();
      breaks.forEach((b, k) => {
        const offset = (b.start - a.start) / MINUTE_MS;
        const len = (b.end - b.start) / MINUTE_MS;
        const match = wanted.findIndex(
          (w, j) =>
            !used.has(j) && w.minutes === len && offset >= w.earliestAfterMinutes && offset <= w.latestAfterMinutes,
        );
        if (match < 0 || b.end > a.end)
          add({
            rule: 'breaks',
            agentId: a.agentId,
            at: iso(b.start),
            message: `break of ${len} min at +${offset} min fits no break window of ${template.id}`,
          });
        else used.add(match);
        if (k > 0 && b.start < breaks[k - 1]!.end)
          add({ rule: 'breaks', agentId: a.agentId, at: iso(b.start), message: 'breaks overlap' });
      });
    }

    if (agent.unavailableDates.includes(date))
      add({ rule: 'unavailable', agentId: a.agentId, at: date, message: `works on unavailable date ${date}` });
    if (agent.availability) {
      const wd = weekdayOf(date);
      const fits = agent.availability.some((w) => {
        const from = minutesOfLocalTime(w.from);
        const to = minutesOfLocalTime(w.to) <= from ? minutesOfLocalTime(w.to) + 1440 : minutesOfLocalTime(w.to);
        return w.weekdays.includes(wd) && startMinute >= from && startMinute + template.durationMinutes <= to;
      });
      if (!fits)
        add({
          rule: 'availability',
          agentId: a.agentId,
          at: iso(a.start),
          message: "shift outside the agent's availability windows",
        });
    }
    const nm = nightMinutes(startMinute, template.durationMinutes, site.nightWindow);
    const night = nm >= Math.min(180, template.durationMinutes / 2);
    const list = perAgent.get(a.agentId) ?? [];
    list.push({ a, date, day, startMinute, duration: template.durationMinutes, night });
    perAgent.set(a.agentId, list);
  }

  // Every agent, also those without shifts (their weekly minimum still applies).
  for (const agent of request.agents) {
    const agentId = agent.id;
    const shifts = perAgent.get(agentId) ?? [];
    const site = sites.get(agent.siteId)!;
    shifts.sort((x, y) => x.a.start - y.a.start);
    const worked = new Array<number>(days).fill(0);
    for (let k = 0; k < shifts.length; k++) {
      const s = shifts[k]!;
      if (s.day >= 0 && s.day < days) worked[s.day]!++;
      if (k === 0) continue;
      const prev = shifts[k - 1]!;
      const restMinutes = (s.a.start - prev.a.end) / MINUTE_MS;
      if (restMinutes < rules.minRestMinutes)
        add({
          rule: 'minRest',
          agentId,
          at: iso(s.a.start),
          message: `${restMinutes} min rest after the shift ending ${iso(prev.a.end)} (minimum ${rules.minRestMinutes})`,
        });
    }
    worked.forEach((n, d) => {
      if (n > 1)
        add({
          rule: 'oneShiftPerDay',
          agentId,
          at: addDays(firstDate, d),
          message: `${n} shifts start on one local day`,
        });
    });
    // Runs of work and of days off (days outside the horizon count as off; edge runs of days off are exempt).
    let run = 0;
    for (let d = 0; d <= days; d++) {
      if (d < days && worked[d]! > 0) run++;
      else {
        if (run > rules.maxConsecutiveDays)
          add({
            rule: 'maxConsecutiveDays',
            agentId,
            at: addDays(firstDate, d - run),
            message: `${run} consecutive working days (max ${rules.maxConsecutiveDays})`,
          });
        if (run > 0 && run < rules.minConsecutiveDays && d - run > 0 && d < days)
          add({
            rule: 'minConsecutiveDays',
            agentId,
            at: addDays(firstDate, d - run),
            message: `${run} consecutive working day(s) (min ${rules.minConsecutiveDays})`,
          });
        run = 0;
      }
    }
    let off = 0;
    let seenWork = false;
    for (let d = 0; d < days; d++) {
      if (worked[d]! > 0) {
        if (seenWork && off > 0 && off < rules.minConsecutiveDaysOff)
          add({
            rule: 'minConsecutiveDaysOff',
            agentId,
            at: addDays(firstDate, d - off),
            message: `${off} day(s) off between working days (min ${rules.minConsecutiveDaysOff})`,
          });
        seenWork = true;
        off = 0;
      } else off++;
    }
    // Weekends worked: a Saturday and the Sunday after it are one weekend (keyed by the Saturday's date).
    const weekendLimit = agent.maxWorkingWeekends ?? rules.maxWorkingWeekends;
    if (weekendLimit !== undefined) {
      const weekends = new Set<string>();
      worked.forEach((n, d) => {
        const date = addDays(firstDate, d);
        const wd = weekdayOf(date);
        if (n > 0 && wd >= 6) weekends.add(wd === 6 ? date : addDays(date, -1));
      });
      const saturdays = [...weekends].sort();
      if (saturdays.length > weekendLimit)
        add({
          rule: 'maxWorkingWeekends',
          agentId,
          at: saturdays.at(-1)!,
          message: `${saturdays.length} weekends worked (max ${weekendLimit}): ${saturdays.join(', ')}`,
        });
    }
    // Weekly limits per 7-day block, prorated for a final partial block.
    for (let from = 0; from < days; from += 7) {
      const to = Math.min(days, from + 7);
      const share = (to - from) / 7;
      const inBlock = shifts.filter((s) => s.day >= from && s.day < to);
      const minutes = inBlock.reduce((sum, s) => sum + (s.a.end - s.a.start) / MINUTE_MS, 0);
      const at = addDays(firstDate, from);
      if (inBlock.length > Math.ceil(agent.maxShiftsPerWeek * share))
        add({ rule: 'maxShiftsPerWeek', agentId, at, message: `${inBlock.length} shifts in the week from ${at}` });
      if (minutes > Math.ceil(agent.maxMinutesPerWeek * share))
        add({
          rule: 'maxMinutesPerWeek',
          agentId,
          at,
          message: `${minutes} min in the week from ${at} (max ${agent.maxMinutesPerWeek})`,
        });
      if (minutes < Math.floor(agent.minMinutesPerWeek * share))
        add({
          rule: 'minMinutesPerWeek',
          agentId,
          at,
          message: `${minutes} min in the week from ${at} (min ${agent.minMinutesPerWeek})`,
        });
      if (to - from === 7 && rules.weeklyRestMinutes > 0) {
        const lo = localDayBounds(addDays(firstDate, from), site.timeZone)[0];
        const hi = localDayBounds(addDays(firstDate, to), site.timeZone)[0];
        let free = lo;
        let best = 0;
        for (const s of shifts) {
          const a = Math.max(lo, s.a.start);
          const b = Math.min(hi, s.a.end);
          if (b <= a) continue;
          best = Math.max(best, a - free);
          free = Math.max(free, b);
        }
        best = Math.max(best, hi - free) / MINUTE_MS;
        if (best < rules.weeklyRestMinutes)
          add({
            rule: 'weeklyRest',
            agentId,
            at,
            message: `longest rest ${best} min in the week from ${at} (min ${rules.weeklyRestMinutes})`,
          });
      }
    }
    const window = Math.min(7, days);
    for (let from = 0; from + window <= days; from++) {
      const nights = shifts.filter((s) => s.night && s.day >= from && s.day < from + window).length;
      if (nights > rules.maxNightsPerWeek)
        add({
          rule: 'maxNightsPerWeek',
          agentId,
          at: addDays(firstDate, from),
          message: `${nights} night shifts in ${window} days from ${addDays(firstDate, from)}`,
        });
    }
  }

  // Handover: a shift ending while its channel has demand needs a continuing agent who overlapped.
  const overlap = rules.handoverOverlapMinutes * MINUTE_MS;
  if (overlap > 0) {
    const demandAt = (channel: string, t: number): number => {
      const q = request.requirements.find((r) => r.channel === channel);
      if (!q) return 0;
      const k = Math.floor((t - q.start) / (q.intervalMinutes * MINUTE_MS));
      return k >= 0 && k < q.values.length ? q.values[k]! : 0;
    };
    const byChannel = new Map<string, RosterAssignment[]>();
    for (const a of roster.assignments) byChannel.set(a.channel, [...(byChannel.get(a.channel) ?? []), a]);
    for (const list of byChannel.values()) {
      list.sort((x, y) => x.start - y.start);
      // Two latest ends among the shifts started so far, so a shift can be excluded from its own handover.
      const top: [RosterAssignment | undefined, RosterAssignment | undefined][] = [];
      let first: RosterAssignment | undefined;
      let second: RosterAssignment | undefined;
      for (const b of list) {
        if (!first || b.end > first.end) [first, second] = [b, first];
        else if (!second || b.end > second.end) second = b;
        top.push([first, second]);
      }
      for (const a of list) {
        if (a.end >= horizonEnd || demandAt(a.channel, a.end) <= 0) continue;
        let lo = 0;
        let hi = list.length; // first index whose start is after a.end − overlap
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]!.start <= a.end - overlap) lo = mid + 1;
          else hi = mid;
        }
        const [best, next] = lo > 0 ? top[lo - 1]! : [undefined, undefined];
        const other = best === a ? next : best;
        if (!other || other.end <= a.end)
          add({
            rule: 'handover',
            agentId: a.agentId,
            at: iso(a.end),
            message: `${a.channel} shift ends at ${iso(a.end)} with no agent continuing who overlapped ${rules.handoverOverlapMinutes} min`,
          });
      }
    }
  }
  return { valid: violations.length === 0, assignments: roster.assignments.length, violations };
}
