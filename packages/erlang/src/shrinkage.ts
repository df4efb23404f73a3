/** Rounding slack so 14 / 0.7 = 20.000000000000004 stays 20 agents, not 21. */
const SLACK = 1e-9;

/** Smallest integer ≥ x, forgiving floating-point noise just above an integer. */
export function ceilAgents(x: number): number {
  return Math.max(0, Math.ceil(x - SLACK));
}

/**
 * Scheduled (paid) agents from productive ones: shrinkage (breaks, training, absence) is the share of
 * scheduled time not spent on contacts, so scheduled = productive / (1 − shrinkage).
 */
export function scheduledFractional(productiveAgents: number, shrinkage: number): number {
  return productiveAgents / (1 - shrinkage);
}

/** Integer scheduled agents for an integer productive requirement: ⌈n / (1 − shrinkage)⌉. */
export function scheduledAgents(productiveAgents: number, shrinkage: number): number {
  return ceilAgents(scheduledFractional(productiveAgents, shrinkage));
}
