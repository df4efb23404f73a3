import { addDays, localDayBounds, MINUTE_MS, minutesOfLocalTime, weekdayOf } from '@allhours/core';
import type { Demand } from './demand.js';
import type { RosterModelInput } from './engine/index.js';
import type { ShiftCatalog, ShiftInstance, ShiftPattern } from './options.js';
import type { Agent, ScheduleRequest } from './request.js';
import { coverKey, forEachCoverRow, type PlanType } from './stage1.js';
import { prorate, weekWindows } from './weeks.js';

/**
 * Stage 2's input: the contact-center problem as the engine's day-based RosterModel.
 * Employees = agents (in request order); shift types = site × template × start × channel; day d =
 * the site-local date d of the horizon. Rest, weekly rest and handover are computed on true UTC instants.
 */
export interface RosterMapping {
  model: RosterModelInput;
  types: PlanType[];
  /** Under-coverage penalty of demand no shift option can cover: added to every roster's objective. */
  uncoverablePenalty: number;
  /** Cells (day|type) nobody may work because their handover cannot be staffed. */
  blockedByHandover: number;
}

const toMinutes = (ms: number, origin: number) => (ms - origin) / MINUTE_MS;

/** Does a shift of this pattern on this local date fit one of the agent's weekly windows? */
export function fitsAvailability(agent: Agent, date: string, pattern: ShiftPattern): boolean {
  if (!agent.availability) return true;
  const weekday = weekdayOf(date);
  return agent.availability.some((w) => {
    const from = minutesOfLocalTime(w.from);
    let to = minutesOfLocalTime(w.to);
    if (to <= from) to += 1440;
    return (
      w.weekdays.includes(weekday) && pattern.startMinute >= from && pattern.startMinute + pattern.durationMinutes <= to
    );
  });
}

/** Pattern pairs (same site) that may not follow each other `gap` days later: global or per day. */
function successionBans(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  siteId: string,
): { first: number; second: number; dayGap: number; day?: number }[] {
  const rest = request.rules.minRestMinutes * MINUTE_MS;
  const ps = catalog.patterns.map((p, i) => [p, i] as const).filter(([p]) => p.siteId === siteId);
  const out: { first: number; second: number; dayGap: number; day?: number }[] = [];
  for (const [p1, i1] of ps) {
    for (const [p2, i2] of ps) {
      for (let gap = 1; gap <= 3; gap++) {
        if (gap === 1 && request.rules.forwardRotation && p2.shiftClass < p1.shiftClass) {
          out.push({ first: i1, second: i2, dayGap: 1 });
          continue;
        }
        const banned: number[] = [];
        let checked = 0;
        for (let d = 0; d + gap < catalog.days; d++) {
          const a = catalog.instances[i1]![d];
          const b = catalog.instances[i2]![d + gap];
          if (!a || !b) continue;
          checked++;
          if (b.start - a.end < rest) banned.push(d);
        }
        if (banned.length === 0) continue;
        if (banned.length === checked) out.push({ first: i1, second: i2, dayGap: gap });
        else for (const day of banned) out.push({ first: i1, second: i2, dayGap: gap, day });
      }
    }
  }
  return out;
}

/** Handover: shifts ending while their channel still has demand need a continuing agent who overlapped. */
function handoverLinks(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  types: PlanType[],
): { links: NonNullable<RosterModelInput['links']>; blocked: Set<string> } {
  const overlap = request.rules.handoverOverlapMinutes * MINUTE_MS;
  const links: NonNullable<RosterModelInput['links']> = [];
  const blocked = new Set<string>();
  if (overlap <= 0) return { links, blocked };
  const step = demand.intervalMinutes * MINUTE_MS;
  const required = new Map(demand.channels.map((c) => [c.channel, c.required]));
  type Cell = { day: number; type: number; inst: ShiftInstance };
  const byChannel = new Map<string, Cell[]>();
  types.forEach((t, k) => {
    catalog.instances[t.pattern]!.forEach((inst, day) => {
      if (!inst) return;
      const list = byChannel.get(t.channel) ?? [];
      list.push({ day, type: k, inst });
      byChannel.set(t.channel, list);
    });
  });
  const pending: { when: Cell[]; need: Cell[] }[] = [];
  for (const [channel, cells] of byChannel) {
    const ends = new Map<number, Cell[]>();
    for (const c of cells) {
      const i = Math.floor((c.inst.end - demand.origin) / step);
      if (c.inst.end >= catalog.horizonEnd || !(required.get(channel)![i]! > 0)) continue;
      const list = ends.get(c.inst.end) ?? [];
      list.push(c);
      ends.set(c.inst.end, list);
    }
    for (const [end, when] of ends)
      pending.push({ when, need: cells.filter((c) => c.inst.start <= end - overlap && c.inst.end > end) });
  }
  // A blocked cell cannot take a handover either: drop it from every `need`, blocking the `when` cells
  // left with none, until nothing changes (so no link is left that no roster could meet).
  const key = (c: Cell) => `${c.day}|${c.type}`;
  for (let changed = true; changed; ) {
    changed = false;
    for (const link of pending) {
      link.need = link.need.filter((c) => !blocked.has(key(c)));
      if (link.need.length > 0) continue;
      for (const c of link.when) {
        if (blocked.has(key(c))) continue;
        blocked.add(key(c));
        changed = true;
      }
    }
  }
  const ref = (c: Cell) => ({ day: c.day, type: types[c.type]!.id });
  for (const link of pending) {
    const when = link.when.filter((c) => !blocked.has(key(c)));
    if (when.length > 0) links.push({ when: when.map(ref), need: link.need.map(ref) });
  }
  return { links, blocked };
}

function preferenceRequests(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  agent: Agent,
  allowed: number[],
  types: PlanType[],
): RosterModelInput['requests'] {
  const out: NonNullable<RosterModelInput['requests']> = [];
  for (const p of agent.preferences) {
    const weight = p.weight * request.weights.preferences;
    if (weight <= 0) continue;
    catalog.dates.forEach((date, day) => {
      const byWeekday = p.weekdays?.includes(weekdayOf(date)) ?? false;
      const byDate = p.dates?.includes(date) ?? false;
      if ((p.weekdays || p.dates) && !byWeekday && !byDate) return;
      if (!p.templateIds) {
        out.push({ employee: agent.id, day, on: p.kind === 'prefer', weight });
        return;
      }
      const named = (k: number) => p.templateIds!.includes(catalog.patterns[types[k]!.pattern]!.templateId);
      // Preferring a template = penalising every other shift that day; avoiding one penalises its shifts.
      for (const k of allowed) {
        if (named(k) === (p.kind === 'avoid'))
          out.push({ employee: agent.id, day, type: types[k]!.id, on: false, weight });
      }
    });
  }
  return out;
}

/** Groups of up to `weeks` agents with the same site, channels and contract, in request order. */
export function cyclicGroupsOf(request: ScheduleRequest): string[][] {
  const byKey = new Map<string, string[]>();
  for (const a of request.agents) {
    const key = [
      a.siteId,
      [...a.channels].sort().join(','),
      a.minMinutesPerWeek,
      a.maxMinutesPerWeek,
      a.maxShiftsPerWeek,
    ].join('|');
    byKey.set(key, [...(byKey.get(key) ?? []), a.id]);
  }
  const W = request.rotation.weeks;
  const groups: string[][] = [];
  for (const ids of byKey.values()) for (let k = 0; k < ids.length; k += W) groups.push(ids.slice(k, k + W));
  return groups;
}

export function buildRosterModel(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  types: PlanType[],
  shares: { nightsPerAgent: number; weekendShiftsPerAgent: number } = { nightsPerAgent: 0, weekendShiftsPerAgent: 0 },
): RosterMapping {
  const D = catalog.days;
  const origin = catalog.origin;
  const start: number[][] = [];
  const minutes: number[][] = [];
  const cost: number[][] = [];
  for (let d = 0; d < D; d++) {
    start.push(
      types.map((t) => {
        const inst = catalog.instances[t.pattern]![d];
        const p = catalog.patterns[t.pattern]!;
        // A missing option gets a nominal start (it is banned below), keeping the matrix rectangular.
        return inst ? toMinutes(inst.start, origin) : d * 1440 + p.startMinute;
      }),
    );
    minutes.push(
      types.map((t) => {
        const inst = catalog.instances[t.pattern]![d];
        return inst ? toMinutes(inst.end, inst.start) : catalog.patterns[t.pattern]!.durationMinutes;
      }),
    );
    cost.push(types.map((t) => request.weights.cost * (catalog.instances[t.pattern]![d]?.cost ?? 0)));
  }

  const forbiddenSuccessions: NonNullable<RosterModelInput['forbiddenSuccessions']> = [];
  for (const site of request.sites) {
    for (const ban of successionBans(request, catalog, site.id)) {
      const firsts = types.filter((t) => t.pattern === ban.first);
      const seconds = types.filter((t) => t.pattern === ban.second);
      for (const f of firsts)
        for (const s of seconds)
          forbiddenSuccessions.push({
            first: f.id,
            second: s.id,
            ...(ban.dayGap !== 1 && { dayGap: ban.dayGap }),
            ...(ban.day !== undefined && { day: ban.day }),
          });
    }
  }

  const { links, blocked } = handoverLinks(request, catalog, demand, types);
  const weeks = weekWindows(D);
  const requests: NonNullable<RosterModelInput['requests']> = [];
  // Agents of one site share its day boundaries, and agents with the same skills their type lists:
  // computed once per key (luxon per agent and day is the slow part at 1000 agents).
  const dayStarts = new Map<string, number[]>();
  const dayStartOf = (siteId: string) => {
    let starts = dayStarts.get(siteId);
    if (!starts) {
      const zone = catalog.siteOf.get(siteId)!.timeZone;
      starts = Array.from({ length: D + 1 }, (_, d) =>
        toMinutes(localDayBounds(addDays(catalog.dates[0]!, d), zone)[0], origin),
      );
      dayStarts.set(siteId, starts);
    }
    return starts;
  };
  const allowedByKey = new Map<string, number[]>();
  const allowedOf = (agent: Agent) => {
    const key = `${agent.siteId}|${agent.channels.join(',')}`;
    let allowed = allowedByKey.get(key);
    if (!allowed) {
      allowed = types
        .map((t, k) => [t, k] as const)
        .filter(([t]) => catalog.patterns[t.pattern]!.siteId === agent.siteId && agent.channels.includes(t.channel))
        .map(([, k]) => k);
      allowedByKey.set(key, allowed);
    }
    return allowed;
  };
  // Cells no agent may work: the option does not exist that day, or its handover cannot be staffed.
  const unusable = new Uint8Array(D * types.length);
  types.forEach((t, k) => {
    for (let day = 0; day < D; day++)
      if (!catalog.instances[t.pattern]![day] || blocked.has(`${day}|${k}`)) unusable[day * types.length + k] = 1;
  });
  const employees = request.agents.map((agent) => {
    const allowed = allowedOf(agent);
    const unavailable: { day: number; type?: string }[] = [];
    catalog.dates.forEach((date, day) => {
      if (agent.unavailableDates.includes(date)) {
        unavailable.push({ day });
        return;
      }
      for (const k of allowed) {
        const pattern = catalog.patterns[types[k]!.pattern]!;
        if (unusable[day * types.length + k] || !fitsAvailability(agent, date, pattern))
          unavailable.push({ day, type: types[k]!.id });
      }
    });
    requests.push(...(preferenceRequests(request, catalog, agent, allowed, types) ?? []));
    const dayStart = dayStartOf(agent.siteId);
    const maxWeekends = agent.maxWorkingWeekends ?? request.rules.maxWorkingWeekends;
    return {
      id: agent.id,
      allowedTypes: allowed.map((k) => types[k]!.id),
      workload: weeks.map((w) => ({
        ...w,
        minMinutes: prorate(agent.minMinutesPerWeek, w, 'min'),
        maxMinutes: prorate(agent.maxMinutesPerWeek, w, 'max'),
        maxShifts: prorate(agent.maxShiftsPerWeek, w, 'max'),
      })),
      maxConsecutiveShifts: request.rules.maxConsecutiveDays,
      minConsecutiveDaysOff: request.rules.minConsecutiveDaysOff,
      ...(request.rules.minConsecutiveDays > 1 && { minConsecutiveShifts: request.rules.minConsecutiveDays }),
      ...(maxWeekends !== undefined && { maxWeekends }),
      maxNights: [{ windowDays: Math.min(7, D), max: request.rules.maxNightsPerWeek }],
      ...(request.rules.weeklyRestMinutes > 0 &&
        D >= 7 && { weeklyRest: { windowDays: 7, minMinutes: request.rules.weeklyRestMinutes, stepDays: 7 } }),
      unavailable,
      dayStart,
    };
  });

  const cover: RosterModelInput['cover'] = [];
  const uncoverablePenalty = forEachCoverRow(request, catalog, demand, types, (row) => {
    if (row.requirement === 0 && row.overWeight === 0) return;
    cover.push({
      id: coverKey(row.channel, row.interval),
      terms: row.cells.map(([k, day]) => ({ day, type: types[k]!.id })),
      requirement: row.requirement,
      underWeight: row.underWeight,
      overWeight: row.overWeight,
    });
  });

  const weekends: number[][] = [];
  catalog.dates.forEach((date, d) => {
    const wd = weekdayOf(date);
    if (wd === 6 || (wd === 7 && d === 0)) weekends.push([d]);
    else if (wd === 7) weekends.at(-1)!.push(d);
  });

  const fairness: NonNullable<RosterModelInput['fairness']> = [];
  if (request.weights.fairness > 0) {
    fairness.push({ kind: 'night', target: Math.ceil(shares.nightsPerAgent), weight: request.weights.fairness });
    fairness.push({
      kind: 'weekend',
      target: Math.ceil(shares.weekendShiftsPerAgent),
      weight: request.weights.fairness,
    });
  }

  const model: RosterModelInput = {
    days: D,
    shiftTypes: types.map((t) => {
      const p = catalog.patterns[t.pattern]!;
      return { id: t.id, minutes: p.durationMinutes, ...(p.night && { night: true }) };
    }),
    timing: { start, minutes },
    forbiddenSuccessions,
    weekends,
    employees,
    requests,
    cover,
    ...(links.length > 0 && { links }),
    cost,
    ...(fairness.length > 0 && { fairness }),
    ...(request.rotation.mode === 'cyclic' && {
      cyclicGroups: cyclicGroupsOf(request).map((employees) => ({ employees, weeks: request.rotation.weeks })),
    }),
  };
  return { model, types, uncoverablePenalty, blockedByHandover: blocked.size };
}
