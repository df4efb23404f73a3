/**
 * Forecast benchmark on real call-center data (when `../shared/data/callcenter/` is present) plus a speed
 * check on synthetic data. Every baseline is computed in the same run with the same harness.
 *
 *   npx --yes pnpm@10 bench:forecast [-- --data <dir>] [-- --quick]
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRandom, type IntervalMinutes, MINUTE_MS, slotIndexes } from '@allhours/core';
import {
  type BacktestOptions,
  type BacktestReport,
  backtest,
  firstPositionOfDay,
  fitForecaster,
  type History,
  historyBefore,
  historyFromIntervals,
  type IntervalRecord,
  intradayFactor,
  type Model,
  type ModelName,
  makeTimeline,
  readCsv,
  sliceTimeline,
} from '@allhours/forecast';
import { ISRAELI_HOLIDAYS_1999 } from './israeli-holidays.js';
import { loadMstl } from './mstl.js';

const args = process.argv.slice(2);
const dataArg = args.indexOf('--data');
const dataDir =
  dataArg >= 0 ? args[dataArg + 1]! : fileURLToPath(new URL('../../../../shared/data/callcenter/', import.meta.url));
const quick = args.includes('--quick');

function israeliRecords(): IntervalRecord[] {
  const t = readCsv(readFileSync(`${dataDir}/anonymous_bank_1999_30min.csv`, 'utf8'));
  const col = (n: string) => t.header.indexOf(n);
  const [date, start, calls, imputed] = [col('date'), col('start'), col('calls'), col('imputed')];
  // 1999-05-23 holds imputed (fractional) values: treated as missing, as the data README advises.
  return t.rows
    .filter((r) => r.cells[imputed] !== '1')
    .map((r) => ({ start: Date.parse(`${r.cells[date]}T${r.cells[start]}:00Z`), volume: Number(r.cells[calls]) }));
}

function usRecords(): IntervalRecord[] {
  const t = readCsv(readFileSync(`${dataDir}/us_bank_2003_5min.csv`, 'utf8'));
  return t.rows.map((r) => ({ start: Date.parse(r.cells[1]!), volume: Number(r.cells[2]) }));
}

const pad = (s: string, n: number) => s.padEnd(n);
const f3 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '  -  ' : v.toFixed(3));
const f4 = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '  -  ' : v.toFixed(4));

function row(name: string, r: BacktestReport, horizon: 'day-ahead' | 'week-ahead', seconds: number): string {
  const m = r.horizons[horizon];
  return `  ${pad(name, 34)} ${pad(horizon, 10)} WAPE ${f3(m.wape)}  MASE ${f3(m.mase)}  RMSE ${m.rmse.toFixed(2).padStart(7)}  bias ${(m.bias >= 0 ? '+' : '') + m.bias.toFixed(3)}  cover80 ${f3(m.coverage?.observed)}  n ${String(m.count).padStart(5)}  ${seconds.toFixed(2)}s  [${r.model}]`;
}

function timed<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const out = fn();
  return [out, (performance.now() - t0) / 1000];
}

interface Case {
  name: string;
  model: ModelName;
  history: History;
  /** A model from outside the package (MSTL): scored for its point forecast only. */
  candidates?: Model[];
}

function evaluate(
  title: string,
  cases: Case[],
  weekly: BacktestOptions,
  daily: BacktestOptions,
  horizons: ('day-ahead' | 'week-ahead')[],
): Map<string, { week?: BacktestReport; day?: BacktestReport; weekSeconds: number }> {
  console.log(`\n${title}`);
  const out = new Map<string, { week?: BacktestReport; day?: BacktestReport; weekSeconds: number }>();
  for (const c of cases) {
    // External models get no inner backtests (their quantiles would be a Poisson guess): point metrics only.
    const extra = c.candidates ? { candidates: c.candidates, innerOrigins: 0 } : {};
    const [week, weekSeconds] = timed(() => backtest(c.history, { ...weekly, ...extra, model: c.model }));
    const entry: { week?: BacktestReport; day?: BacktestReport; weekSeconds: number } = { week, weekSeconds };
    if (c.candidates) for (const r of [week]) for (const h of Object.values(r.horizons)) h.coverage = undefined;
    if (horizons.includes('week-ahead')) console.log(row(c.name, week, 'week-ahead', weekSeconds));
    if (horizons.includes('day-ahead')) {
      const [day, daySeconds] = timed(() => backtest(c.history, { ...daily, ...extra, model: c.model }));
      entry.day = day;
      if (c.candidates) day.horizons['day-ahead'].coverage = undefined;
      console.log(row(c.name, day, 'day-ahead', daySeconds));
    }
    out.set(c.name, entry);
  }
  return out;
}

function israeli(mstl: Model | undefined): void {
  const records = israeliRecords();
  const withHolidays = historyFromIntervals(records, { timeZone: 'UTC', specialDays: ISRAELI_HOLIDAYS_1999 });
  const plain = historyFromIntervals(records, { timeZone: 'UTC' });
  const origins = quick ? 8 : 26;
  const results = evaluate(
    `Israeli Anonymous Bank 1999, 30-min, 24/7 — ${origins} weekly origins (week-ahead), ${origins * 7} daily origins (day-ahead), refit at each`,
    [
      { name: 'seasonal naive (no calendar)', model: 'seasonal-naive', history: plain },
      { name: '4-week same-slot mean (no calendar)', model: 'week-mean', history: plain },
      ...(mstl
        ? [{ name: 'MSTL+AutoETS (augurs, no calendar)', model: 'auto' as const, history: plain, candidates: [mstl] }]
        : []),
      { name: '4-week mean + holidays', model: 'week-mean', history: withHolidays },
      { name: 'double-seasonal ES + holidays', model: 'double-seasonal', history: withHolidays },
      { name: 'regression + holidays', model: 'regression', history: withHolidays },
      { name: 'auto + holidays', model: 'auto', history: withHolidays },
    ],
    { origins, spacingDays: 7, horizonDays: 7 },
    { origins: origins * 7, spacingDays: 1, horizonDays: 1 },
    ['week-ahead', 'day-ahead'],
  );
  const auto = results.get('auto + holidays')!;
  const base = results.get('4-week same-slot mean (no calendar)')!;
  console.log(
    `  targets: week-ahead WAPE ≤ 0.27 → ${f4(auto.week!.horizons['week-ahead'].wape)}; day-ahead ≤ 0.26 → ${f4(auto.day!.horizons['day-ahead'].wape)}; 80% coverage 0.78–0.82 → week ${f3(auto.week!.horizons['week-ahead'].coverage?.observed)}, day ${f3(auto.day!.horizons['day-ahead'].coverage?.observed)}`,
  );
  console.log(
    '  research note (its protocol: 303 daily origins over the year, 8-week window): MSTL+AutoETS week 0.345 / day 0.319; 4-week mean 0.300 / 0.302',
  );
  console.log(
    `  Poisson noise floor (WAPE if the true rate were known) over the scored days: ${f4(poissonFloor(plain, origins * 7))}`,
  );
  intraday(withHolidays);
  console.log(
    `  speed: ${origins}-origin weekly backtest auto ${auto.weekSeconds.toFixed(2)} s vs 4-week mean ${base.weekSeconds.toFixed(2)} s (ratio ${(auto.weekSeconds / base.weekSeconds).toFixed(1)}×); target < 30 s`,
  );
}

function usBank(intervalMinutes: IntervalMinutes, mstl: Model | undefined): void {
  const records = usRecords();
  const history = historyFromIntervals(records, { timeZone: 'UTC', intervalMinutes });
  const weeks = quick ? 6 : 20;
  const results = evaluate(
    `US bank 2003, ${intervalMinutes}-min, weekdays 07:00–21:05 (closed hours inferred: ${history.open.reduce((a, b) => a + b, 0)} open slots/week; ${history.missingCount} missing intervals) — ${weeks} weekly origins, daily origins over ${weeks} weeks`,
    [
      { name: 'seasonal naive', model: 'seasonal-naive', history },
      { name: '4-week same-slot mean', model: 'week-mean', history },
      ...(mstl ? [{ name: 'MSTL+AutoETS (augurs)', model: 'auto' as const, history, candidates: [mstl] }] : []),
      { name: 'double-seasonal ES', model: 'double-seasonal', history },
      { name: 'regression', model: 'regression', history },
      { name: 'auto', model: 'auto', history },
    ],
    { origins: weeks, spacingDays: 7, horizonDays: 7 },
    { origins: weeks * 7, spacingDays: 1, horizonDays: 1 },
    ['week-ahead', 'day-ahead'],
  );
  const auto = results.get('auto')!;
  const dayWape = f4(auto.day!.horizons['day-ahead'].wape);
  const cover = f3(auto.day!.horizons['day-ahead'].coverage?.observed);
  const floor = f4(poissonFloor(history, weeks * 7));
  if (intervalMinutes === 30) {
    console.log(`  target: day-ahead WAPE ≤ 0.055 → ${dayWape}; 80% coverage 0.78–0.82 → ${cover}`);
    console.log(
      '  research note (its protocol: 126 daily origins, 8-week window): MSTL+AutoETS day 0.060 / week 0.071; 4-week mean 0.068 / 0.068',
    );
  } else {
    console.log(
      `  at ${intervalMinutes} min: day-ahead WAPE ${dayWape}, coverage ${cover}; the 0.055 target is for 30-min slots (as measured in the research note) — Poisson noise alone costs ${floor} WAPE at ${intervalMinutes} min`,
    );
  }
  console.log(`  Poisson noise floor (WAPE if the true rate were known) over the scored days: ${floor}`);
  intraday(history);
}

/** WAPE a forecast equal to the true Poisson rate would still make: Σ E|Y − λ| / Σ λ, with λ ≈ the actual. */
function poissonFloor(history: History, days: number): number {
  const from = Math.max(0, history.count - (days * 1440) / history.intervalMinutes);
  let err = 0;
  let total = 0;
  for (let i = from; i < history.count; i++) {
    const y = history.volume[i]!;
    if (!Number.isFinite(y)) continue;
    err += Math.sqrt((2 * y) / Math.PI);
    total += y;
  }
  return total > 0 ? err / total : 0;
}

/**
 * Intraday reforecast: fit at midnight on each of the last 60 open days, then after 12:00 compare the
 * afternoon's WAPE without and with the update from the morning's actuals.
 */
function intraday(history: History): void {
  const perDay = 1440 / history.intervalMinutes;
  const noon = 720 / history.intervalMinutes;
  const before = { err: 0, total: 0 };
  const after = { err: 0, total: 0 };
  let days = 0;
  const lastDay = history.day[history.count - 1]!;
  for (let d = lastDay - 84; d <= lastDay; d++) {
    const p = firstPositionOfDay(history, d);
    if (p <= 0 || p + perDay > history.count || history.day[p] !== d) continue;
    const target = sliceTimeline(history, p, p + perDay);
    const actual = history.volume.subarray(p, p + perDay);
    if (!actual.some((v) => v > 0)) continue; // closed day
    const fc = fitForecaster(historyBefore(history, p), { model: 'auto' }).predict(target, [0.5]).volume;
    const total = fc.reduce((a, b) => a + b, 0);
    const factor = intradayFactor(fc.subarray(0, noon), actual.subarray(0, noon), total);
    for (let i = noon; i < perDay; i++) {
      const y = actual[i]!;
      if (!Number.isFinite(y)) continue;
      before.err += Math.abs(fc[i]! - y);
      after.err += Math.abs(fc[i]! * factor - y);
      before.total += y;
      after.total += y;
    }
    days++;
  }
  console.log(
    `  intraday reforecast at 12:00 (${days} days, auto): afternoon WAPE ${f4(before.err / before.total)} from the midnight forecast → ${f4(after.err / after.total)} updated with the morning's actuals`,
  );
}

/** A year of 15-minute Poisson arrivals with a daily and weekly profile in Europe/Amsterdam (DST included). */
function syntheticYear(): History {
  const start = Date.UTC(2025, 0, 5, 23);
  const count = 365 * 96;
  const slots = slotIndexes(start, count, 15, 'Europe/Amsterdam');
  const rnd = createRandom(7);
  const records: IntervalRecord[] = [];
  for (let i = 0; i < count; i++) {
    const s = slots[i]!;
    const hour = (s % 96) / 4;
    const weekday = Math.floor(s / 96);
    const rate = (weekday < 5 ? 40 : 15) * Math.exp(-((hour - 11) ** 2) / 18) + 2;
    // Poisson by inversion (rates are small enough).
    let k = 0;
    let p = Math.exp(-rate);
    let cdf = p;
    const u = rnd.next();
    while (u > cdf && k < 1000) {
      k++;
      p *= rate / k;
      cdf += p;
    }
    records.push({ start: start + i * 15 * MINUTE_MS, volume: k });
  }
  return historyFromIntervals(records, { timeZone: 'Europe/Amsterdam' });
}

function speed(): void {
  const history = syntheticYear();
  const target = makeTimeline(history.start + history.count * 15 * MINUTE_MS, 7 * 96, 15, history.timeZone);
  const once = (model: ModelName) => timed(() => fitForecaster(history, { model }).predict(target, [0.1, 0.5, 0.9]))[1];
  const run = (model: ModelName) => {
    const cold = once(model); // first call in this process: includes JIT warm-up
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < 3; r++) best = Math.min(best, once(model));
    return { cold, best };
  };
  const models: ModelName[] = ['week-mean', 'seasonal-naive', 'double-seasonal', 'regression', 'auto'];
  const times = models.map((m) => run(m));
  const base = times[0]!.best;
  console.log(
    '\nSpeed: fit + forecast one week from a year of 15-minute history (one core; first call, then best of 3)',
  );
  models.forEach((model, k) => {
    const t = times[k]!;
    console.log(
      `  ${pad(model, 16)} first ${(t.cold * 1000).toFixed(0).padStart(5)} ms, warm ${(t.best * 1000).toFixed(0).padStart(5)} ms  (${(t.best / base).toFixed(1)}× the 4-week mean)${model === 'auto' ? '  target < 1000 ms' : ''}`,
    );
  });
}

if (existsSync(`${dataDir}/anonymous_bank_1999_30min.csv`)) {
  const mstl = await loadMstl();
  if (!mstl) console.log('(@bsull/augurs not installed: MSTL comparison skipped)');
  israeli(mstl);
  usBank(30, mstl);
  if (!quick) usBank(5, undefined); // MSTL at 5 min (periods 169/845) is slow and not in the research note
} else {
  console.log(
    `Real call-center data not found at ${dataDir} (it is research data outside the repo): skipping the accuracy part. Pass --data <dir> to point at it.`,
  );
}
speed();
