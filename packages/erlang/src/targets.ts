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
  // The worst ratio, then one logarithm: ln is increasing, so ln of the largest ratio is the largest ln
  // (Math.max keeps a NaN, as a NaN miss must stay).
  let worst = 0;
  if (targets.serviceLevel !== undefined && m.serviceLevel !== undefined) {
    worst = (1 - m.serviceLevel) / (1 - targets.serviceLevel);
  }
  if (m.asaSeconds !== undefined && targets.maxAsaSeconds !== undefined) {
    worst = Math.max(worst, m.asaSeconds / targets.maxAsaSeconds);
  }
  if (m.abandonRate !== undefined && targets.maxAbandonRate !== undefined) {
    worst = Math.max(worst, m.abandonRate / targets.maxAbandonRate);
  }
  if (m.occupancy !== undefined && targets.maxOccupancy !== undefined) {
    worst = Math.max(worst, m.occupancy / targets.maxOccupancy);
  }
  if (m.blocking !== undefined && targets.maxBlocking !== undefined) {
    worst = Math.max(worst, m.blocking / targets.maxBlocking);
  }
  return Math.log(worst);
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

/** x is a number and in range (typeof first: `'0.5' > 0` holds in JavaScript). */
const openUnit = (x: unknown) => typeof x === 'number' && x > 0 && x < 1;
const positive = (x: unknown) => typeof x === 'number' && x > 0 && x < Number.POSITIVE_INFINITY;
const unitCap = (x: unknown) => typeof x === 'number' && x > 0 && x <= 1;

function refuse(field: keyof StaffingTargets, range: string, value: unknown): never {
  throw new RangeError(`targets.${field} must be ${range}, got ${String(value)}`);
}

/**
 * The typed sizing functions' guard (the JSON contract validates with zod before they run): a NaN or
 * out-of-range target would make the search for the smallest n never stop, so it is refused by name.
 * Field by field, not a loop over a table: it runs once per interval and channel (a table loop took 3 %
 * of a week's sizing).
 */
export function checkTargets(t: StaffingTargets, load: number): void {
  if (!(load >= 0 && load < Number.POSITIVE_INFINITY))
    throw new RangeError(`offered load must be finite and ≥ 0, got ${load}`);
  const wait = t.answerWithinSeconds;
  if (t.serviceLevel !== undefined && !openUnit(t.serviceLevel)) refuse('serviceLevel', 'in (0, 1)', t.serviceLevel);
  if (wait !== undefined && !(typeof wait === 'number' && wait >= 0 && wait < Number.POSITIVE_INFINITY))
    refuse('answerWithinSeconds', 'finite and ≥ 0', wait);
  if (t.maxAsaSeconds !== undefined && !positive(t.maxAsaSeconds))
    refuse('maxAsaSeconds', 'finite and > 0', t.maxAsaSeconds);
  if (t.maxAbandonRate !== undefined && !unitCap(t.maxAbandonRate))
    refuse('maxAbandonRate', 'in (0, 1]', t.maxAbandonRate);
  if (t.maxOccupancy !== undefined && !unitCap(t.maxOccupancy)) refuse('maxOccupancy', 'in (0, 1]', t.maxOccupancy);
  if (t.maxBlocking !== undefined && !openUnit(t.maxBlocking)) refuse('maxBlocking', 'in (0, 1)', t.maxBlocking);
}
