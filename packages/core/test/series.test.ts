import { describe, expect, test } from 'vitest';
import { InputError, parseInput, parseInstant, seriesSchema, sliceByTime, timeZoneSchema } from '../src/index.js';

describe('series schema', () => {
  test('parses an ISO start with an offset into epoch ms', () => {
    const s = parseInput(seriesSchema, { start: '2026-11-23T01:00:00+01:00', intervalMinutes: 15, values: [1, 2] });
    expect(s.start).toBe(Date.UTC(2026, 10, 23));
  });

  test('names the field and the reason', () => {
    const bad = { start: '2026-11-23T00:07:00Z', intervalMinutes: 20, values: [1, Number.NaN] };
    try {
      parseInput(seriesSchema, bad, 'request.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      const paths = (e as InputError).issues.map((i) => i.path);
      expect(paths).toContain('intervalMinutes');
      expect(paths).toContain('values[1]');
      expect((e as InputError).message).toMatch(/^request\.json: /);
    }
  });

  test('a start off the grid is refused', () => {
    const r = seriesSchema.safeParse({ start: '2026-11-23T00:07:00Z', intervalMinutes: 15, values: [] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['start']);
  });

  test('a local time without an offset is not an instant', () => {
    expect(parseInstant('2026-11-23T00:00:00')).toBeUndefined();
    expect(parseInstant('2026-11-23')).toBeUndefined();
    expect(parseInstant('2026-11-23T00:00:00Z')).toBe(Date.UTC(2026, 10, 23));
    expect(parseInstant('2026-11-23T05:30+05:30')).toBe(Date.UTC(2026, 10, 23));
  });

  test('unknown zones and bare offsets are refused', () => {
    expect(timeZoneSchema.safeParse('Europe/Amsterdam').success).toBe(true);
    expect(timeZoneSchema.safeParse('Mars/Olympus').success).toBe(false);
    expect(timeZoneSchema.safeParse('+01:00').success).toBe(false);
  });

  test('sliceByTime pads outside the series', () => {
    const s = { start: 0, intervalMinutes: 15 as const, values: [1, 2, 3] };
    expect(sliceByTime(s, -900_000, 3 * 900_000 + 1)).toEqual({
      start: -900_000,
      intervalMinutes: 15,
      values: [0, 1, 2, 3, 0],
    });
  });
});
