/**
 * The compact MIP of a roster model, or of a neighbourhood of a roster: binary x[e,d,t] for the
 * free cells (e, d) only; every other cell keeps its value from `fixed` and enters rows as a constant.
 * With every cell free this is the whole model (its bound is a true lower bound).
 */
import { type Compiled, staffedPerCell } from './compile.js';
import { Linear, LpBuilder } from './lp.js';
import { type Assignment, OFF } from './model.js';

export interface SubMip {
  lp: LpBuilder;
  /** The roster with the free cells taken from a solution vector. */
  decode(colValue: ArrayLike<number>): Assignment;
  /** A full start vector for `assignment` (which must agree with `fixed` outside the free cells). */
  start(assignment: Assignment): Float64Array | undefined;
}

/** Cells staffed per (d·T + t) of the roster being valued, computed once per start vector. */
type AuxValue = (a: Assignment, staffed: Int32Array) => number;

export interface BuildOptions {
  /**
   * Links as soft rows: a broken link costs this much instead of making the MIP infeasible
   * (construction and repair, where one employee's sub-MIP cannot staff another's handover).
   */
  linkPenalty?: number;
  /**
   * Prices of the cover rows (column generation's pricing): instead of cover rows, each variable's cost
   * falls by the prices of the rows its cell counts in. Links and cyclic ties are then left out.
   */
  coverPrices?: ArrayLike<number>;
}

export function buildMip(c: Compiled, fixed: Assignment, free: Uint8Array, options: BuildOptions = {}): SubMip {
  const { E, D, T, model } = c;
  const lp = new LpBuilder();
  const varOf = new Int32Array(E * D * T).fill(-1);
  const cellOfVar: number[] = [];
  const aux: { col: number; value: AuxValue }[] = [];
  const isFree = (e: number, d: number) => free[e * D + d] === 1;

  // Variables, with their cost (assignment cost) in the objective.
  const freeEmployees: number[] = [];
  for (let e = 0; e < E; e++) {
    let any = false;
    for (let d = 0; d < D; d++) {
      if (!isFree(e, d)) continue;
      any = true;
      for (let t = 0; t < T; t++) {
        const cell = (e * D + d) * T + t;
        if (!c.allowed[cell]) continue;
        let cost = c.cost[d * T + t]!;
        if (options.coverPrices) for (const r of c.coverOfCell[d * T + t]!) cost -= options.coverPrices[r]!;
        varOf[cell] = lp.addCol(cost, 0, 1, true);
        cellOfVar.push(cell);
      }
    }
    if (any) freeEmployees.push(e);
  }
  const fixedIs = (e: number, d: number, t: number) => !isFree(e, d) && fixed[e]![d] === t;
  // Coupling rows (cover, links) touch every employee: count the fixed ones once per cell and walk
  // only the free ones per day, so a build costs O(E·D + free cells + rows), not O(rows · E).
  const fixedStaffed = new Int32Array(D * T);
  const freeOnDay: number[][] = Array.from({ length: D }, () => []);
  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      if (isFree(e, d)) freeOnDay[d]!.push(e);
      else if (fixed[e]![d] !== OFF) fixedStaffed[d * T + fixed[e]![d]!]!++;
    }
  }
  /** expr += coef · (employees working cell d·T + t). */
  const addCell = (expr: Linear, cell: number, coef: number) => {
    const t = cell % T;
    const d = (cell - t) / T;
    expr.constant += coef * fixedStaffed[cell]!;
    for (const e of freeOnDay[d]!) {
      const v = varOf[(e * D + d) * T + t]!;
      if (v >= 0) expr.add(v, coef);
    }
  };
  /** expr += coef · x[e,d,t] (a variable or a constant). */
  const addX = (expr: Linear, e: number, d: number, t: number, coef: number) => {
    const v = varOf[(e * D + d) * T + t]!;
    if (v >= 0) expr.add(v, coef);
    else if (fixedIs(e, d, t)) expr.constant += coef;
  };
  /** expr += coef · worked(e, d); days outside the horizon are off. */
  const addW = (expr: Linear, e: number, d: number, coef: number) => {
    if (d < 0 || d >= D) return;
    if (!isFree(e, d)) {
      if (fixed[e]![d] !== OFF) expr.constant += coef;
      return;
    }
    for (let t = 0; t < T; t++) addX(expr, e, d, t, coef);
  };
  const worked = (a: Assignment, e: number, d: number) => d >= 0 && d < D && a[e]![d] !== OFF;

  for (let e = 0; e < E; e++) {
    for (let d = 0; d < D; d++) {
      if (!isFree(e, d)) continue;
      const one = new Linear();
      addW(one, e, d, 1);
      lp.addRow(one, 0, 1);
    }
  }

  const weekendIndex = model.weekends;
  const successionGroups = new Map<string, number[]>();
  for (const f of c.successions) {
    const key = `${f.first}:${f.gap}:${f.day}`;
    const list = successionGroups.get(key) ?? [];
    if (!list.includes(f.second)) list.push(f.second);
    successionGroups.set(key, list);
  }
  for (const e of freeEmployees) {
    const emp = model.employees[e]!;
    for (const [id, max] of Object.entries(emp.maxShiftsPerType ?? {})) {
      const t = model.shiftTypes.findIndex((s) => s.id === id);
      const expr = new Linear();
      for (let d = 0; d < D; d++) addX(expr, e, d, t, 1);
      lp.addRow(expr, 0, max);
    }
    for (const w of emp.workload) {
      if (w.minMinutes !== undefined || w.maxMinutes !== undefined) {
        const expr = new Linear();
        for (let d = w.fromDay; d < w.toDay; d++)
          for (let t = 0; t < T; t++) addX(expr, e, d, t, c.minutes[d * T + t]!);
        lp.addRow(expr, w.minMinutes ?? 0, w.maxMinutes ?? Number.POSITIVE_INFINITY);
      }
      if (w.maxShifts !== undefined) {
        const expr = new Linear();
        for (let d = w.fromDay; d < w.toDay; d++) addW(expr, e, d, 1);
        lp.addRow(expr, 0, w.maxShifts);
      }
    }
    // Only windows/patterns touching a free day of e matter; the rest is fixed and already holds.
    const touches = (from: number, to: number) => {
      for (let d = Math.max(0, from); d <= Math.min(D - 1, to); d++) if (isFree(e, d)) return true;
      return false;
    };
    const k = emp.maxConsecutiveShifts;
    if (k !== undefined) {
      for (let s = 0; s + k < D; s++) {
        if (!touches(s, s + k)) continue;
        const expr = new Linear();
        for (let d = s; d <= s + k; d++) addW(expr, e, d, 1);
        lp.addRow(expr, 0, k);
      }
    }
    /**
     * Forbid runs shorter than `min` strictly inside the horizon: for working runs the pattern
     * off, on×L, off (≥ 1 − L after sign), for runs of days off the pattern on, off×L, on.
     */
    const forbidShortRuns = (min: number | undefined, working: boolean) => {
      if (min === undefined || min <= 1) return;
      const sign = working ? 1 : -1;
      for (let L = 1; L < min; L++) {
        for (let s = 1; s + L <= D - 1; s++) {
          if (!touches(s - 1, s + L)) continue;
          const expr = new Linear();
          addW(expr, e, s - 1, sign);
          for (let d = s; d < s + L; d++) addW(expr, e, d, -sign);
          addW(expr, e, s + L, sign);
          lp.addRow(expr, working ? 1 - L : -1, Number.POSITIVE_INFINITY);
        }
      }
    };
    forbidShortRuns(emp.minConsecutiveShifts, true);
    forbidShortRuns(emp.minConsecutiveDaysOff, false);
    if (emp.maxWeekends !== undefined) {
      const total = new Linear();
      weekendIndex.forEach((days) => {
        if (!days.some((d) => isFree(e, d))) {
          if (days.some((d) => fixed[e]![d] !== OFF)) total.constant += 1;
          return;
        }
        const y = lp.addCol(0, 0, 1, true);
        aux.push({ col: y, value: (a) => (days.some((d) => worked(a, e, d)) ? 1 : 0) });
        total.add(y, 1);
        for (const d of days) {
          const link = new Linear().add(y, 1);
          addW(link, e, d, -1);
          lp.addRow(link, 0, Number.POSITIVE_INFINITY);
        }
      });
      lp.addRow(total, 0, emp.maxWeekends);
    }
    for (const limit of emp.maxNights ?? []) {
      for (let w = 0; w + limit.windowDays <= Math.max(D, limit.windowDays); w++) {
        if (!touches(w, w + limit.windowDays - 1)) continue;
        const expr = new Linear();
        for (let d = w; d < Math.min(D, w + limit.windowDays); d++)
          for (let t = 0; t < T; t++) if (c.night[t]) addX(expr, e, d, t, 1);
        lp.addRow(expr, 0, limit.max);
      }
    }
    // Forbidden successions, one row per (day, first type): x[d,first] + Σ forbidden x[d+gap,·] ≤ 1
    // (valid as at most one type is worked per day, and tighter than one row per pair).
    for (const [key, seconds] of successionGroups) {
      const [first, gap, only] = key.split(':').map(Number) as [number, number, number];
      for (let d = 0; d + gap < D; d++) {
        if (only >= 0 && only !== d) continue;
        if (!isFree(e, d) && !isFree(e, d + gap)) continue;
        const expr = new Linear();
        addX(expr, e, d, first, 1);
        for (const second of seconds) addX(expr, e, d + gap, second, 1);
        lp.addRow(expr, 0, 1);
      }
    }
    if (emp.weeklyRest) addWeeklyRest(e, touches);
    // Requests: on → weight·(1 − hit); off → weight·hit.
    for (const r of c.requests[e]!) {
      const hit = new Linear();
      if (r.type < 0) addW(hit, e, r.day, 1);
      else addX(hit, e, r.day, r.type, 1);
      const sign = r.on ? -1 : 1;
      if (r.on) lp.offset += r.weight;
      lp.offset += sign * r.weight * hit.constant;
      for (let k2 = 0; k2 < hit.index.length; k2++) lp.colCost[hit.index[k2]!]! += sign * r.weight * hit.value[k2]!;
    }
    for (const f of model.fairness ?? []) {
      const expr = new Linear();
      for (let d = 0; d < D; d++) {
        for (let t = 0; t < T; t++) {
          if (f.kind === 'night' ? c.night[t] : c.weekendDays.has(d)) addX(expr, e, d, t, 1);
        }
      }
      const countOf = (a: Assignment) =>
        a[e]!.filter((t, d) => t !== OFF && (f.kind === 'night' ? c.night[t] : c.weekendDays.has(d))).length;
      const s = lp.addCol(f.weight, 0, Number.POSITIVE_INFINITY, false);
      aux.push({ col: s, value: (a) => Math.max(0, countOf(a) - f.target) });
      expr.add(s, -1);
      lp.addRow(expr, Number.NEGATIVE_INFINITY, f.target);
    }
  }

  // Cover rows that count a free cell: count + under − over = requirement.
  const touched = new Uint8Array(c.cover.length);
  for (const v of cellOfVar) {
    const dt = v % (D * T);
    for (const row of c.coverOfCell[dt]!) touched[row] = 1;
  }
  c.cover.forEach((row, i) => {
    if (!touched[i] || options.coverPrices) return;
    const expr = new Linear();
    for (const cell of row.cells) addCell(expr, cell, 1);
    const count = (staffed: Int32Array) => {
      let n = 0;
      for (const cell of row.cells) n += staffed[cell]!;
      return n;
    };
    const under = lp.addCol(row.underWeight, 0, Number.POSITIVE_INFINITY, false);
    const over = lp.addCol(row.overWeight, 0, Number.POSITIVE_INFINITY, false);
    aux.push({ col: under, value: (_, staffed) => Math.max(0, row.requirement - count(staffed)) });
    aux.push({ col: over, value: (_, staffed) => Math.max(0, count(staffed) - row.requirement) });
    expr.add(under, 1).add(over, -1);
    lp.addRow(expr, row.requirement, row.requirement);
  });

  // Links: each `when` cell staffed ⇒ some `need` cell staffed (soft: a binary "broken" column pays).
  const typeIndex = new Map(model.shiftTypes.map((s, i) => [s.id, i]));
  const cellOf = (term: { day: number; type: string }) => term.day * T + typeIndex.get(term.type)!;
  for (const link of options.coverPrices ? [] : (model.links ?? [])) {
    const need = new Linear();
    for (const term of link.need) addCell(need, cellOf(term), 1);
    const needCells = link.need.map(cellOf);
    const whenCells = link.when.map(cellOf);
    const brokenIn = (staffed: Int32Array) =>
      whenCells.some((cell) => staffed[cell]! > 0) && !needCells.some((cell) => staffed[cell]! > 0) ? 1 : 0;
    let broken = -1;
    for (const cell of whenCells) {
      const expr = new Linear();
      addCell(expr, cell, 1);
      if (expr.index.length === 0 && need.index.length === 0 && (expr.constant === 0 || need.constant > 0)) continue;
      for (let k2 = 0; k2 < need.index.length; k2++) expr.add(need.index[k2]!, -E * need.value[k2]!);
      expr.constant -= E * need.constant;
      if (options.linkPenalty !== undefined) {
        if (broken < 0) {
          broken = lp.addCol(options.linkPenalty, 0, 1, true);
          aux.push({ col: broken, value: (_, staffed) => brokenIn(staffed) });
        }
        expr.add(broken, -E);
      }
      lp.addRow(expr, Number.NEGATIVE_INFINITY, 0);
    }
  }

  // Cyclic groups: member k on day d = leader on day (d + 7k) mod 7·weeks.
  for (const g of options.coverPrices ? [] : c.groups) {
    const L = 7 * g.weeks;
    const leader = g.members[0]!;
    g.members.forEach((m, k) => {
      for (let d = 0; d < D; d++) {
        const ld = (d + 7 * k) % L;
        if (m === leader && ld === d) continue;
        if (!isFree(m, d) && !isFree(leader, ld)) continue;
        for (let t = 0; t < T; t++) {
          const expr = new Linear();
          addX(expr, m, d, t, 1);
          addX(expr, leader, ld, t, -1);
          lp.addRow(expr, 0, 0);
        }
      }
    });
  }

  /** Weekly rest as "rest blocks" (see model.ts): a block (a, b) = days a+1..b−1 off with enough time between. */
  function addWeeklyRest(e: number, touches: (from: number, to: number) => boolean) {
    const emp = model.employees[e]!;
    const rule = emp.weeklyRest!;
    const timing = model.timing!;
    const dayStart = emp.dayStart ?? timing.dayStart ?? Array.from({ length: D + 1 }, (_, d) => d * 1440);
    const W = rule.windowDays;
    const types = (d: number) => {
      const out: number[] = [];
      for (let t = 0; t < T; t++) if (c.allowed[(e * D + d) * T + t]) out.push(t);
      return out;
    };
    for (let w = 0; w + W <= D; w += rule.stepDays ?? 1) {
      if (!touches(w - 1, w + W)) continue;
      const lo = dayStart[w]!;
      const hi = dayStart[w + W]!;
      const clip = (x: number) => Math.min(hi, Math.max(lo, x));
      const endOf = (a: number, ta: number) =>
        ta === OFF || a < 0
          ? a < w
            ? lo
            : clip(dayStart[a + 1]!)
          : clip(timing.start[a]![ta]! + c.minutes[a * T + ta]!);
      const startOf = (b: number, tb: number) =>
        tb === OFF || b >= D ? (b >= w + W ? hi : clip(dayStart[b]!)) : clip(timing.start[b]![tb]!);
      const window = new Linear();
      for (let a = w - 1; a < w + W; a++) {
        for (let b = a + 1; b <= w + W; b++) {
          const aTypes = [OFF, ...(a >= 0 && a < D ? types(a) : [])];
          const bTypes = [OFF, ...(b < D ? types(b) : [])];
          // The longest gap possible between a and b: latest start on b minus earliest end on a.
          let latestStart = Number.NEGATIVE_INFINITY;
          let earliestEnd = Number.POSITIVE_INFINITY;
          for (const tb of bTypes) latestStart = Math.max(latestStart, startOf(b, tb));
          for (const ta of aTypes) earliestEnd = Math.min(earliestEnd, endOf(a, ta));
          const best = latestStart - earliestEnd;
          if (best < rule.minMinutes) continue;
          const r = lp.addCol(0, 0, 1, true);
          window.add(r, 1);
          for (let d = a + 1; d < b; d++) {
            const off = new Linear().add(r, 1);
            addW(off, e, d, 1);
            lp.addRow(off, Number.NEGATIVE_INFINITY, 1);
          }
          const ok = (ta: number, tb: number) => startOf(b, tb) - endOf(a, ta) >= rule.minMinutes;
          /** expr += [day x has a type in `set`] (OFF included). */
          const addIs = (expr: Linear, x: number, set: Set<number>) => {
            if (x < 0 || x >= D) {
              if (set.has(OFF)) expr.constant += 1;
              return;
            }
            if (set.has(OFF)) {
              // [off or a listed type] = 1 − Σ of the other types.
              expr.constant += 1;
              for (let t = 0; t < T; t++) if (!set.has(t)) addX(expr, e, x, t, -1);
            } else for (const t of set) addX(expr, e, x, t, 1);
          };
          for (const tb of bTypes) {
            const bad = new Set(aTypes.filter((ta) => !ok(ta, tb)));
            if (bad.size === 0) continue;
            const expr = new Linear().add(r, 1);
            addIs(expr, a, bad);
            addIs(expr, b, new Set([tb]));
            lp.addRow(expr, Number.NEGATIVE_INFINITY, 2);
          }
          aux.push({
            col: r,
            value: (x) => {
              for (let d = a + 1; d < b; d++) if (worked(x, e, d)) return 0;
              const ta = a >= 0 && a < D ? x[e]![a]! : OFF;
              const tb = b < D ? x[e]![b]! : OFF;
              return ok(ta, tb) ? 1 : 0;
            },
          });
        }
      }
      lp.addRow(window, 1, Number.POSITIVE_INFINITY);
    }
  }

  return {
    lp,
    decode(colValue) {
      const out = fixed.map((row) => row.slice());
      for (let e = 0; e < E; e++) for (let d = 0; d < D; d++) if (isFree(e, d)) out[e]![d] = OFF;
      cellOfVar.forEach((cell, v) => {
        if (colValue[v]! > 0.5) {
          const t = cell % T;
          const ed = (cell - t) / T;
          out[Math.floor(ed / D)]![ed % D] = t;
        }
      });
      return out;
    },
    start(assignment) {
      const x = new Float64Array(lp.numCols);
      for (let e = 0; e < E; e++) {
        for (let d = 0; d < D; d++) {
          if (!isFree(e, d)) continue;
          const t = assignment[e]![d]!;
          if (t === OFF) continue;
          const v = varOf[(e * D + d) * T + t]!;
          if (v < 0) return undefined;
          x[v] = 1;
        }
      }
      const staffed = staffedPerCell(c, assignment);
      for (const { col, value } of aux) x[col] = value(assignment, staffed);
      return x;
    },
  };
}
