import { floorToGrid, type IntervalMinutes, MINUTE_MS } from './interval.js';
import { type Series, sum } from './series.js';

/**
 * Finer → coarser: each coarse interval is the sum of the fine ones inside it, so volume is conserved.
 * Coarse intervals at the edges that the series only partly covers hold just the part it covers.
 */
export function aggregate(series: Series, intervalMinutes: IntervalMinutes): Series {
  if (intervalMinutes % series.intervalMinutes !== 0) {
    throw new RangeError(
      `cannot aggregate ${series.intervalMinutes}-minute intervals into ${intervalMinutes}-minute ones`,
    );
  }
  const k = intervalMinutes / series.intervalMinutes;
  const start = floorToGrid(series.start, intervalMinutes);
  const lead = (series.start - start) / (series.intervalMinutes * MINUTE_MS);
  const count = Math.ceil((lead + series.values.length) / k);
  const values = new Array<number>(count);
  for (let j = 0; j < count; j++) {
    const from = Math.max(0, j * k - lead);
    const to = Math.min(series.values.length, (j + 1) * k - lead);
    values[j] = sum(series.values.slice(from, to));
  }
  return { start, intervalMinutes, values };
}

/**
 * Coarser → finer: each coarse value is split over its sub-intervals in proportion to `profile`.
 * `profile` is either one weight per sub-interval (reused for every coarse interval) or one weight per
 * fine interval of the whole result. A group whose weights sum to zero is split flat. Default: flat.
 */
export function disaggregate(series: Series, intervalMinutes: IntervalMinutes, profile?: readonly number[]): Series {
  if (series.intervalMinutes % intervalMinutes !== 0) {
    throw new RangeError(`cannot split ${series.intervalMinutes}-minute intervals into ${intervalMinutes}-minute ones`);
  }
  const k = series.intervalMinutes / intervalMinutes;
  const n = series.values.length;
  if (profile && profile.length !== k && profile.length !== n * k) {
    throw new RangeError(`profile must have ${k} weights (one per sub-interval) or ${n * k} (one per result interval)`);
  }
  if (profile?.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new RangeError('profile weights must be finite and ≥ 0');
  const values = new Array<number>(n * k);
  for (let j = 0; j < n; j++) {
    const offset = profile && profile.length === n * k ? j * k : 0;
    let total = 0;
    if (profile) for (let i = 0; i < k; i++) total += profile[offset + i]!;
    const v = series.values[j]!;
    for (let i = 0; i < k; i++) {
      values[j * k + i] = profile && total > 0 ? v * (profile[offset + i]! / total) : v / k;
    }
  }
  return { start: series.start, intervalMinutes, values };
}
