/**
 * Deterministic work units. The search is budgeted in work, not wall-clock time, so that the same
 * model and seed give the same roster whatever the machine load; the time limit stays a safety stop.
 * One unit is about a microsecond on the reference machine (2 shared cores, Node 20, HiGHS-Wasm):
 * the constants were fitted to measured runs of Curtois instances 5–12.
 */
import type { MipRun } from './highs.js';

/**
 * Units per local-search move tried: a move updates every cover row its cells count in, so it costs more
 * where a shift spans many rows (0.4–0.6 µs with one row per cell on Curtois, 1.6–2.4 M moves/s; 2.9 µs
 * with 32 on a 15-minute contact-center grid). Curtois moves were once charged at least 1 unit: runs then
 * ended on work at 55–75 % of their limit (19 and 20 at 600 s stopped at 3,602 and 5,256; 1.67 times the
 * work, ending in 488 and 522 s, reached 3,382 and 5,171).
 */
export function moveUnits(coverOfCell: readonly (readonly number[])[]): number {
  let rows = 0;
  let cells = 0;
  for (const list of coverOfCell) {
    if (list.length === 0) continue;
    rows += list.length;
    cells++;
  }
  return 0.6 + 0.07 * (cells > 0 ? rows / cells : 0);
}
/** Units of building a sub-MIP and handing it to HiGHS: a fixed overhead and its nonzeros. */
export function buildUnits(lp: { index: { length: number } }): number {
  return 3_000 + 1.5 * lp.index.length;
}
/**
 * Units of one sub-MIP: a fixed overhead, its size (build, transfer, presolve), nodes and LP iterations.
 * An LP iteration costs more on a larger LP (measured on contact-center neighbourhoods of 3,000 rows ×
 * 3,800 columns: about 0.1 µs per row and column), never less than the Curtois-fitted 450 units.
 * LNS sub-MIPs timed one by one come out at 1.6–3.0 units per µs on Curtois and 1.4–2.2 on the contact
 * center (local search: 1.0–1.5); charging them half was measured and not kept (docs/scheduler-engine.md,
 * "LNS sub-MIPs charged half their work").
 */
export function mipUnits(
  lp: { numRows: number; numCols: number; index: { length: number } },
  run: Pick<MipRun, 'nodes' | 'lpIterations'>,
): number {
  const perIteration = Math.max(450, 0.12 * (lp.numRows + lp.numCols));
  return buildUnits(lp) + perIteration * run.lpIterations + 300 * run.nodes;
}

/**
 * A `stopWhen` for runHighs (highs.ts): true once the run's nodes and LP iterations come to more than
 * `maxUnits`, so a MIP stops at the same point on any machine.
 */
export function pastUnits(
  lp: { numRows: number; numCols: number; index: { length: number } },
  maxUnits: number,
): (done: Pick<MipRun, 'nodes' | 'lpIterations'>) => boolean {
  return (done) => mipUnits(lp, done) > maxUnits;
}

/** Work units per step of the dynamic-programming pricer (pricing.ts: 0.1–0.4 µs each on Curtois 5–12). */
export const DP_UNITS_PER_STEP = 0.3;

/** Work units a HiGHS branch-and-bound node is reckoned at when a budget is turned into a node limit. */
export const NODE_UNITS = 40_000;

/**
 * The default work budget for a time limit. Curtois runs end on work at 61–96 % of their limit here (5–12 at
 * 120 s: 61–79 %; 13–23 at 600 s: 62–96 %), so most keep their result on a somewhat slower machine; 24 (364
 * days × 150 employees) ends on the clock.
 */
export function defaultWorkLimit(timeLimitSeconds: number): number {
  return Math.round(timeLimitSeconds * 1e6);
}
