import { formatLocalTime, isWeekendDate, toLocal } from '@allhours/core';
import { wallClock } from '../wall-clock.js';
import { GRID } from './palette.js';
import { el, legend, svgRoot, text, tip } from './svg.js';
import { dateRange, dayLabel, daysBetween } from './time-axis.js';

export interface GanttShift {
  start: number;
  end: number;
  /** Colour key (the channel); shifts without one are drawn grey. */
  channel?: string | undefined;
  breaks?: readonly { start: number; end: number }[] | undefined;
}

export interface GanttRow {
  label: string;
  /** The zone the row is drawn in: the agent's own local time. */
  timeZone: string;
  shifts: readonly GanttShift[];
}

export interface GanttInput {
  id: string;
  title: string;
  rows: readonly GanttRow[];
  /** First calendar date of the axis and the number of days shown (wall-clock days of each row's zone). */
  firstDate: string;
  days: number;
  /** Channel → colour, in legend order. */
  channelColors: readonly { channel: string; color: string }[];
  nightWindowMinutes?: readonly [number, number];
  width?: number;
}

/**
 * One row per agent on a wall-clock axis of that agent's own zone: a 22:00 start in Manila and one in
 * New York line up at 22:00, which is how each agent reads their roster. Breaks are cut out of the bar.
 */
export function rosterGantt(input: GanttInput): string {
  const left = 190;
  const top = 52;
  const rowH = 16;
  const width = input.width ?? 1100;
  const plotW = width - left - 16;
  const dayW = plotW / input.days;
  const totalMin = input.days * 1440;
  const height = top + input.rows.length * rowH + 44;
  const xOf = (minute: number) => left + (Math.max(0, Math.min(totalMin, minute)) / 1440) * dayW;
  const colorOf = new Map(input.channelColors.map((c) => [c.channel, c.color]));
  const [nightFrom, nightTo] = input.nightWindowMinutes ?? [22 * 60, 6 * 60];
  const parts: string[] = [];
  const bottom = top + input.rows.length * rowH;

  dateRange(input.firstDate, input.days).forEach((date, d) => {
    const x = left + d * dayW;
    if (isWeekendDate(date)) parts.push(el('rect', { x, y: top, width: dayW, height: bottom - top, fill: '#f5f7fa' }));
    // Night hours, so night shifts stand out against the day grid.
    const nights: [number, number][] =
      nightFrom > nightTo
        ? [
            [0, nightTo],
            [nightFrom, 1440],
          ]
        : [[nightFrom, nightTo]];
    for (const [a, b] of nights) {
      parts.push(
        el('rect', {
          x: x + (a / 1440) * dayW,
          y: top,
          width: ((b - a) / 1440) * dayW,
          height: bottom - top,
          fill: '#e8edf5',
          'fill-opacity': 0.6,
        }),
      );
    }
    parts.push(el('line', { x1: x, y1: top - 20, x2: x, y2: bottom, stroke: '#cbd2d9' }));
    parts.push(text(x + dayW / 2, top - 26, dayLabel(date), { 'text-anchor': 'middle', class: 'tick' }));
    if (dayW >= 60) {
      for (const hr of [6, 12, 18]) {
        parts.push(
          el('line', { x1: x + (hr / 24) * dayW, y1: top - 4, x2: x + (hr / 24) * dayW, y2: bottom, stroke: GRID }),
        );
        if (dayW >= 90)
          parts.push(text(x + (hr / 24) * dayW, top - 8, String(hr), { 'text-anchor': 'middle', class: 'tick-small' }));
      }
    }
  });
  let bars = 0;
  input.rows.forEach((row, r) => {
    const y = top + r * rowH;
    if (r % 2 === 1) parts.push(el('rect', { x: 4, y, width: left - 8, height: rowH, fill: '#f5f7fa' }));
    parts.push(text(left - 8, y + rowH / 2 + 4, row.label, { 'text-anchor': 'end', class: 'tick' }));
    for (const shift of row.shifts) {
      const a = wallMinute(shift.start, row.timeZone, input.firstDate);
      const b = wallMinute(shift.end, row.timeZone, input.firstDate);
      if (b <= 0 || a >= totalMin) continue;
      bars++;
      const color = (shift.channel && colorOf.get(shift.channel)) || '#7b8794';
      const localStart = toLocal(shift.start, row.timeZone);
      const localEnd = toLocal(shift.end, row.timeZone);
      const label =
        `${row.label}: ${localStart.toFormat('ccc d LLL HH:mm')}–${localEnd.toFormat('HH:mm')} ` +
        `${row.timeZone}${shift.channel ? `, ${shift.channel}` : ''}`;
      parts.push(
        el(
          'rect',
          {
            x: xOf(a),
            y: y + 2,
            width: Math.max(1, xOf(b) - xOf(a)),
            height: rowH - 4,
            rx: 2,
            fill: color,
            class: 'shift',
          },
          tip(label),
        ),
      );
      for (const br of shift.breaks ?? []) {
        const ba = wallMinute(br.start, row.timeZone, input.firstDate);
        const bb = wallMinute(br.end, row.timeZone, input.firstDate);
        if (bb <= ba) continue;
        parts.push(
          el(
            'rect',
            {
              x: xOf(ba),
              y: y + 5,
              width: Math.max(0.8, xOf(bb) - xOf(ba)),
              height: rowH - 10,
              fill: '#fff',
              'fill-opacity': 0.85,
              class: 'break',
            },
            tip(`break ${formatLocalTime(ba % 1440)}–${formatLocalTime(bb % 1440)}`),
          ),
        );
      }
    }
  });
  parts.push(
    legend(left, height - 16, [
      ...input.channelColors.map((c) => ({ label: c.channel, color: c.color })),
      { label: `night ${formatLocalTime(nightFrom)}–${formatLocalTime(nightTo)}`, color: '#e8edf5' },
      { label: 'weekend', color: '#f5f7fa' },
    ]),
    text(12, top - 26, 'Agent (site)', { class: 'axis-label' }),
    text(12, top - 8, 'each row in its own local time', { class: 'tick-small' }),
  );
  const desc = `${bars} shifts of ${input.rows.length} agents over ${input.days} days, each in the agent's local time.`;
  return svgRoot(input.id, width, height, input.title, desc, parts.join(''));
}

/** Wall-clock minutes of an instant in `zone`, counted from local midnight of `firstDate`. */
export function wallMinute(instant: number, zone: string, firstDate: string): number {
  const local = wallClock(instant, zone);
  return daysBetween(firstDate, local.date) * 1440 + local.minuteOfDay;
}
