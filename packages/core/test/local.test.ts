import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import {
  addDays,
  formatLocal,
  isWeekendDate,
  localDateOf,
  localDayBounds,
  localDayIntervals,
  localDayLengthMinutes,
  localToInstant,
  offsetMinutesAt,
} from '../src/index.js';

// 2026 transitions: EU last Sundays of March/October, US second Sunday of March / first of November,
// Lord Howe (30-minute DST) first Sundays of April/October; Kolkata has none.
const dstDays = [
  { zone: 'Europe/Amsterdam', date: '2026-03-29', minutes: 23 * 60 },
  { zone: 'Europe/Amsterdam', date: '2026-10-25', minutes: 25 * 60 },
  { zone: 'America/New_York', date: '2026-03-08', minutes: 23 * 60 },
  { zone: 'America/New_York', date: '2026-11-01', minutes: 25 * 60 },
  { zone: 'Australia/Lord_Howe', date: '2026-04-05', minutes: 24.5 * 60 },
  { zone: 'Australia/Lord_Howe', date: '2026-10-04', minutes: 23.5 * 60 },
  { zone: 'Asia/Kolkata', date: '2026-03-29', minutes: 24 * 60 },
];

describe('local day length', () => {
  test.each(dstDays)('$zone $date has $minutes minutes', ({ zone, date, minutes }) => {
    expect(localDayLengthMinutes(date, zone)).toBe(minutes);
    expect(localDayIntervals(date, zone, 15)).toHaveLength(minutes / 15);
  });

  test('the EU spring-forward day has 92 quarter hours and the fall-back day 100', () => {
    expect(localDayIntervals('2026-03-29', 'Europe/Amsterdam', 15)).toHaveLength(92);
    expect(localDayIntervals('2026-10-25', 'Europe/Amsterdam', 15)).toHaveLength(100);
  });

  test('the days either side of a change are 24 hours', () => {
    expect(localDayLengthMinutes('2026-03-28', 'Europe/Amsterdam')).toBe(1440);
    expect(localDayLengthMinutes('2026-03-30', 'Europe/Amsterdam')).toBe(1440);
  });

  test('Kolkata on an hourly UTC grid: 24 intervals, each starting at :30 local', () => {
    const starts = localDayIntervals('2026-06-01', 'Asia/Kolkata', 60);
    expect(starts).toHaveLength(24);
    expect(formatLocal(starts[0]!, 'Asia/Kolkata')).toBe('2026-06-01T00:30:00.000+05:30');
    expect(offsetMinutesAt(starts[0]!, 'Asia/Kolkata')).toBe(330);
  });

  test('Lord Howe local midnight moves by 30 minutes of UTC across its change', () => {
    expect(new Date(localDayBounds('2026-10-04', 'Australia/Lord_Howe')[0]).toISOString()).toBe(
      '2026-10-03T13:30:00.000Z',
    );
    expect(new Date(localDayBounds('2026-10-05', 'Australia/Lord_Howe')[0]).toISOString()).toBe(
      '2026-10-04T13:00:00.000Z',
    );
  });
});

describe('wall clock to instant', () => {
  test('09:00 stays 09:00 local on both sides of the EU change', () => {
    expect(new Date(localToInstant('2026-03-27', 9 * 60, 'Europe/Amsterdam')).toISOString()).toBe(
      '2026-03-27T08:00:00.000Z',
    );
    expect(new Date(localToInstant('2026-03-30', 9 * 60, 'Europe/Amsterdam')).toISOString()).toBe(
      '2026-03-30T07:00:00.000Z',
    );
  });

  test('a time in the spring-forward gap moves forward by the gap', () => {
    // 02:30 does not exist in Amsterdam on 2026-03-29; clocks show 03:30 at that moment.
    expect(formatLocal(localToInstant('2026-03-29', 150, 'Europe/Amsterdam'), 'Europe/Amsterdam')).toBe(
      '2026-03-29T03:30:00.000+02:00',
    );
  });

  test('a repeated time on the fall-back day takes its first occurrence', () => {
    expect(new Date(localToInstant('2026-11-01', 90, 'America/New_York')).toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  test('a night shift 22:00 + 9 h across the fall-back lasts 10 hours of real time', () => {
    const start = localToInstant('2026-10-24', 22 * 60, 'Europe/Amsterdam');
    const end = localToInstant('2026-10-24', 22 * 60 + 9 * 60, 'Europe/Amsterdam');
    expect((end - start) / 3_600_000).toBe(10);
  });
});

const zones = ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'UTC'];
const year2026 = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) });

describe('properties', () => {
  prop.prop([fc.constantFrom(...zones), year2026])('UTC → local date → day bounds contain the instant', (zone, t) => {
    const [start, end] = localDayBounds(localDateOf(t, zone), zone);
    expect(start).toBeLessThanOrEqual(t);
    expect(t).toBeLessThan(end);
  });

  prop.prop([fc.constantFrom(...zones), year2026])('UTC → local wall time → UTC round-trips', (zone, t) => {
    const minuteT = Math.floor(t / 60_000) * 60_000;
    const local = formatLocal(minuteT, zone);
    const date = local.slice(0, 10);
    const wall = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
    const back = localToInstant(date, wall, zone);
    // Only the second pass of a repeated (fall-back) hour maps to its first occurrence, one shift earlier.
    const shift = minuteT - back;
    expect([0, 30 * 60_000, 60 * 60_000]).toContain(shift);
    if (shift !== 0) expect(offsetMinutesAt(back, zone)).toBeGreaterThan(offsetMinutesAt(minuteT, zone));
  });

  prop.prop([fc.constantFrom(...zones), fc.integer({ min: 0, max: 364 }), fc.constantFrom(5, 6, 10, 15, 30, 60)])(
    'consecutive local days tile the UTC grid with no gap or overlap',
    (zone, dayOfYear, interval) => {
      const date = new Date(Date.UTC(2026, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
      const next = new Date(Date.UTC(2026, 0, 2 + dayOfYear)).toISOString().slice(0, 10);
      const a = localDayIntervals(date, zone, interval);
      const b = localDayIntervals(next, zone, interval);
      expect(b[0]! - a[a.length - 1]!).toBe(interval * 60_000);
      const minutes = localDayLengthMinutes(date, zone);
      expect([1380, 1410, 1440, 1470, 1500]).toContain(minutes);
    },
  );
});

describe('isWeekendDate', () => {
  test('Saturday and Sunday, whatever the month or year', () => {
    expect(isWeekendDate('2026-12-05')).toBe(true); // Saturday
    expect(isWeekendDate('2026-12-06')).toBe(true); // Sunday
    expect(isWeekendDate('2026-12-07')).toBe(false); // Monday
    expect(isWeekendDate('2027-01-01')).toBe(false); // Friday
    expect(isWeekendDate('2024-02-29')).toBe(false); // Thursday, leap day
  });

  prop.prop([fc.integer({ min: 0, max: 20_000 })])('two days in any seven', (offset) => {
    const monday = addDays('2000-01-03', 7 * offset);
    const days = Array.from({ length: 7 }, (_, k) => isWeekendDate(addDays(monday, k)));
    expect(days).toEqual([false, false, false, false, false, true, true]);
  });
});
