import { deadlineIn, type Progress, parseInput, silentProgress } from '@allhours/core';
import { type BacktestReport, backtest } from './backtest.js';
import { type LoadOptions, loadHistory } from './forecast.js';
import { type BacktestRequest, backtestRequestSchema, type ModelName, type ParsedBacktestRequest } from './schema.js';

export interface BacktestResponse {
  timeZone: string;
  intervalMinutes: number;
  /** The requested model first, then the baselines scored on the same origins. */
  results: BacktestReport[];
}

/** `allhours backtest` end to end, for a request validated by `backtestRequestSchema`. */
export async function runBacktestRequest(
  parsed: ParsedBacktestRequest,
  options: LoadOptions & { progress?: Progress } = {},
): Promise<BacktestResponse> {
  const history = await loadHistory(parsed, options);
  const deadline = parsed.timeLimitSeconds !== undefined ? deadlineIn(parsed.timeLimitSeconds) : undefined;
  const models: ModelName[] = [parsed.model];
  if (parsed.baselines)
    for (const b of ['seasonal-naive', 'week-mean'] as const) if (!models.includes(b)) models.push(b);
  const results = models.map((model) =>
    backtest(history, {
      model,
      weeks: parsed.weeks,
      origins: parsed.origins,
      spacingDays: parsed.spacingDays,
      horizonDays: parsed.horizonDays,
      quantiles: parsed.quantiles,
      progress: options.progress ?? silentProgress,
      deadline,
    }),
  );
  return { timeZone: history.timeZone, intervalMinutes: history.intervalMinutes, results };
}

/** Validate then run a backtest request. */
export async function backtestRequest(
  request: BacktestRequest | unknown,
  options: LoadOptions & { progress?: Progress } = {},
): Promise<BacktestResponse> {
  return runBacktestRequest(parseInput(backtestRequestSchema, request), options);
}

/** A fixed-width table of a backtest response, one line per model and horizon. */
export function formatBacktestTable(response: BacktestResponse): string {
  const lines = [
    `${'model'.padEnd(40)} ${'horizon'.padEnd(10)} ${'WAPE'.padStart(6)} ${'MASE'.padStart(6)} ${'RMSE'.padStart(9)} ${'bias'.padStart(7)} ${'cover'.padStart(6)} ${'n'.padStart(7)}`,
  ];
  for (const r of response.results) {
    for (const h of ['day-ahead', 'week-ahead'] as const) {
      const m = r.horizons[h];
      lines.push(
        `${r.model.slice(0, 40).padEnd(40)} ${h.padEnd(10)} ${m.wape.toFixed(3).padStart(6)} ${m.mase.toFixed(3).padStart(6)} ${m.rmse.toFixed(2).padStart(9)} ${m.bias.toFixed(3).padStart(7)} ${(m.coverage ? m.coverage.observed.toFixed(3) : '-').padStart(6)} ${String(m.count).padStart(7)}`,
      );
    }
    if (r.timedOut) lines.push(`  (time limit: ${r.completedOrigins}/${r.origins} origins scored)`);
  }
  return `${lines.join('\n')}\n`;
}
