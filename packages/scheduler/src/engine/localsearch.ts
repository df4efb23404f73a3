/**
 * Fast local search between MIP neighbourhoods: simulated annealing over block moves, counted in
 * moves (not time) so a run is repeatable. Every employee rule is held after each accepted move,
 * checked incrementally by `RowRules` on the touched days only; the soft objective (cover, requests,
 * cost, fairness) is updated incrementally. Coupling rules:
 * - links: the count of broken links is kept per move; a move may never break more of them, and one
 *   that mends some is taken whatever its cost — so a start that breaks links is repaired on the way;
 * - cyclic groups: a change of one member's day is applied to every cell the rotation ties to it;
 *   swaps and exchanges leave group rows alone.
 * Moves: set a block of 1–7 days of one row to one value (off or a type); change the type of the
 * worked days of a block; swap a block between two rows, alone or paired with a second block that keeps
 * both rows' shift counts; exchange two blocks within a row.
 */
import type { Random } from '@allhours/core';
import type { Compiled } from './compile.js';
import { type Assignment, OFF } from './model.js';
import { RowRules } from './rowrules.js';

export interface LocalSearchOptions {
  /** Moves to try (the work budget). */
  moves: number;
  /** Wall-clock safety stop (epoch ms). */
  stopAt: number;
  /** Start and end temperature of the annealing schedule. */
  temperature?: readonly [number, number];
  /**
   * Penalty mode: moves may break employee rules, each unit of `RowRules.rowExcess` costing a weight
   * that starts here and adapts (up while the roster breaks rules, down while it holds them), so the
   * search can cross infeasible rosters between feasible ones. Only rosters that hold every rule are
   * returned as best. Off (every accepted move holds the rules) when absent.
   */
  penalty?: number;
}

/** Penalty weight: factor per adaptation (every 1,024 moves) and how far it may leave its start. */
const PENALTY_STEP = 1.1;
const PENALTY_RANGE = 100;
/**
 * Row swaps are the draws in [0.5, 0.85); those from here on pair the swapped block with a second one that
 * gives each row its shift count back. Curtois 9 at 120 s (seeds 1–3) ended at 440, 447 and 445 with paired
 * swaps from 0.7, 444, 447 and 443 from 0.6, and 449, 445 and 452 without them.
 */
const PAIRED_FROM = 0.7;
/** Random positions tried for the second block. */
const PAIR_TRIES = 8;
/** Share of penalty-mode moves aimed at a cover row off its requirement. */
const AIMED_SHARE = 0.1;

export interface LocalSearchResult {
  best: Assignment;
  /** Objective change of `best` against the start (≤ 0 unless links were mended). */
  delta: number;
  /** Links broken in `best` (the start's count can only go down). */
  brokenLinks: number;
  moves: number;
  accepted: number;
}

/** Lists by cell as one typed array (CSR): items of cell k are items[start[k]] … items[start[k + 1] − 1]. */
interface ByCell {
  start: Int32Array;
  items: Int32Array;
}

function byCell(lists: readonly (readonly number[])[]): ByCell {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((l, k) => {
    start[k + 1] = start[k]! + l.length;
  });
  const items = new Int32Array(start[lists.length]!);
  lists.forEach((l, k) => {
    items.set(l, start[k]!);
  });
  return { start, items };
}

/**
 * The cover rows in typed arrays, built once per model. Why: a move's time goes mostly into updating the
 * cover rows of its cells, and reading them from arrays of arrays and row objects missed the cache on the
 * largest models (Curtois 24: 11,648 cover rows and cells, 0.80 µs a move).
 */
interface FlatCover {
  rowsOf: ByCell;
  requirement: Float64Array;
  under: Float64Array;
  over: Float64Array;
}

const flatCovers = new WeakMap<Compiled, FlatCover>();
function flatCover(c: Compiled): FlatCover {
  let flat = flatCovers.get(c);
  if (!flat) {
    flat = {
      rowsOf: byCell(c.coverOfCell),
      requirement: Float64Array.from(c.cover, (r) => r.requirement),
      under: Float64Array.from(c.cover, (r) => r.underWeight),
      over: Float64Array.from(c.cover, (r) => r.overWeight),
    };
    flatCovers.set(c, flat);
  }
  return flat;
}

/** Group cells tied by the rotation: cellsAt[g][p] = flat cells e·D + d working pattern day p. */
function groupCells(c: Compiled): number[][][] {
  return c.groups.map((g) => {
    const L = 7 * g.weeks;
    const cells: number[][] = Array.from({ length: L }, () => []);
    g.members.forEach((m, k) => {
      for (let d = 0; d < c.D; d++) cells[(d + 7 * k) % L]!.push(m * c.D + d);
    });
    return cells;
  });
}

export function localSearch(
  c: Compiled,
  start: Assignment,
  random: Random,
  options: LocalSearchOptions,
): LocalSearchResult {
  const { E, D, T, model } = c;
  const rules = new RowRules(c, start);
  const x = rules.x;
  const tied = groupCells(c);
  const memberIndex = new Int32Array(E).fill(-1);
  for (const g of c.groups) {
    for (const [k, m] of g.members.entries()) memberIndex[m] = k;
  }

  // Soft objective state.
  const { rowsOf, requirement, under, over } = flatCover(c);
  const count = new Float64Array(c.cover.length);
  const cellCount = new Int32Array(D * T);
  for (let e = 0; e < E; e++)
    for (let d = 0; d < D; d++) {
      const t = x[e * D + d]!;
      if (t === OFF) continue;
      const cell = d * T + t;
      cellCount[cell]!++;
      for (let k = rowsOf.start[cell]!; k < rowsOf.start[cell + 1]!; k++) count[rowsOf.items[k]!]!++;
    }
  const coverPenalty = (i: number, n: number) =>
    under[i]! * Math.max(0, requirement[i]! - n) + over[i]! * Math.max(0, n - requirement[i]!);
  // Requests by (employee, day), CSR.
  const reqStart = new Int32Array(E * D + 1);
  for (let e = 0; e < E; e++) for (const r of c.requests[e]!) reqStart[e * D + r.day + 1]!++;
  for (let i = 0; i < E * D; i++) reqStart[i + 1]! += reqStart[i]!;
  const reqType = new Int32Array(reqStart[E * D]!);
  const reqOn = new Uint8Array(reqType.length);
  const reqWeight = new Float64Array(reqType.length);
  const fill = reqStart.slice(0, E * D);
  for (let e = 0; e < E; e++)
    for (const r of c.requests[e]!) {
      const k = fill[e * D + r.day]!++;
      reqType[k] = r.type;
      reqOn[k] = r.on ? 1 : 0;
      reqWeight[k] = r.weight;
    }
  const requestCost = (i: number, t: number) => {
    let p = 0;
    for (let k = reqStart[i]!; k < reqStart[i + 1]!; k++) {
      const hit = reqType[k]! < 0 ? t !== OFF : t === reqType[k];
      if (hit !== (reqOn[k] === 1)) p += reqWeight[k]!;
    }
    return p;
  };
  // Fairness: night and weekend assignments per employee.
  const fairness = model.fairness ?? [];
  const weekend = Array.from({ length: D }, (_, d) => c.weekendDays.has(d));
  const nights = new Int32Array(E);
  const weekends = new Int32Array(E);
  for (let e = 0; e < E; e++)
    for (let d = 0; d < D; d++) {
      const t = x[e * D + d]!;
      if (t === OFF) continue;
      if (c.night[t]) nights[e]!++;
      if (weekend[d]) weekends[e]!++;
    }
  const fairPenalty = (n: number, w: number) => {
    let p = 0;
    for (const f of fairness) p += f.weight * Math.max(0, (f.kind === 'night' ? n : w) - f.target);
    return p;
  };
  // Links: staffed `when` and `need` cells per link.
  const links = model.links ?? [];
  const typeIndex = new Map(model.shiftTypes.map((s, i) => [s.id, i]));
  const whenLists: number[][] = Array.from({ length: D * T }, () => []);
  const needLists: number[][] = Array.from({ length: D * T }, () => []);
  const whenCount = new Int32Array(links.length);
  const needCount = new Int32Array(links.length);
  links.forEach((l, i) => {
    for (const term of l.when) whenLists[term.day * T + typeIndex.get(term.type)!]!.push(i);
    for (const term of l.need) needLists[term.day * T + typeIndex.get(term.type)!]!.push(i);
  });
  const whenOf = byCell(whenLists);
  const needOf = byCell(needLists);
  for (let cell = 0; cell < D * T; cell++) {
    for (let k = whenOf.start[cell]!; k < whenOf.start[cell + 1]!; k++)
      whenCount[whenOf.items[k]!]! += cellCount[cell]!;
    for (let k = needOf.start[cell]!; k < needOf.start[cell + 1]!; k++)
      needCount[needOf.items[k]!]! += cellCount[cell]!;
  }
  let broken = 0;
  for (let i = 0; i < links.length; i++) if (whenCount[i]! > 0 && needCount[i] === 0) broken++;

  /** Moves a cell's staffing count by ±1 and keeps cover, links and the broken count; returns Δ cover. */
  const staff = (cell: number, by: number): number => {
    let delta = 0;
    for (let k = rowsOf.start[cell]!; k < rowsOf.start[cell + 1]!; k++) {
      const i = rowsOf.items[k]!;
      delta += coverPenalty(i, count[i]! + by) - coverPenalty(i, count[i]!);
      count[i]! += by;
    }
    cellCount[cell]! += by;
    for (let k = whenOf.start[cell]!; k < whenOf.start[cell + 1]!; k++) {
      const i = whenOf.items[k]!;
      const was = whenCount[i]! > 0 && needCount[i] === 0;
      whenCount[i]! += by;
      broken += (whenCount[i]! > 0 && needCount[i] === 0 ? 1 : 0) - (was ? 1 : 0);
    }
    for (let k = needOf.start[cell]!; k < needOf.start[cell + 1]!; k++) {
      const i = needOf.items[k]!;
      const was = whenCount[i]! > 0 && needCount[i] === 0;
      needCount[i]! += by;
      broken += (whenCount[i]! > 0 && needCount[i] === 0 ? 1 : 0) - (was ? 1 : 0);
    }
    return delta;
  };

  // The move under construction: undo log and touched day range per employee.
  const undoCell = new Int32Array(4 * E * D + 64);
  const undoType = new Int16Array(undoCell.length);
  let undoLength = 0;
  const touchedLo = new Int32Array(E).fill(D);
  const touchedHi = new Int32Array(E).fill(-1);
  const touched: number[] = [];

  /** Sets one cell, returning the objective change. */
  const apply = (e: number, d: number, t: number): number => {
    const i = e * D + d;
    const old = x[i]!;
    if (old === t) return 0;
    let delta = requestCost(i, t) - requestCost(i, old);
    if (fairness.length) {
      const before = fairPenalty(nights[e]!, weekends[e]!);
      if (old !== OFF && c.night[old]) nights[e]!--;
      if (t !== OFF && c.night[t]) nights[e]!++;
      if (weekend[d]) weekends[e]! += (t === OFF ? 0 : 1) - (old === OFF ? 0 : 1);
      delta += fairPenalty(nights[e]!, weekends[e]!) - before;
    }
    if (old !== OFF) delta += staff(d * T + old, -1) - c.cost[d * T + old]!;
    if (t !== OFF) delta += staff(d * T + t, 1) + c.cost[d * T + t]!;
    rules.set(e, d, t);
    undoCell[undoLength] = i;
    undoType[undoLength++] = old;
    if (touchedHi[e]! < 0) touched.push(e);
    if (d < touchedLo[e]!) touchedLo[e] = d;
    if (d > touchedHi[e]!) touchedHi[e] = d;
    return delta;
  };
  const allowed = (e: number, d: number, t: number) => t === OFF || c.allowed[(e * D + d) * T + t] === 1;
  /** Sets (e, d) and every cell its rotation ties to it; NaN when a tied cell may not take t. */
  const change = (e: number, d: number, t: number): number => {
    const g = c.groupOf[e]!;
    if (g < 0) return allowed(e, d, t) ? apply(e, d, t) : Number.NaN;
    const cells = tied[g]![(d + 7 * memberIndex[e]!) % (7 * c.groups[g]!.weeks)]!;
    for (const cell of cells) if (!allowed(Math.floor(cell / D), cell % D, t)) return Number.NaN;
    let delta = 0;
    for (const cell of cells) delta += apply(Math.floor(cell / D), cell % D, t);
    return delta;
  };
  /**
   * Swaps k days of row e1 from day d1 on with k days of row e2 from day d2 on (another row's same days, or
   * the same row's other days); NaN when a cell may not take the other's value.
   */
  const swapBlocks = (e1: number, d1: number, e2: number, d2: number, k: number): number => {
    let delta = 0;
    for (let i = 0; i < k; i++) {
      const a = x[e1 * D + d1 + i]!;
      const b = x[e2 * D + d2 + i]!;
      if (a === b) continue;
      if (!allowed(e1, d1 + i, b) || !allowed(e2, d2 + i, a)) return Number.NaN;
      delta += apply(e1, d1 + i, b) + apply(e2, d2 + i, a);
    }
    return delta;
  };
  /** Worked days of row e in [d0, d0 + k). */
  const worked = (e: number, d0: number, k: number): number => {
    let n = 0;
    for (let d = d0; d < d0 + k; d++) if (x[e * D + d] !== OFF) n++;
    return n;
  };
  const undo = () => {
    for (let u = undoLength - 1; u >= 0; u--) {
      const i = undoCell[u]!;
      apply(Math.floor(i / D), i % D, undoType[u]!);
    }
  };
  const clearMove = () => {
    undoLength = 0;
    for (const e of touched) {
      touchedLo[e] = D;
      touchedHi[e] = -1;
    }
    touched.length = 0;
  };

  // Penalty mode: rule excess per row and in all, and its adaptive weight.
  const penaltyMode = options.penalty !== undefined && options.penalty > 0;
  const excess = new Float64Array(E);
  let excessTotal = 0;
  if (penaltyMode) {
    for (let e = 0; e < E; e++) excess[e] = rules.rowExcess(e);
    for (let e = 0; e < E; e++) excessTotal += excess[e]!;
  }
  const weightLo = (options.penalty ?? 0) / PENALTY_RANGE;
  const weightHi = (options.penalty ?? 0) * PENALTY_RANGE;
  let weight = options.penalty ?? 0;
  const oldExcess = new Float64Array(E);

  let total = 0;
  let bestTotal = 0;
  let bestBroken = broken;
  const best = Int16Array.from(x);
  let bestIsCurrent = true;
  let accepted = 0;
  const [t0, t1] = options.temperature ?? [3, 0.05];
  let temperature = t0;
  const maxBlock = Math.min(D, 7);
  let moves = 0;
  for (; moves < options.moves; moves++) {
    if ((moves & 1023) === 0) {
      if (Date.now() >= options.stopAt) break;
      temperature = t0 * (t1 / t0) ** (moves / options.moves);
      if (penaltyMode) {
        weight = excessTotal > 1e-9 ? weight * PENALTY_STEP : weight / PENALTY_STEP;
        weight = Math.min(weightHi, Math.max(weightLo, weight));
      }
    }
    clearMove();
    const brokenBefore = broken;
    const k = 1 + Math.floor(random.next() ** 2 * maxBlock);
    const d0 = random.int(D - k + 1);
    const kind = random.next();
    let delta = 0;
    if (penaltyMode && kind < AIMED_SHARE) {
      // Aimed at cover: staff a row that is short, or unstaff one that is over, with whoever the draw
      // gives (its rules may break; the penalty then drives the repair).
      const i = random.int(c.cover.length);
      const row = c.cover[i]!;
      const short = count[i]! < row.requirement && row.underWeight > 0;
      const over = count[i]! > row.requirement && row.overWeight > 0;
      if (!short && !over) continue;
      const cell = row.cells[random.int(row.cells.length)]!;
      const d = Math.floor(cell / T);
      const t = cell % T;
      let e = random.int(E);
      if (over) {
        // The first one from a random employee on who works that cell.
        let k = 0;
        while (k < E && x[e * D + d] !== t) {
          e = (e + 1) % E;
          k++;
        }
        if (k === E) continue;
      } else if (x[e * D + d] === t) continue;
      delta = change(e, d, short ? t : OFF);
    } else if (kind < 0.35) {
      const e = random.int(E);
      const value = random.int(T + 1) - 1;
      for (let d = d0; d < d0 + k && !Number.isNaN(delta); d++) delta += change(e, d, value);
    } else if (kind < 0.5) {
      const e = random.int(E);
      const value = random.int(T);
      for (let d = d0; d < d0 + k && !Number.isNaN(delta); d++) if (x[e * D + d] !== OFF) delta += change(e, d, value);
    } else if (kind < 0.85) {
      const e1 = random.int(E);
      const e2 = random.int(E);
      if (e1 === e2 || c.groupOf[e1]! >= 0 || c.groupOf[e2]! >= 0) continue;
      delta = swapBlocks(e1, d0, e2, d0, k);
      // A second block swapped between the same two rows that gives back the shifts the first moved, so
      // each row keeps its count: where the workload bounds are a shift or two wide (Curtois 8: 17–18
      // shifts), one swap alone changes both rows' counts and is refused. A first swap that keeps the
      // counts stands alone.
      const moved = kind >= PAIRED_FROM && !Number.isNaN(delta) ? worked(e1, d0, k) - worked(e2, d0, k) : 0;
      if (moved !== 0) {
        let d1 = -1;
        for (let tries = 0; tries < PAIR_TRIES && d1 < 0; tries++) {
          const at = random.int(D - k + 1);
          if (Math.abs(at - d0) >= k && worked(e2, at, k) - worked(e1, at, k) === -moved) d1 = at;
        }
        delta = d1 < 0 ? Number.NaN : delta + swapBlocks(e1, d1, e2, d1, k);
      }
    } else {
      const e = random.int(E);
      const d1 = random.int(D - k + 1);
      if (Math.abs(d1 - d0) < k || c.groupOf[e]! >= 0) continue;
      delta = swapBlocks(e, d0, e, d1, k);
    }
    if (undoLength === 0) continue;
    let ok = !Number.isNaN(delta) && broken <= brokenBefore;
    // The move's rule excess change, weighed into what annealing judges (penalty mode only).
    let excessDelta = 0;
    if (ok && penaltyMode) {
      for (const e of touched) {
        oldExcess[e] = excess[e]!;
        excess[e] = rules.rowExcess(e);
        excessDelta += excess[e]! - oldExcess[e]!;
      }
    }
    const judged = delta + weight * excessDelta;
    if (ok && broken === brokenBefore && judged > 0) ok = random.next() < Math.exp(-judged / temperature);
    if (ok && !penaltyMode) for (const e of touched) if (!rules.rowOk(e, touchedLo[e]!, touchedHi[e]!)) ok = false;
    if (!ok) {
      if (penaltyMode && !Number.isNaN(delta) && broken <= brokenBefore)
        for (const e of touched) excess[e] = oldExcess[e]!;
      undo();
      continue;
    }
    accepted++;
    excessTotal += excessDelta;
    if (Math.abs(excessTotal) < 1e-9) excessTotal = 0;
    total += delta;
    const holds = excessTotal === 0;
    const newBest = holds && (broken < bestBroken || (broken === bestBroken && total < bestTotal - 1e-9));
    const tie = holds && broken === bestBroken && Math.abs(total - bestTotal) <= 1e-9;
    if (bestIsCurrent && !newBest && !tie) {
      // Leaving the best roster: keep it (the current one minus this move).
      best.set(x);
      for (let u = undoLength - 1; u >= 0; u--) best[undoCell[u]!] = undoType[u]!;
    }
    if (newBest) {
      bestTotal = total;
      bestBroken = broken;
      bestIsCurrent = true;
    } else bestIsCurrent = bestIsCurrent && tie;
  }
  clearMove();
  if (bestIsCurrent) best.set(x);
  const out: Assignment = Array.from({ length: E }, (_, e) => Array.from(best.subarray(e * D, (e + 1) * D)));
  return {
    best: out,
    delta: bestTotal,
    brokenLinks: bestBroken,
    moves,
    accepted,
  };
}
