/**
 * The model in index form for the solvers: types, employees and terms as numbers, per-cell
 * permissions and weights in flat typed arrays. Built once per solve.
 */
import { shiftMinutes } from './evaluate.js';
import { type Assignment, OFF, type RosterModel } from './model.js';

export interface CompiledRequest {
  day: number;
  /** -1 = any shift that day. */
  type: number;
  on: boolean;
  weight: number;
}

export interface CompiledCover {
  /** Cells d·T + t. */
  cells: number[];
  requirement: number;
  underWeight: number;
  overWeight: number;
}

export interface CompiledSuccession {
  first: number;
  second: number;
  gap: number;
  /** -1 = every day. */
  day: number;
}

export interface Compiled {
  model: RosterModel;
  E: number;
  D: number;
  T: number;
  /** [d·T + t] */
  minutes: Float64Array;
  /** [d·T + t] cost per assignment */
  cost: Float64Array;
  /** [(e·D + d)·T + t] 1 if employee e may work t on day d (types, unavailability, fixed days off). */
  allowed: Uint8Array;
  night: boolean[];
  successions: CompiledSuccession[];
  /** For each type, its forbidden successors per gap: forbidAfter[first] = list of {second, gap, day}. */
  requests: CompiledRequest[][];
  cover: CompiledCover[];
  /** For each cell d·T + t, the cover rows counting it. */
  coverOfCell: number[][];
  /** group index per employee, -1 if none; and members by group. */
  groupOf: number[];
  groups: { members: number[]; weeks: number }[];
  weekendDays: Set<number>;
  /** Every objective coefficient is whole, so every roster's objective is: a lower bound rounds up. */
  integral: boolean;
}

export function compile(model: RosterModel): Compiled {
  const E = model.employees.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const ti = (id: string) => typeIndex.get(id)!;
  const empIndex = new Map(model.employees.map((e, i) => [e.id, i]));
  const minutes = new Float64Array(D * T);
  const cost = new Float64Array(D * T);
  for (let d = 0; d < D; d++) {
    for (let t = 0; t < T; t++) {
      minutes[d * T + t] = shiftMinutes(model, d, t);
      cost[d * T + t] = model.cost?.[d]?.[t] ?? model.costByType?.[model.shiftTypes[t]!.id] ?? 0;
    }
  }
  const allowed = new Uint8Array(E * D * T);
  model.employees.forEach((emp, e) => {
    const types = emp.allowedTypes ? new Set(emp.allowedTypes.map(ti)) : undefined;
    for (let d = 0; d < D; d++) {
      for (let t = 0; t < T; t++) allowed[(e * D + d) * T + t] = types && !types.has(t) ? 0 : 1;
    }
    for (const u of emp.unavailable ?? []) {
      for (let t = 0; t < T; t++) if (u.type === undefined || ti(u.type) === t) allowed[(e * D + u.day) * T + t] = 0;
    }
    for (const d of emp.fixedDaysOff ?? []) for (let t = 0; t < T; t++) allowed[(e * D + d) * T + t] = 0;
    // A type whose horizon maximum is zero is as good as not allowed.
    for (const [id, max] of Object.entries(emp.maxShiftsPerType ?? {})) {
      if (max === 0) for (let d = 0; d < D; d++) allowed[(e * D + d) * T + ti(id)] = 0;
    }
  });
  const requests: CompiledRequest[][] = model.employees.map(() => []);
  for (const r of model.requests) {
    requests[empIndex.get(r.employee)!]!.push({
      day: r.day,
      type: r.type === undefined ? -1 : ti(r.type),
      on: r.on,
      weight: r.weight,
    });
  }
  const coverOfCell: number[][] = Array.from({ length: D * T }, () => []);
  const cover = model.cover.map((row, i) => {
    const cells = row.terms.map((term) => term.day * T + ti(term.type));
    for (const c of cells) coverOfCell[c]!.push(i);
    return { cells, requirement: row.requirement, underWeight: row.underWeight, overWeight: row.overWeight };
  });
  const groupOf = new Array<number>(E).fill(-1);
  const groups = (model.cyclicGroups ?? []).map((g, i) => {
    const members = g.employees.map((id) => empIndex.get(id)!);
    for (const m of members) groupOf[m] = i;
    return { members, weeks: g.weeks };
  });
  return {
    model,
    E,
    D,
    T,
    minutes,
    cost,
    allowed,
    night: model.shiftTypes.map((t) => t.night === true),
    successions: model.forbiddenSuccessions.map((f) => ({
      first: ti(f.first),
      second: ti(f.second),
      gap: f.dayGap ?? 1,
      day: f.day ?? -1,
    })),
    requests,
    cover,
    coverOfCell,
    groupOf,
    groups,
    weekendDays: new Set(model.weekends.flat()),
    integral:
      cost.every(Number.isInteger) &&
      cover.every((row) => Number.isInteger(row.underWeight) && Number.isInteger(row.overWeight)) &&
      requests.every((list) => list.every((r) => Number.isInteger(r.weight))) &&
      (model.fairness ?? []).every((f) => Number.isInteger(f.weight)),
  };
}

/**
 * The forbidden successions as a lookup: is `second` on day d + gap after `first` on day d banned? Built
 * once per use from `c.successions` (day-independent pairs in a T×T matrix per gap, dated ones in a set).
 */
export function successionBans(c: Compiled): {
  maxGap: number;
  banned: (first: number, second: number, gap: number, d: number) => boolean;
} {
  const { D, T } = c;
  const maxGap = Math.max(0, ...c.successions.map((s) => s.gap));
  const banAll = new Uint8Array(T * T * Math.max(1, maxGap));
  const banOnDay = new Set<number>();
  const key = (a: number, b: number, gap: number) => (a * T + b) * maxGap + gap - 1;
  for (const s of c.successions) {
    if (s.day < 0) banAll[key(s.first, s.second, s.gap)] = 1;
    else banOnDay.add(key(s.first, s.second, s.gap) * D + s.day);
  }
  return {
    maxGap,
    banned: (a, b, gap, d) => gap <= maxGap && (banAll[key(a, b, gap)] === 1 || banOnDay.has(key(a, b, gap) * D + d)),
  };
}

/** Employees of roster `a` working each cell, indexed d·T + t. */
export function staffedPerCell(c: Compiled, a: Assignment): Int32Array {
  const n = new Int32Array(c.D * c.T);
  for (let e = 0; e < c.E; e++) for (let d = 0; d < c.D; d++) if (a[e]![d] !== OFF) n[d * c.T + a[e]![d]!]!++;
  return n;
}
