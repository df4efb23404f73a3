import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { buildCatalog, instantsOf, overlapWithDailyWindow } from '../src/options.js';
import { parsed, smallRequest } from './helpers.js';

const H = 3_600_000;

describe('shift options', () => {
  it.each([
    ['Europe/Amsterdam', '2026-03-28', 7],
    ['Europe/Amsterdam', '2026-10-24', 9],
    ['America/New_York', '2026-03-07', 7],
    ['America/New_York', '2026-10-31', 9],
    ['America/New_York', '2026-11-01', 8],
  ])('%s: 22:00 + 8 h on %s lasts %i h', (zone, date, hours) => {
    const at = instantsOf(date, 22 * 60, 480, zone)!;
    expect((at.end - at.start) / H).toBe(hours);
  });

  it('skips a start time that does not exist (spring-forward gap)', () => {
    expect(instantsOf('2026-03-29', 150, 480, 'Europe/Amsterdam')).toBeUndefined();
    expect(instantsOf('2026-03-28', 150, 480, 'Europe/Amsterdam')).toBeDefined();
  });

  it('Asia/Kolkata 06:00 is 00:30 UTC', () => {
    expect(new Date(instantsOf('2026-06-01', 360, 480, 'Asia/Kolkata')!.start).toISOString()).toBe(
      '2026-06-01T00:30:00.000Z',
    );
  });

  it('builds one instance per day inside the horizon, marks nights and honours start windows', () => {
    const request = parsed(
      smallRequest({
        sites: [
          {
            id: 'S',
            timeZone: 'Europe/Amsterdam',
            costPerHour: 10,
            nightPremium: 0.5,
            startWindow: ['06:00', '20:00'],
          },
        ],
      }),
    );
    const catalog = buildCatalog(request);
    expect(catalog.patterns.map((p) => p.id)).toEqual(['S/early/06:00', 'S/late/14:00']); // 22:00 outside the window
    expect(catalog.patterns.map((p) => p.night)).toEqual([false, false]);
    // First early shift: 2026-03-23 06:00 CET = 05:00 UTC, 8 paid hours at 10/h.
    expect(catalog.instances[0]![0]).toEqual({
      start: Date.parse('2026-03-23T05:00:00Z'),
      end: Date.parse('2026-03-23T13:00:00Z'),
      cost: 80,
    });
    // Sunday 29 March (CEST): 06:00 local = 04:00 UTC.
    expect(catalog.instances[0]![6]!.start).toBe(Date.parse('2026-03-29T04:00:00Z'));
    const all = buildCatalog(parsed(smallRequest()));
    expect(all.patterns.find((p) => p.templateId === 'night')!.night).toBe(true);
  });

  prop.prop([fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })])(
    'night overlap never exceeds the shift or the 8-hour window',
    (start, length) => {
      const m = overlapWithDailyWindow(start, length, ['22:00', '06:00']);
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThanOrEqual(Math.min(length, 2 * 480));
      if (length <= 1440 - 480) expect(m).toBeLessThanOrEqual(480);
    },
  );
});
