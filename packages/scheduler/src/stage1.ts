import { isWeekendDate } from '@allhours/core';
import { coveredIntervals, type Demand } from './demand.js';
import type { Fairness } from './engine/model.js';
import { type LinearProgram, type LpBackend, solveLp } from './lp.js';
import type { ShiftCatalog } from './options.js';
import type { ScheduleRequest } from './request.js';
import { prorate, weekWindows } from './weeks.js';

/**
 * Stage 1, shift planning: how many of each (pattern, channel) start on each day, covering the
 * requirements at least penalty + pay, with aggregate capacity of each site (head count per day,
 * contract minutes, shifts and nights per week). Every named roster satisfies these rows, so the
 * LP optimum is a lower bound on the roster's cover + cost objective (fairness and preferences ≥ 0).
 */

/** A roster shift type: pattern × channel. */
export interface PlanType {
  id: string;
  pattern: number;
  channel: string;
}

export function typeIdOf(patternId: string, channel: string): string {
  return `${patternId}/${channel}`;
}

/** Channels each site's agents can work (and that have requirements). */
export function siteChannels(request: ScheduleRequest): Map<string, string[]> {
  const demanded = new Set(request.requirements.map((q) => q.channel));
  const out = new Map<string, Set<string>>();
  for (const a of request.agents) {
    const set = out.get(a.siteId) ?? new Set<string>();
    for (const c of a.channels) if (demanded.has(c)) set.add(c);
    out.set(a.siteId, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}

export function planTypes(request: ScheduleRequest, catalog: ShiftCatalog): PlanType[] {
  const channels = siteChannels(request);
  return catalog.patterns.flatMap((p, i) =>
    (channels.get(p.siteId) ?? []).map((channel) => ({ id: typeIdOf(p.id, channel), pattern: i, channel })),
  );
}

export function coverKey(channel: string, interval: number): string {
  return `${channel}|${interval}`;
}

/** For each (channel, interval): the (type, day) cells whose shift covers it completely. */
export function coverIndex(catalog: ShiftCatalog, demand: Demand, types: PlanType[]): Map<string, [number, number][]> {
  const index = new Map<string, [number, number][]>();
  types.forEach((t, k) => {
    catalog.instances[t.pattern]!.forEach((inst, d) => {
      if (!inst) return;
      const [a, b] = coveredIntervals(demand, inst.start, inst.end);
      for (let i = a; i < b; i++) {
        const key = coverKey(t.channel, i);
        const list = index.get(key);
        if (list) list.push([k, d]);
        else index.set(key, [[k, d]]);
      }
    });
  });
  return index;
}

export interface CoverRowCells {
  channel: string;
  interval: number;
  requirement: number;
  underWeight: number;
  overWeight: number;
  /** (type, day) cells whose shift covers the interval. */
  cells: [number, number][];
}

/**
 * Visit every (channel, interval) some shift option covers; returns the under-coverage penalty of the
 * demand no option covers (a constant of every roster's objective). Shared by stage 1 and the mapping.
 */
export function forEachCoverRow(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  types: PlanType[],
  visit: (row: CoverRowCells) => void,
): number {
  const index = coverIndex(catalog, demand, types);
  let uncoverable = 0;
  for (const ch of demand.channels) {
    const underWeight = underWeightOf(request, ch.channel);
    const overWeight = request.weights.overCoverage;
    ch.required.forEach((requirement, interval) => {
      const cells = index.get(coverKey(ch.channel, interval));
      if (cells) visit({ channel: ch.channel, interval, requirement, underWeight, overWeight, cells });
      else uncoverable += underWeight * requirement;
    });
  }
  return uncoverable;
}

export function underWeightOf(request: ScheduleRequest, channel: string): number {
  const w = request.weights.underCoverage;
  return typeof w === 'number' ? w : (w[channel] ?? 100);
}

export interface Stage1Result {
  status: 'optimal' | 'infeasible' | 'failed';
  /** LP optimum including the penalty of intervals no shift can cover. */
  lowerBound: number;
  /** Penalty of demand no option covers at all (part of every roster's objective). */
  uncoverablePenalty: number;
  /** counts[type][day] of the LP solution (fractional). */
  counts: number[][];
  backend: LpBackend;
  seconds: number;
  columns: number;
  rows: number;
}

/** Local dates each agent cannot work, as day indexes. */
function unavailableDays(request: ScheduleRequest, catalog: ShiftCatalog): Map<string, Set<number>> {
  const index = new Map(catalog.dates.map((d, i) => [d, i]));
  return new Map(
    request.agents.map((a) => [
      a.id,
      new Set(a.unavailableDates.map((d) => index.get(d)).filter((d): d is number => d !== undefined)),
    ]),
  );
}

/**
 * The stage-1 LP. `fairness`: the roster's fairness terms (the roster model's), added per site so the bound
 * counts what nights and weekends above their targets cost.
 */
export async function planShifts(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  types: PlanType[],
  options: { timeLimitSeconds?: number; backend?: LpBackend; fairness?: readonly Fairness[] } = {},
): Promise<Stage1Result> {
  const startedAt = Date.now();
  const lp: LinearProgram = { columns: [], rows: [] };
  const D = catalog.days;
  const xCol: number[][] = types.map(() => new Array<number>(D).fill(-1));
  types.forEach((t, k) => {
    for (let d = 0; d < D; d++) {
      const inst = catalog.instances[t.pattern]![d];
      if (inst) xCol[k]![d] = lp.columns.push({ cost: request.weights.cost * inst.cost }) - 1;
    }
  });
  const uncoverablePenalty = forEachCoverRow(request, catalog, demand, types, (row) => {
    const terms: [number, number][] = row.cells.map(([k, d]) => [xCol[k]![d]!, 1]);
    if (row.requirement > 0) terms.push([lp.columns.push({ cost: row.underWeight }) - 1, 1]);
    if (row.overWeight > 0) terms.push([lp.columns.push({ cost: row.overWeight }) - 1, -1]);
    const lower = row.requirement;
    lp.rows.push(row.overWeight > 0 ? { terms, lower, upper: lower } : { terms, lower });
  });

  // Aggregate capacity per site: a relaxation of the per-agent rules, so the bound stays valid.
  const away = unavailableDays(request, catalog);
  const siteIds = request.sites.map((s) => s.id);
  for (const siteId of siteIds) {
    const agents = request.agents.filter((a) => a.siteId === siteId);
    const siteTypes = types
      .map((t, k) => [t, k] as const)
      .filter(([t]) => catalog.patterns[t.pattern]!.siteId === siteId);
    if (siteTypes.length === 0) continue;
    for (let d = 0; d < D; d++) {
      const here = agents.filter((a) => !away.get(a.id)!.has(d));
      const dayTerms = siteTypes.flatMap(([, k]) => (xCol[k]![d]! >= 0 ? [[xCol[k]![d]!, 1] as [number, number]] : []));
      if (dayTerms.length) lp.rows.push({ terms: dayTerms, upper: here.length });
      for (const channel of new Set(siteTypes.map(([t]) => t.channel))) {
        const terms = siteTypes.flatMap(([t, k]) =>
          t.channel === channel && xCol[k]![d]! >= 0 ? [[xCol[k]![d]!, 1] as [number, number]] : [],
        );
        const able = here.filter((a) => a.channels.includes(channel)).length;
        if (terms.length && able < terms.length) lp.rows.push({ terms, upper: able });
      }
    }
    for (const f of options.fairness ?? []) {
      // Σ_a max(0, n_a − target) ≥ max(0, Σ_a n_a − |site|·target): the fairness term, per site, is convex.
      const terms: [number, number][] = [];
      for (const [t, k] of siteTypes)
        for (let d = 0; d < D; d++) {
          const j = xCol[k]![d]!;
          const counts = f.kind === 'night' ? catalog.patterns[t.pattern]!.night : isWeekendDate(catalog.dates[d]!);
          if (j >= 0 && counts) terms.push([j, 1]);
        }
      if (terms.length === 0) continue;
      terms.push([lp.columns.push({ cost: f.weight }) - 1, -1]);
      lp.rows.push({ terms, upper: agents.length * f.target });
    }
    for (const w of weekWindows(D)) {
      const shifts: [number, number][] = [];
      const minutes: [number, number][] = [];
      const nights: [number, number][] = [];
      for (const [t, k] of siteTypes) {
        const pattern = catalog.patterns[t.pattern]!;
        for (let d = w.fromDay; d < w.toDay; d++) {
          const j = xCol[k]![d]!;
          if (j < 0) continue;
          const inst = catalog.instances[t.pattern]![d]!;
          shifts.push([j, 1]);
          minutes.push([j, (inst.end - inst.start) / 60_000]);
          if (pattern.night) nights.push([j, 1]);
        }
      }
      const sum = (f: (a: (typeof agents)[number]) => number) => agents.reduce((s, a) => s + f(a), 0);
      // Each agent works whole shifts: at least ⌈min minutes / longest shift⌉ of them (a valid cut).
      const longest = Math.max(1, ...minutes.map(([, m]) => m));
      if (shifts.length)
        lp.rows.push({
          terms: shifts,
          lower: sum((a) => Math.ceil(prorate(a.minMinutesPerWeek, w, 'min') / longest - 1e-9)),
          upper: sum((a) => prorate(a.maxShiftsPerWeek, w, 'max')),
        });
      if (minutes.length)
        lp.rows.push({
          terms: minutes,
          lower: sum((a) => prorate(a.minMinutesPerWeek, w, 'min')),
          upper: sum((a) => prorate(a.maxMinutesPerWeek, w, 'max')),
        });
      if (nights.length)
        lp.rows.push({
          terms: nights,
          upper: agents.length * Math.min(request.rules.maxNightsPerWeek, w.toDay - w.fromDay),
        });
    }
  }

  const result = await solveLp(lp, options);
  const counts = xCol.map((row) => row.map((j) => (j >= 0 && result.status === 'optimal' ? result.values[j]! : 0)));
  return {
    status: result.status,
    lowerBound: result.status === 'optimal' ? result.objective + uncoverablePenalty : Number.NaN,
    uncoverablePenalty,
    counts,
    backend: result.backend,
    seconds: (Date.now() - startedAt) / 1000,
    columns: lp.columns.length,
    rows: lp.rows.length,
  };
}
