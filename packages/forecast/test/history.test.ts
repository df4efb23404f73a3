import { InputError, MINUTE_MS } from '@allhours/core';
import { describe, expect, test } from 'vitest';
import {
  forecastRequestSchema,
  historyFromContacts,
  historyFromIntervals,
  loadHistory,
  parseHistoryText,
} from '../src/index.js';
import { syntheticIntervals } from './synthetic.js';

const START = Date.UTC(2026, 0, 5); // a Monday
const inputError = (fn: () => unknown): InputError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
};

describe('history from intervals', () => {
  test('missing intervals stay missing in open hours; never-used slots are inferred closed', () => {
    // Open 08:00–18:00 on weekdays only; one open interval dropped.
    const records = syntheticIntervals({ startMs: START, days: 21, intervalMinutes: 60, timeZone: 'UTC' }).filter(
      (r) => {
        const d = new Date(r.start);
        return d.getUTCDay() >= 1 && d.getUTCDay() <= 5 && d.getUTCHours() >= 8 && d.getUTCHours() < 18;
      },
    );
    const dropped = records.splice(30, 1)[0]!;
    const h = historyFromIntervals(records, { timeZone: 'UTC' });
    expect(h.openHoursSource).toBe('inferred');
    expect(h.open.reduce((a, b) => a + b, 0)).toBe(50);
    expect(h.missingCount).toBe(1);
    expect(Number.isNaN(h.volume[(dropped.start - h.start) / (60 * MINUTE_MS)]!)).toBe(true);
    // A closed night slot reads as zero, not missing.
    expect(h.volume[(Date.UTC(2026, 0, 6, 2) - h.start) / (60 * MINUTE_MS)]).toBe(0);
  });

  test('explicit open hours override inference', () => {
    const records = syntheticIntervals({ startMs: START, days: 14, intervalMinutes: 60, timeZone: 'UTC' });
    const h = historyFromIntervals(records, {
      timeZone: 'UTC',
      openHours: [{ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], from: '08:00', to: '18:00' }],
    });
    expect(h.openHoursSource).toBe('given');
    expect(h.open.reduce((a, b) => a + b, 0)).toBe(50);
  });

  test('finer records are summed onto the requested grid', () => {
    const records = syntheticIntervals({ startMs: START, days: 14, intervalMinutes: 15, timeZone: 'UTC' });
    const h = historyFromIntervals(records, { timeZone: 'UTC', intervalMinutes: 60 });
    expect(h.count).toBe(14 * 24);
    expect(h.volume[9]).toBeCloseTo(
      records.slice(36, 40).reduce((a, r) => a + r.volume, 0),
      9,
    );
  });

  test('duplicates, short history, coarse-to-fine and unknown channel are input errors naming the place', () => {
    const records = syntheticIntervals({ startMs: START, days: 14, intervalMinutes: 60, timeZone: 'UTC' }).map(
      (r, i) => ({
        ...r,
        where: `line ${i + 2}`,
      }),
    );
    const dup = inputError(() =>
      historyFromIntervals([...records, { ...records[5]!, where: 'line 999' }], { timeZone: 'UTC' }),
    );
    expect(dup.message).toMatch(/line (7|999)\.start: duplicate interval/);
    const short = inputError(() => historyFromIntervals(records.slice(0, 24 * 10), { timeZone: 'UTC' }));
    expect(short.issues[0]!.path).toBe('history');
    expect(short.message).toMatch(/at least 14 days/);
    expect(
      inputError(() => historyFromIntervals(records, { timeZone: 'UTC', intervalMinutes: 30 })).issues[0]!.path,
    ).toBe('intervalMinutes');
    expect(inputError(() => historyFromIntervals(records, { timeZone: 'UTC', channel: 'chat' })).issues[0]!.path).toBe(
      'channel',
    );
    expect(inputError(() => historyFromIntervals(records, { timeZone: 'Moon/Base' })).issues[0]!.path).toBe('timeZone');
  });

  test('contacts count per interval, with handle time, over whole local days', () => {
    const contacts = [];
    for (let d = 0; d < 14; d++) {
      for (let k = 0; k < 3; k++)
        contacts.push({ timestamp: START + d * 86_400_000 + 9 * 3_600_000 + k * 60_000, handleSeconds: 100 + 100 * k });
    }
    const h = historyFromContacts(contacts, { timeZone: 'Europe/Amsterdam', intervalMinutes: 30 });
    const nine = (START + 9 * 3_600_000 - h.start) / (30 * MINUTE_MS);
    expect(h.volume[nine]).toBe(3);
    expect(h.ahtSeconds![nine]).toBe(200);
    expect(h.count).toBe(14 * 48); // whole local days, 14 of them
  });
});

describe('parsing files', () => {
  test('an unparseable timestamp names its line and field', () => {
    const csv = 'start,volume\n2026-01-05T00:00:00Z,3\nyesterday,4\n';
    const e = inputError(() => parseHistoryText(csv, 'intervals', 'UTC', 'history.csv'));
    expect(e.message).toBe(
      'history.csv: line 3.start: "yesterday" is not a timestamp (ISO with offset, or local YYYY-MM-DD HH:mm in UTC)',
    );
  });

  test('a negative volume names its line and field; a missing column names the header', () => {
    expect(
      inputError(() => parseHistoryText('start,volume\n2026-01-05T00:00Z,-1\n', 'intervals', 'UTC', 'h.csv')).issues[0]!
        .path,
    ).toBe('line 2.volume');
    expect(inputError(() => parseHistoryText('when,volume\nx,1\n', 'intervals', 'UTC', 'h.csv')).message).toMatch(
      /missing column/,
    );
  });

  test('local timestamps without offset are read in the zone; JSON files work too', () => {
    const [csv] = parseHistoryText(
      'timestamp,handleSeconds\n2026-07-01 09:00,120\n',
      'contacts',
      'Europe/Amsterdam',
      'c.csv',
    ) as {
      timestamp: number;
    }[];
    expect(csv!.timestamp).toBe(Date.UTC(2026, 6, 1, 7));
    const json = parseHistoryText('[{"start":"2026-01-05T00:00:00+01:00","volume":2}]', 'intervals', 'UTC', 'h.json');
    expect(json).toEqual([
      { start: Date.UTC(2026, 0, 4, 23), volume: 2, ahtSeconds: undefined, channel: undefined, where: '[0]' },
    ]);
  });

  test('an unknown time zone is rejected by the request schema with its field', () => {
    const r = forecastRequestSchema.safeParse({ history: { intervals: [] }, timeZone: 'Mars/Olympus' });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]!.path).toEqual(['timeZone']);
  });

  test('inline intervals name the row on a bad timestamp', async () => {
    const request = forecastRequestSchema.parse({
      history: { intervals: [{ start: '2026-13-01T00:00:00Z', volume: 1 }] },
      timeZone: 'UTC',
    });
    await expect(loadHistory(request)).rejects.toThrow(/history\.intervals\[0\]\.start/);
  });
});
