import { type Deadline, formatLocal, type Progress, silentProgress } from '@allhours/core';
import { type ForecasterOptions, fitForecaster } from './forecaster.js';
import { type History, historyBefore } from './history.js';
import { AccuracyAccumulator, type AccuracyMetrics, seasonalNaiveScale } from './metrics.js';
import { rollingOrigins } from './origins.js';
import { firstPositionOfDay, positionStart, sliceTimeline } from './timeline.js';

export interface BacktestOptions extends ForecasterOptions {
  /** Number of rolling origins (local midnights), newest last. */
  origins?: number;
  /** Days between origins: 7 = weekly, 1 = daily. */
  spacingDays?: number;
  /** Days forecast from each origin; week-ahead is scored over all of them. */
  horizonDays?: number;
  /** Quantiles to forecast; the lowest and highest bound the interval whose coverage is reported. */
  quantiles?: number[];
  /** Score intervals on special days too (default true: they happen, staffing must live with them). */
  scoreSpecialDays?: boolean;
  /** Training days required before the first origin. */
  minTrainDays?: number;
  progress?: Progress;
  deadline?: Deadline | undefined;
}

export interface BacktestReport {
  model: string;
  /** Origins planned and completed (fewer when the time limit ran out). */
  origins: number;
  completedOrigins: number;
  firstOrigin?: string | undefined;
  lastOrigin?: string | undefined;
  horizons: { 'day-ahead': AccuracyMetrics; 'week-ahead': AccuracyMetrics };
  timedOut: boolean;
}

/**
 * Rolling-origin evaluation (fpp3 §5.10): at each origin refit on the history before it, forecast
 * `horizonDays`, score against what happened. Day-ahead = the first local day after each origin,
 * week-ahead = all `horizonDays`. MASE is scaled by the in-sample weekly seasonal-naive MAE of each origin's
 * own training history.
 */
export function backtest(history: History, options: BacktestOptions = {}): BacktestReport {
  const progress = options.progress ?? silentProgress;
  const horizonDays = options.horizonDays ?? 7;
  const quantiles = (options.quantiles ?? [0.1, 0.5, 0.9]).slice().sort((a, b) => a - b);
  const origins = rollingOrigins(history, {
    count: options.origins ?? 8,
    spacingDays: options.spacingDays ?? 7,
    horizonDays,
    minTrainDays: options.minTrainDays ?? 14,
  });
  const perWeek = history.open.length;
  const day = new AccuracyAccumulator();
  const week = new AccuracyAccumulator();
  const nominal = quantiles.length >= 2 ? quantiles.at(-1)! - quantiles[0]! : undefined;
  let model: string = options.model ?? 'auto';
  let completed = 0;
  let timedOut = false;
  for (const o of origins) {
    if (options.deadline?.expired()) {
      timedOut = true;
      break;
    }
    progress.update('backtest', completed / origins.length, `origin ${completed + 1}/${origins.length}`);
    const hb = historyBefore(history, o.position);
    const fc = fitForecaster(hb, options);
    model = fc.model;
    const end = Math.min(history.count, firstPositionOfDay(history, o.day + horizonDays));
    const target = sliceTimeline(history, o.position, end);
    const dist = fc.predict(target, quantiles);
    const scale = seasonalNaiveScale(
      hb.volume,
      perWeek,
      Math.max(0, hb.count - 52 * perWeek),
      (i) => hb.open[hb.slot[i]!] === 1,
    );
    for (let i = 0; i < target.count; i++) {
      const p = o.position + i;
      if (!history.open[history.slot[p]!]) continue;
      if (options.scoreSpecialDays === false && history.special[p]! >= 0) continue;
      const actual = history.volume[p]!;
      const interval: [number, number] | undefined =
        nominal !== undefined ? [dist.quantiles[0]![i]!, dist.quantiles.at(-1)![i]!] : undefined;
      const qs = quantiles.map((q, k) => ({ q, value: dist.quantiles[k]![i]! }));
      week.add(actual, dist.volume[i]!, scale, interval, qs);
      if (target.day[i] === o.day) day.add(actual, dist.volume[i]!, scale, interval, qs);
    }
    completed++;
  }
  progress.done('backtest', `${completed}/${origins.length} origins`);
  return {
    model,
    origins: origins.length,
    completedOrigins: completed,
    firstOrigin: origins[0] ? formatLocal(positionStart(history, origins[0].position), history.timeZone) : undefined,
    lastOrigin: origins.at(-1)
      ? formatLocal(positionStart(history, origins.at(-1)!.position), history.timeZone)
      : undefined,
    horizons: { 'day-ahead': day.result(nominal), 'week-ahead': week.result(nominal) },
    timedOut,
  };
}
