import { intervalStart, type Series } from '@allhours/core';
import { BAND, FORECAST, HISTORY, MUTED } from './palette.js';
import { el, type Frame, fmt, legend, niceTicks, num, plotHeight, svgRoot, text } from './svg.js';
import { TIME_CHART_MARGIN, timeFrame } from './time-frame.js';

export interface QuantileForecast {
  start: number;
  intervalMinutes: number;
  mean: readonly number[];
  p10: readonly number[];
  p90: readonly number[];
}

export interface BandChartInput {
  id: string;
  title: string;
  timeZone: string;
  /** What the values count, for the y axis: "contacts per 15 min". */
  yLabel: string;
  history?: Series | undefined;
  forecast?: QuantileForecast | undefined;
  /** Visible window [from, to) in UTC ms. */
  from: number;
  to: number;
  width?: number;
}

/** Forecast mean with its p10–p90 band over the recent history, on a time axis labelled in `timeZone`. */
export function bandChart(input: BandChartInput): string {
  const frame: Frame = {
    width: input.width ?? 1100,
    height: 300,
    margin: TIME_CHART_MARGIN,
  };
  const h = plotHeight(frame);
  const { from, to } = input;
  const hist = input.history
    ? points(input.history.start, input.history.intervalMinutes, input.history.values, from, to)
    : [];
  const fc = input.forecast;
  const mean = fc ? points(fc.start, fc.intervalMinutes, fc.mean, from, to) : [];
  const p10 = fc ? points(fc.start, fc.intervalMinutes, fc.p10, from, to) : [];
  const p90 = fc ? points(fc.start, fc.intervalMinutes, fc.p90, from, to) : [];
  const maxY = Math.max(1, ...hist.map((p) => p[1]), ...p90.map((p) => p[1]), ...mean.map((p) => p[1]));
  const ticks = niceTicks(maxY, 5);
  const { x, y, days, background, axes } = timeFrame(
    frame,
    from,
    to,
    input.timeZone,
    ticks[ticks.length - 1]!,
    ticks,
    (t: number) => fmt(t),
    input.yLabel,
  );
  // Polyline through interval midpoints: the value belongs to the whole interval.
  const line = (pts: [number, number][]) =>
    pts.map(([t, v], i) => `${i ? 'L' : 'M'}${num(x(t))},${num(y(v))}`).join('');
  const parts: string[] = [background];
  if (p10.length > 1 && p90.length === p10.length) {
    const upper = p90.map(([t, v], i) => `${i ? 'L' : 'M'}${num(x(t))},${num(y(v))}`).join('');
    const lower = [...p10]
      .reverse()
      .map(([t, v]) => `L${num(x(t))},${num(y(v))}`)
      .join('');
    parts.push(el('path', { d: `${upper}${lower}Z`, fill: BAND, 'fill-opacity': 0.55, stroke: 'none', class: 'band' }));
  }
  if (hist.length > 1) {
    parts.push(el('path', { d: line(hist), fill: 'none', stroke: HISTORY, 'stroke-width': 1.2, class: 'history' }));
  }
  if (mean.length > 1) {
    parts.push(el('path', { d: line(mean), fill: 'none', stroke: FORECAST, 'stroke-width': 1.8, class: 'forecast' }));
  }
  if (fc && fc.start > from && fc.start < to) {
    const xs = x(fc.start);
    parts.push(
      el('line', {
        x1: xs,
        y1: frame.margin.top,
        x2: xs,
        y2: frame.margin.top + h,
        stroke: MUTED,
        'stroke-dasharray': '4 3',
      }),
      text(xs + 4, frame.margin.top + 12, 'forecast →', { class: 'note' }),
    );
  }
  parts.push(
    axes,
    legend(frame.margin.left, 16, [
      { label: 'history (actual)', color: HISTORY, kind: 'line' },
      { label: 'forecast mean', color: FORECAST, kind: 'line' },
      { label: 'p10–p90 band', color: BAND },
    ]),
  );
  const desc =
    `${input.yLabel} from ${days[0]?.label ?? ''} to ${days[days.length - 1]?.label ?? ''}: ` +
    `${hist.length} actual intervals, ${mean.length} forecast intervals with an 80% band.`;
  return svgRoot(input.id, frame.width, frame.height, input.title, desc, parts.join(''));
}

/** [midpoint instant, value] of the intervals of a series inside [from, to). */
function points(
  start: number,
  intervalMinutes: number,
  values: readonly number[],
  from: number,
  to: number,
): [number, number][] {
  const out: [number, number][] = [];
  const half = (intervalMinutes * 60_000) / 2;
  for (let i = 0; i < values.length; i++) {
    const t = intervalStart({ start, intervalMinutes: intervalMinutes as Series['intervalMinutes'] }, i);
    if (t < from || t + 2 * half > to) continue;
    out.push([t + half, values[i]!]);
  }
  return out;
}
