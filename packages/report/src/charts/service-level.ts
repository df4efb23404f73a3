import { type IntervalMinutes, intervalStart } from '@allhours/core';
import { FORECAST, TARGET } from './palette.js';
import { el, type Frame, legend, num, plotHeight, plotWidth, svgRoot } from './svg.js';
import { TIME_CHART_MARGIN, timeFrame } from './time-frame.js';

export interface ServiceLevelChartInput {
  id: string;
  title: string;
  timeZone: string;
  start: number;
  intervalMinutes: IntervalMinutes;
  /** Fraction 0–1 per interval; `null` where nothing is measured (no contacts). */
  values: readonly (number | null)[];
  /** Target fraction 0–1. */
  target?: number | undefined;
  /** Target wording for the legend: "80% within 20 s". */
  targetLabel?: string | undefined;
  width?: number;
}

/** Service level per interval against the target; intervals below target are marked red underneath. */
export function serviceLevelChart(input: ServiceLevelChartInput): string {
  const frame: Frame = {
    width: input.width ?? 1100,
    height: 240,
    margin: TIME_CHART_MARGIN,
  };
  const w = plotWidth(frame);
  const h = plotHeight(frame);
  const step = input.intervalMinutes * 60_000;
  const from = input.start;
  const to = input.start + input.values.length * step;
  const { x, y, background, axes } = timeFrame(
    frame,
    from,
    to,
    input.timeZone,
    1,
    [0, 0.25, 0.5, 0.75, 1],
    (t: number) => `${Math.round(t * 100)}%`,
    'service level',
  );
  const parts: string[] = [background];
  // Misses first, as thin red ticks under the line, so they read even when the line is dense.
  let misses = 0;
  let measured = 0;
  const path: string[] = [];
  let pen = false;
  input.values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    measured++;
    const t = intervalStart(input, i);
    const cx = x(t + step / 2);
    const cy = y(Math.max(0, Math.min(1, v)));
    path.push(`${pen ? 'L' : 'M'}${num(cx)},${num(cy)}`);
    pen = true;
    if (input.target !== undefined && v < input.target - 1e-9) {
      misses++;
      parts.push(
        el('rect', {
          x: x(t),
          y: frame.margin.top + h - 6,
          width: Math.max(1, x(t + step) - x(t)),
          height: 6,
          fill: TARGET,
          class: 'miss',
        }),
      );
    }
  });
  if (path.length > 0)
    parts.push(el('path', { d: path.join(''), fill: 'none', stroke: FORECAST, 'stroke-width': 1.4, class: 'sl' }));
  if (input.target !== undefined) {
    parts.push(
      el('line', {
        x1: frame.margin.left,
        y1: y(input.target),
        x2: frame.margin.left + w,
        y2: y(input.target),
        stroke: TARGET,
        'stroke-width': 1.5,
        'stroke-dasharray': '6 4',
        class: 'target',
      }),
    );
  }
  parts.push(
    axes,
    legend(frame.margin.left, 16, [
      { label: 'service level per interval', color: FORECAST, kind: 'line' },
      ...(input.target !== undefined
        ? [
            {
              label: `target ${input.targetLabel ?? `${Math.round(input.target * 100)}%`}`,
              color: TARGET,
              kind: 'dash' as const,
            },
            { label: 'interval below target', color: TARGET },
          ]
        : []),
    ]),
  );
  const desc =
    `Service level in ${measured} measured intervals` +
    (input.target !== undefined ? `; ${misses} below the target of ${Math.round(input.target * 100)}%.` : '.');
  return svgRoot(input.id, frame.width, frame.height, input.title, desc, parts.join(''));
}
