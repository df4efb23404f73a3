import type { BarSeries } from './bars.js';
import { GRID, MUTED } from './palette.js';
import { el, fmt, legend, linear, niceTicks, num, svgRoot, text, tip } from './svg.js';

export interface ColumnChartInput {
  id: string;
  title: string;
  /** One group of columns per category, left to right (agents). */
  categories: readonly string[];
  series: readonly BarSeries[];
  /** Optional bands under the labels (sites): categories [from, to). */
  groups?: readonly { label: string; from: number; to: number }[];
  valueLabel: string;
  format?: (value: number) => string;
  width?: number;
}

/** Vertical grouped columns: many categories side by side in one screen height (nights, weekends per agent). */
export function columnChart(input: ColumnChartInput): string {
  const format = input.format ?? ((v: number) => fmt(v, 1));
  const width = input.width ?? 1100;
  const left = 56;
  const right = 12;
  const top = 40;
  const plotH = 200;
  const labelH = Math.min(90, 12 + 5.5 * Math.max(...input.categories.map((c) => c.length), 1));
  const groupsH = input.groups && input.groups.length > 0 ? 22 : 0;
  const height = top + plotH + labelH + groupsH + 30;
  const n = Math.max(1, input.categories.length);
  const slot = (width - left - right) / n;
  const barW = Math.max(1, (slot * 0.8) / Math.max(1, input.series.length));
  const max = Math.max(0, ...input.series.flatMap((s) => s.values));
  const ticks = niceTicks(max, 4);
  const y = linear(0, ticks[ticks.length - 1]!, top + plotH, top);
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(el('line', { x1: left, y1: y(t), x2: width - right, y2: y(t), stroke: GRID }));
    parts.push(text(left - 6, y(t) + 4, format(t), { 'text-anchor': 'end', class: 'tick' }));
  }
  const labelEvery = slot >= 9 ? 1 : Math.ceil(9 / slot);
  input.categories.forEach((category, c) => {
    const x0 = left + c * slot + slot * 0.1;
    input.series.forEach((s, k) => {
      const v = Math.max(0, s.values[c] ?? 0);
      parts.push(
        el(
          'rect',
          { x: x0 + k * barW, y: y(v), width: barW, height: top + plotH - y(v), fill: s.color, class: 'bar' },
          tip(`${category} — ${s.label}: ${format(v)}`),
        ),
      );
    });
    if (c % labelEvery === 0) {
      const lx = left + (c + 0.5) * slot + 3;
      const ly = top + plotH + 8;
      parts.push(
        text(lx, ly, category, {
          transform: `rotate(-90 ${num(lx)} ${num(ly)})`,
          'text-anchor': 'end',
          class: 'tick-small',
        }),
      );
    }
  });
  for (const g of input.groups ?? []) {
    const xa = left + g.from * slot;
    const xb = left + g.to * slot;
    const gy = top + plotH + labelH + 6;
    parts.push(
      el('line', { x1: xa + 2, y1: gy, x2: xb - 2, y2: gy, stroke: MUTED, 'stroke-width': 1.5 }),
      text((xa + xb) / 2, gy + 14, g.label, { 'text-anchor': 'middle', class: 'tick' }),
      el('line', { x1: xa, y1: top, x2: xa, y2: top + plotH, stroke: '#cbd2d9', 'stroke-dasharray': '3 3' }),
    );
  }
  parts.push(
    el('line', { x1: left, y1: top + plotH, x2: width - right, y2: top + plotH, stroke: MUTED }),
    text(14, top + plotH / 2, input.valueLabel, {
      transform: `rotate(-90 14 ${num(top + plotH / 2)})`,
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
    legend(
      left,
      18,
      input.series.map((s) => ({ label: s.label, color: s.color })),
    ),
  );
  const desc = `${input.series.map((s) => s.label).join(' and ')} for ${input.categories.length} items (${input.valueLabel}).`;
  return svgRoot(input.id, width, height, input.title, desc, parts.join(''));
}
