import type { RosterModel } from './engine/model.js';

/**
 * The hard links ("if anyone works a `when` cell, someone works a `need` cell") indexed by cell
 * (d·T + t, t the shift type's index): each link's cells, and each cell's links. Shared by the start's
 * link repair and the polish's check that a new row breaks no link the old one kept.
 */
export interface LinkIndex {
  whenCells: number[][];
  needCells: number[][];
  /** Per cell, the links whose `when` holds it. */
  whenOf: number[][];
  /** Per cell, the links whose `need` holds it. */
  needOf: number[][];
}

export function linkIndex(model: RosterModel, D: number, T: number): LinkIndex {
  const links = model.links ?? [];
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const cellOf = (x: { day: number; type: string }) => x.day * T + typeIndex.get(x.type)!;
  const whenOf: number[][] = Array.from({ length: D * T }, () => []);
  const needOf: number[][] = Array.from({ length: D * T }, () => []);
  const whenCells = links.map((l) => l.when.map(cellOf));
  const needCells = links.map((l) => l.need.map(cellOf));
  whenCells.forEach((cells, l) => {
    for (const c of cells) whenOf[c]!.push(l);
  });
  needCells.forEach((cells, l) => {
    for (const c of cells) needOf[c]!.push(l);
  });
  return { whenCells, needCells, whenOf, needOf };
}
