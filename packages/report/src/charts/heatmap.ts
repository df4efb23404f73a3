import { formatLocalTime, localDayBounds, localDayIntervals, type Series } from '@allhours/core';
import { wallClock } from '../wall-clock.js';
import { gapColor, MUTED } from './palette.js';
import { el, fmt, svgRoot, text, tip } from './svg.js';
import { dayLabel } from './time-axis.js';

export interface HeatmapInput {
  id: string;
  title: string;
  timeZone: string;
  /** Agents required per interval (same grid as `scheduled`). */
  required: Series;
  scheduled: Series;
  /** Local dates to show, one row each. */
  dates: readonly string[];
  width?: number;
}

interface Cell {
  instant: number;
  required: number | undefined;
  scheduled: number | undefined;
}

/**
 * Scheduled − required agents, one row per local day and one column per local time slot. A day with a
 * DST change keeps its true length: the skipped hour is hatched, the repeated hour shows both occurrences
 * as a cell split in two (first occurrence on top).
 */
export function coverageHeatmap(input: HeatmapInput): string {
  const minutes = input.required.intervalMinutes;
  const cols = 1440 / minutes;
  const left = 118;
  const top = 46;
  const width = input.width ?? 1100;
  const cellW = (width - left - 16) / cols;
  const cellH = 20;
  const gridH = input.dates.length * cellH;
  const height = top + gridH + 78;
  const parts: string[] = [];

  const rows = input.dates.map((date) => dayCells(date, input));
  const gaps = rows.flatMap((r) => r.cells.flat()).flatMap((c) => (c.required === undefined ? [] : [gap(c)]));
  const scale = Math.max(2, Math.ceil(quantile(gaps.map(Math.abs), 0.95)));

  parts.push(
    el(
      'defs',
      {},
      el(
        'pattern',
        { id: `${input.id}-skip`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        el('rect', { width: 6, height: 6, fill: '#fff' }),
        el('line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: '#9aa5b1', 'stroke-width': 2 }),
      ),
    ),
  );
  rows.forEach((row, r) => {
    const y = top + r * cellH;
    const hours = row.lengthMinutes / 60;
    const dst = hours === 24 ? '' : ` (${fmt(hours, 1)} h)`;
    parts.push(
      text(left - 8, y + cellH / 2 + 4, `${dayLabel(row.date)}${dst}`, { 'text-anchor': 'end', class: 'tick' }),
    );
    for (let c = 0; c < cols; c++) {
      const x = left + c * cellW;
      const cells = row.cells[c] ?? [];
      const slot = `${formatLocalTime(c * minutes)}–${formatLocalTime((c + 1) * minutes)}`;
      if (cells.length === 0) {
        parts.push(
          el(
            'rect',
            { x, y, width: cellW, height: cellH, fill: `url(#${input.id}-skip)`, class: 'cell-skipped' },
            tip(`${dayLabel(row.date)} ${slot}: does not exist (clocks moved forward)`),
          ),
        );
        continue;
      }
      const h = cellH / cells.length;
      cells.forEach((cell, k) => {
        const label =
          cell.required === undefined
            ? `${dayLabel(row.date)} ${slot}${cells.length > 1 ? ` (${k + 1}. occurrence)` : ''}: no data`
            : `${dayLabel(row.date)} ${slot}${cells.length > 1 ? ` (${k + 1}. occurrence)` : ''}: required ${fmt(cell.required, 1)}, scheduled ${fmt(cell.scheduled ?? 0, 1)}`;
        parts.push(
          el(
            'rect',
            {
              x,
              y: y + k * h,
              width: cellW,
              height: h,
              fill: cell.required === undefined ? '#e4e7eb' : gapColor(gap(cell), scale),
              class: 'cell',
            },
            tip(label),
          ),
        );
      });
      if (cells.length > 1) {
        parts.push(el('line', { x1: x, y1: y + h, x2: x + cellW, y2: y + h, stroke: '#fff', 'stroke-width': 0.6 }));
      }
    }
    parts.push(el('line', { x1: left, y1: y + cellH, x2: left + cols * cellW, y2: y + cellH, stroke: '#fff' }));
  });
  const perHour = 60 / minutes;
  for (let hr = 0; hr <= 24; hr += 3) {
    const x = left + hr * perHour * cellW;
    parts.push(el('line', { x1: x, y1: top - 4, x2: x, y2: top + gridH, stroke: '#fff', 'stroke-width': 1.5 }));
    const label = hr === 24 ? '24:00' : formatLocalTime(hr * 60);
    parts.push(text(x, top - 8, label, { 'text-anchor': 'middle', class: 'tick' }));
  }
  parts.push(
    text(left + (cols * cellW) / 2, 16, `Local time of day (${input.timeZone})`, {
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
  );
  parts.push(colorLegend(input.id, left, top + gridH + 24, scale));
  const short = gaps.filter((g) => g < -0.5).length;
  const desc =
    `Scheduled minus required agents for ${input.dates.length} days in ${input.timeZone}; ` +
    `${short} of ${gaps.length} intervals short of the requirement.`;
  return svgRoot(input.id, width, height, input.title, desc, parts.join(''));
}

function gap(c: Cell): number {
  return (c.scheduled ?? 0) - (c.required ?? 0);
}

/** Cells of one local day grouped by wall-clock column. */
function dayCells(date: string, input: HeatmapInput): { date: string; lengthMinutes: number; cells: Cell[][] } {
  const minutes = input.required.intervalMinutes;
  const [start, end] = localDayBounds(date, input.timeZone);
  const cells: Cell[][] = [];
  for (const instant of localDayIntervals(date, input.timeZone, minutes)) {
    const col = Math.floor(wallClock(instant, input.timeZone).minuteOfDay / minutes);
    (cells[col] ??= []).push({
      instant,
      required: valueAt(input.required, instant),
      scheduled: valueAt(input.scheduled, instant),
    });
  }
  return { date, lengthMinutes: (end - start) / 60_000, cells };
}

function valueAt(series: Series, instant: number): number | undefined {
  const i = Math.round((instant - series.start) / (series.intervalMinutes * 60_000));
  return i >= 0 && i < series.values.length ? series.values[i] : undefined;
}

function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

function colorLegend(id: string, x: number, y: number, scale: number): string {
  const steps = 2 * Math.min(scale, 8) + 1;
  const w = 22;
  const parts: string[] = [text(x, y - 6, 'scheduled − required agents', { class: 'legend' })];
  for (let i = 0; i < steps; i++) {
    const g = Math.round(((i - (steps - 1) / 2) / ((steps - 1) / 2)) * scale);
    parts.push(el('rect', { x: x + i * w, y, width: w, height: 12, fill: gapColor(g, scale), stroke: '#fff' }));
    if (i === 0 || i === steps - 1 || i === (steps - 1) / 2) {
      parts.push(
        text(x + i * w + w / 2, y + 26, g > 0 ? `+${g}` : String(g), { 'text-anchor': 'middle', class: 'tick' }),
      );
    }
  }
  const after = x + steps * w + 16;
  parts.push(
    text(after, y + 10, 'red = short, blue = over;', { class: 'legend' }),
    el('rect', {
      x: after + 180,
      y,
      width: 18,
      height: 12,
      fill: `url(#${id}-skip)`,
      stroke: MUTED,
      'stroke-width': 0.5,
    }),
    text(after + 204, y + 10, 'hour skipped by DST; split cell = hour repeated', { class: 'legend' }),
  );
  return el('g', { class: 'legend-group' }, ...parts);
}
