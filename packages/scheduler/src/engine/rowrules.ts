/**
 * The employee rules of model.ts in a form local search can afford per move: a roster in one flat
 * `Int16Array` (x[e·D + d] = type or −1), counters kept up to date cell by cell (shifts per type,
 * workload minutes and shifts, weekend days), and a check of the sequence rules limited to the days a
 * move touched ± the reach of each rule. A move changes cells with `set`, then asks `rowOk(e, lo, hi)`.
 * `evaluate.ts` stays the judge; a property test holds this checker to it.
 */
import type { Compiled } from './compile.js';
import { OFF } from './model.js';

interface Workload {
  from: number;
  to: number;
  minMinutes: number;
  maxMinutes: number;
  maxShifts: number;
}

interface RestWindow {
  /** Span [lo, hi) in minutes since the origin. */
  lo: number;
  hi: number;
  /** Days whose shifts may reach into the span. */
  firstDay: number;
  lastDay: number;
}

interface EmployeeRules {
  maxPerType: Int32Array;
  workloads: Workload[];
  /** Index of this employee's first workload in the flat counters. */
  workloadBase: number;
  maxRun: number;
  minRun: number;
  minOff: number;
  maxWeekends: number;
  nights: { windowDays: number; max: number }[];
  rest?: { minMinutes: number; windows: RestWindow[] };
}

const NONE = 0x3fffffff;

export class RowRules {
  readonly x: Int16Array;
  readonly typeCount: Int32Array;
  readonly minutes: Float64Array;
  readonly shifts: Int32Array;
  /** Worked days per (employee, weekend) and weekends worked per employee. */
  readonly weekendDays: Int32Array;
  readonly weekendsWorked: Int32Array;
  private readonly rules: EmployeeRules[];
  private readonly weekendsOfDay: number[][];
  private readonly W: number;
  /** Day-independent forbidden successions: per gap, a T×T matrix. */
  private readonly gaps: number[];
  private readonly forbid: Uint8Array[];
  private readonly dated: { first: number; second: number; gap: number; day: number }[];
  private readonly scratch: [number, number][] = [];
  /** Mean shift length: the unit workload minutes are broken by in `rowExcess`. */
  private readonly shiftMinutes: number;

  constructor(
    private readonly c: Compiled,
    roster: readonly (readonly number[])[],
  ) {
    const { E, D, T, model } = c;
    const typeIndex = new Map(model.shiftTypes.map((s, i) => [s.id, i]));
    this.W = model.weekends.length;
    this.weekendsOfDay = Array.from({ length: D }, () => []);
    model.weekends.forEach((days, k) => {
      for (const d of new Set(days)) this.weekendsOfDay[d]!.push(k);
    });
    const restCache = new Map<string, RestWindow[]>();
    let workloadBase = 0;
    this.rules = model.employees.map((emp) => {
      const maxPerType = new Int32Array(T).fill(NONE);
      for (const [id, max] of Object.entries(emp.maxShiftsPerType ?? {})) maxPerType[typeIndex.get(id)!] = max;
      const workloads = emp.workload.map((w) => ({
        from: w.fromDay,
        to: w.toDay,
        minMinutes: w.minMinutes ?? Number.NEGATIVE_INFINITY,
        maxMinutes: w.maxMinutes ?? Number.POSITIVE_INFINITY,
        maxShifts: w.maxShifts ?? NONE,
      }));
      const rules: EmployeeRules = {
        maxPerType,
        workloads,
        workloadBase,
        maxRun: emp.maxConsecutiveShifts ?? NONE,
        minRun: emp.minConsecutiveShifts ?? 0,
        minOff: emp.minConsecutiveDaysOff ?? 0,
        maxWeekends: emp.maxWeekends ?? NONE,
        nights: emp.maxNights ?? [],
      };
      workloadBase += workloads.length;
      if (emp.weeklyRest && model.timing) {
        const dayStart = emp.dayStart ?? model.timing.dayStart;
        const key = `${emp.weeklyRest.windowDays}/${emp.weeklyRest.stepDays ?? 1}/${dayStart?.join(',') ?? ''}`;
        let windows = restCache.get(key);
        if (!windows) {
          windows = restWindows(c, dayStart, emp.weeklyRest.windowDays, emp.weeklyRest.stepDays ?? 1);
          restCache.set(key, windows);
        }
        rules.rest = { minMinutes: emp.weeklyRest.minMinutes, windows };
      }
      return rules;
    });
    const byGap = new Map<number, Uint8Array>();
    this.dated = [];
    for (const s of c.successions) {
      if (s.day >= 0) {
        this.dated.push(s);
        continue;
      }
      let m = byGap.get(s.gap);
      if (!m) byGap.set(s.gap, (m = new Uint8Array(T * T)));
      m[s.first * T + s.second] = 1;
    }
    this.gaps = [...byGap.keys()];
    this.forbid = [...byGap.values()];

    let sum = 0;
    for (let k = 0; k < c.minutes.length; k++) sum += c.minutes[k]!;
    this.shiftMinutes = Math.max(1, sum / Math.max(1, c.minutes.length));
    this.x = new Int16Array(E * D).fill(OFF);
    this.typeCount = new Int32Array(E * T);
    this.minutes = new Float64Array(workloadBase);
    this.shifts = new Int32Array(workloadBase);
    this.weekendDays = new Int32Array(E * this.W);
    this.weekendsWorked = new Int32Array(E);
    for (let e = 0; e < E; e++) for (let d = 0; d < D; d++) this.set(e, d, roster[e]![d]!);
  }

  get(e: number, d: number): number {
    return this.x[e * this.c.D + d]!;
  }

  /** Sets one cell and its counters; returns the old value. */
  set(e: number, d: number, t: number): number {
    const { D, T } = this.c;
    const i = e * D + d;
    const old = this.x[i]!;
    if (old === t) return old;
    const r = this.rules[e]!;
    if (old !== OFF) this.typeCount[e * T + old]!--;
    if (t !== OFF) this.typeCount[e * T + t]!++;
    const before = old === OFF ? 0 : this.c.minutes[d * T + old]!;
    const after = t === OFF ? 0 : this.c.minutes[d * T + t]!;
    const dShift = (t === OFF ? 0 : 1) - (old === OFF ? 0 : 1);
    for (let k = 0; k < r.workloads.length; k++) {
      const w = r.workloads[k]!;
      if (d < w.from || d >= w.to) continue;
      this.minutes[r.workloadBase + k]! += after - before;
      this.shifts[r.workloadBase + k]! += dShift;
    }
    if (dShift !== 0) {
      for (const k of this.weekendsOfDay[d]!) {
        const j = e * this.W + k;
        const was = this.weekendDays[j]!;
        this.weekendDays[j] = was + dShift;
        if (was === 0) this.weekendsWorked[e]!++;
        else if (was + dShift === 0) this.weekendsWorked[e]!--;
      }
    }
    this.x[i] = t;
    return old;
  }

  /** Every employee rule of row e, with the sequence rules checked only around days lo..hi. */
  rowOk(e: number, lo: number, hi: number): boolean {
    return this.countsExcess(e, true) === 0 && this.sequenceExcess(e, lo, hi, true) === 0;
  }

  /** The whole row. */
  rowOkFull(e: number): boolean {
    return this.rowOk(e, 0, this.c.D - 1);
  }

  /**
   * How far row e is from holding its rules (0 exactly when `rowOkFull`): per rule the amount it is
   * broken by (shifts over a maximum or short of a minimum, workload minutes in average shift lengths,
   * one per forbidden succession or short rest window). A penalty search weighs it against the objective.
   */
  rowExcess(e: number): number {
    return this.countsExcess(e, false) + this.sequenceExcess(e, 0, this.c.D - 1, false);
  }

  /** Count rules; with `early` the first rule broken returns a positive amount at once. */
  private countsExcess(e: number, early: boolean): number {
    const { T } = this.c;
    const r = this.rules[e]!;
    let v = 0;
    for (let t = 0; t < T; t++) {
      const over = this.typeCount[e * T + t]! - r.maxPerType[t]!;
      if (over > 0) {
        v += over;
        if (early) return v;
      }
    }
    for (let k = 0; k < r.workloads.length; k++) {
      const w = r.workloads[k]!;
      const m = this.minutes[r.workloadBase + k]!;
      const over = this.shifts[r.workloadBase + k]! - w.maxShifts;
      if (m < w.minMinutes - 1e-9) v += (w.minMinutes - m) / this.shiftMinutes;
      else if (m > w.maxMinutes + 1e-9) v += (m - w.maxMinutes) / this.shiftMinutes;
      if (over > 0) v += over;
      if (early && v > 0) return v;
    }
    return v + Math.max(0, this.weekendsWorked[e]! - r.maxWeekends);
  }

  private sequenceExcess(e: number, lo: number, hi: number, early: boolean): number {
    const { D, T } = this.c;
    const x = this.x;
    const base = e * D;
    const r = this.rules[e]!;
    const worked = (d: number) => x[base + d]! !== OFF;
    let v = 0;
    // Runs (worked and off) that meet lo−1..hi+1: from the start of the run holding lo−1 to the end of
    // the run holding hi+1, every maximal run inside is complete.
    let a = Math.max(0, lo - 1);
    while (a > 0 && worked(a - 1) === worked(a)) a--;
    let b = Math.min(D - 1, hi + 1);
    while (b < D - 1 && worked(b + 1) === worked(b)) b++;
    let s = a;
    while (s <= b) {
      const on = worked(s);
      let f = s;
      while (f < b && worked(f + 1) === on) f++;
      const length = f - s + 1;
      const inside = s !== 0 && f !== D - 1;
      if (on) {
        if (length > r.maxRun) v += length - r.maxRun;
        if (inside && length < r.minRun) v += r.minRun - length;
      } else if (inside && length < r.minOff) v += r.minOff - length;
      if (early && v > 0) return v;
      s = f + 1;
    }
    // Forbidden successions with either end in lo..hi.
    for (let g = 0; g < this.gaps.length; g++) {
      const gap = this.gaps[g]!;
      const m = this.forbid[g]!;
      const from = Math.max(0, lo - gap);
      const to = Math.min(hi, D - 1 - gap);
      for (let d = from; d <= to; d++) {
        const t1 = x[base + d]!;
        const t2 = x[base + d + gap]!;
        if (t1 !== OFF && t2 !== OFF && m[t1 * T + t2]) {
          if (early) return 1;
          v++;
        }
      }
    }
    for (const f of this.dated) {
      if (f.day + f.gap >= D || f.day + f.gap < lo || f.day > hi) continue;
      if (x[base + f.day] === f.first && x[base + f.day + f.gap] === f.second) {
        if (early) return 1;
        v++;
      }
    }
    for (const limit of r.nights) {
      const W = limit.windowDays;
      const last = Math.max(D, W) - W;
      for (let w = Math.max(0, lo - W + 1); w <= Math.min(hi, last); w++) {
        let n = 0;
        for (let d = w; d < Math.min(D, w + W); d++) {
          const t = x[base + d]!;
          if (t !== OFF && this.c.night[t]) n++;
        }
        if (n > limit.max) {
          v += n - limit.max;
          if (early) return v;
        }
      }
    }
    if (r.rest) {
      const timing = this.c.model.timing!;
      for (const w of r.rest.windows) {
        if (w.lastDay < lo || w.firstDay > hi) continue;
        const shifts = this.scratch;
        shifts.length = 0;
        for (let d = w.firstDay; d <= w.lastDay; d++) {
          const t = x[base + d]!;
          if (t === OFF) continue;
          const start = timing.start[d]![t]!;
          const s0 = Math.max(start, w.lo);
          const e0 = Math.min(start + this.c.minutes[d * T + t]!, w.hi);
          if (e0 > s0) shifts.push([s0, e0]);
        }
        shifts.sort((p, q) => p[0] - q[0]);
        let best = 0;
        let free = w.lo;
        for (const [s0, e0] of shifts) {
          best = Math.max(best, s0 - free);
          free = Math.max(free, e0);
        }
        if (Math.max(best, w.hi - free) < r.rest.minMinutes) {
          if (early) return 1;
          v++;
        }
      }
    }
    return v;
  }
}

/** Weekly-rest windows and the days whose shifts can reach into each. */
function restWindows(c: Compiled, dayStartIn: number[] | undefined, W: number, step: number): RestWindow[] {
  const { D, T, model } = c;
  const timing = model.timing!;
  const dayStart = dayStartIn ?? Array.from({ length: D + 1 }, (_, d) => d * 1440);
  // Earliest start and latest end of any shift per day.
  const first = new Float64Array(D).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array(D).fill(Number.NEGATIVE_INFINITY);
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < T; t++) {
      const s = timing.start[d]![t]!;
      first[d] = Math.min(first[d]!, s);
      last[d] = Math.max(last[d]!, s + c.minutes[d * T + t]!);
    }
  }
  const out: RestWindow[] = [];
  for (let w = 0; w + W <= D; w += step) {
    const lo = dayStart[w]!;
    const hi = dayStart[w + W]!;
    let firstDay = D;
    let lastDay = -1;
    for (let d = 0; d < D; d++) {
      if (last[d]! > lo && first[d]! < hi) {
        firstDay = Math.min(firstDay, d);
        lastDay = Math.max(lastDay, d);
      }
    }
    out.push({ lo, hi, firstDay, lastDay });
  }
  return out;
}
