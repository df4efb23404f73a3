import { GRID, INK, MUTED } from './palette.js';
import { el, fmt, legend, linear, niceTicks, svgRoot, text, tip } from './svg.js';

export interface BarSeries {
  label: string;
  color: string;
  values: readonly number[];
}

export interface BarChartInput {
  id: string;
  title: string;
  /** One bar (group) per category, top to bottom. */
  categories: readonly string[];
  series: readonly BarSeries[];
  mode: 'grouped' | 'stacked';
  /** Axis label with unit: "cost (EUR)". */
  valueLabel: string;
  format?: (value: number) => string;
  width?: number;
}

/** Horizontal bars: grouped (side by side per category) or stacked (parts of one total). */
export function barChart(input: BarChartInput): string {
  const format = input.format ?? ((v: number) => fmt(v, 1));
  const width = input.width ?? 1100;
  const left = Math.min(260, 16 + 7 * Math.max(4, ...input.categories.map((c) => c.length)));
  const right = 70;
  const top = 40;
  const grouped = input.mode === 'grouped';
  const barH = grouped ? 11 : 18;
  const groupH = grouped ? input.series.length * barH + 8 : barH + 8;
  const height = top + input.categories.length * groupH + 48;
  const totals = input.categories.map((_, c) =>
    grouped
      ? Math.max(0, ...input.series.map((s) => s.values[c] ?? 0))
      : input.series.reduce((a, s) => a + Math.max(0, s.values[c] ?? 0), 0),
  );
  const ticks = niceTicks(Math.max(...totals, 0), 6);
  const x = linear(0, ticks[ticks.length - 1]!, left, width - right);
  const bottom = top + input.categories.length * groupH;
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(el('line', { x1: x(t), y1: top, x2: x(t), y2: bottom, stroke: GRID }));
    parts.push(text(x(t), bottom + 16, format(t), { 'text-anchor': 'middle', class: 'tick' }));
  }
  input.categories.forEach((category, c) => {
    const y0 = top + c * groupH + 4;
    parts.push(text(left - 8, y0 + (groupH - 8) / 2 + 4, category, { 'text-anchor': 'end', class: 'tick' }));
    let acc = 0;
    input.series.forEach((s, k) => {
      const v = Math.max(0, s.values[c] ?? 0);
      const y = grouped ? y0 + k * barH : y0;
      const xa = grouped ? x(0) : x(acc);
      const xb = grouped ? x(v) : x(acc + v);
      acc += v;
      parts.push(
        el(
          'rect',
          { x: xa, y, width: Math.max(0, xb - xa), height: barH - 1, fill: s.color, class: 'bar' },
          tip(`${category} — ${s.label}: ${format(v)}`),
        ),
      );
      if (grouped) parts.push(text(xb + 4, y + barH - 2, format(v), { class: 'value' }));
    });
    if (!grouped) parts.push(text(x(acc) + 4, y0 + barH - 5, format(acc), { class: 'value', fill: INK }));
  });
  parts.push(
    el('line', { x1: x(0), y1: top, x2: x(0), y2: bottom, stroke: MUTED }),
    text((left + width - right) / 2, height - 8, input.valueLabel, { 'text-anchor': 'middle', class: 'axis-label' }),
    legend(
      left,
      18,
      input.series.map((s) => ({ label: s.label, color: s.color })),
    ),
  );
  const desc = `${input.series.map((s) => s.label).join(', ')} for ${input.categories.length} ${
    input.categories.length === 1 ? 'item' : 'items'
  } (${input.valueLabel}).`;
  return svgRoot(input.id, width, height, input.title, desc, parts.join(''));
}
