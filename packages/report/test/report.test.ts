import { InputError, localToInstant } from '@allhours/core';
import { nightsAndWeekends, type ReportDataInput, renderReport, reportDataSchema } from '@allhours/report';
import { describe, expect, test } from 'vitest';

const START = '2026-11-23T00:00:00Z';
const N = 2 * 96;

function small(): ReportDataInput {
  const mean = Array.from({ length: N }, (_, i) => 5 + 4 * Math.sin((i / 96) * 2 * Math.PI));
  const shiftStart = localToInstant('2026-11-23', 8 * 60, 'Europe/Amsterdam');
  const nightStart = localToInstant('2026-11-28', 22 * 60, 'Asia/Manila'); // a Saturday night
  return {
    title: 'Test plan <&>',
    timeZone: 'Europe/Amsterdam',
    horizon: { start: START, days: 2 },
    channels: [
      {
        id: 'voice',
        history: {
          start: '2026-11-16T00:00:00Z',
          intervalMinutes: 15,
          values: mean.concat(mean, mean).slice(0, 7 * 96),
        },
        forecast: {
          start: START,
          intervalMinutes: 15,
          mean,
          p10: mean.map((m) => m * 0.7),
          p90: mean.map((m) => m * 1.3),
        },
        required: { start: START, intervalMinutes: 15, values: mean.map((m) => Math.ceil(m / 2)) },
        scheduled: {
          start: START,
          intervalMinutes: 15,
          values: mean.map((m, i) => Math.ceil(m / 2) - (i % 10 === 0 ? 1 : 0)),
        },
        serviceLevel: { start: START, intervalMinutes: 15, values: mean.map((_, i) => (i % 10 === 0 ? 0.6 : 0.9)) },
        target: { serviceLevel: 0.8, answerWithinSeconds: 20 },
      },
      {
        id: 'email',
        required: { start: START, intervalMinutes: 15, values: Array.from({ length: N }, () => 1) },
        scheduled: {
          start: START,
          intervalMinutes: 15,
          values: Array.from({ length: N }, (_, i) => (i % 96 < 28 ? 0 : 1)),
        },
        botShare: 0,
      },
    ],
    sites: [
      { id: 'ams', label: 'Amsterdam', timeZone: 'Europe/Amsterdam', cost: 1200, paidHours: 34 },
      {
        id: 'mnl',
        label: 'Manila',
        timeZone: 'Asia/Manila',
        cost: 300,
        costParts: [{ label: 'regular', amount: 300 }],
      },
    ],
    agents: [
      {
        id: 'A1',
        siteId: 'ams',
        shifts: [
          {
            start: new Date(shiftStart).toISOString(),
            end: new Date(shiftStart + 8.5 * 3_600_000).toISOString(),
            channel: 'voice',
            breaks: [
              {
                start: new Date(shiftStart + 4 * 3_600_000).toISOString(),
                end: new Date(shiftStart + 4.5 * 3_600_000).toISOString(),
              },
            ],
          },
        ],
      },
      {
        id: 'M1',
        siteId: 'mnl',
        shifts: [
          {
            start: new Date(nightStart).toISOString(),
            end: new Date(nightStart + 8 * 3_600_000).toISOString(),
            channel: 'email',
          },
        ],
      },
    ],
    holidays: [{ date: '2026-11-24', label: 'Test day' }],
    whatIf: [
      { id: 'a', label: '24/7', cost: 1500, agents: 2, serviceLevel: { voice: 0.86, email: 0.99 } },
      { id: 'b', label: 'Extended + bot', cost: 1100, agents: 2, serviceLevel: { voice: 0.78 }, botShare: 0.4 },
    ],
    notes: ['solver: optimal'],
  };
}

describe('renderReport', () => {
  const html = renderReport(small());

  test('one self-contained HTML document: no scripts, no external URLs, nothing broken', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(http/i);
    const urls = [...html.matchAll(/https?:\/\/[^"'\s)]+/g)].map((m) => m[0]);
    expect(urls.every((u) => u === 'http://www.w3.org/2000/svg')).toBe(true);
    expect(html).not.toMatch(/NaN|Infinity|undefined/);
    expect(html).toContain("default-src 'none'");
  });

  test('escapes text from the data', () => {
    expect(html).toContain('<title>Test plan &lt;&amp;&gt;</title>');
  });

  test('has every section, each with a heading and accessible charts', () => {
    for (const id of [
      'forecast',
      'coverage',
      'service-level',
      'availability',
      'roster',
      'fairness',
      'cost',
      'what-if',
    ]) {
      expect(html).toContain(`<section id="${id}"`);
    }
    const svgs = [...html.matchAll(/<svg /g)].length;
    // band (voice), 2 heatmaps, 1 SL, 2 availability, 1 gantt week, fairness, cost
    expect(svgs).toBe(9);
    expect([...html.matchAll(/role="img"/g)].length).toBe(svgs);
  });

  test('summary: service level, cost, agents and gaps', () => {
    expect(html).toMatch(/voice service level/);
    expect(html).toContain('EUR 1,500');
    expect(html).toMatch(/Coverage gaps/);
    expect(html).toContain('solver: optimal');
  });

  test('availability lists the holiday separately and the what-if highlights the best values', () => {
    // Email is staffed from 07:00 UTC = 08:00 in Amsterdam, published in Amsterdam time.
    expect(html).toContain(
      '<strong>Holidays: </strong>00:00–01:00 fully staffed; 01:00–08:00 closed; 08:00–24:00 fully staffed',
    );
    expect(html).toMatch(/<td class="best">1,100<\/td>/);
    expect(html).toMatch(/<td class="best">86\.0%<\/td>/);
  });

  test('the same data gives the same bytes', () => {
    expect(renderReport(small())).toBe(html);
  });
});

describe('renderReport with the minimum', () => {
  test('only requirement and schedule: coverage and availability, no empty sections', () => {
    const values = Array.from({ length: 96 }, (_, i) => (i >= 32 && i < 72 ? 2 : 0));
    const html = renderReport({
      timeZone: 'UTC',
      horizon: { start: START, days: 1 },
      channels: [
        {
          id: 'chat',
          required: { start: START, intervalMinutes: 15, values },
          scheduled: { start: START, intervalMinutes: 15, values },
        },
      ],
    });
    expect(html).toContain('<section id="coverage"');
    expect(html).toContain('<section id="availability"');
    for (const id of ['forecast', 'service-level', 'roster', 'fairness', 'cost', 'what-if']) {
      expect(html).not.toContain(`<section id="${id}"`);
    }
    expect(html).toContain(
      '<strong>Weekdays: </strong>00:00–08:00 closed; 08:00–18:00 fully staffed; 18:00–24:00 closed',
    );
    expect(html).not.toMatch(/NaN|undefined/);
  });
});

describe('reportDataSchema', () => {
  test('field paths name what is wrong', () => {
    const bad = small();
    bad.agents![0]!.siteId = 'nowhere';
    expect(() => renderReport(bad)).toThrow(InputError);
    expect(() => renderReport(bad)).toThrow(/agents\[0\]\.siteId: unknown site "nowhere"/);
    const bad2 = small();
    bad2.channels[0]!.forecast!.p90 = [1];
    expect(() => renderReport(bad2)).toThrow(/channels\[0\]\.forecast\.p90/);
    const bad3 = small();
    bad3.whatIf![1]!.serviceLevel = { fax: 0.5 };
    expect(() => renderReport(bad3)).toThrow(/whatIf\[1\]\.serviceLevel\.fax/);
    const bad4 = small();
    bad4.agents![0]!.shifts[0]!.end = bad4.agents![0]!.shifts[0]!.start;
    expect(() => renderReport(bad4)).toThrow(/agents\[0\]\.shifts\[0\]\.end: must be after start/);
    expect(() => renderReport({ ...small(), timeZone: 'Nowhere/City' })).toThrow(/timeZone/);
  });
});

describe('nightsAndWeekends', () => {
  test('counts a night shift by 3+ hours in the local night window and weekend days by local start', () => {
    const data = reportDataSchema.parse(small());
    const manila = data.agents.find((a) => a.id === 'M1')!;
    expect(nightsAndWeekends(manila, 'Asia/Manila', ['22:00', '06:00'])).toEqual({ nights: 1, weekends: 1 });
    // The same shift seen from Amsterdam is a Saturday afternoon: no night.
    expect(nightsAndWeekends(manila, 'Europe/Amsterdam', ['22:00', '06:00'])).toEqual({ nights: 0, weekends: 1 });
    const ams = data.agents.find((a) => a.id === 'A1')!;
    expect(nightsAndWeekends(ams, 'Europe/Amsterdam', ['22:00', '06:00'])).toEqual({ nights: 0, weekends: 0 });
    expect(nightsAndWeekends({ ...ams, nights: 4 }, 'Europe/Amsterdam', ['22:00', '06:00']).nights).toBe(4);
  });
});
