import type { AvailabilityBlock, AvailabilitySchedule, DaySchedule } from '../availability.js';
import { MUTED, STATUS } from './palette.js';
import { el, legend, svgRoot, text, tip } from './svg.js';

const LEVEL_TEXT = { full: 'Fully staffed', limited: 'Limited', closed: 'Closed' } as const;
const ROW_TITLE = { weekday: 'Weekdays', weekend: 'Weekends', holiday: 'Holidays' } as const;

/** One-line wording of a block, as it would go on the website: "07:00–23:00 fully staffed". */
export function blockText(b: AvailabilityBlock): string {
  const what = b.level === 'limited' ? `limited (${b.reason})` : LEVEL_TEXT[b.level].toLowerCase();
  return `${b.from}–${b.to} ${what}`;
}

/** Green / orange / red blocks over the local day for weekdays, weekends and holidays, labelled in text too. */
export function availabilityChart(id: string, title: string, schedule: AvailabilitySchedule, width = 1100): string {
  const left = 150;
  const top = 40;
  const rowH = 34;
  const plotW = width - left - 16;
  const rows: DaySchedule[] = [schedule.weekday, schedule.weekend, schedule.holiday];
  const height = top + rows.length * (rowH + 10) + 56;
  const x = (minute: number) => left + (minute / 1440) * plotW;
  const parts: string[] = [];
  rows.forEach((row, r) => {
    const y = top + r * (rowH + 10);
    const sub = row.derivedFrom
      ? `as ${ROW_TITLE[row.derivedFrom].toLowerCase()}`
      : `${row.days} day${row.days === 1 ? '' : 's'}`;
    parts.push(text(left - 10, y + 15, ROW_TITLE[row.dayType], { 'text-anchor': 'end', class: 'row-title' }));
    parts.push(text(left - 10, y + 29, sub, { 'text-anchor': 'end', class: 'tick-small' }));
    if (row.blocks.length === 0) {
      parts.push(
        el('rect', { x: left, y, width: plotW, height: rowH, fill: '#fff', stroke: MUTED, 'stroke-dasharray': '4 3' }),
      );
      parts.push(
        text(left + plotW / 2, y + rowH / 2 + 4, `no ${ROW_TITLE[row.dayType].toLowerCase()} in the plan`, {
          'text-anchor': 'middle',
          class: 'note',
        }),
      );
      return;
    }
    for (const b of row.blocks) {
      const wpx = x(b.toMinute) - x(b.fromMinute);
      parts.push(
        el(
          'rect',
          {
            x: x(b.fromMinute),
            y,
            width: wpx,
            height: rowH,
            fill: STATUS[b.level],
            stroke: '#fff',
            'stroke-width': 1,
            class: `block block-${b.level}`,
          },
          tip(`${ROW_TITLE[row.dayType]} ${blockText(b)}`),
        ),
      );
      const label = b.level === 'limited' ? `Limited · ${b.reason}` : LEVEL_TEXT[b.level];
      const short = `${b.from}–${b.to}`;
      if (wpx > label.length * 6.2 + 12) {
        parts.push(
          text(x(b.fromMinute) + wpx / 2, y + 15, label, {
            'text-anchor': 'middle',
            class: `block-label on-${b.level}`,
          }),
        );
        parts.push(
          text(x(b.fromMinute) + wpx / 2, y + 28, short, {
            'text-anchor': 'middle',
            class: `block-time on-${b.level}`,
          }),
        );
      } else if (wpx > short.length * 5.6 + 6) {
        parts.push(
          text(x(b.fromMinute) + wpx / 2, y + 22, short, {
            'text-anchor': 'middle',
            class: `block-time on-${b.level}`,
          }),
        );
      }
    }
  });
  const bottom = top + rows.length * (rowH + 10) - 10;
  for (let hr = 0; hr <= 24; hr += 2) {
    parts.push(el('line', { x1: x(hr * 60), y1: bottom, x2: x(hr * 60), y2: bottom + 5, stroke: MUTED }));
    parts.push(
      text(x(hr * 60), bottom + 17, `${String(hr).padStart(2, '0')}:00`, { 'text-anchor': 'middle', class: 'tick' }),
    );
  }
  parts.push(
    text(left + plotW / 2, bottom + 36, `Local time (${schedule.timeZone})`, {
      'text-anchor': 'middle',
      class: 'axis-label',
    }),
    legend(left, 18, [
      { label: 'fully staffed', color: STATUS.full },
      { label: 'limited: fewer agents (longer answer times) or bot/self-service only', color: STATUS.limited },
      { label: 'closed', color: STATUS.closed },
    ]),
  );
  const desc = rows
    .map((row) => `${ROW_TITLE[row.dayType]}: ${row.blocks.map(blockText).join(', ') || 'no data'}`)
    .join('. ');
  return svgRoot(id, width, height, title, desc, parts.join(''));
}
