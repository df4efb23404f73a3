import { slotsPerDay } from '@allhours/core';
import type { History } from '../history.js';
import type { Timeline } from '../timeline.js';
import { isNormalObservation, type Model, type Predictor } from './model.js';

export interface DoubleSeasonalParams {
  /** Smoothing of the level. */
  alpha: number;
  /** Smoothing of the intraday (time-of-day) cycle. */
  delta: number;
  /** Smoothing of the intraweek (slot-of-week) cycle. */
  omega: number;
  /** AR(1) coefficient on the last error, per step. */
  phi: number;
}

interface State {
  level: number;
  daily: Float64Array;
  weekly: Float64Array;
  lastError: number;
  /** Mean squared deviation from level + seasonals: the spread of a forecast beyond the AR decay. */
  variance: number;
  score: number;
}

/**
 * Double-seasonal exponential smoothing in the spirit of Taylor (2003): level + time-of-day cycle +
 * slot-of-week cycle + AR(1) on the error, on the square-root scale. The cycles are indexed by LOCAL slot,
 * not by lag, so a DST day keeps its wall-clock profile. Special days and missing intervals do not update
 * the state. Parameters are chosen on a small grid by one-step plus day-ahead squared error.
 */
function run(h: History, from: number, p: DoubleSeasonalParams, init: State, dayAheadSteps: number): State {
  const perDay = slotsPerDay(h.intervalMinutes);
  const daily = Float64Array.from(init.daily);
  const weekly = Float64Array.from(init.weekly);
  let level = init.level;
  let e = 0;
  let sse = 0;
  let devSum = 0;
  let devCount = 0;
  const ring = new Float64Array(dayAheadSteps).fill(level);
  let step = 0;
  const warmup = from + h.open.length; // score after one week, once the cycles have settled
  for (let i = from; i < h.count; i++) {
    const s = h.slot[i]!;
    if (!h.open[s]) continue;
    const d = s % perDay;
    const base = level + daily[d]! + weekly[s]!;
    const z = isNormalObservation(h, i) ? Math.sqrt(h.volume[i]!) : Number.NaN;
    if (Number.isNaN(z)) {
      e *= p.phi;
    } else {
      const eps = z - (base + p.phi * e);
      const dev = z - base;
      if (i >= warmup) {
        const ahead = z - (ring[step % dayAheadSteps]! + daily[d]! + weekly[s]!);
        sse += eps * eps + ahead * ahead;
        devSum += dev * dev;
        devCount++;
      }
      level += p.alpha * eps;
      daily[d]! += p.delta * eps;
      weekly[s]! += p.omega * eps;
      e = dev;
    }
    ring[step % dayAheadSteps] = level;
    step++;
  }
  return {
    level,
    daily,
    weekly,
    lastError: e,
    variance: devCount ? devSum / devCount : 0,
    score: devCount ? sse / devCount : Number.POSITIVE_INFINITY,
  };
}

function initialState(h: History, from: number): State {
  const perWeek = h.open.length;
  const sum = new Float64Array(perWeek);
  const count = new Int32Array(perWeek);
  let total = 0;
  let n = 0;
  for (let i = from; i < Math.min(h.count, from + 2 * perWeek); i++) {
    if (!isNormalObservation(h, i)) continue;
    const z = Math.sqrt(h.volume[i]!);
    sum[h.slot[i]!]! += z;
    count[h.slot[i]!]! += 1;
    total += z;
    n++;
  }
  const level = n ? total / n : 0;
  const weekly = new Float64Array(perWeek);
  for (let s = 0; s < perWeek; s++) weekly[s] = count[s]! ? sum[s]! / count[s]! - level : 0;
  return {
    level,
    daily: new Float64Array(slotsPerDay(h.intervalMinutes)),
    weekly,
    lastError: 0,
    variance: 0,
    score: 0,
  };
}

const GRID = {
  alpha: [0, 0.01, 0.04],
  delta: [0, 0.03],
  omega: [0.03, 0.1, 0.25],
  phi: [0, 0.7, 0.9],
};

interface Fit {
  params: DoubleSeasonalParams;
  state: State;
}

/**
 * Run the smoother over the last `windowWeeks` of history, choosing the parameters by coordinate search
 * over the grid (two sweeps) unless they are given: a tenth of the runs of the full grid, and the same
 * optimum in practice because the parameters act on different parts of the state.
 */
function fitState(history: History, windowWeeks: number, given?: DoubleSeasonalParams): Fit {
  const perWeek = history.open.length;
  const perDay = slotsPerDay(history.intervalMinutes);
  const from = Math.max(0, history.count - windowWeeks * perWeek);
  const init = initialState(history, from);
  let params: DoubleSeasonalParams = given ?? { alpha: 0.01, delta: 0, omega: 0.1, phi: 0.7 };
  let state = run(history, from, params, init, perDay);
  if (given) return { params, state };
  for (let sweep = 0; sweep < 2; sweep++) {
    for (const key of ['omega', 'phi', 'alpha', 'delta'] as const) {
      for (const value of GRID[key]) {
        if (value === params[key]) continue;
        const trial = { ...params, [key]: value };
        const st = run(history, from, trial, init, perDay);
        // A relative margin keeps the choice identical when the data are rescaled (no rounding flips).
        if (st.score < state.score * (1 - 1e-9)) {
          state = st;
          params = trial;
        }
      }
    }
  }
  return { params, state };
}

export function doubleSeasonalModel(options: { windowWeeks?: number; params?: DoubleSeasonalParams } = {}): Model {
  const windowWeeks = options.windowWeeks ?? 10;
  return {
    name: 'double-seasonal',
    tuned: (history) =>
      doubleSeasonalModel({ windowWeeks, params: fitState(history, windowWeeks, options.params).params }),
    fit(history: History): Predictor {
      const perDay = slotsPerDay(history.intervalMinutes);
      const { params, state } = fitState(history, windowWeeks, options.params);
      return (target: Timeline) => {
        const out = new Float64Array(target.count);
        let ar = state.lastError;
        for (let i = 0; i < target.count; i++) {
          ar *= params.phi;
          const s = target.slot[i]!;
          const m = Math.max(0, state.level + state.daily[s % perDay]! + state.weekly[s]! + ar);
          out[i] = m * m + state.variance;
        }
        return out;
      };
    },
  };
}
