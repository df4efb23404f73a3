/**
 * Staffing requirements: the smallest integer number of agents meeting every target, the continuous one and
 * the metrics at the integer, per model (loss models in size-loss.ts, abandonment in size-impatient.ts).
 */
export * from './size-impatient.js';
export * from './size-loss.js';
export type { Sized } from './sized.js';
