import { InputError, parseInput } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { scheduleRequestSchema } from '../src/request.js';
import { smallRequest } from './helpers.js';

// biome-ignore lint/suspicious/noExplicitAny: the cases mutate raw request JSON field by field
type Raw = any;

function issues(input: unknown): string[] {
  try {
    parseInput(scheduleRequestSchema, input);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  return [];
}

describe('scheduleRequestSchema', () => {
  it('accepts the small request and fills EU defaults', () => {
    const r = parseInput(scheduleRequestSchema, smallRequest());
    expect(r.rules).toMatchObject({
      minRestMinutes: 660,
      weeklyRestMinutes: 2100,
      maxConsecutiveDays: 6,
      minConsecutiveDaysOff: 2,
    });
    expect(r.rotation.mode).toBe('free');
    expect(r.horizon.start).toBe(Date.parse('2026-03-23T00:00:00Z'));
  });

  it.each([
    [
      'unknown zone',
      (r: Raw) => (r.sites[0].timeZone = 'Europe/Atlantis'),
      /^sites\[0\]\.timeZone: unknown IANA time zone "Europe\/Atlantis"/,
    ],
    [
      'template > 24 h',
      (r: Raw) => (r.templates[0].durationMinutes = 1500),
      /^templates\[0\]\.durationMinutes: a shift template may last at most 24 h/,
    ],
    ['agent at an unknown site', (r: Raw) => (r.agents[1].siteId = 'X'), /^agents\[1\]\.siteId: unknown site "X"/],
    [
      'requirements off the grid',
      (r: Raw) => (r.requirements[0].start = '2026-03-23T00:10:00Z'),
      /^requirements\[0\]\.start: is off the 30-minute UTC grid/,
    ],
    [
      'interval not a multiple of the grid',
      (r: Raw) => (r.requirements[0].intervalMinutes = 15),
      /^requirements\[0\]\.intervalMinutes: 15 is not a multiple/,
    ],
    ['grid of 60', (r: Raw) => (r.intervalMinutes = 60), /^intervalMinutes: must be 15 or 30 minutes/],
    [
      'channel without demand',
      (r: Raw) => (r.agents[0].channels = ['fax']),
      /^agents\[0\]\.channels\[0\]: channel "fax" has no requirements/,
    ],
    [
      'break after the shift',
      (r: Raw) => (r.templates[0].breaks = [{ minutes: 30, earliestAfterMinutes: 400, latestAfterMinutes: 470 }]),
      /^templates\[0\]\.breaks\[0\]\.latestAfterMinutes: a break starting 470 min/,
    ],
    [
      'cycle longer than the horizon',
      (r: Raw) => (r.rotation = { mode: 'cyclic', weeks: 2 }),
      /^rotation\.weeks: a 2-week cycle needs a horizon of at least 14 days/,
    ],
    ['duplicate agent', (r: Raw) => (r.agents[1].id = 'a1'), /^agents\[1\]\.id: duplicate id "a1"/],
    [
      'horizon off the grid',
      (r: Raw) => (r.horizon.start = '2026-03-23T00:05:00+00:00'),
      /^horizon\.start: must start a 30-minute interval/,
    ],
    ['start time not HH:mm', (r: Raw) => (r.templates[0].startTimes = ['6am']), /^templates\[0\]\.startTimes/],
  ])('%s → InputError naming the field', (_name, mutate, expected) => {
    const r = smallRequest();
    mutate(r);
    const found = issues(r);
    expect(
      found.some((m) => expected.test(m)),
      found.join('\n'),
    ).toBe(true);
  });
});
