/**
 * A fast start where rows meet only in cover rows: greedy sequential best responses. Each employee in turn
 * gets its cheapest legal row (the labelling program of pricing.ts) at the marginal prices of the cover
 * rows given the rows already placed — a cover row still short is worth its under weight, one already met
 * costs its over weight — and then passes re-choose each row against all the others while that improves.
 *
 * Why. The row-by-row MIP start costs 0.7–1.5 s a row on Curtois 24 (364 days × 32 types) and took the
 * whole budget of a 240-s run (986,617); the program prices a row in about 0.3 s there, narrowed (a beam
 * per key and a width per day, pricing.ts) where the exact program outgrows its limits, and the search
 * then has its time (600 s: 118,964 → 63,683).
 * At marginal prices a row's value is what placing it changes in the objective (exactly so where a row
 * counts at most once in each cover row, as on Curtois), so each best response lowers the objective.
 * With `fromStart` only the passes run, from a whole roster: the solver's last step of its search.
 */
import type { Compiled } from './compile.js';
import { type Assignment, OFF } from './model.js';
import { NARROW, NARROW_BEAM, type Priced, type RowPricer, rowPricer } from './pricing.js';
import { pricedRowCost } from './row-cost.js';
import { DP_UNITS_PER_STEP } from './work.js';

export interface GreedyStartOptions {
  /**
   * Work units (work.ts) at most: no best-response pass starts or goes on beyond them, but the first pass
   * places every row whatever it costs (a start needs them all).
   */
  maxUnits: number;
  /** Safety stop, epoch ms: rows not placed by then are left to the caller. */
  stopAt: number;
  /** Best-response passes after the first, at most. */
  maxPasses?: number;
  /**
   * The rows of `todo` in `start` are the first placement (they must hold their rules): only the
   * best-response passes run, re-choosing them against all the others.
   */
  fromStart?: boolean;
}

export interface GreedyStartResult {
  roster: Assignment;
  /**
   * Employees of `todo` without a row from the program (none applies, none found, or out of time). Empty
   * with `fromStart`: a row the program cannot price keeps its start.
   */
  unplaced: number[];
  /** Best-response passes completed after the first. */
  passes: number;
  work: number;
  /** Some row of the first pass was priced narrowed (the exact program outgrew its limits). */
  narrowed: boolean;
}

/** Steps an exact pricing may take before the employee is priced narrowed (Curtois 5–12: under 100,000). */
const EXACT_MAX_STEPS = 300_000;
/** Exact pricings out of steps, with none within them, after which every employee is priced narrowed. */
const EXACT_GIVE_UP = 3;
/** A narrowed pricing that runs into dead ends everywhere is tried again this many times wider, once. */
const WIDEN = 4;
const MAX_PASSES = 5;
const EPS = 1e-9;

/**
 * Rows for the employees `todo` of `start` (whose other rows stay and count in the cover rows), by greedy
 * best responses; `start` is not changed.
 */
export function greedyStart(
  c: Compiled,
  start: Assignment,
  todo: readonly number[],
  options: GreedyStartOptions,
): GreedyStartResult {
  const roster = start.map((row) => row.slice());
  const planned = new Set(todo);
  const counts = new Float64Array(c.cover.length);
  const fromStart = options.fromStart === true;
  roster.forEach((row, e) => {
    if (fromStart || !planned.has(e)) addRow(c, counts, row, 1);
  });
  const pricers = new Map<number, RowPricer | undefined>(todo.map((e) => [e, rowPricer(c, e)]));
  const narrowed = new Set<number>();
  let exactFailures = 0;
  let exactSuccesses = 0;
  let work = 0;

  /** Employee e's cheapest row at `prices` (no worse than `upper`), exact while that stays cheap. */
  const price = (e: number, prices: Float64Array, upper?: { row: readonly number[]; value: number }) => {
    const pricer = pricers.get(e);
    if (!pricer) return undefined;
    const charge = (p: Priced) => {
      work += DP_UNITS_PER_STEP * p.steps;
      return p;
    };
    if (!narrowed.has(e) && (exactSuccesses > 0 || exactFailures < EXACT_GIVE_UP)) {
      const exact = charge(pricer.price(prices, upper, undefined, { maxSteps: EXACT_MAX_STEPS }));
      if (exact.found || exact.reason === 'none') {
        exactSuccesses++;
        return exact.found ? exact : undefined;
      }
      exactFailures++;
      narrowed.add(e);
    }
    for (const width of [NARROW.width, NARROW.width * WIDEN]) {
      const fast = charge(pricer.price(prices, upper, NARROW_BEAM, { ...NARROW, width }));
      if (fast.found) return fast;
      if (fast.reason === 'tooLarge') return undefined;
    }
    return undefined;
  };

  const unplaced: number[] = [];
  const placed: number[] = fromStart ? todo.filter((e) => pricers.get(e) !== undefined) : [];
  for (const e of fromStart ? [] : todo) {
    if (Date.now() >= options.stopAt) {
      unplaced.push(e);
      continue;
    }
    const found = price(e, marginalPrices(c, counts));
    if (!found) {
      unplaced.push(e);
      continue;
    }
    roster[e] = found.row;
    addRow(c, counts, found.row, 1);
    placed.push(e);
  }

  const narrowedFirst = narrowed.size > 0;
  // Best responses: each row re-chosen against all the others, while a pass still gains.
  let passes = 0;
  const maxPasses = options.maxPasses ?? MAX_PASSES;
  const outOfBudget = () => work >= options.maxUnits || Date.now() >= options.stopAt;
  while (passes < maxPasses && !outOfBudget()) {
    let gain = 0;
    for (const e of placed) {
      if (outOfBudget()) break;
      const row = roster[e]!;
      addRow(c, counts, row, -1);
      const prices = marginalPrices(c, counts);
      const value = pricedRowCost(c, e, row, prices);
      const found = price(e, prices, { row, value });
      if (found && found.value < value - EPS) {
        gain += value - found.value;
        roster[e] = found.row;
      }
      addRow(c, counts, roster[e]!, 1);
    }
    if (outOfBudget()) break;
    passes++;
    if (gain <= EPS) break;
  }
  return { roster, unplaced, passes, work, narrowed: narrowedFirst };
}

/** Adds `sign` × the row's cells to the cover counts. */
function addRow(c: Compiled, counts: Float64Array, row: readonly number[], sign: number): void {
  for (let d = 0; d < c.D; d++) {
    if (row[d] === OFF) continue;
    for (const r of c.coverOfCell[d * c.T + row[d]!]!) counts[r]! += sign;
  }
}

/**
 * What one more unit in each cover row is worth at `counts`: its under weight where the row is short by a
 * unit or more, minus its over weight where it is met (mixed where the requirement is fractional).
 */
function marginalPrices(c: Compiled, counts: Float64Array): Float64Array {
  return Float64Array.from(c.cover, (row, r) => {
    const short = Math.min(1, Math.max(0, row.requirement - counts[r]!));
    return short * row.underWeight - (1 - short) * row.overWeight;
  });
}
