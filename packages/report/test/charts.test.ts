import { localDayIntervals, localToInstant } from '@allhours/core';
import {
  availabilityChart,
  availabilitySchedule,
  bandChart,
  barChart,
  coverageHeatmap,
  rosterGantt,
  serviceLevelChart,
} from '@allhours/report';
import { describe, expect, test } from 'vitest';
import { columnChart } from '../src/charts/columns.js';
import { wallMinute } from '../src/charts/gantt.js';
import { gapColor } from '../src/charts/palette.js';
import { esc, niceTicks, num } from '../src/charts/svg.js';

const Q = 15 * 60_000;

/** Every numeric attribute is a finite number and the SVG is labelled for screen readers. */
function expectCleanSvg(svg: string) {
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).not.toMatch(/NaN|Infinity|undefined|null/);
  expect(svg).toMatch(/role="img"/);
  expect(svg).toMatch(/<title id="[^"]+-title">[^<]+<\/title>/);
  expect(svg).toMatch(/<desc id="[^"]+-desc">[^<]+<\/desc>/);
  for (const m of svg.matchAll(/ (x|y|x1|x2|y1|y2|width|height)="([^"]*)"/g)) {
    expect(Number.isFinite(Number(m[2])), `${m[1]}="${m[2]}"`).toBe(true);
  }
}

const count = (svg: string, re: RegExp) => [...svg.matchAll(re)].length;

function series(start: number, values: number[]) {
  return { start, intervalMinutes: 15 as const, values };
}

describe('svg helpers', () => {
  test('num refuses NaN and infinities and rounds to 0.01', () => {
    expect(() => num(Number.NaN)).toThrow(RangeError);
    expect(() => num(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
  });

  test('esc escapes markup', () => {
    expect(esc('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;');
  });

  test('niceTicks cover the maximum in round steps', () => {
    expect(niceTicks(23)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(niceTicks(0)).toEqual([0, 1]);
    const t = niceTicks(0.37, 4);
    expect(t[t.length - 1]!).toBeGreaterThanOrEqual(0.37);
  });

  test('gapColor is red when short, blue when over, near-white at zero', () => {
    const rgb = (c: string) => c.match(/\d+/g)!.map(Number);
    const [r1, , b1] = rgb(gapColor(-3, 3));
    const [r2, , b2] = rgb(gapColor(3, 3));
    expect(r1!).toBeGreaterThan(b1!);
    expect(b2!).toBeGreaterThan(r2!);
    expect(rgb(gapColor(0, 3))).toEqual([247, 247, 247]);
  });
});

describe('coverageHeatmap', () => {
  test('one cell per interval of an ordinary day, with numbers in the tooltips', () => {
    const start = Date.parse('2026-11-23T00:00:00Z');
    const svg = coverageHeatmap({
      id: 'h',
      title: 'voice',
      timeZone: 'UTC',
      required: series(
        start,
        Array.from({ length: 192 }, () => 4),
      ),
      scheduled: series(
        start,
        Array.from({ length: 192 }, (_, i) => (i < 96 ? 3 : 5)),
      ),
      dates: ['2026-11-23', '2026-11-24'],
    });
    expectCleanSvg(svg);
    expect(count(svg, /class="cell"/g)).toBe(192);
    expect(svg).toContain('Mon 23 Nov 09:00–09:15: required 4, scheduled 3');
    expect(svg).toMatch(/96 of 192 intervals short/);
  });

  test('DST: the 25-hour day splits the repeated hour, the 23-hour day hatches the skipped one', () => {
    const zone = 'Europe/Amsterdam';
    const autumn = localDayIntervals('2026-10-25', zone, 15);
    const spring = localDayIntervals('2026-03-29', zone, 15);
    expect(autumn).toHaveLength(100);
    expect(spring).toHaveLength(92);
    for (const [date, intervals, cells, skipped, label] of [
      ['2026-10-25', autumn, 100, 0, '(25 h)'],
      ['2026-03-29', spring, 92, 4, '(23 h)'],
    ] as const) {
      const start = intervals[0]!;
      const svg = coverageHeatmap({
        id: 'd',
        title: 'chat',
        timeZone: zone,
        required: series(
          start,
          intervals.map(() => 2),
        ),
        scheduled: series(
          start,
          intervals.map(() => 2),
        ),
        dates: [date],
      });
      expectCleanSvg(svg);
      expect(count(svg, /class="cell"/g)).toBe(cells);
      expect(count(svg, /class="cell-skipped"/g)).toBe(skipped);
      expect(svg).toContain(label);
    }
  });

  test('days outside the data are drawn as "no data", not as zeros', () => {
    const start = Date.parse('2026-11-23T00:00:00Z');
    const svg = coverageHeatmap({
      id: 'n',
      title: 'email',
      timeZone: 'UTC',
      required: series(start, [1, 1]),
      scheduled: series(start, [1, 1]),
      dates: ['2026-11-23'],
    });
    expect(count(svg, /: no data/g)).toBe(94);
  });
});

describe('bandChart', () => {
  test('draws history, forecast mean and the p10–p90 band with axis labels and a legend', () => {
    const start = Date.parse('2026-11-23T00:00:00Z');
    const svg = bandChart({
      id: 'b',
      title: 'voice forecast',
      timeZone: 'Europe/Amsterdam',
      yLabel: 'contacts per 15 min',
      history: series(
        start - 96 * Q,
        Array.from({ length: 96 }, (_, i) => i % 20),
      ),
      forecast: {
        start,
        intervalMinutes: 15,
        mean: Array.from({ length: 96 }, () => 10),
        p10: Array.from({ length: 96 }, () => 6),
        p90: Array.from({ length: 96 }, () => 14),
      },
      from: start - 96 * Q,
      to: start + 96 * Q,
    });
    expectCleanSvg(svg);
    expect(count(svg, /class="history"/g)).toBe(1);
    expect(count(svg, /class="forecast"/g)).toBe(1);
    expect(count(svg, /class="band"/g)).toBe(1);
    expect(svg).toContain('contacts per 15 min');
    expect(svg).toContain('forecast →');
    expect(svg).toContain('Local date (Europe/Amsterdam)');
    // The band path goes out along p90 and back along p10: 2 × 96 points.
    const band = svg.match(/d="([^"]+)"[^>]*class="band"/)![1]!;
    expect(count(band, /[ML]/g)).toBe(192);
  });

  test('without data it still draws axes and no NaN', () => {
    const start = Date.parse('2026-11-23T00:00:00Z');
    const svg = bandChart({
      id: 'e',
      title: 'empty',
      timeZone: 'UTC',
      yLabel: 'contacts',
      from: start,
      to: start + 86_400_000,
    });
    expectCleanSvg(svg);
    expect(svg).not.toContain('class="band"');
  });
});

describe('serviceLevelChart', () => {
  test('marks every interval below target and breaks the line where nothing is measured', () => {
    const values = [0.9, 0.7, null, 0.85, 0.5, 1];
    const svg = serviceLevelChart({
      id: 's',
      title: 'voice SL',
      timeZone: 'UTC',
      start: Date.parse('2026-11-23T00:00:00Z'),
      intervalMinutes: 15,
      values,
      target: 0.8,
      targetLabel: '80% within 20 s',
    });
    expectCleanSvg(svg);
    expect(count(svg, /class="miss"/g)).toBe(2);
    expect(count(svg, /class="target"/g)).toBe(1);
    const line = svg.match(/d="([^"]+)"[^>]*class="sl"/)![1]!;
    expect(count(line, /M/g)).toBe(2); // a gap at the null
    expect(count(line, /[ML]/g)).toBe(5);
    expect(svg).toContain('target 80% within 20 s');
  });
});

describe('rosterGantt', () => {
  const zone = 'Asia/Manila';
  const shift = (date: string, fromMinute: number, minutes: number, channel: string) => {
    const start = localToInstant(date, fromMinute, zone);
    return {
      start,
      end: start + minutes * 60_000,
      channel,
      breaks: [{ start: start + 240 * 60_000, end: start + 270 * 60_000 }],
    };
  };

  test('one bar per shift in range, breaks cut out, labels in local time', () => {
    const svg = rosterGantt({
      id: 'g',
      title: 'roster',
      rows: [
        {
          label: 'MNL-01 (Manila)',
          timeZone: zone,
          shifts: [shift('2026-11-23', 22 * 60, 510, 'voice'), shift('2026-11-25', 8 * 60, 510, 'chat')],
        },
        { label: 'MNL-02 (Manila)', timeZone: zone, shifts: [shift('2026-12-10', 8 * 60, 510, 'chat')] },
      ],
      firstDate: '2026-11-23',
      days: 7,
      channelColors: [
        { channel: 'voice', color: '#0072B2' },
        { channel: 'chat', color: '#E69F00' },
      ],
    });
    expectCleanSvg(svg);
    expect(count(svg, /class="shift"/g)).toBe(2); // the December shift is outside the week
    expect(count(svg, /class="break"/g)).toBe(2);
    expect(svg).toContain('MNL-01 (Manila): Mon 23 Nov 22:00–06:30 Asia/Manila, voice');
    expect(svg).toContain('Mon 23 Nov');
    expect(svg).toContain('Sun 29 Nov');
  });

  test('wallMinute counts wall-clock minutes from the first date in the row zone, across DST', () => {
    expect(wallMinute(localToInstant('2026-11-24', 22 * 60, zone), zone, '2026-11-23')).toBe(1440 + 1320);
    const ams = 'Europe/Amsterdam';
    // 25 Oct 2026 has 25 h: a shift starting 22:00 on the 24th and 9 real hours long ends at 06:00 wall clock.
    const start = localToInstant('2026-10-24', 22 * 60, ams);
    expect(wallMinute(start + 9 * 3_600_000, ams, '2026-10-24')).toBe(1440 + 6 * 60);
  });
});

describe('barChart and columnChart', () => {
  test('grouped bars: one per category and series, with values', () => {
    const svg = barChart({
      id: 'c',
      title: 'cost',
      categories: ['Amsterdam', 'New York', 'Manila'],
      series: [
        { label: 'regular', color: '#0072B2', values: [100, 200, 50] },
        { label: 'night', color: '#E69F00', values: [10, 0, 30] },
      ],
      mode: 'grouped',
      valueLabel: 'cost (EUR)',
    });
    expectCleanSvg(svg);
    expect(count(svg, /class="bar"/g)).toBe(6);
    expect(svg).toContain('cost (EUR)');
    expect(svg).toContain('Manila — night: 30');
  });

  test('stacked bars end at the category total', () => {
    const svg = barChart({
      id: 'st',
      title: 'cost',
      categories: ['A'],
      series: [
        { label: 'x', color: '#000', values: [30] },
        { label: 'y', color: '#111', values: [20] },
      ],
      mode: 'stacked',
      valueLabel: 'EUR',
      format: (v) => String(v),
    });
    expect(svg).toMatch(/class="value"[^>]*>50</);
  });

  test('columns: one per agent and series, site groups under the labels', () => {
    const svg = columnChart({
      id: 'f',
      title: 'nights and weekends',
      categories: ['A1', 'A2', 'B1'],
      series: [
        { label: 'nights', color: '#333', values: [2, 0, 1] },
        { label: 'weekends', color: '#999', values: [1, 2, 2] },
      ],
      groups: [
        { label: 'Amsterdam', from: 0, to: 2 },
        { label: 'Manila', from: 2, to: 3 },
      ],
      valueLabel: 'count',
    });
    expectCleanSvg(svg);
    expect(count(svg, /class="bar"/g)).toBe(6);
    expect(svg).toContain('>Manila<');
    expect(svg).toContain('B1 — weekends: 2');
  });
});

describe('availabilityChart', () => {
  test('a block per schedule block, with level text as well as colour', () => {
    const start = Date.parse('2026-11-23T00:00:00Z'); // Monday, UTC
    const required = Array.from({ length: 7 * 96 }, () => 2);
    const staffed = required.map((_, i) => {
      const slot = i % 96;
      return slot >= 28 && slot < 92 ? 2 : slot >= 92 ? 1 : 0; // 07:00–23:00 full, 23–24 limited, night closed
    });
    const schedule = availabilitySchedule({
      timeZone: 'UTC',
      required: { start: '2026-11-23T00:00:00Z', intervalMinutes: 15, values: required },
      staffed: { start: '2026-11-23T00:00:00Z', intervalMinutes: 15, values: staffed },
    });
    const svg = availabilityChart('a', 'voice availability', schedule);
    expectCleanSvg(svg);
    const blocks = schedule.weekday.blocks.length + schedule.weekend.blocks.length + schedule.holiday.blocks.length;
    expect(count(svg, /class="block block-/g)).toBe(blocks);
    expect(count(svg, /class="block block-full"/g)).toBe(3);
    expect(svg).toContain('Fully staffed');
    expect(svg).toContain('Closed');
    expect(svg).toContain('as weekends'); // no holiday in the week
    expect(start).toBe(Date.parse('2026-11-23T00:00:00Z'));
  });
});
