/** Accuracy of a set of forecasts against actuals (pairs with a missing actual are skipped). */
export interface AccuracyMetrics {
  /** Pairs scored. */
  count: number;
  /** Σ|e| / Σy. */
  wape: number;
  /** MAE over the in-sample MAE of the weekly seasonal naive forecast (Hyndman & Koehler 2006). */
  mase: number;
  rmse: number;
  mae: number;
  /** Σ(forecast − actual) / Σ actual: positive means over-forecast. */
  bias: number;
  /** Share of actuals inside the central interval, and its nominal level (e.g. 0.8 for p10–p90). */
  coverage?: { nominal: number; observed: number; meanWidth: number } | undefined;
  /** Mean pinball loss over the requested quantiles. */
  pinball?: number | undefined;
}

/** Pairs collected over origins, with what MASE needs. */
export class AccuracyAccumulator {
  private n = 0;
  private absSum = 0;
  private sqSum = 0;
  private errSum = 0;
  private actualSum = 0;
  private scaleSum = 0;
  private covered = 0;
  private widthSum = 0;
  private pinballSum = 0;
  private pinballCount = 0;

  /** `scale`: the in-sample seasonal-naive MAE of the history this forecast was fitted on. */
  add(
    actual: number,
    forecast: number,
    scale: number,
    interval?: [number, number],
    quantiles?: { q: number; value: number }[],
  ): void {
    if (!Number.isFinite(actual)) return;
    const e = forecast - actual;
    this.n++;
    this.absSum += Math.abs(e);
    this.sqSum += e * e;
    this.errSum += e;
    this.actualSum += actual;
    this.scaleSum += scale;
    if (interval) {
      if (actual >= interval[0] && actual <= interval[1]) this.covered++;
      this.widthSum += interval[1] - interval[0];
    }
    if (quantiles) {
      for (const { q, value } of quantiles) {
        const d = actual - value;
        this.pinballSum += Math.max(q * d, (q - 1) * d);
        this.pinballCount++;
      }
    }
  }

  result(nominal?: number): AccuracyMetrics {
    const n = this.n || 1;
    return {
      count: this.n,
      wape: this.actualSum > 0 ? this.absSum / this.actualSum : 0,
      mase: this.scaleSum > 0 ? this.absSum / this.scaleSum : 0,
      rmse: Math.sqrt(this.sqSum / n),
      mae: this.absSum / n,
      bias: this.actualSum > 0 ? this.errSum / this.actualSum : 0,
      coverage:
        nominal !== undefined ? { nominal, observed: this.covered / n, meanWidth: this.widthSum / n } : undefined,
      pinball: this.pinballCount ? this.pinballSum / this.pinballCount : undefined,
    };
  }
}

/** In-sample MAE of "same slot one week earlier" over a series (missing values and excluded positions skipped). */
export function seasonalNaiveScale(
  values: ArrayLike<number>,
  lag: number,
  from = 0,
  include: (i: number) => boolean = () => true,
): number {
  let sum = 0;
  let n = 0;
  for (let i = Math.max(from, lag); i < values.length; i++) {
    if (!include(i)) continue;
    const a = values[i]!;
    const b = values[i - lag]!;
    if (Number.isFinite(a) && Number.isFinite(b)) {
      sum += Math.abs(a - b);
      n++;
    }
  }
  return n ? sum / n : 0;
}

/** WAPE of forecast vs actual (missing actuals skipped). */
export function wape(actual: ArrayLike<number>, forecast: ArrayLike<number>): number {
  let abs = 0;
  let total = 0;
  for (let i = 0; i < actual.length; i++) {
    if (!Number.isFinite(actual[i]!)) continue;
    abs += Math.abs(forecast[i]! - actual[i]!);
    total += actual[i]!;
  }
  return total > 0 ? abs / total : 0;
}
