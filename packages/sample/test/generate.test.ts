import { InputError, localToInstant, slotIndexes, sum } from '@allhours/core';
import {
  expectedRatePerHour,
  generateSampleHistory,
  REGIONS,
  SAMPLE_CHANNELS,
  SAMPLE_DEFAULTS,
  sampleCsv,
  sampleIntervals,
} from '@allhours/sample';
import { describe, expect, test } from 'vitest';

const sample = generateSampleHistory();

describe('generateSampleHistory (defaults)', () => {
  test('8 weeks of 15-minute history for voice, chat and email ending at the default end', () => {
    expect(sample.channels.map((c) => c.channel)).toEqual([...SAMPLE_CHANNELS]);
    expect(sample.end).toBe(Date.parse(SAMPLE_DEFAULTS.end));
    expect(sample.end - sample.start).toBe(8 * 7 * 86_400_000);
    for (const c of sample.channels) {
      expect(c.volumes.intervalMinutes).toBe(15);
      expect(c.volumes.start).toBe(sample.start);
      expect(c.volumes.values).toHaveLength(8 * 7 * 96);
      expect(c.ahtSeconds).toHaveLength(c.volumes.values.length);
    }
  });

  test('is deterministic for the same seed and differs for another', () => {
    const again = generateSampleHistory();
    expect(again).toEqual(sample);
    const other = generateSampleHistory({ seed: SAMPLE_DEFAULTS.seed + 1 });
    expect(other.channels[0]!.volumes.values).not.toEqual(sample.channels[0]!.volumes.values);
  });

  test('counts are non-negative integers; handle times are positive where contacts arrived, null where none', () => {
    for (const c of sample.channels) {
      c.volumes.values.forEach((v, i) => {
        expect(Number.isInteger(v) && v >= 0).toBe(true);
        const aht = c.ahtSeconds[i];
        if (v === 0) expect(aht).toBeNull();
        else expect(Number.isFinite(aht) && (aht as number) > 0).toBe(true);
      });
    }
  });

  test('daily totals and handle times are plausible for a mid-size follow-the-sun desk', () => {
    const days = 56;
    const perDay = Object.fromEntries(sample.channels.map((c) => [c.channel, sum(c.volumes.values) / days]));
    // Expected from the profiles: Wednesday volume × mean weekday factor, summed over the regions.
    expect(perDay.voice).toBeGreaterThan(1800);
    expect(perDay.voice).toBeLessThan(2500);
    expect(perDay.chat).toBeGreaterThan(1400);
    expect(perDay.chat).toBeLessThan(2100);
    expect(perDay.email).toBeGreaterThan(850);
    expect(perDay.email).toBeLessThan(1300);
    for (const c of sample.channels) {
      const weighted = sum(c.ahtSeconds.map((a, i) => (a ?? 0) * c.volumes.values[i]!)) / sum(c.volumes.values);
      const base = { voice: 330, chat: 540, email: 420 }[c.channel];
      expect(Math.abs(weighted / base - 1)).toBeLessThan(0.08);
    }
  });

  test('the arrivals are over-dispersed: variance above the mean in same-slot weekday intervals', () => {
    const voice = sample.channels[0]!.volumes;
    // Tuesdays 14:00–14:15 UTC across the 8 weeks (no holiday on a Tuesday in range).
    const idx = Array.from({ length: 8 }, (_, w) => w * 7 * 96 + 96 + 56);
    const xs = idx.map((i) => voice.values[i]!);
    const mean = sum(xs) / xs.length;
    const variance = sum(xs.map((x) => (x - mean) ** 2)) / (xs.length - 1);
    expect(mean).toBeGreaterThan(20);
    expect(variance).toBeGreaterThan(mean);
  });

  test('weekends are quieter than weekdays and nights quieter than days, in the customers’ local time', () => {
    const voice = sample.channels[0]!.volumes;
    const slots = slotIndexes(voice.start, voice.values.length, 15, 'America/New_York');
    const byDay = new Array<number>(7).fill(0);
    voice.values.forEach((v, i) => {
      byDay[Math.floor(slots[i]! / 96)]! += v;
    });
    expect(byDay[6]!).toBeLessThan(byDay[0]! * 0.6); // Sunday vs Monday
    const hourly = new Array<number>(24).fill(0);
    voice.values.forEach((v, i) => {
      hourly[Math.floor((slots[i]! % 96) / 4)]! += v;
    });
    // 10:00 New York (Americas peak, 16:00 Amsterdam) well above 03:00 New York (Manila 16:00, Europe 09:00)…
    expect(hourly[10]!).toBeGreaterThan(hourly[22]!);
  });

  test('DST: a region keeps its local shape across its clock change (expected rate by wall clock)', () => {
    for (const region of REGIONS) {
      // The week before and after the October/November changes: 10:00 local Monday has the same rate
      // (up to the weekly growth), although the UTC instant moved by an hour in Europe and the Americas.
      const before = localToInstant('2026-10-19', 600, region.timeZone);
      const after = localToInstant('2026-11-09', 600, region.timeZone);
      const rBefore = expectedRatePerHour(region, 'voice', before, before);
      const rAfter = expectedRatePerHour(region, 'voice', after, before);
      expect(rAfter / rBefore).toBeCloseTo(1.004 ** 3, 4);
    }
  });

  test('DST: generated European volume keeps its hourly shape on the Amsterdam clock, not on the UTC clock', () => {
    const europe = generateSampleHistory({ regions: ['europe'] });
    const voice = europe.channels[0]!.volumes;
    const local = slotIndexes(voice.start, voice.values.length, 15, 'Europe/Amsterdam');
    const utc = slotIndexes(voice.start, voice.values.length, 15, 'UTC');
    const change = Date.parse('2026-10-25T01:00:00Z'); // EU clocks go back
    // Share of weekday volume per hour of day, 4 weeks before vs 4 weeks after the change.
    const shape = (slots: Int32Array, from: number, to: number) => {
      const h = new Array<number>(24).fill(0);
      voice.values.forEach((v, i) => {
        const t = voice.start + i * 900_000;
        if (t >= from && t < to && Math.floor(local[i]! / 96) < 5) h[Math.floor((slots[i]! % 96) / 4)]! += v;
      });
      const total = sum(h);
      return h.map((x) => x / total);
    };
    const distance = (a: number[], b: number[]) => sum(a.map((x, k) => Math.abs(x - b[k]!)));
    const week = 7 * 86_400_000;
    const byLocal = distance(shape(local, change - 4 * week, change), shape(local, change, change + 4 * week));
    const byUtc = distance(shape(utc, change - 4 * week, change), shape(utc, change, change + 4 * week));
    expect(byLocal).toBeLessThan(0.05); // only noise and growth
    expect(byUtc).toBeGreaterThan(2 * byLocal); // on the UTC clock the whole day moved by an hour
  });

  test('holidays inside the range are listed with their region zone and lower that region’s day', () => {
    expect(sample.specialDays.map((d) => d.date)).toEqual(['2026-10-12', '2026-11-01', '2026-11-02', '2026-11-11']);
    const apac = REGIONS.find((r) => r.id === 'apac')!;
    const holiday = Date.parse('2026-11-01T02:00:00Z'); // 10:00 Manila, All Saints' Day (a Sunday)
    const normal = Date.parse('2026-10-25T02:00:00Z'); // the Sunday before
    expect(expectedRatePerHour(apac, 'voice', holiday, sample.start)).toBeLessThan(
      expectedRatePerHour(apac, 'voice', normal, sample.start) * 0.5,
    );
  });
});

describe('options and exports', () => {
  test('regions select the customers; their holidays only', () => {
    const apac = generateSampleHistory({ regions: ['apac'], weeks: 2 });
    expect(apac.specialDays.every((d) => d.region === 'apac')).toBe(true);
    const all = generateSampleHistory({ weeks: 2 });
    expect(sum(apac.channels[0]!.volumes.values)).toBeLessThan(sum(all.channels[0]!.volumes.values) / 3);
  });

  test('30-minute grid, other end and scale', () => {
    const h = generateSampleHistory({ intervalMinutes: 30, weeks: 1, end: '2026-03-30T00:00:00Z', volumeScale: 0.5 });
    expect(h.channels[0]!.volumes.values).toHaveLength(7 * 48);
    const voiceDay = sum(h.channels[0]!.volumes.values) / 7;
    expect(voiceDay).toBeGreaterThan(800);
    expect(voiceDay).toBeLessThan(1300);
  });

  test('bad options are InputErrors naming the field', () => {
    expect(() => generateSampleHistory({ end: '2026-11-23T00:10:00Z' })).toThrow(InputError);
    expect(() => generateSampleHistory({ end: '2026-11-23T00:10:00Z' })).toThrow(/end: .*15-minute/);
    expect(() => generateSampleHistory({ weeks: 0 })).toThrow(/weeks/);
    expect(() => generateSampleHistory({ end: '2026-11-23T00:00' })).toThrow(/end: .*offset/);
  });

  test('CSV and interval records carry the same data; AHT left out where nobody called', () => {
    const email = sample.channels[2]!;
    const rows = sampleIntervals(email);
    expect(rows).toHaveLength(email.volumes.values.length);
    expect(rows[0]!.start).toBe('2026-09-28T00:00:00.000Z');
    const csv = sampleCsv(email).trim().split('\n');
    expect(csv[0]).toBe('start,volume,ahtSeconds');
    expect(csv).toHaveLength(rows.length + 1);
    const zero = rows.findIndex((r) => r.volume === 0);
    if (zero >= 0) {
      expect(rows[zero]!.ahtSeconds).toBeUndefined();
      expect(csv[zero + 1]).toMatch(/,0,$/);
    }
    expect(sum(rows.map((r) => r.volume))).toBe(sum(email.volumes.values));
  });
});
