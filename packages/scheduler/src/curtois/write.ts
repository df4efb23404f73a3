import type { Assignment, RosterModel } from '../engine/model.js';

/**
 * A roster as a tab-separated table: header `employee` + day indexes 0…D−1, then one row per
 * employee with its ID and, per day, the shift ID worked or an empty cell.
 */
export function rosterToTsv(model: RosterModel, assignment: Assignment): string {
  const header = ['employee', ...Array.from({ length: model.days }, (_, d) => String(d))];
  const rows = model.employees.map((emp, e) => [
    emp.id,
    ...assignment[e]!.map((t) => (t < 0 ? '' : model.shiftTypes[t]!.id)),
  ]);
  return `${[header, ...rows].map((r) => r.join('\t')).join('\n')}\n`;
}
