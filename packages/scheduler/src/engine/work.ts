/**
 * Deterministic work units. The search is budgeted in work, not wall-clock time, so that the same
 * model and seed give the same roster whatever the machine load; the time limit stays a safety stop.
 * One unit is about a microsecond on the reference machine (2 shared cores, Node 20, HiGHS-Wasm):
 * the constants were fitted to measured runs of Curtois instances 5–12.
 */
import type { MipRun } from './highs.js';

/**
 * Units per local-search move tried: a move updates every cover row its cells count in, so it costs more
 * where a shift spans many rows (about 0.65 µs with 1–2 rows per cell on Curtois, 2.9 µs with 32 on a
 * 15-minute contact-center grid); never below the Curtois-fitted 1.
 */
export function moveUnits(coverOfCell: readonly (readonly number[])[]): number {
  let rows = 0;
  let cells = 0;
  for (const list of coverOfCell) {
    if (list.length === 0) continue;
    rows += list.length;
    cells++;
  }
  return Math.max(1, 0.6 + 0.07 * (cells > 0 ? rows / cells : 0));
}
/**
 * Units of one sub-MIP: a fixed overhead, its size (build, transfer, presolve), nodes and LP iterations.
 * An LP iteration costs more on a larger LP (measured on contact-center neighbourhoods of 3,000 rows ×
 * 3,800 columns: about 0.1 µs per row and column), never less than the Curtois-fitted 450 units.
 */
export function mipUnits(
  lp: { numRows: number; numCols: number; index: { length: number } },
  run: Pick<MipRun, 'nodes' | 'lpIterations'>,
): number {
  const perIteration = Math.max(450, 0.12 * (lp.numRows + lp.numCols));
  return 3_000 + 1.5 * lp.index.length + perIteration * run.lpIterations + 300 * run.nodes;
}

/** Work units per step of the dynamic-programming pricer (pricing.ts: 0.1–0.4 µs each on Curtois 5–12). */
export const DP_UNITS_PER_STEP = 0.3;

/** Work units a HiGHS branch-and-bound node is reckoned at when a budget is turned into a node limit. */
export const NODE_UNITS = 40_000;

/**
 * The default work budget for a time limit. A unit runs at 1.25–1.35 M/s on Curtois 5–12 here, so a run
 * ends on work at about 75 % of its limit and keeps its result on a machine up to a third slower.
 */
export function defaultWorkLimit(timeLimitSeconds: number): number {
  return Math.round(timeLimitSeconds * 1e6);
}
