import { describe, expect, it } from 'vitest';
import { placeBreaks } from '../src/breaks.js';
import type { Template } from '../src/request.js';

const T0 = Date.parse('2026-03-23T06:00:00Z');
const M = 60_000;
const template: Template = {
  id: 'day',
  siteId: 'S',
  startTimes: ['06:00'],
  durationMinutes: 480,
  breaks: [
    { minutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 150 },
    { minutes: 30, paid: false, earliestAfterMinutes: 210, latestAfterMinutes: 300 },
  ],
};

describe('stage 3: breaks', () => {
  it('staggers breaks so at most the surplus is on break at once, inside every window', () => {
    const shifts = Array.from({ length: 4 }, () => ({ channel: 'voice', start: T0, end: T0 + 480 * M, template }));
    // 4 on duty, 3 required: a surplus of one agent per 15-minute interval.
    const surplus = new Map([['voice', new Array<number>(96).fill(-3)]]);
    for (let i = 24; i < 56; i++) surplus.get('voice')![i] = 1;
    const out = placeBreaks(shifts, {
      origin: Date.parse('2026-03-23T00:00:00Z'),
      intervalMinutes: 15,
      intervals: 96,
      surplus,
    });
    const all = out.flat();
    expect(all).toHaveLength(8);
    for (const [k, breaks] of out.entries()) {
      const [rest, lunch] = breaks;
      expect((rest!.end - rest!.start) / M).toBe(15);
      expect((rest!.start - shifts[k]!.start) / M).toBeGreaterThanOrEqual(90);
      expect((rest!.start - shifts[k]!.start) / M).toBeLessThanOrEqual(150);
      expect((lunch!.end - lunch!.start) / M).toBe(30);
      expect((lunch!.start - shifts[k]!.start) / M).toBeGreaterThanOrEqual(210);
      expect((lunch!.start - shifts[k]!.start) / M).toBeLessThanOrEqual(300);
    }
    // No two breaks overlap: the single spare agent covers each one.
    const sorted = all.sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.start).toBeGreaterThanOrEqual(sorted[i - 1]!.end);
    expect(Math.min(...surplus.get('voice')!.slice(24, 56))).toBe(0);
  });
});
