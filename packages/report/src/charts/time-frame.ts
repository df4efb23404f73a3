import { GRID, MUTED } from './palette.js';
import { el, type Frame, linear, num, plotHeight, plotWidth, text } from './svg.js';
import { type DayTick, dayTicks } from './time-axis.js';

export interface TimeFrame {
  x: (instant: number) => number;
  y: (value: number) => number;
  days: DayTick[];
  /** Background markup: weekend shading, day lines, horizontal grid with tick labels. */
  background: string;
  /** Foreground markup: the baseline and both axis titles. */
  axes: string;
}

/** Margins of the time-series charts: room for the day labels below and the value labels on the left. */
export const TIME_CHART_MARGIN: Frame['margin'] = { top: 34, right: 20, bottom: 48, left: 64 };

/**
 * The frame shared by the time-series charts: a UTC time axis labelled by local day in `timeZone`
 * (weekends shaded, a day label only where most of the day is visible) and a value axis from 0 to `yMax`.
 */
export function timeFrame(
  frame: Frame,
  from: number,
  to: number,
  timeZone: string,
  yMax: number,
  yTicks: readonly number[],
  yTickLabel: (v: number) => string,
  yLabel: string,
): TimeFrame {
  const w = plotWidth(frame);
  const h = plotHeight(frame);
  const { top, left } = frame.margin;
  const x = linear(from, to, left, left + w);
  const y = linear(0, yMax, top + h, top);
  const days = dayTicks(from, to, timeZone);
  const labelEvery = Math.ceil(days.length / 16);
  const parts: string[] = [];
  days.forEach((d, i) => {
    const x0 = Math.max(from, d.start);
    const x1 = Math.min(to, d.end);
    if (d.weekend) parts.push(el('rect', { x: x(x0), y: top, width: x(x1) - x(x0), height: h, fill: '#f5f7fa' }));
    if (d.start >= from) parts.push(el('line', { x1: x(d.start), y1: top, x2: x(d.start), y2: top + h, stroke: GRID }));
    if (i % labelEvery === 0 && x1 - x0 >= (d.end - d.start) / 2) {
      parts.push(text(x((x0 + x1) / 2), top + h + 16, d.label, { 'text-anchor': 'middle', class: 'tick' }));
    }
  });
  for (const t of yTicks) {
    parts.push(el('line', { x1: left, y1: y(t), x2: left + w, y2: y(t), stroke: GRID }));
    parts.push(text(left - 6, y(t) + 4, yTickLabel(t), { 'text-anchor': 'end', class: 'tick' }));
  }
  const axes = [
    el('line', { x1: left, y1: top + h, x2: left + w, y2: top + h, stroke: MUTED }),
    text(left + w / 2, frame.height - 8, `Local date (${timeZone}); weekends shaded`, {
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
    text(16, top + h / 2, yLabel, {
      transform: `rotate(-90 16 ${num(top + h / 2)})`,
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
  ].join('');
  return { x, y, days, background: parts.join(''), axes };
}
