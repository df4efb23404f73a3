import type { ServiceLevelBasis } from './metrics.js';

/** Service targets of one channel; each one present must hold, so the most restrictive one decides. */
export interface StaffingTargets {
  /** Share answered within `answerWithinSeconds`, in (0, 1). */
  serviceLevel?: number | undefined;
  answerWithinSeconds?: number | undefined;
  /** Which service level and ASA the targets mean under abandonment; default `served`. */
  serviceLevelBasis?: ServiceLevelBasis | undefined;
  maxAsaSeconds?: number | undefined;
  maxAbandonRate?: number | undefined;
  maxOccupancy?: number | undefined;
  /** Erlang B: largest share of calls blocked. */
  maxBlocking?: number | undefined;
}

/** The metrics a target can look at; absent ones are not constrained. */
export interface Measured {
  serviceLevel?: number;
  asaSeconds?: number;
  abandonRate?: number;
  occupancy?: number;
  blocking?: number;
}

/**
 * How far the worst target is missed, as a log ratio: ln((1 − SL)/(1 − target)) for the service level and
 * ln(value/limit) for each cap. ≤ 0 exactly when every target holds, > 0 otherwise; decreasing in agents
 * and nearly linear in them, so root finding for the continuous requirement converges in a few steps.
 */
export function targetViolation(m: Measured, targets: StaffingTargets): number {
  let worst = Number.NEGATIVE_INFINITY;
  if (targets.serviceLevel !== undefined && m.serviceLevel !== undefined) {
    worst = Math.log((1 - m.serviceLevel) / (1 - targets.serviceLevel));
  }
  if (m.asaSeconds !== undefined && targets.maxAsaSeconds !== undefined) {
    worst = Math.max(worst, Math.log(m.asaSeconds / targets.maxAsaSeconds));
  }
  if (m.abandonRate !== undefined && targets.maxAbandonRate !== undefined) {
    worst = Math.max(worst, Math.log(m.abandonRate / targets.maxAbandonRate));
  }
  if (m.occupancy !== undefined && targets.maxOccupancy !== undefined) {
    worst = Math.max(worst, Math.log(m.occupancy / targets.maxOccupancy));
  }
  if (m.blocking !== undefined && targets.maxBlocking !== undefined) {
    worst = Math.max(worst, Math.log(m.blocking / targets.maxBlocking));
  }
  return worst;
}

/** Every target holds (compared directly, not through logarithms). */
export function meetsTargets(m: Measured, t: StaffingTargets): boolean {
  return (
    (t.serviceLevel === undefined || m.serviceLevel === undefined || m.serviceLevel >= t.serviceLevel) &&
    (t.maxAsaSeconds === undefined || m.asaSeconds === undefined || m.asaSeconds <= t.maxAsaSeconds) &&
    (t.maxAbandonRate === undefined || m.abandonRate === undefined || m.abandonRate <= t.maxAbandonRate) &&
    (t.maxOccupancy === undefined || m.occupancy === undefined || m.occupancy <= t.maxOccupancy) &&
    (t.maxBlocking === undefined || m.blocking === undefined || m.blocking <= t.maxBlocking)
  );
}

const openUnit = (x: number) => x > 0 && x < 1;
const positive = (x: number) => x > 0 && x < Number.POSITIVE_INFINITY;
const unitCap = (x: number) => x > 0 && x <= 1;
const TARGET_RANGES: [keyof StaffingTargets, (x: number) => boolean, string][] = [
  ['serviceLevel', openUnit, 'in (0, 1)'],
  ['answerWithinSeconds', (x) => x >= 0 && x < Number.POSITIVE_INFINITY, 'finite and ≥ 0'],
  ['maxAsaSeconds', positive, 'finite and > 0'],
  ['maxAbandonRate', unitCap, 'in (0, 1]'],
  ['maxOccupancy', unitCap, 'in (0, 1]'],
  ['maxBlocking', openUnit, 'in (0, 1)'],
];

/**
 * The typed sizing functions' guard (the JSON contract validates with zod before they run): a NaN or
 * out-of-range target would make the search for the smallest n never stop, so it is refused by name.
 */
export function checkTargets(targets: StaffingTargets, load: number): void {
  if (!(load >= 0 && load < Number.POSITIVE_INFINITY))
    throw new RangeError(`offered load must be finite and ≥ 0, got ${load}`);
  for (const [field, ok, range] of TARGET_RANGES) {
    const value = targets[field];
    if (value !== undefined && !(typeof value === 'number' && ok(value)))
      throw new RangeError(`targets.${field} must be ${range}, got ${String(value)}`);
  }
}
