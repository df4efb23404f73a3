import { compile } from './engine/compile.js';
import { type RowCheck, rowCheck } from './engine/index.js';
import { type Assignment, OFF, type RosterModel } from './engine/model.js';
import { rowCost } from './engine/row-cost.js';
import { cheapestRow, prepare } from './lagrange.js';
import { linkIndex } from './link-index.js';
import { repairLinks } from './link-repair.js';

/**
 * A fast constructive start for the roster engine: every employee (or cyclic group) gets a whole row
 * at once, from a family of regular candidates — n work days then 7 − n off, repeating weekly, at each
 * of the 7 phases — whose shift types are chosen day by day by the largest marginal value against the
 * remaining requirement (cover penalties the row removes, minus its cost and request penalties), under
 * look-aheads that keep the weekly minutes, nights and successions legal. Each candidate row is checked
 * against every per-employee hard rule; the best legal one is kept. Then best-response passes (each row
 * re-chosen against all the others, from the candidates and from the pricing DP's best row over all
 * rows, whichever gains more) and a repair pass for handover links. Two orders of work are tried
 * when time allows (see `attempt`); the better roster is returned. Deterministic, no solver.
 */
export interface ConstructOptions {
  /** Stop improving (best-response passes, the second attempt) at this instant, epoch ms. */
  stopAt?: number;
  /** Best-response passes after the first construction (default 2). */
  passes?: number;
}

export interface ConstructResult {
  assignment: Assignment;
  /** Employees for whom no candidate row keeps every rule (left off; their rules fail). */
  unplaced: string[];
  /** Links still broken after the repair pass. */
  brokenLinks: number;
  /** The roster's objective as the engine's judge counts it (cover, cost, requests, fairness). */
  objective: number;
}

/** Employees that share one row through a cyclic rotation; singletons have L = D, offset 0. */
interface Unit {
  members: number[];
  /** Row length: 7·weeks for a cyclic group, D otherwise. */
  L: number;
  /** The (employee, day) cells that follow unit day j. */
  cells: { e: number; d: number }[][];
  /** [j·T + t] every follower may work t. */
  allowed: Uint8Array;
  types: number[];
}

const mod = (a: number, m: number) => ((a % m) + m) % m;

function unitsOf(model: RosterModel, rules: RowCheck): Unit[] {
  const { D, T } = rules;
  const index = new Map(model.employees.map((e, i) => [e.id, i]));
  const grouped = new Set<number>();
  const units: { members: number[]; L: number }[] = [];
  for (const g of model.cyclicGroups ?? []) {
    const members = g.employees.map((id) => index.get(id)!);
    for (const m of members) grouped.add(m);
    units.push({ members, L: 7 * g.weeks });
  }
  model.employees.forEach((_, e) => {
    if (!grouped.has(e)) units.push({ members: [e], L: D });
  });
  return units.map(({ members, L }) => {
    const cells = Array.from({ length: L }, () => [] as { e: number; d: number }[]);
    members.forEach((e, k) => {
      for (let d = 0; d < D; d++) cells[mod(d + 7 * k, L)]!.push({ e, d });
    });
    const allowed = new Uint8Array(L * T).fill(1);
    members.forEach((e, k) => {
      const own = rules.allowedRow(e);
      for (let d = 0; d < D; d++) {
        const j = mod(d + 7 * k, L);
        for (let t = 0; t < T; t++) if (own[d * T + t] === 0) allowed[j * T + t] = 0;
      }
    });
    const types: number[] = [];
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < L; j++)
        if (allowed[j * T + t]) {
          types.push(t);
          break;
        }
    }
    return { members, L, cells, allowed, types };
  });
}

/** Cover counts and each cell's marginal value (cover penalty removed by one more worker, minus cost). */
class Coverage {
  readonly count: Float64Array;
  readonly gain: Float64Array;
  private readonly cost: Float64Array;
  private readonly rowsOfCell: number[][];
  private readonly cellsOfRow: Int32Array[];
  constructor(
    private readonly model: RosterModel,
    T: number,
  ) {
    const D = model.days;
    const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
    this.count = new Float64Array(model.cover.length);
    this.gain = new Float64Array(D * T);
    this.cost = new Float64Array(D * T);
    this.rowsOfCell = Array.from({ length: D * T }, () => []);
    for (let d = 0; d < D; d++)
      for (let t = 0; t < T; t++)
        this.cost[d * T + t] = model.cost?.[d]?.[t] ?? model.costByType?.[model.shiftTypes[t]!.id] ?? 0;
    this.gain.set(this.cost.map((c) => -c));
    this.cellsOfRow = model.cover.map((row) => Int32Array.from(row.terms, (x) => x.day * T + typeIndex.get(x.type)!));
    this.cellsOfRow.forEach((cells, i) => {
      for (const cell of cells) {
        this.rowsOfCell[cell]!.push(i);
        this.gain[cell]! += this.marginal(i);
      }
    });
  }
  /** Penalty removed by one more worker on cover row i. */
  private marginal(i: number): number {
    const row = this.model.cover[i]!;
    const n = this.count[i]!;
    const penalty = (x: number) =>
      row.underWeight * Math.max(0, row.requirement - x) + row.overWeight * Math.max(0, x - row.requirement);
    return penalty(n) - penalty(n + 1);
  }
  /** Value of one worker fewer on cell d·T + t: the cost saved minus the cover penalty added. */
  removal(cell: number): number {
    let v = this.cost[cell]!;
    for (const i of this.rowsOfCell[cell]!) {
      const row = this.model.cover[i]!;
      const n = this.count[i]!;
      const penalty = (x: number) =>
        row.underWeight * Math.max(0, row.requirement - x) + row.overWeight * Math.max(0, x - row.requirement);
      v -= penalty(n - 1) - penalty(n);
    }
    return v;
  }
  /** Total cover penalty at the current counts. */
  penalty(): number {
    let p = 0;
    for (let i = 0; i < this.count.length; i++) {
      const row = this.model.cover[i]!;
      const n = this.count[i]!;
      p += row.underWeight * Math.max(0, row.requirement - n) + row.overWeight * Math.max(0, n - row.requirement);
    }
    return p;
  }
  /** Add (+1) or remove (−1) one worker on cell d·T + t. */
  change(cell: number, by: 1 | -1): void {
    for (const i of this.rowsOfCell[cell]!) {
      const before = this.marginal(i);
      this.count[i]! += by;
      const delta = this.marginal(i) - before;
      if (delta === 0) continue;
      for (const c of this.cellsOfRow[i]!) this.gain[c]! += delta;
    }
  }
}

export function constructRoster(model: RosterModel, options: ConstructOptions = {}): ConstructResult {
  const rules = rowCheck(model);
  const compiled = compile(model);
  const { D, T } = rules;
  const units = unitsOf(model, rules);
  // Two starts are tried when time allows (see `attempt`); these hold the one being built.
  let coverage!: Coverage;
  let assignment!: Assignment;
  const requestsOf = requestIndex(model);
  const weekendDay = new Uint8Array(D);
  for (const w of model.weekends) for (const d of w) weekendDay[d] = 1;
  const fairness = model.fairness ?? [];

  /** Gain of employee e working t (or OFF) on day d, against being off, for requests only. */
  const requestGain = (e: number, d: number, t: number) => requestGainOf(requestsOf, e, d, t);

  const unitGain = (u: Unit, j: number, t: number) => {
    let g = 0;
    for (const { e, d } of u.cells[j]!) g += coverage.gain[d * T + t]! + requestGain(e, d, t);
    return g;
  };

  /** Rows of the unit's followers from a unit row. */
  const expand = (u: Unit, row: number[]): number[][] =>
    u.members.map((_, k) => Array.from({ length: D }, (_, d) => row[mod(d + 7 * k, u.L)]!));

  /** A row's value against the others (the same terms `buildRow` scores, fairness included). */
  const rowValue = (u: Unit, row: number[]) => {
    let g = 0;
    const counts = fairness.map(() => 0);
    for (let j = 0; j < u.L; j++) {
      const t = row[j]!;
      if (t === OFF) continue;
      g += unitGain(u, j, t);
      fairness.forEach((f, k) => {
        const counted = f.kind === 'night' ? rules.night[t] === 1 : weekendDay[mod(j, D)] === 1;
        if (counted && ++counts[k]! > f.target) g -= f.weight * u.members.length;
      });
    }
    return g;
  };

  // Best response by DP: a single employee's best row over all rows the pricing DP allows, against
  // the others' cover (one employee's shifts on different days touch different cover rows, so the
  // marginal gains add up exactly). The rules the DP leaves out are checked before the row is used.
  const pricer = prepare(model);
  const rc = new Float64Array(D * T);
  const dpRow = (u: Unit): number[] | undefined => {
    if (!pricer || u.members.length !== 1 || u.L !== D) return undefined;
    const e = u.members[0]!;
    for (let d = 0; d < D; d++)
      for (let t = 0; t < T; t++) rc[d * T + t] = -(coverage.gain[d * T + t]! + requestGain(e, d, t));
    const row = cheapestRow(pricer, e, rc);
    return row && legal(u, row) ? row : undefined;
  };

  const legal = (u: Unit, row: number[]) => expand(u, row).every((r, k) => !rules.brokenRule(u.members[k]!, r));

  const commit = (u: Unit, row: number[] | undefined, by: 1 | -1) => {
    if (!row) return;
    const rows = expand(u, row);
    u.members.forEach((e, k) => {
      const r = rows[k]!;
      for (let d = 0; d < D; d++) if (r[d] !== OFF) coverage.change(d * T + r[d]!, by);
      assignment[e] = by === 1 ? r : new Array<number>(D).fill(OFF);
    });
  };

  /** The best legal candidate row of a unit against the current coverage, or undefined. */
  const bestRow = (u: Unit, fewest = false): number[] | undefined => {
    const lead = model.employees[u.members[0]!]!;
    let minM = Number.POSITIVE_INFINITY;
    let maxM = 0;
    for (let j = 0; j < u.L; j++)
      for (const t of u.types)
        if (u.allowed[j * T + t]) {
          minM = Math.min(minM, rules.minutes[mod(j, D) * T + t]!);
          maxM = Math.max(maxM, rules.minutes[mod(j, D) * T + t]!);
        }
    if (maxM === 0) return undefined;
    const windows = lead.workload.filter((w) => w.fromDay < u.L).map((w) => ({ ...w, toDay: Math.min(w.toDay, u.L) }));
    const fullWeek = windows.filter((w) => w.toDay - w.fromDay >= 7);
    const maxShifts = Math.min(7, ...fullWeek.map((w) => w.maxShifts ?? 7));
    const minOff = lead.minConsecutiveDaysOff ?? 1;
    const nMax = Math.min(maxShifts, lead.maxConsecutiveShifts ?? 7, 7 - Math.max(1, minOff));
    const minMinutes = Math.max(0, ...fullWeek.map((w) => w.minMinutes ?? 0));
    const nMin = Math.max(0, Math.ceil(minMinutes / maxM));
    let best: number[] | undefined;
    let bestScore = Number.NEGATIVE_INFINITY;
    // `fewest`: the fewest shifts per week that can be legal first, more only when none is.
    for (let n = fewest ? nMin : nMax; fewest ? n <= nMax : n >= nMin; n += fewest ? 1 : -1) {
      for (let offset = 0; offset < (n === 0 ? 1 : 7); offset++) {
        for (const perRun of [false, true]) {
          const built = buildRow(u, windows, { n, offset, perRun }, minM, maxM);
          if (built.score > bestScore && legal(u, built.row)) {
            best = built.row;
            bestScore = built.score;
          }
        }
      }
      if (fewest && best) break;
    }
    return best;
  };

  /**
   * One candidate row: work days are those with (j − offset) mod 7 < n; each segment of work days — a
   * whole run (`perRun`, one type for the run, so rest and rotation hold inside it) or a single day —
   * takes the admissible type of largest value. Admissible: allowed on its days, no forbidden succession
   * with the days before, nights within their windows, and weekly minutes still able to land between
   * the window's min and max with the work days left (at the shortest / longest shift).
   */
  function buildRow(
    u: Unit,
    windows: RosterModel['employees'][number]['workload'],
    shape: { n: number; offset: number; perRun: boolean },
    minM: number,
    maxM: number,
  ): { row: number[]; score: number } {
    const lead = model.employees[u.members[0]!]!;
    const row = new Array<number>(u.L).fill(OFF);
    const works = (j: number) => mod(j - shape.offset, 7) < shape.n;
    const used = windows.map(() => 0);
    const left = windows.map((w) => {
      let k = 0;
      for (let j = w.fromDay; j < w.toDay; j++) if (works(j)) k++;
      return k;
    });
    let nights = 0;
    let weekends = 0;
    let score = 0;
    const minutesOf = (j: number, t: number) => rules.minutes[mod(j, D) * T + t]!;
    const admissible = (a: number, b: number, t: number): boolean => {
      for (let j = a; j <= b; j++) {
        if (!u.allowed[j * T + t]) return false;
        for (let gap = 1; gap <= rules.maxGap && gap <= j; gap++) {
          const before = j - gap >= a ? t : row[j - gap]!;
          if (before !== OFF && rules.banned(before, t, gap, mod(j - gap, D))) return false;
        }
        if (rules.night[t])
          for (const limit of lead.maxNights ?? []) {
            let k = 0;
            for (let i = Math.max(0, j - limit.windowDays + 1); i <= j; i++)
              if (i >= a ? true : row[i] !== OFF && rules.night[row[i]!]) k++;
            if (k > limit.max) return false;
          }
      }
      for (let k = 0; k < windows.length; k++) {
        const w = windows[k]!;
        let m = 0;
        let days = 0;
        for (let j = Math.max(a, w.fromDay); j <= Math.min(b, w.toDay - 1); j++) {
          m += minutesOf(j, t);
          days++;
        }
        if (days === 0) continue;
        const rest = left[k]! - days;
        if (used[k]! + m + rest * minM > (w.maxMinutes ?? Number.POSITIVE_INFINITY) + 1e-9) return false;
        if (used[k]! + m + rest * maxM < (w.minMinutes ?? 0) - 1e-9) return false;
      }
      return true;
    };
    const segmentValue = (a: number, b: number, t: number) => {
      let g = a > 0 && row[a - 1] === t ? 1e-3 : 0; // ties: keep the type of the day before
      let n = nights;
      let we = weekends;
      for (let j = a; j <= b; j++) {
        g += unitGain(u, j, t);
        for (const f of fairness) {
          const counted = f.kind === 'night' ? rules.night[t] === 1 : weekendDay[mod(j, D)] === 1;
          const sofar = f.kind === 'night' ? n : we;
          if (counted && sofar + 1 > f.target) g -= f.weight * u.members.length;
        }
        if (rules.night[t]) n++;
        if (weekendDay[mod(j, D)]) we++;
      }
      return g;
    };
    for (let a = 0; a < u.L; a++) {
      if (!works(a)) continue;
      let b = a;
      if (shape.perRun) while (b + 1 < u.L && works(b + 1)) b++;
      let pick = OFF;
      let pickValue = Number.NEGATIVE_INFINITY;
      for (const t of u.types) {
        if (!admissible(a, b, t)) continue;
        const v = segmentValue(a, b, t);
        if (v > pickValue) {
          pick = t;
          pickValue = v;
        }
      }
      for (let k = 0; k < windows.length; k++)
        for (let j = Math.max(a, windows[k]!.fromDay); j <= Math.min(b, windows[k]!.toDay - 1); j++) left[k]!--;
      if (pick !== OFF) {
        score += pickValue;
        for (let j = a; j <= b; j++) {
          row[j] = pick;
          for (let k = 0; k < windows.length; k++)
            if (windows[k]!.fromDay <= j && j < windows[k]!.toDay) used[k]! += minutesOf(j, pick);
          if (rules.night[pick]) nights++;
          if (weekendDay[mod(j, D)]) weekends++;
        }
      }
      a = b;
    }
    return { row, score };
  }

  // Most constrained first: fewest usable types, then the request order.
  const order = units.map((_, i) => i).sort((a, b) => units[a]!.types.length - units[b]!.types.length || a - b);
  const passes = options.passes ?? 2;
  const singles = new Set(units.filter((u) => u.members.length === 1 && u.L === D).map((u) => u.members[0]!));
  const stopAt = options.stopAt ?? Number.POSITIVE_INFINITY;
  /**
   * One construction and its best-response passes. `fewestFirst`: everyone's minimum work first, so
   * extra shifts must beat what all the others' minimum work already covers (better at scale);
   * otherwise each row takes its best count from the start (better when agents are few).
   */
  const attempt = (fewestFirst: boolean) => {
    coverage = new Coverage(model, T);
    assignment = model.employees.map(() => new Array<number>(D).fill(OFF));
    const chosen: (number[] | undefined)[] = units.map(() => undefined);
    for (const i of order) {
      chosen[i] = bestRow(units[i]!, fewestFirst);
      commit(units[i]!, chosen[i], 1);
    }
    for (let pass = 0; pass < passes && Date.now() < stopAt; pass++) {
      for (const i of order) {
        if (Date.now() >= stopAt) break;
        commit(units[i]!, chosen[i], -1);
        let next = bestRow(units[i]!) ?? chosen[i];
        const alt = dpRow(units[i]!);
        if (alt && (!next || rowValue(units[i]!, alt) > rowValue(units[i]!, next) + 1e-9)) next = alt;
        chosen[i] = next;
        commit(units[i]!, next, 1);
      }
    }
    const unplaced = units.flatMap((u, i) => (chosen[i] ? [] : u.members.map((e) => model.employees[e]!.id)));
    const brokenLinks = repairLinks(model, rules, assignment, {
      movable: singles,
      value: (cell, by) => (by > 0 ? coverage.gain[cell]! : coverage.removal(cell)),
      change: (cell, by) => coverage.change(cell, by),
    });
    const objective = coverage.penalty() + assignment.reduce((sum, row, e) => sum + rowCost(compiled, e, row), 0);
    return { assignment, unplaced, brokenLinks, objective };
  };
  const started = Date.now();
  let best = attempt(true);
  if (Date.now() + (Date.now() - started) < stopAt) {
    const other = attempt(false);
    const key = (a: typeof best) => [a.unplaced.length, a.brokenLinks, a.objective];
    const [x, y] = [key(other), key(best)];
    const k = x.findIndex((v, i) => v !== y[i]);
    if (k >= 0 && x[k]! < y[k]!) best = other;
  }
  return best;
}

function requestIndex(model: RosterModel): { type: number; on: boolean; weight: number }[][][] {
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const employeeIndex = new Map(model.employees.map((e, i) => [e.id, i]));
  const out: { type: number; on: boolean; weight: number }[][][] = model.employees.map(() => []);
  for (const r of model.requests) {
    const byDay = out[employeeIndex.get(r.employee)!]!;
    (byDay[r.day] ??= []).push({
      type: r.type === undefined ? -1 : typeIndex.get(r.type)!,
      on: r.on,
      weight: r.weight,
    });
  }
  return out;
}

export interface PolishResult {
  /** Rows replaced. */
  changed: number;
  /** Objective decrease (cover, cost, requests, fairness). */
  gain: number;
}

/**
 * Whole-row best responses on a finished roster: each single employee's row is re-chosen by the pricing
 * DP against everyone else (the engine's moves change a shift or two at a time, so a roster they cannot
 * improve often still has a better row for someone). A row is taken only when it keeps every rule, breaks
 * no handover link that the old row kept, and lowers the objective. Mutates `assignment`; deterministic.
 */
export function polishRoster(
  model: RosterModel,
  assignment: Assignment,
  options: { passes?: number; stopAt?: number } = {},
): PolishResult {
  const pricer = prepare(model);
  if (!pricer) return { changed: 0, gain: 0 };
  const rules = rowCheck(model);
  const { D, T } = rules;
  const coverage = new Coverage(model, T);
  for (const row of assignment) for (let d = 0; d < D; d++) if (row[d] !== OFF) coverage.change(d * T + row[d]!, 1);
  const requestsOf = requestIndex(model);
  const weekendDay = new Uint8Array(D);
  for (const w of model.weekends) for (const d of w) weekendDay[d] = 1;
  const fairness = model.fairness ?? [];
  const links = linkCounter(model, assignment, D, T);
  const grouped = new Set((model.cyclicGroups ?? []).flatMap((g) => g.employees));
  const rc = new Float64Array(D * T);
  const value = (e: number, row: number[]) => {
    let g = 0;
    const counts = fairness.map(() => 0);
    row.forEach((t, d) => {
      if (t === OFF) return;
      g += coverage.gain[d * T + t]! + requestGainOf(requestsOf, e, d, t);
      fairness.forEach((f, k) => {
        const counted = f.kind === 'night' ? rules.night[t] === 1 : weekendDay[d] === 1;
        if (counted && ++counts[k]! > f.target) g -= f.weight;
      });
    });
    return g;
  };
  const place = (row: number[], by: 1 | -1) => {
    for (let d = 0; d < D; d++)
      if (row[d] !== OFF) {
        coverage.change(d * T + row[d]!, by);
        links.change(d * T + row[d]!, by);
      }
  };
  let changed = 0;
  let gain = 0;
  for (let pass = 0; pass < (options.passes ?? 1); pass++) {
    let changedThisPass = 0;
    model.employees.forEach((emp, e) => {
      if (grouped.has(emp.id) || Date.now() >= (options.stopAt ?? Number.POSITIVE_INFINITY)) return;
      const old = assignment[e]!;
      place(old, -1);
      for (let d = 0; d < D; d++)
        for (let t = 0; t < T; t++) rc[d * T + t] = -(coverage.gain[d * T + t]! + requestGainOf(requestsOf, e, d, t));
      const row = cheapestRow(pricer, e, rc);
      const better = row && value(e, row) - value(e, old);
      if (row && better! > 1e-6 && !rules.brokenRule(e, row) && links.broken(row) <= links.broken(old)) {
        place(row, 1);
        assignment[e] = row;
        changed++;
        changedThisPass++;
        gain += better!;
      } else place(old, 1);
    });
    if (changedThisPass === 0) break;
  }
  return { changed, gain };
}

/** Gain of employee e working t on day d against being off, for requests only. */
function requestGainOf(
  requestsOf: { type: number; on: boolean; weight: number }[][][],
  e: number,
  d: number,
  t: number,
) {
  let g = 0;
  for (const r of requestsOf[e]![d] ?? []) {
    // Off never meets a request, so "on" requests gain their weight and "off" ones lose it.
    const hit = r.type < 0 ? t !== OFF : t === r.type;
    if (hit !== r.on) g -= r.weight;
    if (r.on) g += r.weight;
  }
  return g;
}

/** Link counts (workers on `when` and `need` cells) with a query: links broken if a row were added. */
function linkCounter(model: RosterModel, assignment: Assignment, D: number, T: number) {
  const { whenOf, needOf } = linkIndex(model, D, T);
  const links = model.links ?? [];
  const whenN = new Int32Array(links.length);
  const needN = new Int32Array(links.length);
  const change = (cell: number, by: number) => {
    for (const l of whenOf[cell]!) whenN[l]! += by;
    for (const l of needOf[cell]!) needN[l]! += by;
  };
  const addRow = (row: number[], by: number) => {
    for (let d = 0; d < row.length; d++) if (row[d] !== OFF) change(d * T + row[d]!, by);
  };
  for (const row of assignment) addRow(row, 1);
  /** Change in broken links if the row were added (it is not counted yet). */
  const broken = (row: number[]) => {
    const touched = new Set<number>();
    row.forEach((t, d) => {
      if (t === OFF) return;
      for (const l of whenOf[d * T + t]!) touched.add(l);
      for (const l of needOf[d * T + t]!) touched.add(l);
    });
    const count = () => [...touched].filter((l) => whenN[l]! > 0 && needN[l]! === 0).length;
    const before = count();
    addRow(row, 1);
    const after = count();
    addRow(row, -1);
    return after - before;
  };
  return { change, broken };
}
