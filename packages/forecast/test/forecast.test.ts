import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deadlineIn, InputError } from '@allhours/core';
import { describe, expect, test } from 'vitest';
import {
  AccuracyAccumulator,
  backtest,
  calibrateQuantiles,
  forecast,
  forecastFromHistory,
  historyFromIntervals,
  intradayReforecast,
  normalQuantile,
  seasonalNaiveScale,
  wape,
} from '../src/index.js';
import { profileAt, syntheticIntervals } from './synthetic.js';

const START = Date.UTC(2026, 0, 5); // Monday
const iso = (ms: number) => new Date(ms).toISOString();

describe('forecast(request): the JSON contract', () => {
  test('inline intervals with handle times → mean, quantiles and AHT per interval', async () => {
    const records = syntheticIntervals({ startMs: START, days: 28, intervalMinutes: 30, timeZone: 'UTC', seed: 1 });
    const r = await forecast({
      history: { intervals: records.map((x) => ({ start: iso(x.start), volume: x.volume, ahtSeconds: 300 })) },
      timeZone: 'Europe/Amsterdam',
      intervalMinutes: 30,
      horizonDays: 1,
      quantiles: [0.1, 0.5, 0.9],
    });
    expect(r.model).toMatch(/^auto\(/);
    expect(r.timeZone).toBe('Europe/Amsterdam');
    expect(r.intervalMinutes).toBe(30);
    expect(r.origin).toBe('2026-02-02T01:00:00.000+01:00');
    expect(r.intervals).toHaveLength(48);
    const first = r.intervals[0]!;
    expect(Object.keys(first.quantiles)).toEqual(['0.1', '0.5', '0.9']);
    expect(first.ahtSeconds).toBeCloseTo(300, 6);
    expect(r.selection.map((c) => c.bucket)).toEqual(['day-ahead', 'later']);
  });

  test('a CSV file of contacts, relative to baseDir; a given special-day multiplier scales that day', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'forecast-'));
    const lines = ['timestamp,handleSeconds'];
    for (let d = 0; d < 21; d++) {
      for (let h = 8; h < 18; h++)
        for (let k = 0; k < 4; k++) lines.push(`${iso(START + d * 86_400_000 + h * 3_600_000 + k * 600_000)},180`);
    }
    await writeFile(join(dir, 'contacts.csv'), `${lines.join('\n')}\n`);
    const request = {
      history: { file: 'contacts.csv', format: 'contacts' as const },
      timeZone: 'UTC',
      intervalMinutes: 60 as const,
      horizonDays: 2,
      specialDays: [{ date: '2026-01-27', label: 'outage', multiplier: 0.3 }],
      model: 'week-mean' as const,
    };
    const r = await forecast(request, { baseDir: dir });
    expect(r.openHours.source).toBe('inferred');
    expect(r.openHours.windows).toEqual([
      { days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'], from: '08:00', to: '18:00' },
    ]);
    const at = (day: string, hour: string) => r.intervals.find((i) => i.start.startsWith(`${day}T${hour}`))!;
    expect(at('2026-01-26', '09').volume).toBeCloseTo(4, 6);
    expect(at('2026-01-27', '09').volume).toBeCloseTo(1.2, 6);
    expect(at('2026-01-27', '02').volume).toBe(0); // closed
    expect(r.specialDays).toEqual([{ label: 'outage', multiplier: 0.3, source: 'given', intervals: 0 }]);
  });

  test('a recurring special-day label gets its effect estimated from the history', () => {
    const records = syntheticIntervals({ startMs: START, days: 35, intervalMinutes: 60, timeZone: 'UTC' });
    const holidays = ['2026-01-14', '2026-01-22'];
    for (const r of records) if (holidays.includes(iso(r.start).slice(0, 10))) r.volume *= 0.5;
    const history = historyFromIntervals(records, {
      timeZone: 'UTC',
      specialDays: [...holidays, '2026-02-11'].map((date) => ({ date, label: 'holiday' })),
    });
    const r = forecastFromHistory(history, { model: 'week-mean', horizonDays: 7 });
    expect(r.specialDays[0]!.multiplier).toBeCloseTo(0.5, 6);
    const wed = r.intervals.find((i) => i.start.startsWith('2026-02-11T09'))!;
    expect(wed.volume).toBeCloseTo(0.5 * profileAt(2 * 24 + 9, 60), 6);
  });

  test('intraday reforecast: a busy morning lifts the rest of the day', () => {
    const records = syntheticIntervals({ startMs: START, days: 28 + 0.5, intervalMinutes: 60, timeZone: 'UTC' });
    const today = records.slice(28 * 24);
    for (const r of today) r.volume *= 1.5; // the morning ran 50 % above profile
    const history = historyFromIntervals(records, { timeZone: 'UTC' });
    const r = forecastFromHistory(history, { model: 'week-mean', horizonDays: 1 });
    expect(r.origin).toBe('2026-02-02T12:00:00.000Z');
    expect(r.intradayFactor).toBeGreaterThan(1.2);
    expect(r.intradayFactor).toBeLessThan(1.5);
    const noon = r.intervals[0]!;
    expect(noon.volume).toBeCloseTo(profileAt(12, 60) * r.intradayFactor!, 2);
    // Tomorrow is not touched.
    const tomorrow = r.intervals.find((i) => i.start.startsWith('2026-02-03T09'))!;
    expect(tomorrow.volume).toBeCloseTo(profileAt(24 + 9, 60), 6);
  });

  test('an origin after the end of the history forecasts from there', () => {
    const history = historyFromIntervals(
      syntheticIntervals({ startMs: START, days: 21, intervalMinutes: 60, timeZone: 'UTC' }),
      {
        timeZone: 'UTC',
      },
    );
    const origin = START + 23 * 86_400_000;
    const r = forecastFromHistory(history, { origin, horizonDays: 1, model: 'regression' });
    expect(r.origin).toBe('2026-01-28T00:00:00.000Z');
    expect(r.intervals).toHaveLength(24);
    expect(r.intervals[9]!.volume).toBeCloseTo(profileAt(2 * 24 + 9, 60), 6);
  });

  test('bad input names the field', async () => {
    await expect(forecast({ history: { intervals: [] }, timeZone: 'UTC', model: 'magic' })).rejects.toThrow(/model/);
    await expect(forecast({ history: { file: 'nope.csv' }, timeZone: 'UTC' }, { baseDir: tmpdir() })).rejects.toThrow(
      /history\.file: .*nope\.csv: file not found/,
    );
    const records = syntheticIntervals({ startMs: START, days: 21, intervalMinutes: 60, timeZone: 'UTC' });
    const req = {
      history: { intervals: records.map((x) => ({ start: iso(x.start), volume: x.volume })) },
      timeZone: 'UTC',
    };
    await expect(forecast({ ...req, origin: '2026-01-06T00:00:00Z' })).rejects.toThrow(InputError);
    await expect(forecast({ ...req, origin: 'soon' })).rejects.toThrow(/origin/);
    await expect(forecast({ ...req, origin: '2027-01-01T00:00:00Z' })).rejects.toThrow(
      /origin: is more than 28 days after/,
    );
  });
});

describe('metrics and backtest', () => {
  test('WAPE, bias, MASE, coverage and pinball on a hand-checked example', () => {
    const acc = new AccuracyAccumulator();
    acc.add(10, 12, 4, [11, 13], [{ q: 0.9, value: 11 }]);
    acc.add(20, 17, 4, [15, 25], [{ q: 0.9, value: 25 }]);
    acc.add(Number.NaN, 5, 4); // missing actual: skipped
    const m = acc.result(0.8);
    expect(m.count).toBe(2);
    expect(m.wape).toBeCloseTo(5 / 30, 12);
    expect(m.bias).toBeCloseTo(-1 / 30, 12);
    expect(m.mase).toBeCloseTo(5 / 8, 12);
    expect(m.rmse).toBeCloseTo(Math.sqrt((4 + 9) / 2), 12);
    expect(m.coverage).toEqual({ nominal: 0.8, observed: 0.5, meanWidth: 6 });
    expect(m.pinball).toBeCloseTo((0.1 * 1 + 0.1 * 5) / 2, 12);
    expect(wape([10, 20], [12, 17])).toBeCloseTo(5 / 30, 12);
    expect(seasonalNaiveScale([1, 2, 3, 5], 2)).toBe(2.5);
  });

  test('quantile calibration recovers a Poisson spread', () => {
    const residuals = [];
    // Exact quantiles of a normal approximation to Poisson(μ) at many levels, as if observed.
    for (const mean of [5, 20, 80])
      for (let k = 1; k < 100; k++) residuals.push({ mean, actual: mean + normalQuantile(k / 100) * Math.sqrt(mean) });
    const cal = calibrateQuantiles(residuals, 10);
    // The 1…99 % grid has a little less variance than the full normal (0.92 of it).
    expect(cal.a * 10).toBeGreaterThan(0.85);
    expect(cal.a * 10).toBeLessThan(1.05);
    expect(cal.b).toBeLessThan(0.01);
  });

  test('rolling-origin backtest scores day- and week-ahead with ~80 % coverage on Poisson data', () => {
    const records = syntheticIntervals({ startMs: START, days: 70, intervalMinutes: 60, timeZone: 'UTC', seed: 3 });
    const history = historyFromIntervals(records, { timeZone: 'UTC' });
    // What knowing the true rates would score over the same four weeks: the noise floor.
    const scored = records.slice(-28 * 24);
    const oracle = wape(
      scored.map((r) => r.volume),
      scored.map((r) => profileAt(history.slot[(r.start - history.start) / 3_600_000]!, 60)),
    );
    const r = backtest(history, { model: 'regression', origins: 4 });
    expect(r.completedOrigins).toBe(4);
    const week = r.horizons['week-ahead'];
    expect(week.count).toBe(4 * 7 * 24);
    expect(r.horizons['day-ahead'].count).toBe(4 * 24);
    expect(week.wape).toBeLessThan(oracle * 1.2);
    expect(week.coverage!.observed).toBeGreaterThan(0.7);
    expect(week.coverage!.observed).toBeLessThan(0.9);
    const naive = backtest(history, { model: 'seasonal-naive', origins: 4 });
    expect(week.wape).toBeLessThan(naive.horizons['week-ahead'].wape);
  });

  test('backtest reports progress and stops at its time limit', () => {
    const history = historyFromIntervals(
      syntheticIntervals({ startMs: START, days: 35, intervalMinutes: 60, timeZone: 'UTC', seed: 4 }),
      {
        timeZone: 'UTC',
      },
    );
    const stages: string[] = [];
    const progress = {
      update: (stage: string) => stages.push(stage),
      done: (stage: string) => stages.push(`${stage} done`),
    };
    const full = backtest(history, { model: 'week-mean', origins: 3, progress });
    expect(full.completedOrigins).toBe(3);
    expect(stages).toEqual(['backtest', 'backtest', 'backtest', 'backtest done']);
    const cut = backtest(history, { model: 'auto', origins: 3, deadline: deadlineIn(0) });
    expect(cut.timedOut).toBe(true);
    expect(cut.completedOrigins).toBe(0);
  });

  test('intradayReforecast scales only the rest of the day', () => {
    const out = intradayReforecast([10, 10, 10, 10], [20, 20]);
    expect(out).toHaveLength(2);
    expect(out[0]).toBeCloseTo((10 * (8 + 40)) / (8 + 20), 12);
  });
});
