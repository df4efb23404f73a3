/**
 * Column generation over whole rows: a master LP picks a convex mix of legal rows per employee against the
 * cover rows, and each employee's pricing problem — its cheapest legal row at the cover rows' prices — is
 * solved by the labelling program of pricing.ts (every rule of its own in play; heuristic rounds narrow
 * it, exact rounds give the bound), or by the compact MIP of that one employee in HiGHS where the program
 * does not apply. A dive over the LP's columns and the integer master then turn the LP into a roster.
 *
 * Why. The compact MIP's LP bound is weak where the rules are run lengths and workloads (Curtois 5: 838
 * against an optimum of 1143), so HiGHS and the LNS sub-MIPs branch a lot. The master over rows has the
 * rules inside its columns: on Curtois 5, run to convergence from a 5-s roster, its LP value was 1140.6 and
 * the integer master over the columns generated (price and branch: no branching on the master) gave 1146.
 *
 * Bound. With every pricing problem solved to optimality, LP + Σ_e min(0, reduced cost of e's best row) is
 * a lower bound on every roster (Lagrangian relaxation of the cover rows with the master's duals); when no
 * row prices out it is the LP value. Applies where rows are tied only through cover rows: no handover
 * links, no cyclic groups (the caller checks {@link columnGenerationApplies}).
 */
import type { Compiled } from './compile.js';
import { runHighs } from './highs.js';
import { freeMask } from './lns.js';
import { Linear, LpBuilder } from './lp.js';
import { buildMip } from './mip.js';
import { type Assignment, OFF } from './model.js';
import { rowPricer } from './pricing.js';
import { pricedRowCost, rowCost } from './row-cost.js';
import { DP_UNITS_PER_STEP, mipUnits, NODE_UNITS, pastUnits } from './work.js';

export interface ColumnGenerationOptions {
  seed: number;
  /** Work units (work.ts) for the pricing rounds; the integer master gets `masterUnits` on top. */
  priceUnits: number;
  masterUnits: number;
  /** Safety stop of the pricing rounds, epoch ms (a round under way is finished only if time is left). */
  priceUntil: number;
  /** Work units and time cap (seconds, safety) of the dive after the pricing rounds (0 units: none). */
  diveUnits: number;
  diveSeconds: number;
  /** Time cap of the integer master, seconds. */
  masterSeconds: number;
  /**
   * Safety stop of the whole run, epoch ms: the dive and the integer master end by then too (their own caps
   * counted from when they start let a run whose start took its time overrun: Curtois 24, 251.8 s of 240).
   */
  stopAt?: number;
  /** Called after each pricing round. */
  onRound?: (round: ColumnGenerationRound) => void;
}

export interface ColumnGenerationRound {
  round: number;
  lp: number;
  bound: number;
  columns: number;
}

export interface ColumnGenerationResult {
  /** The integer master's roster (undefined when it found none). */
  roster?: Assignment;
  /** A valid lower bound, −∞ when no round finished with every pricing problem optimal. */
  bound: number;
  /** The master LP's last value (not a bound unless `converged`). */
  lp: number;
  rounds: number;
  columns: number;
  converged: boolean;
  /** The pricing rounds were stopped by `priceUntil`, not by work or convergence (not repeatable). */
  timedOut: boolean;
  work: number;
}

/** Rows tied only through cover rows: no links, no cyclic groups. */
export function columnGenerationApplies(c: Compiled): boolean {
  return c.groups.length === 0 && (c.model.links ?? []).length === 0 && c.cover.length > 0;
}

interface Column {
  e: number;
  row: number[];
  cost: number;
  /** Cover rows counted, with multiplicity. */
  rows: Map<number, number>;
}

const REDUCED_COST_EPS = 1e-6;
/**
 * Work units of a pricing MIP per unit of {@link mipUnits}: one employee's MIP is small and solves at about
 * 2.6 of those units per µs (Curtois 5: 128 pricing problems in 16.5 s charged 43 M), so it is charged at a
 * unit per µs like the rest of the search.
 */
const PRICING_UNIT_SHARE = 0.4;
/** Node budget of one pricing MIP (most need under 50); one that runs out still gives a row, not a bound. */
const PRICING_MAX_NODES = 500;
/** Stop pricing when the bound is this close to the LP (relative): the rest is tailing off. */
const CLOSE_ENOUGH = 1e-4;
/** Weight of the stability centre in the prices (Wentges); 0 would be plain column generation. */
const SMOOTHING = 0.5;
/**
 * Labels per key of the heuristic pricing rounds (pricing.ts `beam`): rows found fast, the exact program
 * when they run dry, and at least every {@link EXACT_EVERY} rounds so that a bound is known early.
 */
const BEAM = 4;
const EXACT_EVERY = 8;
/**
 * Dive: a λ this close to 1 counts as whole; pricing passes between two fixings at most. Three passes
 * rather than one (Curtois at 120 s, seeds 1 and 2): 8 went 1,357 and 1,444 → 1,342 and 1,342, 9 461 and
 * 464 → 454 and 455; six gave 1,355 and 462 (seed 1).
 */
const WHOLE = 0.99;
const DIVE_REPRICE = 3;
/**
 * Dive only where the pricing came near convergence: a bound of at least this share of the LP, or none known
 * (no exact round finished). Curtois 12 (120 s) ends its pricing on work with the LP at 4,361 and the bound at
 * −14,053: its dive spent 30 s on an LP still falling and gave nothing the start did not, and the search after
 * it ended on the clock. Without a bound the dive stays as it was (Curtois 15 at 600 s, every round
 * heuristic: 4,093 with it and without it).
 */
const DIVE_MIN_BOUND_SHARE = 0.5;
/** Dive: of the employees not fixed, the share fixed at once when none is whole. */
const DIVE_STEP_SHARE = 0.1;

export async function columnGeneration(
  c: Compiled,
  start: Assignment,
  options: ColumnGenerationOptions,
): Promise<ColumnGenerationResult> {
  const { E, D, T } = c;
  const columns: Column[] = [];
  const columnsOf: Column[][] = Array.from({ length: E }, () => []);
  const seen = new Set<string>();
  const add = (e: number, row: number[]) => {
    const key = `${e}:${row.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    const rows = new Map<number, number>();
    for (let d = 0; d < D; d++) {
      if (row[d] === OFF) continue;
      for (const r of c.coverOfCell[d * T + row[d]!]!) rows.set(r, (rows.get(r) ?? 0) + 1);
    }
    const column = { e, row, cost: rowCost(c, e, row), rows };
    columns.push(column);
    columnsOf[e]!.push(column);
    return true;
  };
  start.forEach((row, e) => {
    add(e, row.slice());
  });

  // The exact dynamic program where it applies (pricing.ts), the MIP elsewhere.
  const pricers = Array.from({ length: E }, (_, e) => rowPricer(c, e));
  /** Employee e's cheapest row so far at `prices`: the pricer's start (it cuts what cannot beat it). */
  const cheapestColumn = (e: number, prices: ArrayLike<number>) => {
    let best: { row: number[]; value: number } | undefined;
    for (const col of columnsOf[e]!) {
      let value = col.cost;
      for (const [r, n] of col.rows) value -= n * prices[r]!;
      if (!best || value < best.value) best = { row: col.row, value };
    }
    return best;
  };
  /** Employee e's pricing MIP: its row (none when HiGHS found none) and its optimum, or bound when not optimal. */
  const priceByMip = async (e: number, prices: ArrayLike<number>) => {
    const sub = buildMip(c, start, freeMask(c, [e]), { coverPrices: prices });
    const priced = await runHighs(sub.lp, {
      timeLimitSeconds: remainingSeconds(options.priceUntil),
      seed: options.seed,
      maxNodes: PRICING_MAX_NODES,
      subproblem: true,
    });
    const optimal = priced.status === 'optimal';
    return {
      row: priced.colValue ? sub.decode(priced.colValue)[e] : undefined,
      value: optimal ? priced.objective : priced.bound,
      optimal,
      work: PRICING_UNIT_SHARE * mipUnits(sub.lp, priced),
    };
  };
  let work = 0;
  const tooLarge = new Uint8Array(E);
  /**
   * One pricing pass over the employees not `fixed`: rows that price out at the LP's duals (`rowDual`:
   * convexity rows, then cover rows) enter. Returns how many did, and Σ_e of each employee's cheapest
   * value at `prices` — a term of the Lagrangian bound when `exact`.
   */
  const priceRound = async (
    prices: ArrayLike<number>,
    rowDual: Float64Array,
    heuristic: boolean,
    until: number,
    fixed?: Int32Array,
    programOnly = false,
  ) => {
    const sigma = rowDual.subarray(0, E);
    const duals = rowDual.subarray(E);
    const enters = (e: number, row: number[]) =>
      pricedRowCost(c, e, row, duals) - sigma[e]! < -REDUCED_COST_EPS && add(e, row);
    let added = 0;
    let value = 0;
    let exact = true;
    for (let e = 0; e < E && Date.now() < until; e++) {
      if (fixed && fixed[e]! >= 0) continue;
      const pricer = tooLarge[e] ? undefined : pricers[e];
      if (programOnly && !pricer) continue;
      const dp = pricer?.price(prices, cheapestColumn(e, prices), heuristic ? BEAM : undefined);
      if (dp) work += DP_UNITS_PER_STEP * dp.steps;
      let row: number[];
      if (dp?.found) {
        if (heuristic) exact = false;
        value += dp.value;
        row = dp.row;
        for (const other of dp.others) if (enters(e, other.row)) added++;
      } else {
        // No program for this employee, or one too large (not tried again: Curtois 13 wasted 50 s a round): the MIP.
        if (dp) tooLarge[e] = 1;
        const mip = await priceByMip(e, prices);
        work += mip.work;
        if (!mip.optimal) exact = false;
        value += mip.value;
        if (!mip.row) continue;
        row = mip.row;
      }
      if (enters(e, row)) added++;
    }
    return { added, value, exact };
  };
  let bound = Number.NEGATIVE_INFINITY;
  let lp = Number.NaN;
  let rounds = 0;
  let converged = false;
  /** The master LP's last λ (slacks cut off): the largest per employee make a roster to start the integer master from. */
  let lastMix: Float64Array | undefined;
  /** Some employee is priced by the program (not by the MIP). */
  const programs = () => pricers.some((p, e) => p !== undefined && !tooLarge[e]);
  let heuristic = programs();
  const timeUp = () => Date.now() >= options.priceUntil;
  // Wentges smoothing: price at a mix of the LP's duals and the best prices found so far (the stability
  // centre), which cut the rounds the duals spend oscillating; a round that prices nothing out at the mix
  // is priced again at the LP's own duals (a mispricing) before the LP counts as solved.
  let centre: Float64Array | undefined;
  let smoothing = SMOOTHING;
  while (work < options.priceUnits && !timeUp()) {
    const relaxed = master(c, columns, false);
    const run = await runHighs(relaxed.lp, { timeLimitSeconds: remainingSeconds(options.priceUntil), relax: true });
    work += mipUnits(relaxed.lp, run);
    if (run.status !== 'optimal' || !run.rowDual) break;
    lp = run.objective;
    if (run.colValue) lastMix = run.colValue.subarray(0, columns.length);
    const duals = run.rowDual.subarray(E);
    const alpha = centre ? smoothing : 0;
    const prices = centre ? duals.map((p, r) => alpha * centre![r]! + (1 - alpha) * p) : duals;
    // L(π) = Σ_r π_r·requirement_r + Σ_e min over e's legal rows of (own cost − Σ π over its rows): a lower
    // bound for any π inside [−over_r, under_r], where the LP's duals and their mixes lie.
    let lagrange = 0;
    c.cover.forEach((row, r) => {
      lagrange += prices[r]! * row.requirement;
    });
    const priced = await priceRound(prices, run.rowDual, heuristic, options.priceUntil);
    const { added, exact } = priced;
    lagrange += priced.value;
    if (timeUp()) break;
    rounds++;
    if (exact && lagrange > bound) {
      bound = lagrange;
      centre = Float64Array.from(prices);
    }
    options.onRound?.({ round: rounds, lp, bound, columns: columns.length });
    // Heuristic rows run dry (or a bound is due): the next round is exact; after an exact one that found
    // rows, back to the fast ones.
    const wasHeuristic = heuristic;
    heuristic = programs() && (wasHeuristic ? added > 0 && rounds % EXACT_EVERY !== 0 : added > 0);
    if (wasHeuristic && added === 0) continue;
    if (added === 0 && alpha > 0) {
      smoothing = 0; // mispricing: the next round prices at the LP's duals
      continue;
    }
    smoothing = SMOOTHING;
    if (added === 0 || (Number.isFinite(bound) && lp - bound <= CLOSE_ENOUGH * Math.max(1, Math.abs(lp)))) {
      converged = added === 0 && exact;
      if (converged) bound = Math.max(bound, lp);
      break;
    }
  }

  // Price and branch: the integer master over the columns generated (the dive's too: it is built after),
  // from the best of the start roster (whose rows are columns 0…E−1: added first, one per employee), the
  // LP's rounding (per employee its column of largest λ) and the dive's roster.
  const stopAt = options.stopAt ?? Number.POSITIVE_INFINITY;
  const near = bound === Number.NEGATIVE_INFINITY || bound >= DIVE_MIN_BOUND_SHARE * lp;
  const dived = programs() && near && options.diveUnits > 0 && Date.now() < stopAt ? await dive() : undefined;
  const integer = master(c, columns, true);
  const startVector = new Float64Array(integer.lp.numCols);
  startVector.fill(1, 0, E);
  integer.fillSlacks(startVector);
  const value = (x: Float64Array) => x.reduce((sum, v, k) => sum + v * integer.lp.colCost[k]!, 0);
  for (const pick of [lastMix ? largestPerEmployee(lastMix, new Int32Array(E).fill(-1)) : undefined, dived]) {
    if (!pick) continue;
    const x = new Float64Array(integer.lp.numCols);
    for (const k of pick) x[k] = 1;
    integer.fillSlacks(x);
    if (value(x) < value(startVector)) startVector.set(x);
  }
  const nodes = Math.max(1, Math.round(options.masterUnits / NODE_UNITS));
  const run = await runHighs(integer.lp, {
    timeLimitSeconds: Math.min(options.masterSeconds, remainingSeconds(stopAt)),
    seed: options.seed,
    start: startVector,
    maxNodes: nodes,
    // No strong branching: on Curtois 9 it took 117,000 of the master's 184,000 LP iterations at the root,
    // where HiGHS seldom asks `stopWhen`, so the clock ended the master and runs differed with the load.
    subproblem: true,
    stopWhen: pastUnits(integer.lp, options.masterUnits),
  });
  work += Math.min(options.masterUnits, mipUnits(integer.lp, run));
  const timedOut = !converged && work < options.priceUnits && Date.now() >= options.priceUntil;
  const result: ColumnGenerationResult = { bound, lp, rounds, columns: columns.length, converged, timedOut, work };
  if (run.colValue) {
    const roster: Assignment = Array.from({ length: E }, () => new Array<number>(D).fill(OFF));
    columns.forEach((col, k) => {
      if (run.colValue![k]! > 0.5) roster[col.e] = col.row.slice();
    });
    result.roster = roster;
  }
  return result;

  /** Per employee not fixed yet, its column of largest λ in `x` (columns beyond x's length have 0). */
  function largestPerEmployee(x: Float64Array, fixed: Int32Array): Int32Array {
    const pick = Int32Array.from(fixed);
    const free = fixed.map((k) => (k < 0 ? 1 : 0));
    columns.forEach((col, k) => {
      if (!free[col.e]) return;
      const at = pick[col.e]!;
      if (at < 0 || (k < x.length && x[k]! > (at < x.length ? x[at]! : 0))) pick[col.e] = k;
    });
    return pick;
  }

  /**
   * Diving: fix every employee whose LP row is whole (else the one closest to whole), re-price the rest at
   * the new duals, again until all are fixed — the classical diving heuristic of branch and price, which
   * turns the mostly-integral LP into a roster of its own columns. Out of work, the rest are fixed without
   * re-pricing; out of time, rounded.
   */
  async function dive(): Promise<Int32Array | undefined> {
    const fixed = new Int32Array(E).fill(-1);
    const stopWork = work + options.diveUnits;
    const until = Math.min(Date.now() + options.diveSeconds * 1000, stopAt);
    let left = E;
    let repriced = 0;
    while (left > 0) {
      // Out of work, the rest are still fixed a share at a time (without re-pricing): rounding them all at
      // once from the LP's λ gave Curtois 8 (seed 2) 4,428 where the fixings gave 2,023.
      const out = Date.now() >= until;
      const spent = work >= stopWork;
      const relaxed = master(c, columns, false, fixed);
      const run = await runHighs(relaxed.lp, { timeLimitSeconds: remainingSeconds(until), relax: true });
      work += mipUnits(relaxed.lp, run);
      if (run.status !== 'optimal' || !run.colValue || !run.rowDual) return undefined;
      if (!out && !spent && repriced < DIVE_REPRICE) {
        // The program only: a round of pricing MIPs per fixing would take the dive's time (Curtois 13).
        const priced = await priceRound(run.rowDual.subarray(E), run.rowDual, true, until, fixed, true);
        if (priced.added > 0) {
          repriced++;
          continue;
        }
      }
      repriced = 0;
      const x = run.colValue.subarray(0, columns.length);
      const pick = largestPerEmployee(x, fixed);
      const weightOf = (e: number) => x[pick[e]!] ?? 0;
      const open: number[] = [];
      let fixedNow = 0;
      for (let e = 0; e < E; e++) {
        if (fixed[e]! >= 0) continue;
        if (out || weightOf(e) >= WHOLE) {
          fixed[e] = pick[e]!;
          fixedNow++;
        } else open.push(e);
      }
      // None whole: the closest to whole, a share of those left at once (a dive of E single steps is too long).
      if (fixedNow === 0) {
        open.sort((a, b) => weightOf(b) - weightOf(a) || a - b);
        for (const e of open.slice(0, Math.ceil(open.length * DIVE_STEP_SHARE))) {
          fixed[e] = pick[e]!;
          fixedNow++;
        }
      }
      left -= fixedNow;
    }
    return fixed;
  }
}

function remainingSeconds(stopAt: number): number {
  return Math.max(0.01, (stopAt - Date.now()) / 1000);
}

/**
 * The master: λ (one per column, first), then under/over per cover row; `fixed[e]` = a column of e's
 * to hold at 1 (−1 = free). Rows: one convexity row per
 * employee (Σ λ = 1), then the cover rows (count + under − over = requirement), in the order of c.cover.
 */
function master(c: Compiled, columns: Column[], integer: boolean, fixed?: Int32Array) {
  const lp = new LpBuilder();
  const convexity = Array.from({ length: c.E }, () => new Linear());
  const cover = c.cover.map(() => new Linear());
  columns.forEach((col, k) => {
    // An employee fixed to a column has that one at 1, its others at 0.
    const at = fixed ? fixed[col.e]! : -1;
    lp.addCol(col.cost, at === k ? 1 : 0, at >= 0 && at !== k ? 0 : 1, integer);
    convexity[col.e]!.add(k, 1);
    for (const [r, n] of col.rows) cover[r]!.add(k, n);
  });
  for (const row of convexity) lp.addRow(row, 1, 1);
  const slack = c.cover.map((row, r) => {
    const under = lp.addCol(row.underWeight, 0, Number.POSITIVE_INFINITY, false);
    const over = lp.addCol(row.overWeight, 0, Number.POSITIVE_INFINITY, false);
    cover[r]!.add(under, 1).add(over, -1);
    // Every cover row is kept (an empty one still has its slacks), so rowDual[E + r] is row r's price.
    lp.addRow(cover[r]!, row.requirement, row.requirement);
    return { under, over };
  });
  return {
    lp,
    /** The slacks' values for the columns chosen in `x`. */
    fillSlacks(x: Float64Array) {
      const count = new Float64Array(c.cover.length);
      columns.forEach((col, k) => {
        if (x[k]! < 0.5) return;
        for (const [r, n] of col.rows) count[r]! += n;
      });
      c.cover.forEach((row, r) => {
        x[slack[r]!.under] = Math.max(0, row.requirement - count[r]!);
        x[slack[r]!.over] = Math.max(0, count[r]! - row.requirement);
      });
    },
  };
}
