import type { History } from '../history.js';
import type { Timeline } from '../timeline.js';

/**
 * A fitted model: mean volume for each position of `target`, which starts where the history it was
 * fitted on ends (position 0 is one step ahead). Values are for a normal day in open hours; closed slots
 * and special-day effects are applied afterwards, the same way for every model.
 */
export type Predictor = (target: Timeline) => Float64Array;

export interface Model {
  /** Name as the caller selects it, with its settings (`week-mean(k=4)`). */
  readonly name: string;
  fit(history: History): Predictor;
  /**
   * The same model with its hyper-parameters tuned on `history` and then held fixed, for the many refits of
   * an inner backtest (tuning once instead of at every inner origin). Absent when there is nothing to tune.
   */
  tuned?(history: History): Model;
}

/** True when position i of the history is usable for a normal-day profile. */
export function isNormalObservation(h: History, i: number): boolean {
  return h.special[i] === -1 && h.open[h.slot[i]!] === 1 && Number.isFinite(h.volume[i]!);
}
