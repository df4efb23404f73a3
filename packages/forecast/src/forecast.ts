import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import {
  addDays,
  deadlineIn,
  formatLocal,
  InputError,
  localDateOf,
  localToInstant,
  MINUTE_MS,
  type Progress,
  parseInput,
  silentProgress,
} from '@allhours/core';
import { type BacktestReport, backtest } from './backtest.js';
import { describeOpenHours, markSpecialDays } from './calendar.js';
import { type BucketChoice, fitForecaster, HORIZON_BUCKETS } from './forecaster.js';
import { type History, historyBefore, historyFromContacts, historyFromIntervals, MIN_HISTORY_DAYS } from './history.js';
import {
  type ContactRecord,
  contactRecordsFromRows,
  type IntervalRecord,
  intervalRecordsFromRows,
  parseHistoryText,
  parseTimestamp,
} from './parse.js';
import { intradayFactor } from './reforecast.js';
import {
  type ForecastRequest,
  forecastRequestSchema,
  type ModelName,
  type OpenHours,
  type ParsedForecastRequest,
} from './schema.js';
import type { SpecialEffect } from './special.js';
import { firstPositionOfDay, makeTimeline, positionStart } from './timeline.js';

export interface ForecastInterval {
  /** ISO with the zone's offset at that instant. */
  start: string;
  /** Mean contacts in the interval. */
  volume: number;
  /** Quantile level as written in the request (`"0.1"`) → contacts. */
  quantiles: Record<string, number>;
  ahtSeconds?: number;
}

export interface ForecastResponse {
  /** What ran, with per-horizon choices under `auto`. */
  model: string;
  timeZone: string;
  intervalMinutes: number;
  channel?: string;
  origin: string;
  intervals: ForecastInterval[];
  /** Open hours used: given by the caller, or inferred from the history (slots that never saw a contact). */
  openHours: { source: 'given' | 'inferred'; windows: OpenHours };
  history: { start: string; end: string; intervals: number; missingIntervals: number };
  specialDays: SpecialEffect[];
  selection: BucketChoice[];
  /** How quantiles were calibrated per horizon bucket: on backtest residuals, or Poisson when too few. */
  calibration: { bucket: string; method: 'backtest' | 'poisson'; residuals: number }[];
  /** Factor applied to the rest of the origin's day from its actuals so far (intraday reforecast). */
  intradayFactor?: number;
  backtest?: BacktestReport;
}

export interface ForecastFromHistoryOptions {
  /** First forecast instant (epoch ms); the end of the history when absent. */
  origin?: number | undefined;
  horizonDays?: number;
  quantiles?: number[];
  model?: ModelName;
  weeks?: number;
  channel?: string | undefined;
  backtest?: boolean;
  timeLimitSeconds?: number | undefined;
  progress?: Progress;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/** How far past the end of the history an origin may lie: beyond this the forecast is a guess. */
const MAX_GAP_DAYS = 28;

/**
 * Forecast from a prepared history (the in-memory path: `allhours plan` and library callers). Trains on the
 * history before `origin`; an origin inside a day also reforecasts the rest of that day from its actuals.
 */
export function forecastFromHistory(history: History, options: ForecastFromHistoryOptions = {}): ForecastResponse {
  const progress = options.progress ?? silentProgress;
  const deadline = options.timeLimitSeconds !== undefined ? deadlineIn(options.timeLimitSeconds) : undefined;
  const step = history.intervalMinutes * MINUTE_MS;
  const historyEnd = positionStart(history, history.count);
  const origin = options.origin ?? historyEnd;
  const horizonDays = options.horizonDays ?? 7;
  const quantiles = options.quantiles ?? [0.1, 0.5, 0.9];
  if (origin % step !== 0) {
    throw new InputError([{ path: 'origin', message: `not on the ${history.intervalMinutes}-minute grid` }]);
  }
  const originPos = Math.round((origin - history.start) / step);
  if (originPos < (MIN_HISTORY_DAYS * 1440) / history.intervalMinutes) {
    throw new InputError([{ path: 'origin', message: `needs at least ${MIN_HISTORY_DAYS} days of history before it` }]);
  }
  if (origin > historyEnd + MAX_GAP_DAYS * 86_400_000) {
    throw new InputError([
      {
        path: 'origin',
        message: `is more than ${MAX_GAP_DAYS} days after the end of the history (${formatLocal(historyEnd, history.timeZone)})`,
      },
    ]);
  }
  // Fit at the start of the origin's local day when the history reaches into it: the day's actuals so far
  // then update the rest of it.
  const originDay = makeTimeline(origin, 1, history.intervalMinutes, history.timeZone).day[0]!;
  const dayStart = firstPositionOfDay(history, originDay);
  const trainEnd = Math.min(history.count, originPos, dayStart);
  const wallMinute = Math.round(
    (origin - localToInstant(localDateOf(origin, history.timeZone), 0, history.timeZone)) / MINUTE_MS,
  );
  const targetEnd = localToInstant(
    addDays(localDateOf(origin, history.timeZone), horizonDays),
    wallMinute,
    history.timeZone,
  );
  const targetStart = positionStart(history, trainEnd);
  const target = markSpecialDays(
    makeTimeline(targetStart, Math.round((targetEnd - targetStart) / step), history.intervalMinutes, history.timeZone),
    history.specialDays,
  );
  progress.update('forecast', 0, 'fitting');
  const fc = fitForecaster(historyBefore(history, trainEnd), {
    model: options.model ?? 'auto',
    weeks: options.weeks ?? 4,
    deadline,
  });
  const dist = fc.predict(target, quantiles);
  let factor: number | undefined;
  const observedToday = Math.min(history.count, originPos) - trainEnd;
  if (observedToday > 0) {
    let dayTotal = 0;
    for (let i = 0; i < target.count && target.day[i] === originDay; i++) dayTotal += dist.volume[i]!;
    factor = intradayFactor(dist.volume, history.volume.subarray(trainEnd, trainEnd + observedToday), dayTotal);
    for (let i = observedToday; i < target.count && target.day[i] === originDay; i++) {
      dist.volume[i]! *= factor;
      for (const q of dist.quantiles) q[i]! *= factor;
    }
  }
  const first = Math.round((origin - targetStart) / step);
  const intervals: ForecastInterval[] = [];
  for (let i = Math.max(0, first); i < target.count; i++) {
    const item: ForecastInterval = {
      start: formatLocal(targetStart + i * step, history.timeZone),
      volume: round(dist.volume[i]!),
      quantiles: Object.fromEntries(quantiles.map((q, k) => [String(q), round(dist.quantiles[k]![i]!)])),
    };
    if (dist.ahtSeconds) item.ahtSeconds = round(dist.ahtSeconds[i]!);
    intervals.push(item);
  }
  progress.done('forecast', fc.model);
  const response: ForecastResponse = {
    model: fc.model,
    timeZone: history.timeZone,
    intervalMinutes: history.intervalMinutes,
    ...(options.channel !== undefined ? { channel: options.channel } : {}),
    origin: formatLocal(origin, history.timeZone),
    intervals,
    openHours: { source: history.openHoursSource, windows: describeOpenHours(history.open, history.intervalMinutes) },
    history: {
      start: formatLocal(history.start, history.timeZone),
      end: formatLocal(historyEnd, history.timeZone),
      intervals: history.count,
      missingIntervals: history.missingCount,
    },
    specialDays: fc.specialEffects,
    selection: fc.choices,
    calibration: fc.calibration.map((c, b) => ({
      bucket: HORIZON_BUCKETS[b]!,
      method: c.method,
      residuals: c.residuals,
    })),
    ...(factor !== undefined ? { intradayFactor: round(factor) } : {}),
  };
  if (options.backtest) {
    response.backtest = backtest(historyBefore(history, trainEnd), {
      model: options.model ?? 'auto',
      weeks: options.weeks ?? 4,
      quantiles,
      progress,
      deadline,
    });
  }
  return response;
}

export interface LoadOptions {
  /** Directory that relative `history.file` paths resolve against. */
  baseDir?: string;
  /** Reads a file's text; node:fs by default. */
  readText?: (path: string) => Promise<string>;
}

async function defaultReadText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([
      {
        path: 'history.file',
        message: code === 'ENOENT' ? `${path}: file not found` : `${path}: cannot be read (${code})`,
      },
    ]);
  }
}

/** The history a validated request names (file, intervals or contacts), on the requested grid. */
export async function loadHistory(
  request: Pick<
    ParsedForecastRequest,
    'history' | 'timeZone' | 'intervalMinutes' | 'specialDays' | 'openHours' | 'channel'
  >,
  options: LoadOptions = {},
): Promise<History> {
  const { history: h, timeZone } = request;
  let records: IntervalRecord[] | ContactRecord[];
  let format = h.contacts ? 'contacts' : h.format;
  let source: string | undefined;
  if (h.file !== undefined) {
    const path = isAbsolute(h.file) ? h.file : resolve(options.baseDir ?? '.', h.file);
    source = h.file;
    records = parseHistoryText(await (options.readText ?? defaultReadText)(path), h.format, timeZone, h.file);
  } else if (h.contacts) {
    records = contactRecordsFromRows(h.contacts, timeZone, {
      wheres: h.contacts.map((_, i) => `history.contacts[${i}]`),
    });
  } else {
    format = 'intervals';
    const rows = h.intervals ?? [];
    records = intervalRecordsFromRows(rows, timeZone, { wheres: rows.map((_, i) => `history.intervals[${i}]`) });
  }
  const historyOptions = {
    timeZone,
    intervalMinutes: request.intervalMinutes,
    specialDays: request.specialDays,
    openHours: request.openHours,
    channel: request.channel,
    source,
  };
  return format === 'contacts'
    ? historyFromContacts(records as ContactRecord[], historyOptions)
    : historyFromIntervals(records as IntervalRecord[], historyOptions);
}

/**
 * The JSON contract end to end: validate the request (`forecastRequestSchema`), load its history, forecast.
 * Bad input throws an `InputError` naming the field, row or line.
 */
export async function forecast(
  request: ForecastRequest | unknown,
  options: LoadOptions & { progress?: Progress } = {},
): Promise<ForecastResponse> {
  return runForecastRequest(parseInput(forecastRequestSchema, request), options);
}

/** {@link forecast} for a request already validated by `forecastRequestSchema` (the CLI's path). */
export async function runForecastRequest(
  parsed: ParsedForecastRequest,
  options: LoadOptions & { progress?: Progress } = {},
): Promise<ForecastResponse> {
  const history = await loadHistory(parsed, options);
  let origin: number | undefined;
  if (parsed.origin !== undefined) {
    origin = parseTimestamp(parsed.origin, parsed.timeZone);
    if (origin === undefined)
      throw new InputError([{ path: 'origin', message: `"${parsed.origin}" is not a timestamp` }]);
  }
  return forecastFromHistory(history, {
    origin,
    horizonDays: parsed.horizonDays,
    quantiles: parsed.quantiles,
    model: parsed.model,
    weeks: parsed.weeks,
    channel: parsed.channel,
    backtest: parsed.backtest,
    timeLimitSeconds: parsed.timeLimitSeconds,
    progress: options.progress ?? silentProgress,
  });
}
