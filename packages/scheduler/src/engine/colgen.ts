/**
 * Column generation over whole rows: a master LP picks a convex mix of legal rows per employee against the
 * cover rows, and each employee's pricing problem — its cheapest legal row at the cover rows' prices — is
 * the compact MIP of that one employee (every rule of its own in play), solved exactly by HiGHS.
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
import { rowCost } from './row-cost.js';
import { mipUnits } from './work.js';

export interface ColumnGenerationOptions {
  seed: number;
  /** Work units (work.ts) for the pricing rounds; the integer master gets `masterUnits` on top. */
  priceUnits: number;
  masterUnits: number;
  /** Safety stop of the pricing rounds, epoch ms (a round under way is finished only if time is left). */
  priceUntil: number;
  /** Time cap of the integer master, seconds. */
  masterSeconds: number;
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

export async function columnGeneration(
  c: Compiled,
  start: Assignment,
  options: ColumnGenerationOptions,
): Promise<ColumnGenerationResult> {
  const { E, D, T } = c;
  const columns: Column[] = [];
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
    columns.push({ e, row, cost: rowCost(c, e, row), rows });
    return true;
  };
  start.forEach((row, e) => {
    add(e, row.slice());
  });

  let work = 0;
  let bound = Number.NEGATIVE_INFINITY;
  let lp = Number.NaN;
  let rounds = 0;
  let converged = false;
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
    const sigma = run.rowDual.subarray(0, E);
    const duals = run.rowDual.subarray(E);
    const alpha = centre ? smoothing : 0;
    const prices = centre ? duals.map((p, r) => alpha * centre![r]! + (1 - alpha) * p) : duals;
    // L(π) = Σ_r π_r·requirement_r + Σ_e min over e's legal rows of (own cost − Σ π over its rows): a lower
    // bound for any π inside [−over_r, under_r], where the LP's duals and their mixes lie.
    let lagrange = 0;
    c.cover.forEach((row, r) => {
      lagrange += prices[r]! * row.requirement;
    });
    let added = 0;
    let exact = true;
    for (let e = 0; e < E && !timeUp(); e++) {
      const sub = buildMip(c, start, freeMask(c, [e]), { coverPrices: prices });
      const priced = await runHighs(sub.lp, {
        timeLimitSeconds: remainingSeconds(options.priceUntil),
        seed: options.seed,
        maxNodes: PRICING_MAX_NODES,
        subproblem: true,
      });
      work += PRICING_UNIT_SHARE * mipUnits(sub.lp, priced);
      if (priced.status !== 'optimal') exact = false;
      lagrange += priced.status === 'optimal' ? priced.objective : priced.bound;
      if (!priced.colValue) continue;
      const row = sub.decode(priced.colValue)[e]!;
      // The row's reduced cost at the LP's duals decides whether it enters.
      let reduced = rowCost(c, e, row) - sigma[e]!;
      for (let d = 0; d < D; d++) {
        if (row[d] === OFF) continue;
        for (const r of c.coverOfCell[d * T + row[d]!]!) reduced -= duals[r]!;
      }
      if (reduced < -REDUCED_COST_EPS && add(e, row)) added++;
    }
    if (timeUp()) break;
    rounds++;
    if (exact && lagrange > bound) {
      bound = lagrange;
      centre = Float64Array.from(prices);
    }
    options.onRound?.({ round: rounds, lp, bound, columns: columns.length });
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

  // Price and branch: the integer master over the columns generated, from the start roster (whose rows
  // are columns 0…E−1: added first, one per employee).
  const integer = master(c, columns, true);
  const startVector = new Float64Array(integer.lp.numCols);
  startVector.fill(1, 0, E);
  integer.fillSlacks(startVector);
  const nodes = Math.max(1, Math.round(options.masterUnits / 40_000));
  const run = await runHighs(integer.lp, {
    timeLimitSeconds: options.masterSeconds,
    seed: options.seed,
    start: startVector,
    maxNodes: nodes,
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
}

function remainingSeconds(stopAt: number): number {
  return Math.max(0.01, (stopAt - Date.now()) / 1000);
}

/**
 * The master: λ (one per column, first), then under/over per cover row. Rows: one convexity row per
 * employee (Σ λ = 1), then the cover rows (count + under − over = requirement), in the order of c.cover.
 */
function master(c: Compiled, columns: Column[], integer: boolean) {
  const lp = new LpBuilder();
  const convexity = Array.from({ length: c.E }, () => new Linear());
  const cover = c.cover.map(() => new Linear());
  columns.forEach((col, k) => {
    lp.addCol(col.cost, 0, 1, integer);
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
