/**
 * Deterministic work units. The search is budgeted in work, not wall-clock time, so that the same
 * model and seed give the same roster whatever the machine load; the time limit stays a safety stop.
 * One unit is about a microsecond on the reference machine (2 shared cores, Node 20, HiGHS-Wasm):
 * the constants were fitted to measured runs of Curtois instances 5–12.
 */
import type { MipRun } from './highs.js';

/** Units per local-search move tried. */
export const MOVE_UNITS = 1;
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

/** The default work budget for a time limit: most of it, so ordinary runs end on work before time. */
export function defaultWorkLimit(timeLimitSeconds: number): number {
  return Math.round(timeLimitSeconds * 0.8e6);
}
