/**
 * Deterministic work units. The search is budgeted in work, not wall-clock time, so that the same
 * model and seed give the same roster whatever the machine load; the time limit stays a safety stop.
 * One unit is about a microsecond on the reference machine (2 shared cores, Node 20, HiGHS-Wasm):
 * the constants were fitted to measured runs of Curtois instances 5–12.
 */
import type { MipRun } from './highs.js';

/** Units per local-search move tried. */
export const MOVE_UNITS = 1;
/** Units of one sub-MIP: a fixed overhead, its size (build, transfer, presolve), nodes and LP iterations. */
export function mipUnits(nonzeros: number, run: Pick<MipRun, 'nodes' | 'lpIterations'>): number {
  return 3_000 + 1.5 * nonzeros + 450 * run.lpIterations + 300 * run.nodes;
}

/** The default work budget for a time limit: most of it, so ordinary runs end on work before time. */
export function defaultWorkLimit(timeLimitSeconds: number): number {
  return Math.round(timeLimitSeconds * 0.8e6);
}
