import { InputError, type InputIssue, issuesFromZod, parseInstant } from '@allhours/core';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import { readCsv } from './csv.js';
import { type ContactRow, contactRowSchema, type IntervalRow, intervalRowSchema } from './schema.js';

/** An interval of history once its start is a UTC instant; `where` names its row for error messages. */
export interface IntervalRecord {
  start: number;
  volume: number;
  ahtSeconds?: number | undefined;
  channel?: string | undefined;
  where?: string;
}

/** A contact once its arrival is a UTC instant. */
export interface ContactRecord {
  timestamp: number;
  handleSeconds?: number | undefined;
  channel?: string | undefined;
  where?: string;
}

/**
 * An instant from ISO with an offset, or from a local wall time (`2026-11-23 08:30`, `2026-11-23T08:30:00`)
 * read in `timeZone` (a repeated fall-back hour takes its first occurrence).
 */
export function parseTimestamp(text: string, timeZone: string): number | undefined {
  const trimmed = text.trim();
  const withOffset = parseInstant(trimmed);
  if (withOffset !== undefined) return withOffset;
  if (!/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(trimmed)) return undefined;
  const dt = DateTime.fromISO(trimmed.replace(' ', 'T'), { zone: timeZone });
  return dt.isValid ? dt.toMillis() : undefined;
}

const NUMBER_FIELDS = new Set(['volume', 'ahtSeconds', 'handleSeconds']);

/** CSV cells → a JSON-like row: numbers where the schema wants numbers, empty cells absent. */
function rowObject(header: string[], cells: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  header.forEach((name, i) => {
    const raw = (cells[i] ?? '').trim();
    if (raw === '') return;
    out[name] = NUMBER_FIELDS.has(name)
      ? /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)
        ? Number(raw)
        : raw
      : raw;
  });
  return out;
}

function validateRows<S extends z.ZodType>(
  schema: S,
  rows: { where: string; path: (string | number)[]; value: unknown }[],
  source: string | undefined,
): { where: string; row: z.output<S> }[] {
  const issues: InputIssue[] = [];
  const out: { where: string; row: z.output<S> }[] = [];
  for (const r of rows) {
    const parsed = schema.safeParse(r.value);
    if (parsed.success) out.push({ where: r.where, row: parsed.data });
    else issues.push(...issuesFromZod(parsed.error, r.path));
    if (issues.length >= 20) break; // enough to fix the file; do not flood the terminal
  }
  if (issues.length) throw new InputError(issues, source);
  return out;
}

export interface RowOptions {
  /** Prefix for error messages (a file name). */
  source?: string | undefined;
  /** How to name each row in errors (`line 7`, `history.intervals[3]`); its index in brackets by default. */
  wheres?: string[] | undefined;
}

/** Rows → records with the named timestamp field as a UTC instant; every unparseable one is reported. */
function withInstants<Row extends Record<F, string>, F extends string, Out>(
  rows: Row[],
  field: F,
  timeZone: string,
  options: RowOptions,
  build: (row: Row, instant: number, where: string) => Out,
): Out[] {
  const issues: InputIssue[] = [];
  const out = rows.map((r, i) => {
    const where = options.wheres?.[i] ?? `[${i}]`;
    const ms = parseTimestamp(r[field], timeZone);
    if (ms === undefined) {
      issues.push({
        path: `${where}.${field}`,
        message: `"${r[field]}" is not a timestamp (ISO with offset, or local YYYY-MM-DD HH:mm in ${timeZone})`,
      });
    }
    return build(r, ms ?? Number.NaN, where);
  });
  if (issues.length) throw new InputError(issues.slice(0, 20), options.source);
  return out;
}

export function intervalRecordsFromRows(
  rows: IntervalRow[],
  timeZone: string,
  options: RowOptions = {},
): IntervalRecord[] {
  return withInstants(rows, 'start', timeZone, options, (r, start, where) => ({
    start,
    volume: r.volume,
    ahtSeconds: r.ahtSeconds,
    channel: r.channel,
    where,
  }));
}

export function contactRecordsFromRows(
  rows: ContactRow[],
  timeZone: string,
  options: RowOptions = {},
): ContactRecord[] {
  return withInstants(rows, 'timestamp', timeZone, options, (r, timestamp, where) => ({
    timestamp,
    handleSeconds: r.handleSeconds,
    channel: r.channel,
    where,
  }));
}

/** Rows of a CSV or JSON file's text: JSON is an array of rows or `{ "intervals" | "contacts": [...] }`. */
function rawRows(
  text: string,
  format: 'intervals' | 'contacts',
  source: string,
): { where: string; path: (string | number)[]; value: unknown }[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new InputError([{ path: '(root)', message: `invalid JSON: ${(e as Error).message}` }], source);
    }
    const list = Array.isArray(data) ? data : (data as Record<string, unknown>)?.[format];
    if (!Array.isArray(list)) {
      throw new InputError([{ path: '(root)', message: `expected an array of rows or {"${format}": [...]}` }], source);
    }
    return list.map((value, i) => ({ where: `[${i}]`, path: [i], value }));
  }
  const table = readCsv(text);
  const required = format === 'intervals' ? ['start', 'volume'] : ['timestamp'];
  const missing = required.filter((c) => !table.header.includes(c));
  if (missing.length) {
    throw new InputError(
      [{ path: 'line 1', message: `missing column(s) ${missing.join(', ')} (header: ${table.header.join(', ')})` }],
      source,
    );
  }
  return table.rows.map((r) => ({
    where: `line ${r.line}`,
    path: [`line ${r.line}`],
    value: rowObject(table.header, r.cells),
  }));
}

/** Parse the text of a history file (CSV or JSON) into records, naming the line and field of any problem. */
export function parseHistoryText(
  text: string,
  format: 'intervals' | 'contacts',
  timeZone: string,
  source: string,
): IntervalRecord[] | ContactRecord[] {
  const raw = rawRows(text, format, source);
  if (format === 'intervals') {
    const valid = validateRows(intervalRowSchema, raw, source);
    return intervalRecordsFromRows(
      valid.map((v) => v.row),
      timeZone,
      { source, wheres: valid.map((v) => v.where) },
    );
  }
  const valid = validateRows(contactRowSchema, raw, source);
  return contactRecordsFromRows(
    valid.map((v) => v.row),
    timeZone,
    { source, wheres: valid.map((v) => v.where) },
  );
}
