import { formatInstant, localToInstant, minutesOfLocalTime, parseInput } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import type { ScheduleRequestInput } from '../src/request.js';
import { type RosterInput, rosterSchema, validateRoster } from '../src/validate/index.js';
import { flatRequirement, parsed, smallRequest } from './helpers.js';

const ZONE = 'Europe/Amsterdam';
const TEMPLATES: Record<string, [string, number]> = {
  early: ['06:00', 480],
  late: ['14:00', 480],
  night: ['22:00', 480],
};

function shift(agentId: string, templateId: string, date: string, channel = 'voice') {
  const [time, minutes] = TEMPLATES[templateId]!;
  const m = minutesOfLocalTime(time);
  return {
    agentId,
    siteId: 'S',
    templateId,
    channel,
    start: formatInstant(localToInstant(date, m, ZONE)),
    end: formatInstant(localToInstant(date, m + minutes, ZONE)),
    breaks: [] as { start: string; end: string }[],
  };
}

const week = ['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29'];
const base = () => week.slice(0, 5).map((d) => shift('a1', 'early', d));

function check(
  assignments: RosterInput['assignments'],
  request: ScheduleRequestInput = smallRequest({}, { agents: 1 }),
) {
  return validateRoster(parsed(request), parseInput(rosterSchema, { assignments })).violations.map((v) => v.rule);
}

describe('validateRoster (independent of the solver)', () => {
  it('accepts a legal week', () => {
    expect(check(base())).toEqual([]);
  });

  it('finds short rest, wrong skill, wrong template end and unavailable dates', () => {
    const roster = base();
    roster[0] = shift('a1', 'late', week[0]!); // Mon 14–22, Tue 06:00: 8 h rest
    expect(check(roster)).toEqual(['minRest']);
    expect(
      check(
        [...base().slice(1), shift('a1', 'early', week[0]!, 'chat')],
        smallRequest(
          {
            requirements: [
              flatRequirement('voice', '2026-03-23T00:00:00Z', 7, 30, 1),
              flatRequirement('chat', '2026-03-23T00:00:00Z', 7, 30, 1),
            ],
          },
          { agents: 1 },
        ),
      ),
    ).toEqual(['reference']);
    const long = base().slice(0, 4);
    long[0]!.end = formatInstant(Date.parse(long[0]!.end) + 3_600_000);
    expect(check(long)).toEqual(['template']);
    const request = smallRequest({}, { agents: 1 });
    request.agents[0]!.unavailableDates = [week[2]!];
    request.agents[0]!.minMinutesPerWeek = 0;
    expect(check(base(), request)).toEqual(['unavailable']);
  });

  it('finds runs of work, single days off, weekly limits and weekly rest', () => {
    const seven = week.map((d) => shift('a1', 'early', d));
    expect(check(seven, smallRequest({ rules: { maxConsecutiveDays: 6 } }, { agents: 1 })).sort()).toEqual(
      ['maxConsecutiveDays', 'maxMinutesPerWeek', 'maxShiftsPerWeek', 'weeklyRest'].sort(),
    );
    const gap = [0, 1, 3, 4].map((d) => shift('a1', 'early', week[d]!));
    expect(check(gap)).toEqual(['minConsecutiveDaysOff']);
    expect(check([shift('a1', 'early', week[0]!)])).toEqual(['minMinutesPerWeek']);
  });

  it('finds a short run of work and too many weekends worked', () => {
    // Mon–Tue, then Fri alone: a one-day run inside the horizon (the first run touches its start).
    const short = [0, 1, 4].map((d) => shift('a1', 'early', week[d]!));
    expect(check(short)).toEqual([]);
    expect(check(short, smallRequest({ rules: { minConsecutiveDays: 2 } }, { agents: 1 }))).toEqual([
      'minConsecutiveDays',
    ]);
    // Two weeks: Thu–Sat, then Fri–Sun: the weekends of Sat 28 March and Sat 4 April.
    const dates = ['2026-03-26', '2026-03-27', '2026-03-28', '2026-04-03', '2026-04-04', '2026-04-05'];
    const twoWeekends = dates.map((d) => shift('a1', 'early', d));
    const twoWeeks = (rules: ScheduleRequestInput['rules'], own?: number) => {
      const request = smallRequest({ rules }, { agents: 1, days: 14 });
      if (own !== undefined) request.agents[0]!.maxWorkingWeekends = own;
      return request;
    };
    expect(check(twoWeekends, twoWeeks({ maxWorkingWeekends: 2 }))).toEqual([]);
    expect(check(twoWeekends, twoWeeks({ maxWorkingWeekends: 1 }))).toEqual(['maxWorkingWeekends']);
    expect(check(twoWeekends, twoWeeks({ maxWorkingWeekends: 1 }, 2))).toEqual([]);
    expect(check(twoWeekends, twoWeeks({}, 1))).toEqual(['maxWorkingWeekends']);
    // Saturday and the Sunday after it are one weekend.
    const oneWeekend = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-04-01', '2026-04-02'].map((d) =>
      shift('a1', 'early', d),
    );
    expect(check(oneWeekend, twoWeeks({ maxWorkingWeekends: 1 }))).toEqual([]);
    expect(check(oneWeekend, twoWeeks({ maxWorkingWeekends: 0 }))).toEqual(['maxWorkingWeekends']);
  });

  it('finds too many nights in a sliding week', () => {
    const nights = [shift('a1', 'night', week[0]!), shift('a1', 'night', week[1]!), shift('a1', 'early', week[4]!)];
    expect(check(nights, smallRequest({ rules: { maxNightsPerWeek: 1 } }, { agents: 1 }))).toEqual([
      'maxNightsPerWeek',
    ]);
  });

  it('finds breaks outside their windows', () => {
    const request = smallRequest({}, { agents: 1 });
    request.templates[0] = {
      ...request.templates[0]!,
      breaks: [{ minutes: 30, earliestAfterMinutes: 180, latestAfterMinutes: 240 }],
    };
    const roster = base().map((a) => {
      const s = Date.parse(a.start);
      return { ...a, breaks: [{ start: formatInstant(s + 200 * 60_000), end: formatInstant(s + 230 * 60_000) }] };
    });
    expect(check(roster, request)).toEqual([]);
    roster[1]!.breaks = [
      {
        start: formatInstant(Date.parse(roster[1]!.start) + 60 * 60_000),
        end: formatInstant(Date.parse(roster[1]!.start) + 90 * 60_000),
      },
    ];
    expect(check(roster, request)).toEqual(['breaks']);
    roster[1]!.breaks = [];
    expect(check(roster, request)).toEqual(['breaks']);
  });

  it('finds a shift change without handover overlap', () => {
    const request = smallRequest({ rules: { handoverOverlapMinutes: 30 } });
    // a1 early ends 13:00 UTC on Monday while voice demand continues; a2 starts exactly then (no overlap).
    const roster = [shift('a1', 'early', week[0]!), shift('a2', 'late', week[0]!)];
    request.agents.forEach((a) => {
      a.minMinutesPerWeek = 0;
    });
    const rules = validateRoster(parsed(request), parseInput(rosterSchema, { assignments: roster })).violations;
    expect(rules.map((v) => [v.rule, v.agentId, v.at])).toEqual([
      ['handover', 'a1', '2026-03-23T13:00:00.000Z'],
      ['handover', 'a2', '2026-03-23T21:00:00.000Z'],
    ]);
  });
});

describe('validateRoster: agents without shifts', () => {
  it('still owe their weekly minimum', () => {
    expect(check([])).toEqual(['minMinutesPerWeek']);
    expect(check([], smallRequest({}, { agents: 3 }))).toEqual(new Array(3).fill('minMinutesPerWeek'));
  });
});
