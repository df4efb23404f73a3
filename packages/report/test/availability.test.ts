import { InputError, localDayIntervals } from '@allhours/core';
import { availabilitySchedule, intervalLevel } from '@allhours/report';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect, test } from 'vitest';

const MONDAY = '2026-11-23T00:00:00Z';

/** A week of 15-minute values from a function of (day 0–6, slot of day 0–95) in UTC. */
function week(f: (day: number, slot: number) => number): number[] {
  return Array.from({ length: 7 * 96 }, (_, i) => f(Math.floor(i / 96), i % 96));
}

function schedule(required: number[], staffed: number[], extra: Record<string, unknown> = {}) {
  return availabilitySchedule({
    timeZone: 'UTC',
    required: { start: MONDAY, intervalMinutes: 15, values: required },
    staffed: { start: MONDAY, intervalMinutes: 15, values: staffed },
    ...extra,
  });
}

describe('intervalLevel', () => {
  test('staffed to requirement is full, fewer agents or a bot is limited, nothing is closed', () => {
    expect(intervalLevel(3, 3, 0)).toBe('full');
    expect(intervalLevel(3, 4, 0)).toBe('full');
    expect(intervalLevel(3, 2, 0)).toBe('limited');
    expect(intervalLevel(3, 0, 0.3)).toBe('limited');
    expect(intervalLevel(3, 0, 0)).toBe('closed');
    expect(intervalLevel(0, 0, 0)).toBe('closed'); // no demand and nobody there is still closed
    expect(intervalLevel(0, 1, 0)).toBe('full');
  });
});

describe('availabilitySchedule', () => {
  test('extended hours with a night bot on weekdays, shorter weekend hours', () => {
    const required = week(() => 2);
    const staffed = week((day, slot) => {
      const hour = slot / 4;
      if (day < 5) return hour >= 7 && hour < 23 ? 2 : 0;
      return hour >= 9 && hour < 17 ? 2 : hour >= 17 && hour < 20 ? 1 : 0;
    });
    const s = schedule(required, staffed, { botShare: 0.4 });
    expect(s.weekday.days).toBe(5);
    expect(s.weekend.days).toBe(2);
    expect(s.weekday.blocks.map((b) => [b.from, b.to, b.level, b.reason])).toEqual([
      ['00:00', '07:00', 'limited', 'bot/self-service'],
      ['07:00', '23:00', 'full', ''],
      ['23:00', '24:00', 'limited', 'bot/self-service'],
    ]);
    expect(s.weekend.blocks.map((b) => [b.from, b.to, b.level, b.reason])).toEqual([
      ['00:00', '09:00', 'limited', 'bot/self-service'],
      ['09:00', '17:00', 'full', ''],
      ['17:00', '20:00', 'limited', 'reduced staffing'],
      ['20:00', '24:00', 'limited', 'bot/self-service'],
    ]);
    // No holiday in the week: holidays follow the weekend schedule and say so.
    expect(s.holiday.days).toBe(0);
    expect(s.holiday.derivedFrom).toBe('weekend');
    expect(s.holiday.blocks).toEqual(s.weekend.blocks);
  });

  test('without a bot, unstaffed hours are closed; a listed holiday gets its own schedule', () => {
    const required = week(() => 1);
    const staffed = week((day, slot) => (day === 2 ? (slot >= 40 && slot < 64 ? 1 : 0) : 1));
    const s = schedule(required, staffed, { holidays: ['2026-11-25'] });
    expect(s.holiday.days).toBe(1);
    expect(s.holiday.derivedFrom).toBeUndefined();
    expect(s.holiday.blocks.map((b) => `${b.from}-${b.to} ${b.level}`)).toEqual([
      '00:00-10:00 closed',
      '10:00-16:00 full',
      '16:00-24:00 closed',
    ]);
    expect(s.weekday.blocks.map((b) => b.level)).toEqual(['full']);
  });

  test('reliability: one short day in five keeps "full" at 0.8 but not at 1', () => {
    const required = week(() => 2);
    const staffed = week((day) => (day === 0 ? 1 : 2));
    expect(schedule(required, staffed).weekday.blocks.map((b) => b.level)).toEqual(['full']);
    expect(schedule(required, staffed, { reliability: 1 }).weekday.blocks.map((b) => b.level)).toEqual(['limited']);
  });

  test('DST: a 23-hour and a 25-hour day still publish a whole local day', () => {
    const zone = 'Europe/Amsterdam';
    for (const date of ['2026-03-29', '2026-10-25']) {
      const intervals = localDayIntervals(date, zone, 15);
      const values = intervals.map(() => 1);
      const s = availabilitySchedule({
        timeZone: zone,
        required: { start: new Date(intervals[0]!).toISOString(), intervalMinutes: 15, values },
        staffed: { start: new Date(intervals[0]!).toISOString(), intervalMinutes: 15, values },
      });
      expect(s.weekend.days).toBe(1); // both are Sundays
      expect(s.weekend.blocks).toEqual([
        { from: '00:00', to: '24:00', fromMinute: 0, toMinute: 1440, level: 'full', reason: '' },
      ]);
    }
  });

  test('partial days at the ends are left out rather than published as closed', () => {
    const values = Array.from({ length: 96 + 40 }, () => 1);
    const s = availabilitySchedule({
      timeZone: 'UTC',
      required: { start: '2026-11-23T14:00:00Z', intervalMinutes: 15, values },
      staffed: { start: '2026-11-23T14:00:00Z', intervalMinutes: 15, values },
    });
    expect(s.weekday.days).toBe(1);
    expect(s.weekday.blocks.map((b) => b.level)).toEqual(['full']);
  });

  test('bad input is an InputError naming the field', () => {
    const ok = { start: MONDAY, intervalMinutes: 15 as const, values: [1] };
    expect(() => availabilitySchedule({ timeZone: 'Mars/Olympus', required: ok, staffed: ok })).toThrow(InputError);
    expect(() => availabilitySchedule({ timeZone: 'Mars/Olympus', required: ok, staffed: ok })).toThrow(/timeZone/);
    expect(() =>
      availabilitySchedule({ timeZone: 'UTC', required: ok, staffed: { ...ok, intervalMinutes: 30 } }),
    ).toThrow(/staffed\.intervalMinutes/);
    expect(() => availabilitySchedule({ timeZone: 'UTC', required: ok, staffed: ok, blockMinutes: 25 })).toThrow(
      /blockMinutes/,
    );
    expect(() => availabilitySchedule({ timeZone: 'UTC', required: ok, staffed: ok, botShare: 2 })).toThrow(/botShare/);
  });

  prop.prop([
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7 * 96, maxLength: 7 * 96 }),
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7 * 96, maxLength: 7 * 96 }),
    fc.constantFrom(0, 0.3),
    fc.constantFrom(15, 30, 60, 120),
  ])(
    'blocks tile the day without gaps or overlaps, and "closed" never appears with a bot',
    (req, staff, bot, block) => {
      const s = schedule(req, staff, { botShare: bot, blockMinutes: block });
      for (const day of [s.weekday, s.weekend, s.holiday]) {
        expect(day.blocks[0]!.fromMinute).toBe(0);
        expect(day.blocks[day.blocks.length - 1]!.toMinute).toBe(1440);
        day.blocks.forEach((b, i) => {
          expect(b.toMinute).toBeGreaterThan(b.fromMinute);
          expect(b.fromMinute % block).toBe(0);
          if (i > 0) {
            expect(b.fromMinute).toBe(day.blocks[i - 1]!.toMinute);
            const prev = day.blocks[i - 1]!;
            expect(prev.level !== b.level || prev.reason !== b.reason).toBe(true); // merged runs
          }
          if (bot > 0) expect(b.level).not.toBe('closed');
        });
      }
    },
  );

  prop.prop([
    fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 7 * 96, maxLength: 7 * 96 }),
    fc.integer({ min: 1, max: 3 }),
  ])('more staff never lowers a published level', (staff, extra) => {
    const req = week(() => 2);
    const rank = { closed: 0, limited: 1, full: 2 } as const;
    const levelAt = (sch: ReturnType<typeof schedule>, minute: number) =>
      rank[sch.weekday.blocks.find((b) => b.fromMinute <= minute && minute < b.toMinute)!.level];
    const base = schedule(req, staff);
    const more = schedule(
      req,
      staff.map((v) => v + extra),
    );
    for (let m = 0; m < 1440; m += 60) expect(levelAt(more, m)).toBeGreaterThanOrEqual(levelAt(base, m));
  });
});
