/**
 * Reader for the Curtois nurse-rostering instances (schedulingbenchmarks.org, Instances 1–24) into
 * the engine's RosterModel. Every benchmark rule maps onto a general model feature:
 * rotation → forbiddenSuccessions, MaxShifts → maxShiftsPerType, Min/MaxTotalMinutes → workload,
 * consecutive rules and MaxWeekends as such, DAYS_OFF → fixedDaysOff, on/off requests → requests,
 * cover per (day, shift) → one cover row with one term.
 */
import { InputError, parseInput } from '@allhours/core';
import { type RosterModel, type RosterModelInput, rosterModelSchema } from '../engine/model.js';

type Section = { name: string; rows: { line: number; fields: string[] }[] };

function sections(text: string): Section[] {
  const out: Section[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('SECTION_')) out.push({ name: line, rows: [] });
    else if (out.length > 0)
      out[out.length - 1]!.rows.push({ line: i + 1, fields: line.split(',').map((f) => f.trim()) });
    else throw new InputError([{ path: `line ${i + 1}`, message: 'data before the first SECTION_ header' }]);
  });
  return out;
}

/** Parse an instance file's text; `source` names it in error messages. */
export function readCurtois(text: string, source = 'instance'): RosterModel {
  const all = sections(text);
  const section = (name: string) => all.find((s) => s.name === name)?.rows ?? [];
  const fail = (line: number, message: string): never => {
    throw new InputError([{ path: `line ${line}`, message }], source);
  };
  const int = (row: { line: number; fields: string[] }, k: number, what: string): number => {
    const s = row.fields[k];
    const n = Number(s);
    if (s === undefined || s === '' || !Number.isInteger(n))
      fail(row.line, `${what} must be an integer, got "${s ?? ''}"`);
    return n;
  };

  const horizon = section('SECTION_HORIZON')[0];
  if (!horizon) throw new InputError([{ path: 'SECTION_HORIZON', message: 'missing' }], source);
  const days = int(horizon, 0, 'horizon');
  const shiftRows = section('SECTION_SHIFTS');
  const shiftTypes = shiftRows.map((r) => ({ id: r.fields[0]!, minutes: int(r, 1, 'shift length') }));
  const forbiddenSuccessions = shiftRows.flatMap((r) =>
    (r.fields[2] ?? '')
      .split('|')
      .filter((s) => s !== '')
      .map((second) => ({ first: r.fields[0]!, second })),
  );
  const employees = section('SECTION_STAFF').map((r) => {
    if (r.fields.length < 8) fail(r.line, 'staff rows have 8 fields');
    const maxShiftsPerType: Record<string, number> = {};
    for (const part of r.fields[1]!.split('|').filter((p) => p !== '')) {
      const [type, max] = part.split('=');
      const n = Number(max);
      if (!type || !Number.isInteger(n)) fail(r.line, `MaxShifts entry "${part}" is not TYPE=number`);
      maxShiftsPerType[type!] = n;
    }
    return {
      id: r.fields[0]!,
      maxShiftsPerType,
      workload: [
        { fromDay: 0, toDay: days, maxMinutes: int(r, 2, 'MaxTotalMinutes'), minMinutes: int(r, 3, 'MinTotalMinutes') },
      ],
      maxConsecutiveShifts: int(r, 4, 'MaxConsecutiveShifts'),
      minConsecutiveShifts: int(r, 5, 'MinConsecutiveShifts'),
      minConsecutiveDaysOff: int(r, 6, 'MinConsecutiveDaysOff'),
      maxWeekends: int(r, 7, 'MaxWeekends'),
      fixedDaysOff: [] as number[],
    };
  });
  const byId = new Map(employees.map((e) => [e.id, e]));
  for (const r of section('SECTION_DAYS_OFF')) {
    const emp = byId.get(r.fields[0]!) ?? fail(r.line, `unknown employee "${r.fields[0]}"`);
    for (let k = 1; k < r.fields.length; k++) emp.fixedDaysOff.push(int(r, k, 'day index'));
  }
  const requests = (name: string, on: boolean) =>
    section(name).map((r) => ({
      employee: r.fields[0]!,
      day: int(r, 1, 'day'),
      type: r.fields[2]!,
      on,
      weight: int(r, 3, 'weight'),
    }));
  const cover = section('SECTION_COVER').map((r) => ({
    id: `${r.fields[0]}/${r.fields[1]}`,
    terms: [{ day: int(r, 0, 'day'), type: r.fields[1]! }],
    requirement: int(r, 2, 'requirement'),
    underWeight: int(r, 3, 'under weight'),
    overWeight: int(r, 4, 'over weight'),
  }));
  const weekends = Array.from({ length: Math.floor(days / 7) }, (_, w) => [7 * w + 5, 7 * w + 6]);
  const model: RosterModelInput = {
    days,
    shiftTypes,
    forbiddenSuccessions,
    weekends,
    employees,
    requests: [...requests('SECTION_SHIFT_ON_REQUESTS', true), ...requests('SECTION_SHIFT_OFF_REQUESTS', false)],
    cover,
  };
  return parseInput(rosterModelSchema, model, source);
}
