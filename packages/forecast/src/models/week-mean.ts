import type { History } from '../history.js';
import type { Timeline } from '../timeline.js';
import { isNormalObservation, type Model, type Predictor } from './model.js';

/**
 * Mean of the last `weeks` normal-day observations of each local slot-of-week — the literature's
 * "historical average", hard to beat beyond two or three days ahead. `weeks = 1` is seasonal naive (same
 * slot last week). Special days and missing intervals are skipped, so a holiday does not dent its weekday.
 */
export function slotMeans(history: History, weeks: number, lookbackWeeks = weeks * 3 + 2): Float64Array {
  const perWeek = history.open.length;
  const sums = new Float64Array(perWeek);
  const counts = new Int32Array(perWeek);
  const lastAny = new Float64Array(perWeek).fill(Number.NaN);
  const stop = Math.max(0, history.count - lookbackWeeks * perWeek);
  for (let i = history.count - 1; i >= stop; i--) {
    const s = history.slot[i]!;
    const v = history.volume[i]!;
    if (Number.isNaN(lastAny[s]!) && Number.isFinite(v)) lastAny[s] = v;
    if (counts[s]! >= weeks || !isNormalObservation(history, i)) continue;
    sums[s]! += v;
    counts[s]! += 1;
  }
  const out = new Float64Array(perWeek);
  for (let s = 0; s < perWeek; s++) {
    // A slot seen only on special days (or never) falls back to what was seen, then to zero.
    out[s] = counts[s]! > 0 ? sums[s]! / counts[s]! : Number.isFinite(lastAny[s]!) ? lastAny[s]! : 0;
  }
  return out;
}

export function weekMeanModel(weeks = 4): Model {
  return {
    name: weeks === 1 ? 'seasonal-naive' : `week-mean(k=${weeks})`,
    fit(history: History): Predictor {
      const means = slotMeans(history, weeks);
      return (target: Timeline) => {
        const out = new Float64Array(target.count);
        for (let i = 0; i < target.count; i++) out[i] = means[target.slot[i]!]!;
        return out;
      };
    },
  };
}

export const seasonalNaiveModel = (): Model => weekMeanModel(1);
