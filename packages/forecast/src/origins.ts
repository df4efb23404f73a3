import type { History } from './history.js';
import { firstPositionOfDay } from './timeline.js';

/** A rolling origin: the position of a local midnight, with its local day. */
export interface Origin {
  position: number;
  day: number;
}

export interface OriginOptions {
  /** How many origins, newest first before reversing. */
  count: number;
  /** Days between consecutive origins (1 = daily, 7 = weekly). */
  spacingDays: number;
  /** Days each forecast must cover inside the history (so it can be scored in full). */
  horizonDays: number;
  /** Least training history before the first origin, in days. */
  minTrainDays: number;
}

/** Local-midnight origins, oldest first, each leaving `horizonDays` of scored history after it. */
export function rollingOrigins(history: History, options: OriginOptions): Origin[] {
  if (history.count === 0) return [];
  const firstDay = history.day[0]!;
  // The last day counts only when complete (the next position would start a new day).
  const endDay = history.day[history.count - 1]! + 1;
  const out: Origin[] = [];
  for (let k = 0; k < options.count; k++) {
    const day = endDay - options.horizonDays - k * options.spacingDays;
    if (day - firstDay < options.minTrainDays) break;
    const position = firstPositionOfDay(history, day);
    if (position <= 0 || position >= history.count) break;
    out.push({ position, day });
  }
  return out.reverse();
}
