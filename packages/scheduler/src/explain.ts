import { isWeekendDate, MINUTE_MS, toLocal } from '@allhours/core';
import type { Demand } from './demand.js';
import type { RosterMapping } from './mapping.js';
import type { ShiftCatalog } from './options.js';
import type { ScheduleRequest } from './request.js';

/**
 * Pre-checks that name the rule, agents, days or intervals behind a problem, so an infeasible input is
 * explained instead of answered with a bare "infeasible". They read the mapped model: what an agent
 * may work after site, skills, availability, unavailable dates and handover have been applied.
 */

/** usable[e] = set of `${day}|${typeIndex}` cells employee e may work. */
function usableCells(mapping: RosterMapping): Set<string>[] {
  const typeIndex = new Map(mapping.types.map((t, k) => [t.id, k]));
  const days = mapping.model.days;
  return mapping.model.employees.map((e) => {
    const allowed = (e.allowedTypes ?? mapping.types.map((t) => t.id)).map((id) => typeIndex.get(id)!);
    const offDays = new Set<number>();
    const offCells = new Set<string>();
    for (const u of e.unavailable ?? []) {
      if (u.type === undefined) offDays.add(u.day);
      else offCells.add(`${u.day}|${typeIndex.get(u.type)}`);
    }
    const out = new Set<string>();
    for (let d = 0; d < days; d++) {
      if (offDays.has(d)) continue;
      for (const k of allowed) if (!offCells.has(`${d}|${k}`)) out.add(`${d}|${k}`);
    }
    return out;
  });
}

const describeDay = (ms: number) => toLocal(ms, 'UTC').toFormat('ccc yyyy-MM-dd HH:mm');

/**
 * Most minutes an agent can work in one week window: the best set of days (perDay[d] = longest usable
 * shift, 0 = none) with at most `maxShifts` days, runs of at most `maxRun` days and inner runs of days
 * off of at least `minOff` (runs at the window's edges are exempt: a relaxation, so a valid bound).
 */
export function bestWeek(
  perDay: number[],
  maxShifts: number,
  maxRun: number,
  minOff: number,
): { minutes: number; days: number } {
  const n = perDay.length;
  let best = { minutes: 0, days: 0 };
  for (let mask = 0; mask < 1 << n; mask++) {
    let ok = true;
    let count = 0;
    let sum = 0;
    let run = 0;
    let off = 0;
    let seenWork = false;
    for (let d = 0; d < n && ok; d++) {
      if (mask & (1 << d)) {
        if (perDay[d]! <= 0) ok = false;
        if (seenWork && off > 0 && off < minOff) ok = false;
        run++;
        if (run > maxRun) ok = false;
        off = 0;
        seenWork = true;
        count++;
        sum += perDay[d]!;
      } else {
        run = 0;
        off++;
      }
    }
    if (ok && count <= maxShifts && sum > best.minutes) best = { minutes: sum, days: count };
  }
  return best;
}

/** Hard findings that make the rules impossible to meet (each names the agent, week and reason). */
export function explainInfeasible(request: ScheduleRequest, catalog: ShiftCatalog, mapping: RosterMapping): string[] {
  const out: string[] = [];
  const usable = usableCells(mapping);
  const minutes = mapping.model.timing!.minutes!;
  const typeIndex = new Map(mapping.types.map((t, k) => [t.id, k]));
  request.agents.forEach((agent, e) => {
    const emp = mapping.model.employees[e]!;
    if ((emp.allowedTypes ?? []).length === 0 && agent.minMinutesPerWeek > 0) {
      out.push(
        `agent ${agent.id} (site ${agent.siteId}, channels ${agent.channels.join(', ')}) must work ${agent.minMinutesPerWeek} min a week but has no shift option: no template of site ${agent.siteId} starts inside its start window for those channels`,
      );
      return;
    }
    // Can this agent work two days in a row at all? Not when minimum rest bans every pair of its shifts.
    const allowed = emp.allowedTypes ?? [];
    const banned = new Set(
      (mapping.model.forbiddenSuccessions ?? [])
        .filter((f) => (f.dayGap ?? 1) === 1 && f.day === undefined)
        .map((f) => `${f.first}>${f.second}`),
    );
    const noRuns = allowed.length > 0 && allowed.every((x) => allowed.every((y) => banned.has(`${x}>${y}`)));
    const maxRun = noRuns ? 1 : request.rules.maxConsecutiveDays;
    // No weekend at all: its days hold no usable shift (a limit above 0 is left to the solver).
    const noWeekends = emp.maxWeekends === 0;
    for (const w of emp.workload ?? []) {
      const need = w.minMinutes ?? 0;
      if (need <= 0) continue;
      const perDay: number[] = [];
      for (let d = w.fromDay; d < w.toDay; d++) {
        let best = 0;
        if (noWeekends && isWeekendDate(catalog.dates[d]!)) {
          perDay.push(0);
          continue;
        }
        for (const id of allowed) {
          const k = typeIndex.get(id)!;
          if (usable[e]!.has(`${d}|${k}`)) best = Math.max(best, minutes[d]![k]!);
        }
        perDay.push(best);
      }
      const { minutes: reachable, days: workable } = bestWeek(
        perDay,
        w.maxShifts ?? perDay.length,
        maxRun,
        request.rules.minConsecutiveDaysOff,
      );
      if (reachable < need) {
        const length = w.toDay - w.fromDay;
        const usableDays = perDay.filter((m) => m > 0).length;
        const away = agent.unavailableDates.filter(
          (d) => catalog.dates.indexOf(d) >= w.fromDay && catalog.dates.indexOf(d) < w.toDay,
        );
        const reasons = [
          `${usableDays} of ${length} days have a usable shift${away.length ? ` (unavailable ${away.join(', ')})` : ''}${agent.availability ? ' (availability windows apply)' : ''}`,
          `maxShiftsPerWeek ${agent.maxShiftsPerWeek}`,
          `maxConsecutiveDays ${request.rules.maxConsecutiveDays}`,
          `minConsecutiveDaysOff ${request.rules.minConsecutiveDaysOff}`,
          ...(noWeekends ? ['maxWorkingWeekends 0'] : []),
          ...(mapping.blockedByHandover > 0
            ? [
                `handoverOverlapMinutes ${request.rules.handoverOverlapMinutes} leaves ${mapping.blockedByHandover} shift options without a continuing shift`,
              ]
            : []),
          ...(noRuns ? [`minRestMinutes ${request.rules.minRestMinutes} leaves no two consecutive days workable`] : []),
        ];
        out.push(
          `agent ${agent.id}: the week from ${catalog.dates[w.fromDay]} needs at least ${need} min (minMinutesPerWeek) but at most ${reachable} min fit on ${workable} days: ${reasons.join('; ')}`,
        );
      }
    }
  });
  return out;
}

/**
 * Intervals where fewer agents could be on duty than required, whatever the roster (coverage is
 * soft, so these are shortfalls rather than infeasibility): grouped into blocks per channel.
 */
export function coverageDiagnostics(request: ScheduleRequest, demand: Demand, mapping: RosterMapping): string[] {
  const usable = usableCells(mapping);
  const typeIndex = new Map(mapping.types.map((t, k) => [t.id, k]));
  const nightsBanned = request.rules.maxNightsPerWeek === 0;
  const night = mapping.model.shiftTypes.map((t) => Boolean(t.night));
  const byCell = new Map<string, number[]>();
  usable.forEach((cells, e) => {
    for (const cell of cells) {
      const k = Number(cell.slice(cell.indexOf('|') + 1));
      if (nightsBanned && night[k]) continue;
      const list = byCell.get(cell);
      if (list) list.push(e);
      else byCell.set(cell, [e]);
    }
  });
  const rows = new Map((mapping.model.cover ?? []).map((c) => [c.id, c]));
  const stamp = new Int32Array(request.agents.length).fill(-1);
  const out: string[] = [];
  const step = demand.intervalMinutes * MINUTE_MS;
  let rowId = 0;
  for (const ch of demand.channels) {
    let block: { from: number; to: number; need: number; able: number } | undefined;
    const flush = () => {
      if (!block) return;
      const from = demand.origin + block.from * step;
      const to = demand.origin + block.to * step;
      out.push(
        `${describeDay(from)}–${toLocal(to, 'UTC').toFormat('HH:mm')} UTC needs ${block.need} ${ch.channel} agents; ` +
          `only ${block.able} ${ch.channel} agents may work then under the rules given (site shifts, skills, availability${nightsBanned ? ', no night shifts' : ''})`,
      );
      block = undefined;
    };
    ch.required.forEach((need, i) => {
      rowId++;
      if (need <= 0) {
        flush();
        return;
      }
      const row = rows.get(`${ch.channel}|${i}`);
      let able = 0;
      for (const term of row?.terms ?? []) {
        for (const e of byCell.get(`${term.day}|${typeIndex.get(term.type)}`) ?? []) {
          if (stamp[e] === rowId) continue;
          stamp[e] = rowId;
          able++;
        }
        if (able >= need) break;
      }
      if (able >= need) {
        flush();
        return;
      }
      if (block && block.to === i && block.need === need && block.able === able) {
        block.to = i + 1;
        block.need = Math.max(block.need, need);
        block.able = Math.min(block.able, able);
      } else {
        flush();
        block = { from: i, to: i + 1, need, able };
      }
    });
    flush();
  }
  return out;
}
