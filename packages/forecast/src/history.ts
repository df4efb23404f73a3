import {
  addDays,
  DAY_MS,
  floorToGrid,
  INTERVAL_MINUTES,
  InputError,
  type InputIssue,
  type IntervalMinutes,
  isOnGrid,
  isTimeZone,
  localDateOf,
  localDayBounds,
  MINUTE_MS,
} from '@allhours/core';
import { markSpecialDays, openFromHours } from './calendar.js';
import type { ContactRecord, IntervalRecord } from './parse.js';
import type { OpenHours, SpecialDay } from './schema.js';
import { makeTimeline, type Timeline } from './timeline.js';

/**
 * History on a dense grid: `volume[i]` is NaN where data is missing (an open slot with no record) and 0
 * where the center is closed. `open` says per local slot-of-week whether the center takes contacts.
 */
export interface History extends Timeline {
  volume: Float64Array;
  /** Mean handle time per position (NaN where unknown), or undefined when the history has none. */
  ahtSeconds: Float64Array | undefined;
  open: Uint8Array;
  openHoursSource: 'given' | 'inferred';
  /** Open positions without data. */
  missingCount: number;
  specialDays: readonly SpecialDay[];
}

export interface HistoryOptions {
  timeZone: string;
  /** Grid of the result; the records' own grid when absent (finer records are summed into it). */
  intervalMinutes?: IntervalMinutes | undefined;
  specialDays?: readonly SpecialDay[] | undefined;
  openHours?: OpenHours | undefined;
  /** Keep only records of this channel; required when records carry more than one. */
  channel?: string | undefined;
  /** Prefix for error messages (a file name, `history.intervals`). */
  source?: string | undefined;
  /** Least history, in days, the models need (two weeks for weekly seasonality). */
  minDays?: number;
}

export const MIN_HISTORY_DAYS = 14;

function selectChannel<R extends { channel?: string | undefined }>(records: R[], options: HistoryOptions): R[] {
  if (!isTimeZone(options.timeZone)) {
    throw new InputError([{ path: 'timeZone', message: `unknown IANA time zone "${options.timeZone}"` }]);
  }
  const channels = [...new Set(records.map((r) => r.channel).filter((c): c is string => c !== undefined))];
  if (options.channel !== undefined) {
    if (!channels.includes(options.channel)) {
      throw new InputError([
        {
          path: 'channel',
          message: `"${options.channel}" is not in the history (channels: ${channels.join(', ') || 'none'})`,
        },
      ]);
    }
    return records.filter((r) => r.channel === options.channel);
  }
  if (channels.length > 1) {
    throw new InputError([
      { path: 'channel', message: `the history has channels ${channels.join(', ')}: name the one to forecast` },
    ]);
  }
  return records;
}

function finish(
  timeline: Timeline,
  volume: Float64Array,
  ahtSeconds: Float64Array | undefined,
  options: HistoryOptions,
): History {
  const perWeek = (7 * 1440) / timeline.intervalMinutes;
  const spanDays = (timeline.count * timeline.intervalMinutes * MINUTE_MS) / DAY_MS;
  const minDays = options.minDays ?? MIN_HISTORY_DAYS;
  if (spanDays < minDays - 1e-9) {
    throw new InputError(
      [
        {
          path: 'history',
          message: `covers ${spanDays.toFixed(1)} days; weekly models need at least ${minDays} days`,
        },
      ],
      options.source,
    );
  }
  let open: Uint8Array;
  let openHoursSource: 'given' | 'inferred';
  if (options.openHours) {
    open = openFromHours(options.openHours, timeline.intervalMinutes);
    openHoursSource = 'given';
  } else {
    // A slot-of-week with no contact in the whole history is closed; zeros elsewhere are real zeros.
    open = new Uint8Array(perWeek);
    for (let i = 0; i < timeline.count; i++) if (volume[i]! > 0) open[timeline.slot[i]!] = 1;
    openHoursSource = 'inferred';
  }
  if (!open.some((o) => o === 1)) {
    throw new InputError([{ path: 'history', message: 'has no contacts in any open slot' }], options.source);
  }
  let missingCount = 0;
  for (let i = 0; i < timeline.count; i++) {
    if (!open[timeline.slot[i]!]) volume[i] = 0;
    else if (Number.isNaN(volume[i]!)) missingCount++;
  }
  const marked = markSpecialDays(timeline, options.specialDays ?? []);
  return {
    ...marked,
    volume,
    ahtSeconds,
    open,
    openHoursSource,
    missingCount,
    specialDays: options.specialDays ?? [],
  };
}

/** Interval records (any order) → dense history. Duplicate starts and off-grid starts are input errors. */
export function historyFromIntervals(records: IntervalRecord[], options: HistoryOptions): History {
  const rows = selectChannel(records, options).slice();
  if (rows.length === 0) throw new InputError([{ path: 'history', message: 'has no intervals' }], options.source);
  rows.sort((a, b) => a.start - b.start);
  const issues: InputIssue[] = [];
  let nativeMs = Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i]!.start - rows[i - 1]!.start;
    if (gap === 0) {
      issues.push({
        path: `${rows[i]!.where ?? `[${i}]`}.start`,
        message: `duplicate interval: same start as ${rows[i - 1]!.where ?? 'another row'}`,
      });
    } else nativeMs = Math.min(nativeMs, gap);
  }
  if (issues.length) throw new InputError(issues.slice(0, 20), options.source);
  const nativeMinutes = (Number.isFinite(nativeMs) ? nativeMs : 30 * MINUTE_MS) / MINUTE_MS;
  const native = INTERVAL_MINUTES.filter((m) => m <= nativeMinutes && nativeMinutes % m === 0).at(-1);
  if (native === undefined) {
    throw new InputError([{ path: 'history', message: `intervals are ${nativeMinutes} minutes apart: not a grid` }]);
  }
  const target = options.intervalMinutes ?? native;
  if (target < native || target % native !== 0) {
    throw new InputError([
      { path: 'intervalMinutes', message: `${target}-minute forecast cannot be built from ${native}-minute history` },
    ]);
  }
  for (const r of rows) {
    if (!isOnGrid(r.start, native)) {
      issues.push({ path: `${r.where ?? '?'}.start`, message: `not on the ${native}-minute grid` });
    }
  }
  if (issues.length) throw new InputError(issues.slice(0, 20), options.source);
  const step = target * MINUTE_MS;
  const start = floorToGrid(rows[0]!.start, target);
  const end = rows.at(-1)!.start + native * MINUTE_MS;
  const count = Math.ceil((end - start) / step);
  const volume = new Float64Array(count).fill(Number.NaN);
  const hasAht = rows.some((r) => r.ahtSeconds !== undefined);
  const ahtSum = hasAht ? new Float64Array(count) : undefined;
  const ahtWeight = hasAht ? new Float64Array(count) : undefined;
  for (const r of rows) {
    const i = Math.floor((r.start - start) / step);
    volume[i] = (Number.isNaN(volume[i]!) ? 0 : volume[i]!) + r.volume;
    if (r.ahtSeconds !== undefined && ahtSum && ahtWeight && r.volume > 0) {
      ahtSum[i] += r.ahtSeconds * r.volume;
      ahtWeight[i] += r.volume;
    }
  }
  const aht =
    ahtSum && ahtWeight ? ahtSum.map((s, i) => (ahtWeight[i]! > 0 ? s / ahtWeight[i]! : Number.NaN)) : undefined;
  return finish(makeTimeline(start, count, target, options.timeZone), volume, aht, options);
}

/** Contact records → counts per interval over the local days they span (a day without contacts counts zero). */
export function historyFromContacts(records: ContactRecord[], options: HistoryOptions): History {
  const rows = selectChannel(records, options);
  if (rows.length === 0) throw new InputError([{ path: 'history', message: 'has no contacts' }], options.source);
  const target = options.intervalMinutes ?? 30;
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const r of rows) {
    first = Math.min(first, r.timestamp);
    last = Math.max(last, r.timestamp);
  }
  const step = target * MINUTE_MS;
  const start = floorToGrid(localDayBounds(localDateOf(first, options.timeZone), options.timeZone)[0], target);
  const endDay = addDays(localDateOf(last, options.timeZone), 1);
  const end = localDayBounds(endDay, options.timeZone)[0];
  const count = Math.ceil((end - start) / step);
  const volume = new Float64Array(count);
  const hasAht = rows.some((r) => r.handleSeconds !== undefined);
  const ahtSum = hasAht ? new Float64Array(count) : undefined;
  const ahtCount = hasAht ? new Float64Array(count) : undefined;
  for (const r of rows) {
    const i = Math.floor((r.timestamp - start) / step);
    volume[i]! += 1;
    if (r.handleSeconds !== undefined && ahtSum && ahtCount) {
      ahtSum[i]! += r.handleSeconds;
      ahtCount[i]! += 1;
    }
  }
  const aht = ahtSum && ahtCount ? ahtSum.map((s, i) => (ahtCount[i]! > 0 ? s / ahtCount[i]! : Number.NaN)) : undefined;
  return finish(makeTimeline(start, count, target, options.timeZone), volume, aht, options);
}

/** The history up to (not including) position `end`, sharing arrays. */
export function historyBefore(h: History, end: number): History {
  return {
    ...h,
    count: end,
    slot: h.slot.subarray(0, end),
    day: h.day.subarray(0, end),
    special: h.special.subarray(0, end),
    volume: h.volume.subarray(0, end),
    ahtSeconds: h.ahtSeconds?.subarray(0, end),
  };
}
