import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { forecastFromHistory, historyFromIntervals, type IntervalRecord, MODEL_NAMES } from '../src/index.js';
import { profileAt, syntheticIntervals } from './synthetic.js';

const START = Date.UTC(2026, 0, 5); // Monday
const HOUR = 3_600_000;
const ZONES = ['UTC', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata'];

/** Three weeks of hourly history with arbitrary non-negative counts. */
const historyArb = fc.record({
  values: fc.array(fc.nat({ max: 60 }), { minLength: 21 * 24, maxLength: 21 * 24 }),
  zone: fc.constantFrom(...ZONES),
  model: fc.constantFrom(...MODEL_NAMES),
});

function records(values: number[]): IntervalRecord[] {
  return values.map((volume, i) => ({ start: START + i * HOUR, volume }));
}

const run = (values: number[], zone: string, model: (typeof MODEL_NAMES)[number], quantiles = [0.1, 0.5, 0.9]) =>
  forecastFromHistory(historyFromIntervals(records(values), { timeZone: zone }), { model, horizonDays: 2, quantiles });

describe('forecast properties', () => {
  prop.prop([historyArb], { numRuns: 12 })(
    'forecasts are finite and non-negative; quantiles are ordered',
    ({ values, zone, model }) => {
      const r = run(values, zone, model, [0.05, 0.1, 0.5, 0.8, 0.9, 0.99]);
      expect(r.intervals.length).toBe(48);
      for (const it of r.intervals) {
        expect(Number.isFinite(it.volume) && it.volume >= 0).toBe(true);
        const qs = Object.values(it.quantiles);
        qs.forEach((q, k) => {
          expect(Number.isFinite(q) && q >= 0).toBe(true);
          if (k > 0) expect(q).toBeGreaterThanOrEqual(qs[k - 1]!);
        });
      }
    },
  );

  prop.prop([historyArb, fc.constantFrom(0.5, 3, 7.25)], { numRuns: 10 })(
    'scaling the history by c scales the forecast by c (and its quantiles, when calibrated on backtests)',
    ({ values, zone, model }, c) => {
      const base = run(values, zone, model);
      const scaled = run(
        values.map((v) => v * c),
        zone,
        model,
      );
      // A Poisson fallback (too few backtest residuals) is a count model and cannot scale.
      const calibrated = base.calibration.every((k) => k.method === 'backtest');
      expect(scaled.calibration).toEqual(base.calibration);
      base.intervals.forEach((it, i) => {
        expect(scaled.intervals[i]!.volume).toBeCloseTo(it.volume * c, 1);
        if (calibrated) expect(scaled.intervals[i]!.quantiles['0.9']).toBeCloseTo(it.quantiles['0.9']! * c, 1);
      });
    },
  );

  prop.prop([fc.integer({ min: 1, max: 500 }), fc.constantFrom(...ZONES), fc.constantFrom(...MODEL_NAMES)], {
    numRuns: 12,
  })('a constant history forecasts that constant, with no spread', (level, zone, model) => {
    const r = run(new Array(21 * 24).fill(level), zone, model);
    for (const it of r.intervals) {
      expect(it.volume).toBeCloseTo(level, 6);
      expect(it.quantiles['0.1']).toBeCloseTo(level, 6);
      expect(it.quantiles['0.9']).toBeCloseTo(level, 6);
    }
  });
});

describe('DST', () => {
  test.each(MODEL_NAMES)('%s keeps the local 09:00 peak through the autumn and spring clock changes', (model) => {
    const zone = 'Europe/Amsterdam';
    // Six weeks of 30-minute history ending just before the 2026-10-25 fall-back, forecast across it.
    const start = Date.UTC(2026, 8, 13, 22); // 2026-09-14 00:00 local (Monday)
    const history = historyFromIntervals(
      syntheticIntervals({ startMs: start, days: 41, intervalMinutes: 30, timeZone: zone }),
      {
        timeZone: zone,
      },
    );
    const r = forecastFromHistory(history, { model, horizonDays: 7 });
    expect(r.origin).toBe('2026-10-25T00:00:00.000+02:00');
    // The DST day has 50 half hours; the week has 7·48 + 2.
    expect(r.intervals.length).toBe(7 * 48 + 2);
    const byDay = new Map<string, { volume: number; start: string }[]>();
    for (const it of r.intervals) {
      const day = it.start.slice(0, 10);
      byDay.set(day, [...(byDay.get(day) ?? []), it]);
    }
    for (const [, list] of byDay) {
      const peak = list.reduce((a, b) => (b.volume > a.volume ? b : a));
      expect(peak.start.slice(11, 16)).toBe('09:00');
    }
    // Noise-free history: the forecast is the local profile itself, before and after the change.
    for (const it of r.intervals) {
      const local = new Date(`${it.start.slice(0, 19)}Z`);
      const weekday = (local.getUTCDay() + 6) % 7;
      const slot = weekday * 48 + local.getUTCHours() * 2 + local.getUTCMinutes() / 30;
      expect(it.volume).toBeCloseTo(profileAt(slot, 30), 3);
    }
  });
});
