/**
 * Fast local search between MIP neighbourhoods: simulated annealing over block moves that keep every
 * hard rule (a move is applied only if the changed rows pass `employeeViolations`), with the soft
 * objective updated incrementally (cover counts, requests, cost, fairness).
 * Moves: (1) exchange two blocks of days within one row (hours kept, cover moves);
 * (2) set a block of 1–4 days of one employee to one value (off or a type);
 * (3) swap a block of days between two employees (cover unchanged, requests and rules move).
 * Not used when the model has links or cyclic groups (rules that couple employees).
 */
import type { Random } from '@allhours/core';
import type { Compiled } from './compile.js';
import { employeeViolations } from './evaluate.js';
import { type Assignment, OFF } from './model.js';

export interface LocalSearchResult {
  best: Assignment;
  /** Objective change of `best` against the start (≤ 0). */
  delta: number;
  moves: number;
}

export function localSearchApplies(c: Compiled): boolean {
  return (c.model.links?.length ?? 0) === 0 && c.groups.length === 0;
}

export function localSearch(c: Compiled, start: Assignment, random: Random, stopAt: number): LocalSearchResult {
  const { E, D, T, model } = c;
  const rows = start.map((r) => r.slice());
  const count = new Float64Array(c.cover.length);
  for (let e = 0; e < E; e++)
    for (let d = 0; d < D; d++) {
      const t = rows[e]![d]!;
      if (t !== OFF) for (const i of c.coverOfCell[d * T + t]!) count[i]!++;
    }
  const coverPenalty = (i: number, n: number) => {
    const row = c.cover[i]!;
    return row.underWeight * Math.max(0, row.requirement - n) + row.overWeight * Math.max(0, n - row.requirement);
  };
  const requestsOn = c.requests.map((list) => {
    const byDay: { type: number; on: boolean; weight: number }[][] = Array.from({ length: D }, () => []);
    for (const r of list) byDay[r.day]!.push(r);
    return byDay;
  });
  /** Request penalty of employee e working t on day d. */
  const requestCost = (e: number, d: number, t: number) => {
    let p = 0;
    for (const r of requestsOn[e]![d]!) {
      const hit = r.type < 0 ? t !== OFF : t === r.type;
      if (hit !== r.on) p += r.weight;
    }
    return p;
  };
  const weekend = Array.from({ length: D }, (_, d) => c.weekendDays.has(d));
  const fairness = model.fairness ?? [];
  const fairCount = (row: number[], kind: 'night' | 'weekend') => {
    let n = 0;
    for (let d = 0; d < D; d++) {
      const t = row[d]!;
      if (t !== OFF && (kind === 'night' ? c.night[t] : weekend[d])) n++;
    }
    return n;
  };
  const fairPenalty = (row: number[]) => {
    let p = 0;
    for (const f of fairness) p += f.weight * Math.max(0, fairCount(row, f.kind) - f.target);
    return p;
  };
  const allowed = (e: number, d: number, t: number) => t === OFF || c.allowed[(e * D + d) * T + t] === 1;

  /** Set rows[e][d] = t, returning the objective change (cover, request, cost; fairness separately). */
  const set = (e: number, d: number, t: number): number => {
    const old = rows[e]![d]!;
    if (old === t) return 0;
    let delta = requestCost(e, d, t) - requestCost(e, d, old);
    if (old !== OFF) {
      delta -= c.cost[d * T + old]!;
      for (const i of c.coverOfCell[d * T + old]!) {
        delta += coverPenalty(i, count[i]! - 1) - coverPenalty(i, count[i]!);
        count[i]!--;
      }
    }
    if (t !== OFF) {
      delta += c.cost[d * T + t]!;
      for (const i of c.coverOfCell[d * T + t]!) {
        delta += coverPenalty(i, count[i]! + 1) - coverPenalty(i, count[i]!);
        count[i]!++;
      }
    }
    rows[e]![d] = t;
    return delta;
  };

  let total = 0;
  let bestTotal = 0;
  let best = rows.map((r) => r.slice());
  let moves = 0;
  const startTime = Date.now();
  const span = Math.max(1, stopAt - startTime);
  let temperature = 3;
  const undo: [number, number, number][] = [];
  while (true) {
    if ((moves & 255) === 0) {
      const now = Date.now();
      if (now >= stopAt) break;
      // Cool geometrically from 3 to 0.05 over the slice.
      temperature = 3 * (0.05 / 3) ** ((now - startTime) / span);
    }
    moves++;
    undo.length = 0;
    let delta = 0;
    const touched: number[] = [];
    const k = 1 + random.int(Math.min(4, D));
    const d0 = random.int(D - k + 1);
    const kind = random.next();
    if (kind < 0.3) {
      // Exchange two blocks of days within one row: hours and type counts stay, cover moves.
      const e = random.int(E);
      const d1 = random.int(D - k + 1);
      if (Math.abs(d1 - d0) < k) continue;
      let ok = true;
      for (let i = 0; i < k; i++)
        if (!allowed(e, d0 + i, rows[e]![d1 + i]!) || !allowed(e, d1 + i, rows[e]![d0 + i]!)) ok = false;
      if (!ok) continue;
      const fairBefore = fairness.length ? fairPenalty(rows[e]!) : 0;
      for (let i = 0; i < k; i++) {
        const a = rows[e]![d0 + i]!;
        const b = rows[e]![d1 + i]!;
        if (a === b) continue;
        undo.push([e, d0 + i, a], [e, d1 + i, b]);
        delta += set(e, d0 + i, b);
        delta += set(e, d1 + i, a);
      }
      if (fairness.length) delta += fairPenalty(rows[e]!) - fairBefore;
      touched.push(e);
    } else if (kind < 0.65) {
      const e = random.int(E);
      const value = random.int(T + 1) - 1;
      let ok = true;
      for (let d = d0; d < d0 + k; d++) if (!allowed(e, d, value)) ok = false;
      if (!ok) continue;
      const fairBefore = fairness.length ? fairPenalty(rows[e]!) : 0;
      for (let d = d0; d < d0 + k; d++) {
        undo.push([e, d, rows[e]![d]!]);
        delta += set(e, d, value);
      }
      if (fairness.length) delta += fairPenalty(rows[e]!) - fairBefore;
      touched.push(e);
    } else {
      const e1 = random.int(E);
      const e2 = random.int(E);
      if (e1 === e2) continue;
      let ok = true;
      for (let d = d0; d < d0 + k; d++)
        if (!allowed(e1, d, rows[e2]![d]!) || !allowed(e2, d, rows[e1]![d]!)) ok = false;
      if (!ok) continue;
      const fairBefore = fairness.length ? fairPenalty(rows[e1]!) + fairPenalty(rows[e2]!) : 0;
      for (let d = d0; d < d0 + k; d++) {
        const a = rows[e1]![d]!;
        const b = rows[e2]![d]!;
        if (a === b) continue;
        undo.push([e1, d, a], [e2, d, b]);
        delta += set(e1, d, b);
        delta += set(e2, d, a);
      }
      if (fairness.length) delta += fairPenalty(rows[e1]!) + fairPenalty(rows[e2]!) - fairBefore;
      touched.push(e1, e2);
    }
    if (undo.length === 0) continue;
    const accept = delta <= 0 || random.next() < Math.exp(-delta / temperature);
    if (accept && touched.every((e) => employeeViolations(model, e, rows[e]!, true).length === 0)) {
      total += delta;
      if (total < bestTotal - 1e-9) {
        bestTotal = total;
        best = rows.map((r) => r.slice());
      }
      continue;
    }
    for (let u = undo.length - 1; u >= 0; u--) {
      const [e, d, t] = undo[u]!;
      set(e, d, t);
    }
  }
  return { best, delta: bestTotal, moves };
}
