import type { History } from './history.js';
import { isNormalObservation } from './models/model.js';
import type { Timeline } from './timeline.js';

/** How a special-day label moves volume against a normal day, and where the factor came from. */
export interface SpecialEffect {
  label: string;
  multiplier: number;
  source: 'given' | 'estimated' | 'none';
  /** Intervals of past occurrences the estimate rests on. */
  intervals: number;
}

/**
 * One multiplier per label: given by the caller, or estimated as Σ actual / Σ normal-day expectation over
 * the label's past intervals, where the expectation is the mean of the same local slot one and two weeks
 * either side (normal days only). A label with no past occurrence keeps volume unchanged (`source: none`).
 */
export function estimateSpecialEffects(history: History): SpecialEffect[] {
  const perWeek = history.open.length;
  const actual = new Float64Array(history.labels.length);
  const expected = new Float64Array(history.labels.length);
  const counts = new Int32Array(history.labels.length);
  for (let i = 0; i < history.count; i++) {
    const label = history.special[i]!;
    if (label < 0 || !Number.isFinite(history.volume[i]!) || !history.open[history.slot[i]!]) continue;
    let sum = 0;
    let n = 0;
    for (const k of [-2, -1, 1, 2]) {
      const j = i + k * perWeek;
      if (j < 0 || j >= history.count || history.slot[j] !== history.slot[i] || !isNormalObservation(history, j))
        continue;
      sum += history.volume[j]!;
      n++;
    }
    if (n === 0) continue;
    actual[label]! += history.volume[i]!;
    expected[label]! += sum / n;
    counts[label]! += 1;
  }
  return history.labels.map((label, k) => {
    const given = history.specialDays.find((d) => d.label === label && d.multiplier !== undefined)?.multiplier;
    if (given !== undefined) return { label, multiplier: given, source: 'given', intervals: counts[k]! };
    if (expected[k]! > 0) {
      return { label, multiplier: actual[k]! / expected[k]!, source: 'estimated', intervals: counts[k]! };
    }
    return { label, multiplier: 1, source: 'none', intervals: 0 };
  });
}

/**
 * A normal-day mean → what to expect: zero in closed slots, × the label's multiplier on special days,
 * never negative or NaN. The target's labels are matched to the history's by name.
 */
export function applyCalendar(
  mean: Float64Array,
  target: Timeline,
  open: Uint8Array,
  effects: readonly SpecialEffect[],
): Float64Array {
  const factor = target.labels.map((label) => effects.find((e) => e.label === label)?.multiplier ?? 1);
  const out = new Float64Array(target.count);
  for (let i = 0; i < target.count; i++) {
    let v = open[target.slot[i]!] ? mean[i]! : 0;
    const label = target.special[i]!;
    if (label >= 0) v *= factor[label]!;
    out[i] = Number.isFinite(v) && v > 0 ? v : 0;
  }
  return out;
}
