import type { StaffingTargets } from './targets.js';

/** A staffing requirement: the smallest integer meeting every target, the continuous one, and the metrics at the integer. */
export interface Sized<M> {
  agents: number;
  /** Smallest real number of agents meeting every target (continuous model), within 1e-6; ≤ agents. */
  agentsFractional: number;
  metrics: M;
}

/** Whether any target is set (field by field: this runs for every interval, and an array per call is garbage). */
export function hasTargets(t: StaffingTargets): boolean {
  return (
    t.serviceLevel !== undefined ||
    t.maxAsaSeconds !== undefined ||
    t.maxAbandonRate !== undefined ||
    t.maxOccupancy !== undefined ||
    t.maxBlocking !== undefined
  );
}
