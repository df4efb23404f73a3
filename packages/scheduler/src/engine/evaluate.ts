/**
 * The judge: objective by component and every hard-rule violation of a roster, computed literally
 * from the model's definitions (model.ts) and independent of the solvers. Kept plain on purpose —
 * loops over days and employees, no shared code with the MIP or local search.
 */
import { type Assignment, OFF, type RosterModel } from './model.js';

export interface ObjectiveComponents {
  coverUnder: number;
  coverOver: number;
  requests: number;
  cost: number;
  fairness: number;
}

export interface Violation {
  rule: string;
  employee?: string;
  day?: number;
  message: string;
}

export interface Evaluation {
  objective: number;
  components: ObjectiveComponents;
  violations: Violation[];
}

/** Minutes of type t on day d. */
export function shiftMinutes(model: RosterModel, d: number, t: number): number {
  return model.timing?.minutes?.[d]?.[t] ?? model.shiftTypes[t]!.minutes;
}

/** Days of each maximal run where `pred(day)` holds: [first, last] inclusive. */
function runs(days: number, pred: (d: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let d = 0; d <= days; d++) {
    const on = d < days && pred(d);
    if (on && start < 0) start = d;
    if (!on && start >= 0) {
      out.push([start, d - 1]);
      start = -1;
    }
  }
  return out;
}

/** Longest shift-free span inside [from, to), shifts given as [start, end) minutes. */
function longestRest(from: number, to: number, shifts: [number, number][]): number {
  const inside = shifts
    .map(([s, e]) => [Math.max(s, from), Math.min(e, to)] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  let best = 0;
  let free = from;
  for (const [s, e] of inside) {
    best = Math.max(best, s - free);
    free = Math.max(free, e);
  }
  return Math.max(best, to - free);
}

const typeIndexes = new WeakMap<RosterModel, (id: string) => number>();
/** Type id → index, built once per model. */
function typeIndexOf(model: RosterModel): (id: string) => number {
  let f = typeIndexes.get(model);
  if (!f) {
    const index = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
    f = (id: string) => index.get(id) ?? -1;
    typeIndexes.set(model, f);
  }
  return f;
}

type Succession = RosterModel['forbiddenSuccessions'][number];
const successionIndexes = new WeakMap<RosterModel, Succession[][]>();
/** Forbidden successions by the index of their first type, built once per model. */
function successionsByFirst(model: RosterModel): Succession[][] {
  let out = successionIndexes.get(model);
  if (!out) {
    const ti = typeIndexOf(model);
    const list: Succession[][] = model.shiftTypes.map(() => []);
    for (const f of model.forbiddenSuccessions) list[ti(f.first)]!.push(f);
    successionIndexes.set(model, list);
    out = list;
  }
  return out;
}

// Thrown (pre-built, so no stack is captured) to leave the rule checks at the first violation.
const STOP = new Error('first violation found');

/**
 * The hard rules of one employee's row (everything but links and cyclic groups). With `firstOnly`
 * it stops at the first violation — local search uses it as a feasibility test.
 */
export function employeeViolations(
  model: RosterModel,
  e: number,
  row: readonly number[],
  firstOnly = false,
): Violation[] {
  const violations: Violation[] = [];
  const D = model.days;
  const emp = model.employees[e]!;
  const ti = typeIndexOf(model);
  const v = (rule: string, message: string, day?: number) => {
    violations.push({ rule, employee: emp.id, ...(day === undefined ? {} : { day }), message });
    if (firstOnly) throw STOP;
  };
  const worked = (d: number) => d >= 0 && d < D && row[d] !== OFF;
  try {
    if (emp.allowedTypes) {
      const allowed = new Set(emp.allowedTypes.map(ti));
      row.forEach((t, d) => {
        if (t !== OFF && !allowed.has(t)) v('allowedTypes', `works ${model.shiftTypes[t]!.id}, not allowed`, d);
      });
    }
    for (const [id, max] of Object.entries(emp.maxShiftsPerType ?? {})) {
      const n = row.filter((t) => t === ti(id)).length;
      if (n > max) v('maxShiftsPerType', `${n} ${id} shifts, max ${max}`);
    }
    for (const w of emp.workload) {
      let minutes = 0;
      let shifts = 0;
      for (let d = w.fromDay; d < w.toDay; d++) {
        if (row[d] !== OFF) {
          minutes += shiftMinutes(model, d, row[d]!);
          shifts++;
        }
      }
      const span = `days ${w.fromDay}–${w.toDay - 1}`;
      if (w.minMinutes !== undefined && minutes < w.minMinutes - 1e-9)
        v('minMinutes', `${minutes} min in ${span}, min ${w.minMinutes}`);
      if (w.maxMinutes !== undefined && minutes > w.maxMinutes + 1e-9)
        v('maxMinutes', `${minutes} min in ${span}, max ${w.maxMinutes}`);
      if (w.maxShifts !== undefined && shifts > w.maxShifts)
        v('maxShifts', `${shifts} shifts in ${span}, max ${w.maxShifts}`);
    }
    for (const [first, last] of runs(D, worked)) {
      const length = last - first + 1;
      if (emp.maxConsecutiveShifts !== undefined && length > emp.maxConsecutiveShifts)
        v('maxConsecutiveShifts', `${length} shifts in a row, max ${emp.maxConsecutiveShifts}`, first);
      const touchesEnd = first === 0 || last === D - 1;
      if (emp.minConsecutiveShifts !== undefined && !touchesEnd && length < emp.minConsecutiveShifts)
        v('minConsecutiveShifts', `${length} shifts in a row, min ${emp.minConsecutiveShifts}`, first);
    }
    if (emp.minConsecutiveDaysOff !== undefined) {
      for (const [first, last] of runs(D, (d) => !worked(d))) {
        const length = last - first + 1;
        if (first !== 0 && last !== D - 1 && length < emp.minConsecutiveDaysOff)
          v('minConsecutiveDaysOff', `${length} days off in a row, min ${emp.minConsecutiveDaysOff}`, first);
      }
    }
    if (emp.maxWeekends !== undefined) {
      const n = model.weekends.filter((days) => days.some(worked)).length;
      if (n > emp.maxWeekends) v('maxWeekends', `${n} weekends worked, max ${emp.maxWeekends}`);
    }
    for (const limit of emp.maxNights ?? []) {
      const night = (d: number) => worked(d) && model.shiftTypes[row[d]!]!.night === true;
      for (let w = 0; w + limit.windowDays <= Math.max(D, limit.windowDays); w++) {
        let n = 0;
        for (let d = w; d < w + limit.windowDays; d++) if (night(d)) n++;
        if (n > limit.max) v('maxNights', `${n} nights in ${limit.windowDays} days from day ${w}, max ${limit.max}`, w);
      }
    }
    if (emp.weeklyRest && model.timing) {
      const timing = model.timing;
      const dayStart = emp.dayStart ?? timing.dayStart ?? Array.from({ length: D + 1 }, (_, d) => d * 1440);
      const shifts: [number, number][] = [];
      row.forEach((t, d) => {
        if (t !== OFF) shifts.push([timing.start[d]![t]!, timing.start[d]![t]! + shiftMinutes(model, d, t)]);
      });
      const { windowDays, minMinutes } = emp.weeklyRest;
      const step = emp.weeklyRest.stepDays ?? 1;
      for (let w = 0; w + windowDays <= D; w += step) {
        const rest = longestRest(dayStart[w]!, dayStart[w + windowDays]!, shifts);
        if (rest < minMinutes) v('weeklyRest', `longest rest ${rest} min in days ${w}–${w + windowDays - 1}`, w);
      }
    }
    for (const u of emp.unavailable ?? []) {
      if (worked(u.day) && (u.type === undefined || row[u.day] === ti(u.type)))
        v('unavailable', `works an unavailable ${u.type ?? 'day'}`, u.day);
    }
    for (const d of emp.fixedDaysOff ?? []) if (worked(d)) v('fixedDaysOff', 'works a fixed day off', d);
    // Each worked day against the pairs that start with its type (models list thousands of pairs).
    const pairs = successionsByFirst(model);
    for (let d = 0; d < D; d++) {
      if (row[d] === OFF) continue;
      for (const f of pairs[row[d]!] ?? []) {
        const gap = f.dayGap ?? 1;
        if (d + gap >= D || (f.day !== undefined && f.day !== d)) continue;
        if (row[d + gap] === ti(f.second))
          v('forbiddenSuccession', `${f.second} on day ${d + gap} after ${f.first}`, d);
      }
    }
  } catch (err) {
    if (err !== STOP) throw err;
  }
  return violations;
}

export function evaluate(model: RosterModel, assignment: Assignment): Evaluation {
  const violations: Violation[] = [];
  const components: ObjectiveComponents = { coverUnder: 0, coverOver: 0, requests: 0, cost: 0, fairness: 0 };
  const D = model.days;
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const ti = (id: string) => typeIndex.get(id)!;
  const employeeIndex = new Map(model.employees.map((e, i) => [e.id, i]));

  if (assignment.length !== model.employees.length) {
    violations.push({
      rule: 'shape',
      message: `${assignment.length} rows for ${model.employees.length} employees`,
    });
    return { objective: Number.POSITIVE_INFINITY, components, violations };
  }
  for (let e = 0; e < assignment.length; e++) {
    const row = assignment[e]!;
    const bad = row.length !== D || row.some((t) => !Number.isInteger(t) || t < OFF || t >= model.shiftTypes.length);
    if (bad) {
      violations.push({ rule: 'shape', employee: model.employees[e]!.id, message: 'row has a wrong length or type' });
      return { objective: Number.POSITIVE_INFINITY, components, violations };
    }
  }
  // Employees per (day, type), counted once: coupling rules read it (rows × terms × E is too slow at scale).
  const T = model.shiftTypes.length;
  const staffed = new Int32Array(D * T);
  for (const row of assignment) {
    for (let d = 0; d < D; d++) if (row[d] !== OFF) staffed[d * T + row[d]!]!++;
  }
  const working = (term: { day: number; type: string }) => staffed[term.day * T + ti(term.type)]!;

  // Employee rules.
  model.employees.forEach((_, e) => {
    violations.push(...employeeViolations(model, e, assignment[e]!));
  });

  // Coupling rules.
  const anyone = (term: { day: number; type: string }) => working(term) > 0;
  model.links?.forEach((link, i) => {
    if (link.when.some(anyone) && !link.need.some(anyone))
      violations.push({ rule: 'link', day: link.when[0]!.day, message: `link ${i}: handover shift not staffed` });
  });
  for (const group of model.cyclicGroups ?? []) {
    const L = 7 * group.weeks;
    const lead = assignment[employeeIndex.get(group.employees[0]!)!]!;
    group.employees.forEach((id, k) => {
      const row = assignment[employeeIndex.get(id)!]!;
      for (let d = 0; d < D; d++) {
        if (row[d] !== lead[(d + 7 * k) % L])
          violations.push({
            rule: 'cyclic',
            employee: id,
            day: d,
            message: `breaks the rotation of ${group.employees[0]}`,
          });
      }
    });
  }

  // Soft terms.
  for (const row of model.cover) {
    let n = 0;
    for (const term of row.terms) n += working(term);
    components.coverUnder += row.underWeight * Math.max(0, row.requirement - n);
    components.coverOver += row.overWeight * Math.max(0, n - row.requirement);
  }
  for (const r of model.requests) {
    const t = assignment[employeeIndex.get(r.employee)!]![r.day]!;
    const hit = r.type === undefined ? t !== OFF : t === ti(r.type);
    if (hit !== r.on) components.requests += r.weight;
  }
  for (const row of assignment) {
    row.forEach((t, d) => {
      if (t !== OFF) components.cost += model.cost?.[d]?.[t] ?? model.costByType?.[model.shiftTypes[t]!.id] ?? 0;
    });
  }
  const weekendDays = new Set(model.weekends.flat());
  for (const f of model.fairness ?? []) {
    for (const row of assignment) {
      const n = row.filter((t, d) =>
        t === OFF ? false : f.kind === 'night' ? model.shiftTypes[t]!.night === true : weekendDays.has(d),
      ).length;
      components.fairness += f.weight * Math.max(0, n - f.target);
    }
  }
  const objective =
    components.coverUnder + components.coverOver + components.requests + components.cost + components.fairness;
  return { objective, components, violations };
}
