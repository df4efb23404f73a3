/**
 * One large-neighbourhood step: free some cells of the incumbent, fix the rest, re-solve the freed part
 * exactly with HiGHS warm-started from the incumbent (so it never gets worse). Neighbourhoods:
 * - a few whole rows (an exact best response for those employees, all their rules in play), half the time
 *   of employees around a cover row short of its requirement;
 * - a window of days across several rows, centred half the time on a day whose cover is off target;
 * - where the weekends an employee may work are limited, a few weekends across several rows.
 * The size (free cells) is a variable neighbourhood: grown while neighbourhoods solve to optimality
 * without a gain (too small to escape), shrunk when a sub-MIP runs out of its node budget (too big).
 * Everything is decided from counts (nodes, LP iterations), never from the clock: steps are repeatable.
 */
import type { Random } from '@allhours/core';
import { type Compiled, staffedPerCell } from './compile.js';
import { runHighs } from './highs.js';
import { buildMip } from './mip.js';
import { type Assignment, OFF } from './model.js';
import { buildUnits, mipUnits, pastUnits } from './work.js';

export interface LnsState {
  /** Target free cells (employee-days) per neighbourhood. */
  size: number;
  iterations: number;
}

export interface LnsStep {
  /** The re-solved roster (undefined when the sub-MIP found nothing). */
  roster?: Assignment;
  /** Strictly better than the start by the sub-MIP's objective. */
  improved: boolean;
  units: number;
}

/** Node budget of one sub-MIP: a small one, so a step costs about 0.05–0.5 s. */
const MAX_NODES = 1000;
/**
 * Work at which a sub-MIP is stopped, its best roster kept. Most steps finish far below it (0.02–0.8 s);
 * a few need hundreds of nodes (Curtois 19: 816 nodes, 31,000 LP iterations, 10 s) and would take the
 * search's time. Counted from nodes and LP iterations (work.ts), so the stop falls at the same point on any
 * machine: a stop at 1.5 s on the clock made runs differ with the machine's load (19 at 600 s, seed 1:
 * 3,297 to 3,497).
 */
const MAX_STEP_UNITS = 4e6;
/**
 * Safety stop per sub-MIP on the clock, well past MAX_STEP_UNITS (1.5–3 s here; HiGHS is not asked inside
 * one LP, so a long root can overshoot: 6.8 s and 12 M units once on Curtois 15).
 */
const MAX_SECONDS = 8;
/**
 * Largest sub-MIP built, in nonzeros: contact-center cover rows are dense (a shift covers 32 quarter
 * hours), and a neighbourhood over all agents for 3 days had 320,000 and did not finish presolve in 4 s.
 */
export const MAX_SUB_NONZEROS = 30_000;
const EPS = 1e-6;
/**
 * Share of the whole-row neighbourhoods drawn around a cover row short of its requirement: half their
 * employees among those allowed on it, a quarter among those with workload minutes left. Why: on Curtois
 * 13 every shift short was a 600- or 720-min one, 74 of 120 employees were at their maximum minutes and
 * none of those off on a short day had the minutes for it, so the cover needs minutes traded between
 * chosen employees across the month, which random rows seldom give (seed 1, 600 s: 1,666 → 1,553).
 */
const SHORT_ROW_SHARE = 0.5;

/**
 * Share of neighbourhoods over weekends where some employee may work fewer weekends than the horizon has:
 * the weekend days of a few weekends, and the day either side, across several rows. The weekends worked
 * are a budget over the whole horizon, which windows of consecutive days cannot trade between weekends
 * weeks apart, and it binds: Curtois 13 needs 482 weekend shifts where the rule allows at most 500.
 */
const WEEKEND_SHARE = 0.3;
/** Weekends freed together in one such neighbourhood. */
const WEEKENDS_FREED = 4;

/** Some employee may work fewer weekends than the horizon has (so which weekends is a choice that binds). */
function weekendLimited(c: Compiled): boolean {
  const W = c.model.weekends.length;
  return W > 1 && c.model.employees.some((e) => e.maxWeekends !== undefined && e.maxWeekends < W);
}

export function freeMask(c: Compiled, employees: Iterable<number>, from = 0, to = c.D): Uint8Array {
  const free = new Uint8Array(c.E * c.D);
  for (const e of employees) for (let d = from; d < to; d++) free[e * c.D + d] = 1;
  return free;
}

/** Employees that must move together (cyclic groups). */
export function closeGroups(c: Compiled, employees: Set<number>): Set<number> {
  for (const e of [...employees]) {
    const g = c.groupOf[e]!;
    if (g >= 0) for (const m of c.groups[g]!.members) employees.add(m);
  }
  return employees;
}

/** Adds distinct random employees to `into` until it holds `k` (k ≤ E); returns it. */
function drawEmployees(c: Compiled, k: number, random: Random, into: Set<number>): Set<number> {
  while (into.size < k) into.add(random.int(c.E));
  return into;
}

/**
 * Into `into`, around a cover row of `a` short of its requirement (under-cover priced; drawn at random):
 * up to half of `k` employees allowed on one of its cells, then, up to three quarters of `k` with them,
 * employees with minutes left under a workload maximum (draws with repeats: fewer when the sets are small).
 * Returns the row's index, or −1 when no row is short (nothing drawn).
 */
export function drawAroundShortRow(c: Compiled, a: Assignment, k: number, random: Random, into: Set<number>): number {
  const count = coverCounts(c, a);
  const short = c.cover.flatMap((row, r) => (count[r]! < row.requirement && row.underWeight > 0 ? [r] : []));
  if (short.length === 0) return -1;
  const r = short[random.int(short.length)]!;
  const { D, T } = c;
  const able: number[] = [];
  const roomy: number[] = [];
  for (let e = 0; e < c.E; e++) {
    if (c.cover[r]!.cells.some((cell) => c.allowed[e * D * T + cell])) able.push(e);
    if (minutesLeft(c, a, e)) roomy.push(e);
  }
  for (const [from, upTo] of [
    [able, Math.ceil(k / 2)],
    [roomy, Math.ceil((3 * k) / 4)],
  ] as const) {
    for (let i = 0; i < k && into.size < upTo && from.length > 0; i++) into.add(from[random.int(from.length)]!);
  }
  return r;
}

/** Employee e works fewer minutes than one of its workload windows allows. */
function minutesLeft(c: Compiled, a: Assignment, e: number): boolean {
  return c.model.employees[e]!.workload.some((w) => {
    if (w.maxMinutes === undefined) return false;
    let minutes = 0;
    for (let d = Math.max(0, w.fromDay); d < Math.min(c.D, w.toDay); d++) {
      const t = a[e]![d]!;
      if (t !== OFF) minutes += c.minutes[d * c.T + t]!;
    }
    return minutes < w.maxMinutes;
  });
}

/** Roster a's count in each cover row (its shifts on the row's cells). */
function coverCounts(c: Compiled, a: Assignment): Float64Array {
  const perCell = staffedPerCell(c, a);
  return Float64Array.from(c.cover, (row) => row.cells.reduce((n, cell) => n + perCell[cell]!, 0));
}

/** A random day among those with a cover row off its requirement, or −1. */
function badDay(c: Compiled, a: Assignment, random: Random): number {
  const count = coverCounts(c, a);
  const days: number[] = [];
  c.cover.forEach((row, r) => {
    const n = count[r]!;
    if ((n < row.requirement && row.underWeight > 0) || (n > row.requirement && row.overWeight > 0))
      days.push(Math.floor(row.cells[0]! / c.T));
  });
  return days.length ? days[random.int(days.length)]! : -1;
}

export async function lnsStep(
  c: Compiled,
  current: Assignment,
  softLinks: boolean,
  state: LnsState,
  random: Random,
  run: { seed: number; timeLimitSeconds: number; linkPenalty: number },
): Promise<LnsStep> {
  state.iterations++;
  // Draw a neighbourhood; one whose sub-MIP would be too large to solve quickly is redrawn smaller
  // (decided from the model's size, not the clock, so the search stays repeatable).
  let units = 0;
  let sub: ReturnType<typeof buildMip>;
  for (let attempt = 0; ; attempt++) {
    sub = neighbourhood(c, current, softLinks, state, random, run.linkPenalty);
    if (sub.lp.index.length <= MAX_SUB_NONZEROS || attempt >= 20 || state.size <= 2) break;
    units += buildUnits(sub.lp); // built and discarded
    state.size = Math.max(2, state.size * 0.7);
  }
  const start = sub.start(current);
  if (run.timeLimitSeconds <= 0.05) return { improved: false, units };
  const result = await runHighs(sub.lp, {
    timeLimitSeconds: Math.min(run.timeLimitSeconds, MAX_SECONDS),
    seed: run.seed + state.iterations,
    maxNodes: MAX_NODES,
    subproblem: true,
    stopWhen: pastUnits(sub.lp, MAX_STEP_UNITS),
    ...(start ? { start } : {}),
  });
  if (result.status === 'timeLimit') {
    // The safety stop: a fixed charge and no roster.
    state.size = Math.max(Math.min(c.D, 2 * c.E), state.size * 0.5);
    return { improved: false, units: units + MAX_STEP_UNITS };
  }
  units += mipUnits(sub.lp, result);
  const startObjective = start ? objectiveOf(sub.lp, start) : Number.POSITIVE_INFINITY;
  const improved = result.colValue !== undefined && result.objective < startObjective - EPS;
  // Variable neighbourhood size: a neighbourhood solved to optimality without a gain was too small
  // (grow); one that ran out of nodes was too big (shrink); a gain keeps the size that found it.
  if (!improved && result.status === 'optimal') state.size = Math.min(state.size * 1.15, c.E * c.D);
  else if (result.status !== 'optimal') state.size = Math.max(Math.min(c.D, 2 * c.E), state.size * 0.7);
  if (!result.colValue) return { improved: false, units };
  if (result.objective > startObjective + EPS) return { improved: false, units };
  return { roster: sub.decode(result.colValue), improved, units };
}

function objectiveOf(lp: { colCost: number[]; offset: number }, x: Float64Array): number {
  let s = lp.offset;
  for (let j = 0; j < x.length; j++) s += lp.colCost[j]! * x[j]!;
  return s;
}

/** Free cells around the incumbent (whole rows, or a window of days across rows) as a sub-MIP. */
function neighbourhood(
  c: Compiled,
  current: Assignment,
  softLinks: boolean,
  state: LnsState,
  random: Random,
  linkPenalty: number,
): ReturnType<typeof buildMip> {
  const employees = new Set<number>();
  let from = 0;
  let to = c.D;
  const size = Math.max(2, state.size);
  if (weekendLimited(c) && random.next() < WEEKEND_SHARE) {
    const free = weekendMask(c, current, size, random);
    return buildMip(c, current, free, softLinks ? { linkPenalty } : {});
  }
  if (random.next() < 0.2) {
    const k = Math.max(1, Math.min(c.E, Math.round(size / c.D)));
    if (random.next() < SHORT_ROW_SHARE) drawAroundShortRow(c, current, k, random, employees);
    drawEmployees(c, k, random, employees);
  } else {
    // Windows across as many rows as the size allows (all of them once it allows 2+ days each):
    // cover is decided per day, so a window over everyone is where cover penalties are traded.
    const span = Math.min(c.D, Math.max(2, Math.min(14, Math.round(size / c.E) - random.int(2))));
    const k = Math.max(1, Math.min(c.E, Math.round(size / span)));
    const hot = random.next() < 0.5 ? badDay(c, current, random) : -1;
    from = hot < 0 ? random.int(c.D - span + 1) : Math.max(0, Math.min(c.D - span, hot - random.int(span)));
    to = from + span;
    if (k >= c.E) for (let e = 0; e < c.E; e++) employees.add(e);
    else drawEmployees(c, k, random, employees);
  }
  closeGroups(c, employees);
  return buildMip(c, current, freeMask(c, employees, from, to), softLinks ? { linkPenalty } : {});
}

/**
 * A weekend neighbourhood of about `size` free cells: a few weekends (half the time one with a cover row
 * off target among them), each with the day either side, freed on the same days across several rows.
 */
export function weekendMask(c: Compiled, current: Assignment, size: number, random: Random): Uint8Array {
  const weekends = c.model.weekends;
  const picked = new Set<number>();
  const hot = random.next() < 0.5 ? badDay(c, current, random) : -1;
  const hotWeekend = weekends.findIndex((w) => w.includes(hot));
  if (hotWeekend >= 0) picked.add(hotWeekend);
  while (picked.size < Math.min(weekends.length, WEEKENDS_FREED)) picked.add(random.int(weekends.length));
  const days = new Set<number>();
  for (const k of picked) {
    const w = weekends[k]!;
    if (w.length === 0) continue;
    for (let d = Math.max(0, Math.min(...w) - 1); d <= Math.min(c.D - 1, Math.max(...w) + 1); d++) days.add(d);
  }
  const k = Math.max(1, Math.min(c.E, Math.round(size / Math.max(1, days.size))));
  const employees = closeGroups(c, drawEmployees(c, k, random, new Set<number>()));
  const free = new Uint8Array(c.E * c.D);
  for (const e of employees) for (const d of days) free[e * c.D + d] = 1;
  return free;
}
