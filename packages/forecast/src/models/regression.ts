import { slotsPerDay } from '@allhours/core';
import type { History } from '../history.js';
import type { Timeline } from '../timeline.js';
import { isNormalObservation, type Model, type Predictor } from './model.js';

export interface RegressionOptions {
  /** Weeks of history the fit looks at. */
  windowWeeks?: number;
  /** Half-life of the observation weights, in weeks: recent weeks count more. */
  halfLifeWeeks?: number;
  /** Passes of a 1-2-1 smoother along the time of day (within a weekday): trades peak sharpness for less noise. */
  smoothPasses?: number;
  /** Fit a linear trend (per week, on the square-root scale). Off by default: on the bank data a trend
   * extrapolated a week ahead cost more than it caught; `auto` also tries a trended variant. */
  trend?: boolean;
}

/**
 * Weighted least squares on the square-root scale (variance-stabilising for counts):
 * √y = a[local weekday × time of day] + β·weeks + ε, weights halving every `halfLifeWeeks`.
 * The dummy design is solved by backfitting (alternating the slot effects and the trend), which reaches
 * the least-squares solution without forming the huge dummy matrix. Back on the count scale the mean is
 * (a + βx)² + Var(ε) per slot, the usual smearing correction for a square-root model.
 * Special days are left out (their effect is applied by label afterwards).
 */
export function regressionModel(options: RegressionOptions = {}): Model {
  const windowWeeks = options.windowWeeks ?? 24;
  const halfLife = options.halfLifeWeeks ?? 8;
  const smoothPasses = options.smoothPasses ?? 0;
  const useTrend = options.trend ?? false;
  return {
    name: `regression(${windowWeeks}w,hl=${halfLife}${smoothPasses ? `,smooth=${smoothPasses}` : ''}${useTrend ? ',trend' : ''})`,
    fit(history: History): Predictor {
      const perWeek = history.open.length;
      const perDay = slotsPerDay(history.intervalMinutes);
      const from = Math.max(0, history.count - windowWeeks * perWeek);
      const lastDay = history.count > 0 ? history.day[history.count - 1]! : 0;
      const idx: number[] = [];
      for (let i = from; i < history.count; i++) if (isNormalObservation(history, i)) idx.push(i);
      const n = idx.length;
      const z = new Float64Array(n);
      const x = new Float64Array(n);
      const w = new Float64Array(n);
      const s = new Int32Array(n);
      const decay = Math.log(2) / (7 * halfLife);
      for (let j = 0; j < n; j++) {
        const i = idx[j]!;
        z[j] = Math.sqrt(history.volume[i]!);
        x[j] = (history.day[i]! - lastDay) / 7;
        w[j] = Math.exp(decay * (history.day[i]! - lastDay));
        s[j] = history.slot[i]!;
      }
      const a = new Float64Array(perWeek);
      const wsum = new Float64Array(perWeek);
      let beta = 0;
      const iterations = useTrend ? 12 : 1;
      for (let it = 0; it < iterations; it++) {
        a.fill(0);
        wsum.fill(0);
        for (let j = 0; j < n; j++) {
          a[s[j]!]! += w[j]! * (z[j]! - beta * x[j]!);
          wsum[s[j]!]! += w[j]!;
        }
        for (let k = 0; k < perWeek; k++) a[k] = wsum[k]! > 0 ? a[k]! / wsum[k]! : 0;
        if (!useTrend) break;
        let num = 0;
        let den = 0;
        for (let j = 0; j < n; j++) {
          num += w[j]! * x[j]! * (z[j]! - a[s[j]!]!);
          den += w[j]! * x[j]! * x[j]!;
        }
        beta = den > 0 ? num / den : 0;
      }
      fillUnseen(a, wsum, history.open);
      for (let p = 0; p < smoothPasses; p++) smoothAlongDay(a, history.open, perDay);
      // Residual variance per slot for the back-transform, pooled with the slot's neighbours in the day.
      const v = new Float64Array(perWeek);
      const vw = new Float64Array(perWeek);
      for (let j = 0; j < n; j++) {
        const r = z[j]! - a[s[j]!]! - beta * x[j]!;
        v[s[j]!]! += w[j]! * r * r;
        vw[s[j]!]! += w[j]!;
      }
      for (let k = 0; k < perWeek; k++) v[k] = vw[k]! > 0 ? v[k]! / vw[k]! : 0;
      smoothAlongDay(v, history.open, perDay);
      return (target: Timeline) => {
        const out = new Float64Array(target.count);
        for (let i = 0; i < target.count; i++) {
          const k = target.slot[i]!;
          const m = Math.max(0, a[k]! + beta * ((target.day[i]! - lastDay) / 7));
          out[i] = m * m + v[k]!;
        }
        return out;
      };
    },
  };
}

/** Slots never observed on a normal day take the same time of day on other days. */
function fillUnseen(a: Float64Array, weight: Float64Array, open: Uint8Array): void {
  const perDay = a.length / 7;
  for (let k = 0; k < a.length; k++) {
    if (weight[k]! > 0 || !open[k]) continue;
    let sum = 0;
    let count = 0;
    for (let d = 0; d < 7; d++) {
      const o = d * perDay + (k % perDay);
      if (weight[o]! > 0) {
        sum += a[o]!;
        count++;
      }
    }
    a[k] = count > 0 ? sum / count : 0;
  }
}

/** One 1-2-1 pass along the time of day within each weekday, only between open slots. */
export function smoothAlongDay(values: Float64Array, open: Uint8Array, perDay: number): void {
  const copy = Float64Array.from(values);
  for (let k = 0; k < values.length; k++) {
    if (!open[k]) continue;
    const sod = k % perDay;
    let sum = 2 * copy[k]!;
    let weight = 2;
    if (sod > 0 && open[k - 1]) {
      sum += copy[k - 1]!;
      weight += 1;
    }
    if (sod < perDay - 1 && open[k + 1]) {
      sum += copy[k + 1]!;
      weight += 1;
    }
    values[k] = sum / weight;
  }
}
