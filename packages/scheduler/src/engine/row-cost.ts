import type { Compiled } from './compile.js';
import { OFF } from './model.js';

/**
 * The employee's own part of the objective for a row: assignment cost, requests, fairness (all but cover).
 * The solvers' per-row form of what `evaluate` judges for a whole roster (which stays independent of it).
 */
export function rowCost(c: Compiled, e: number, row: readonly number[]): number {
  const { D, T } = c;
  let total = 0;
  for (let d = 0; d < D; d++) if (row[d] !== OFF) total += c.cost[d * T + row[d]!]!;
  for (const r of c.requests[e]!) {
    const hit = r.type < 0 ? row[r.day] !== OFF : row[r.day] === r.type;
    if (r.on !== hit) total += r.weight;
  }
  for (const f of c.model.fairness ?? []) {
    let n = 0;
    for (let d = 0; d < D; d++) {
      const t = row[d]!;
      if (t !== OFF && (f.kind === 'night' ? c.night[t] : c.weekendDays.has(d))) n++;
    }
    total += f.weight * Math.max(0, n - f.target);
  }
  return total;
}

/**
 * The row's own cost less the prices of the cover rows it counts in (once per cell that counts there): its
 * value at those prices, as the pricing program reports it.
 */
export function pricedRowCost(c: Compiled, e: number, row: readonly number[], prices: ArrayLike<number>): number {
  let value = rowCost(c, e, row);
  for (let d = 0; d < c.D; d++) {
    if (row[d] === OFF) continue;
    for (const r of c.coverOfCell[d * c.T + row[d]!]!) value -= prices[r]!;
  }
  return value;
}
