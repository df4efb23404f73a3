import type { RowCheck } from './engine/index.js';
import { type Assignment, OFF, type RosterModel } from './engine/model.js';
import { linkIndex } from './link-index.js';

/** What the repair may change, and how it prices and reports a change of a cell's workers. */
export interface LinkRepairOptions {
  /** Employees whose rows may change (not members of cyclic groups). */
  movable: Set<number>;
  /** Objective decrease of one worker more (+1) or fewer (−1) on cell d·T + t, at the current roster. */
  value: (cell: number, by: 1 | -1) => number;
  /** Tell the caller a cell gained or lost a worker. */
  change: (cell: number, by: 1 | -1) => void;
}

/** Legality checks per broken link: the best-scored candidate edits only (this bounds the repair's work). */
const CHECKS_PER_LINK = 400;

/**
 * How far a shift may move to mend a link: a week either way, since weekly maxima are per calendar week
 * and a week's other shifts are where a mending shift can come from (±3 days left a Saturday handover on
 * the 60-agent benchmark open: every agent able to take it was at its weekly maximum by Tuesday).
 */
const MOVE_DAYS = 6;

type Edit = { day: number; type: number }[];

/**
 * Repair of hard links ("if anyone works a `when` cell, someone works a `need` cell") in a roster whose
 * rows each keep their own rules: for each broken link, try single-row edits — put an employee on a
 * `need` cell (changing that day's type, adding a shift, or moving one from a nearby day), or take the
 * only worker off a `when` cell (another type, a day off, or the shift moved to a nearby day off) — and
 * apply the most valuable legal edit that breaks fewer links than it mends. Rows stay legal throughout
 * (each edit is checked). Mutates `assignment`; returns the number of links still broken.
 */
export function repairLinks(
  model: RosterModel,
  rules: RowCheck,
  assignment: Assignment,
  options: LinkRepairOptions,
): number {
  const links = model.links ?? [];
  if (links.length === 0) return 0;
  const { D, T } = rules;
  const { whenCells, needCells, whenOf, needOf } = linkIndex(model, D, T);
  const count = new Int32Array(D * T);
  const workers: Set<number>[] = Array.from({ length: D * T }, () => new Set());
  assignment.forEach((row, e) => {
    row.forEach((t, d) => {
      if (t === OFF) return;
      count[d * T + t]!++;
      workers[d * T + t]!.add(e);
    });
  });
  const whenN = new Int32Array(links.length);
  const needN = new Int32Array(links.length);
  for (let l = 0; l < links.length; l++) {
    for (const c of whenCells[l]!) whenN[l]! += count[c]!;
    for (const c of needCells[l]!) needN[l]! += count[c]!;
  }
  const broken = (w: number, n: number) => w > 0 && n === 0;

  /** Cell changes of an edit of employee e's row. */
  const cellChanges = (e: number, edit: Edit) => {
    const out: { cell: number; by: 1 | -1 }[] = [];
    for (const { day, type } of edit) {
      const old = assignment[e]![day]!;
      if (old !== OFF) out.push({ cell: day * T + old, by: -1 });
      if (type !== OFF) out.push({ cell: day * T + type, by: 1 });
    }
    return out;
  };
  /** Change in the number of broken links. */
  const linkDelta = (changes: { cell: number; by: 1 | -1 }[]) => {
    const delta = new Map<number, [number, number]>();
    for (const { cell, by } of changes) {
      for (const l of whenOf[cell]!) {
        const d = delta.get(l) ?? [0, 0];
        d[0] += by;
        delta.set(l, d);
      }
      for (const l of needOf[cell]!) {
        const d = delta.get(l) ?? [0, 0];
        d[1] += by;
        delta.set(l, d);
      }
    }
    let change = 0;
    for (const [l, [dw, dn]] of delta)
      change += Number(broken(whenN[l]! + dw, needN[l]! + dn)) - Number(broken(whenN[l]!, needN[l]!));
    return change;
  };
  const apply = (e: number, edit: Edit) => {
    for (const { cell, by } of cellChanges(e, edit)) {
      count[cell]! += by;
      if (by > 0) workers[cell]!.add(e);
      else workers[cell]!.delete(e);
      for (const l of whenOf[cell]!) whenN[l]! += by;
      for (const l of needOf[cell]!) needN[l]! += by;
      options.change(cell, by);
    }
    for (const { day, type } of edit) assignment[e]![day] = type;
  };

  const candidates = (l: number): { e: number; edit: Edit }[] => {
    const out: { e: number; edit: Edit }[] = [];
    for (const cell of needCells[l]!) {
      const day = Math.floor(cell / T);
      const type = cell % T;
      for (const e of options.movable) {
        if (rules.allowedRow(e)[cell] !== 1) continue;
        const row = assignment[e]!;
        if (row[day] === type) continue;
        out.push({ e, edit: [{ day, type }] });
        if (row[day] !== OFF) continue;
        for (let other = Math.max(0, day - MOVE_DAYS); other <= Math.min(D - 1, day + MOVE_DAYS); other++)
          if (other !== day && row[other] !== OFF)
            out.push({
              e,
              edit: [
                { day, type },
                { day: other, type: OFF },
              ],
            });
      }
    }
    // Or empty the `when` side when a single worker triggers it: another type that day, or off.
    if (whenN[l] === 1) {
      for (const cell of whenCells[l]!) {
        for (const e of workers[cell]!) {
          if (!options.movable.has(e)) continue;
          const day = Math.floor(cell / T);
          const allowed = rules.allowedRow(e);
          for (let t = 0; t < T; t++)
            if (t !== cell % T && allowed[day * T + t] === 1) out.push({ e, edit: [{ day, type: t }] });
          out.push({ e, edit: [{ day, type: OFF }] });
          // Or the shift moved to a nearby day off (a weekly minimum may forbid dropping it).
          const row = assignment[e]!;
          for (let other = Math.max(0, day - MOVE_DAYS); other <= Math.min(D - 1, day + MOVE_DAYS); other++) {
            if (other === day || row[other] !== OFF) continue;
            for (let t = 0; t < T; t++)
              if (allowed[other * T + t] === 1)
                out.push({
                  e,
                  edit: [
                    { day, type: OFF },
                    { day: other, type: t },
                  ],
                });
          }
        }
      }
    }
    return out;
  };

  const editValue = (e: number, edit: Edit) => {
    let v = 0;
    for (const { cell, by } of cellChanges(e, edit)) v += options.value(cell, by);
    return v;
  };

  for (let round = 0; round < 5; round++) {
    let mended = 0;
    for (let l = 0; l < links.length; l++) {
      if (!broken(whenN[l]!, needN[l]!)) continue;
      const scored = candidates(l)
        .map((c) => ({ ...c, links: linkDelta(cellChanges(c.e, c.edit)) }))
        .filter((c) => c.links < 0)
        .map((c) => ({ ...c, value: editValue(c.e, c.edit) }))
        .sort((a, b) => a.links - b.links || b.value - a.value);
      for (const c of scored.slice(0, CHECKS_PER_LINK)) {
        const row = assignment[c.e]!.slice();
        for (const { day, type } of c.edit) row[day] = type;
        if (rules.brokenRule(c.e, row) === undefined) {
          apply(c.e, c.edit);
          mended++;
          break;
        }
      }
    }
    if (mended === 0) break;
  }
  let left = 0;
  for (let l = 0; l < links.length; l++) if (broken(whenN[l]!, needN[l]!)) left++;
  return left;
}
