import { MINUTE_MS } from '@allhours/core';
import type { Template } from './request.js';

/**
 * Stage 3, break placement: each shift's breaks go inside their windows, on the grid, staggered so
 * that coverage holds — every break takes the candidate start whose intervals have the largest
 * surplus (scheduled − required) left, and then lowers the surplus it used. Greedy, in order of shift
 * start; a shift's own breaks never overlap.
 */
export interface BreakShift {
  channel: string;
  start: number;
  end: number;
  template: Template;
}

export interface BreakGrid {
  origin: number;
  intervalMinutes: number;
  intervals: number;
  /** surplus[channel][i] = on duty − required, updated as breaks are placed. */
  surplus: Map<string, number[]>;
}

export function placeBreaks(shifts: BreakShift[], grid: BreakGrid): { start: number; end: number }[][] {
  const step = grid.intervalMinutes * MINUTE_MS;
  const order = shifts.map((_, k) => k).sort((a, b) => shifts[a]!.start - shifts[b]!.start);
  const out: { start: number; end: number }[][] = shifts.map(() => []);
  const touched = (from: number, to: number): number[] => {
    const out: number[] = [];
    const first = Math.floor((from - grid.origin) / step);
    const last = Math.ceil((to - grid.origin) / step);
    for (let i = Math.max(0, first); i < Math.min(grid.intervals, last); i++) out.push(i);
    return out;
  };
  for (const k of order) {
    const shift = shifts[k]!;
    const surplus = grid.surplus.get(shift.channel);
    const placed: { start: number; end: number }[] = [];
    const windows = [...shift.template.breaks].sort((a, b) => a.earliestAfterMinutes - b.earliestAfterMinutes);
    for (const b of windows) {
      const length = b.minutes * MINUTE_MS;
      let best: { start: number; score: [number, number] } | undefined;
      // Candidates: every grid-aligned start in the window, plus the window's own ends.
      const lo = shift.start + b.earliestAfterMinutes * MINUTE_MS;
      const hi = shift.start + b.latestAfterMinutes * MINUTE_MS;
      const candidates = new Set<number>([lo, hi]);
      for (let t = Math.ceil((lo - grid.origin) / step) * step + grid.origin; t <= hi; t += step) candidates.add(t);
      for (const start of [...candidates].sort((x, y) => x - y)) {
        const end = start + length;
        if (end > shift.end || placed.some((p) => start < p.end && p.start < end)) continue;
        const cells = touched(start, end);
        const values = cells.map((i) => surplus?.[i] ?? 0);
        const score: [number, number] = [Math.min(...values, 1e9), values.reduce((s, v) => s + v, 0)];
        if (!best || score[0] > best.score[0] || (score[0] === best.score[0] && score[1] > best.score[1]))
          best = { start, score };
      }
      if (!best) continue;
      placed.push({ start: best.start, end: best.start + length });
      if (surplus) for (const i of touched(best.start, best.start + length)) surplus[i]!--;
    }
    out[k] = placed.sort((a, b) => a.start - b.start);
  }
  return out;
}
