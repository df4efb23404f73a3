import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';
import { localDayIntervals, localToInstant, slotIndexes, slotOfWeek } from '../src/index.js';

describe('slot of week', () => {
  test('09:00 local Monday is the same slot in winter and summer', () => {
    const winter = localToInstant('2026-03-23', 9 * 60, 'Europe/Amsterdam');
    const summer = localToInstant('2026-03-30', 9 * 60, 'Europe/Amsterdam');
    expect(slotOfWeek(winter, 'Europe/Amsterdam', 15).key).toBe('Mon 09:00');
    expect(slotOfWeek(summer, 'Europe/Amsterdam', 15)).toEqual(slotOfWeek(winter, 'Europe/Amsterdam', 15));
  });

  test('the fall-back day repeats the 02:00 slots and the spring-forward day skips them', () => {
    const fall = localDayIntervals('2026-10-25', 'Europe/Amsterdam', 15).map(
      (t) => slotOfWeek(t, 'Europe/Amsterdam', 15).key,
    );
    expect(fall.filter((k) => k === 'Sun 02:15')).toHaveLength(2);
    const spring = localDayIntervals('2026-03-29', 'Europe/Amsterdam', 15).map(
      (t) => slotOfWeek(t, 'Europe/Amsterdam', 15).key,
    );
    expect(spring).not.toContain('Sun 02:15');
    expect(new Set(spring).size).toBe(92);
  });

  test('Lord Howe fall-back repeats only half an hour', () => {
    const keys = localDayIntervals('2026-04-05', 'Australia/Lord_Howe', 15).map(
      (t) => slotOfWeek(t, 'Australia/Lord_Howe', 15).key,
    );
    expect(keys).toHaveLength(98);
    expect(keys.length - new Set(keys).size).toBe(2);
  });

  test('Kolkata on an hourly grid: local 00:30 belongs to the 00:00 slot', () => {
    const t = Date.UTC(2026, 5, 1, 19, 0); // 00:30 IST on Tuesday 2 June
    expect(slotOfWeek(t, 'Asia/Kolkata', 60).key).toBe('Tue 00:00');
  });
});

describe('slotIndexes agrees with slotOfWeek', () => {
  prop.prop([
    fc.constantFrom('Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe'),
    fc.integer({ min: 0, max: 364 * 96 }),
    fc.constantFrom(5, 15, 30, 60),
  ])('over three days from any start', (zone, quarter, interval) => {
    const start = Math.floor((Date.UTC(2026, 0, 1) + quarter * 900_000) / (interval * 60_000)) * interval * 60_000;
    const count = (3 * 1440) / interval;
    const fast = slotIndexes(start, count, interval, zone);
    for (let i = 0; i < count; i += 7) {
      expect(fast[i]).toBe(slotOfWeek(start + i * interval * 60_000, zone, interval).index);
    }
  });
});
