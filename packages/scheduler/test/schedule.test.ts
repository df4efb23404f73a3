import { addDays, MINUTE_MS, parseInput, weekdayOf } from '@allhours/core';
import { describe, expect, it } from 'vitest';
import { generateScenario } from '../src/scenario.js';
import { schedule } from '../src/schedule.js';
import { rosterSchema, validateRoster } from '../src/validate/index.js';
import { flatRequirement, parsed, smallRequest } from './helpers.js';

const hours = (a: { start: string; end: string }) => (Date.parse(a.end) - Date.parse(a.start)) / (60 * MINUTE_MS);

describe('schedule: DST weeks', () => {
  it.each([
    ['Europe/Amsterdam', '2026-03-23T00:00:00Z', '2026-03-28'],
    ['America/New_York', '2026-03-02T00:00:00Z', '2026-03-07'],
  ])('%s: the night shift across the change lasts 7 h, every rule holds', async (timeZone, start, eve) => {
    const request = parsed(smallRequest({}, { timeZone, start }));
    const result = await schedule(request);
    expect(['optimal', 'feasible', 'timeLimit']).toContain(result.status);
    const report = validateRoster(request, parseInput(rosterSchema, result));
    expect(report.violations).toEqual([]);
    const nights = result.assignments.filter((a) => a.templateId === 'night');
    expect(nights.length).toBeGreaterThan(0);
    for (const a of result.assignments) {
      const crosses = a.templateId === 'night' && a.localStart.startsWith(eve);
      expect(hours(a)).toBe(crosses ? 7 : 8);
    }
    expect(result.lowerBound!).toBeLessThanOrEqual(result.objective! + 1e-6);
    expect(result.kpis.costBySite.S).toBeCloseTo(result.kpis.cost, 6);
    expect(result.kpis.cost).toBeGreaterThan(0);
  });
});

describe('schedule: a half-hour-offset site', () => {
  it('Asia/Kolkata shifts start at :30 UTC, carry +05:30 and pass the validator', async () => {
    const request = parsed(smallRequest({}, { timeZone: 'Asia/Kolkata', start: '2026-06-01T00:00:00Z' }));
    const result = await schedule(request);
    expect(result.assignments.length).toBeGreaterThan(0);
    for (const a of result.assignments) {
      expect(a.start.slice(14, 16)).toBe('30');
      expect(a.localStart).toMatch(/T(06|14|22):00:00\.000\+05:30$/);
    }
    expect(validateRoster(request, parseInput(rosterSchema, result)).violations).toEqual([]);
  });
});

describe('schedule: handover', () => {
  it('every shift that ends while demand continues overlaps a continuing agent by 60 min', async () => {
    const request = parsed(
      smallRequest({
        templates: [
          { id: 'early', siteId: 'S', startTimes: ['06:00'], durationMinutes: 540 },
          { id: 'late', siteId: 'S', startTimes: ['14:00'], durationMinutes: 540 },
          { id: 'night', siteId: 'S', startTimes: ['22:00'], durationMinutes: 540 },
        ],
        rules: { handoverOverlapMinutes: 60, minConsecutiveDaysOff: 1 },
        solver: { timeLimitSeconds: 2, seed: 1 },
      }),
    );
    const result = await schedule(request);
    expect(['optimal', 'feasible', 'timeLimit']).toContain(result.status);
    const horizonEnd = request.horizon.start + 7 * 86_400_000;
    let changes = 0;
    for (const a of result.assignments) {
      const end = Date.parse(a.end);
      if (end >= horizonEnd) continue;
      changes++;
      const next = result.assignments.filter(
        (b) => b !== a && Date.parse(b.start) <= end - 60 * MINUTE_MS && Date.parse(b.end) > end,
      );
      expect(next.length, `handover at ${a.end}`).toBeGreaterThan(0);
    }
    expect(changes).toBeGreaterThan(5);
    expect(validateRoster(request, parseInput(rosterSchema, result)).violations).toEqual([]);
  });
});

describe('schedule: follow-the-sun handover', () => {
  it('three sites, 15-min overlap: the constructive start keeps every rule and link, so does the roster', async () => {
    const request = parsed(
      generateScenario({ agents: 24, days: 7, seed: 4, handoverOverlapMinutes: 15, timeLimitSeconds: 2 }),
    );
    const result = await schedule(request);
    expect(result.kpis.stage2.construct).toMatchObject({ unplaced: 0, brokenLinks: 0 });
    expect(result.objective!).toBeLessThanOrEqual(result.kpis.stage2.construct.objective! + 1e-6);
    expect(validateRoster(request, parseInput(rosterSchema, result)).violations).toEqual([]);
  });
});

describe('schedule: cyclic rotation', () => {
  it('a 4-week cycle gives every agent the same nights and weekends, shifted by a week', async () => {
    const start = '2026-01-05T00:00:00Z';
    const request = parsed(
      smallRequest(
        {
          requirements: [flatRequirement('voice', start, 28, 30, 1)],
          rotation: { mode: 'cyclic', weeks: 4 },
          solver: { timeLimitSeconds: 2, seed: 3 },
        },
        { agents: 4, days: 28, start },
      ),
    );
    const result = await schedule(request);
    expect(['optimal', 'feasible', 'timeLimit']).toContain(result.status);
    expect(validateRoster(request, parseInput(rosterSchema, result)).violations).toEqual([]);
    const nights = Object.values(result.kpis.nightsPerAgent);
    const weekends = Object.values(result.kpis.weekendShiftsPerAgent);
    expect(new Set(nights).size).toBe(1);
    expect(new Set(weekends).size).toBe(1);
    expect(nights[0]).toBeGreaterThan(0);
    // Agent k works on day d what agent 1 works on day d + 7k (mod 28).
    const dayOf = (iso: string) => Math.floor((Date.parse(iso.slice(0, 10)) - Date.parse('2026-01-05')) / 86_400_000);
    const grid = (id: string) => {
      const row = new Array<string>(28).fill('-');
      for (const a of result.assignments.filter((x) => x.agentId === id)) row[dayOf(a.localStart)] = a.templateId;
      return row;
    };
    const first = grid('a1');
    for (let k = 1; k < 4; k++) {
      const row = grid(`a${k + 1}`);
      expect(row).toEqual(first.map((_, d) => first[(d + 7 * k) % 28]));
    }
  });
});

describe('schedule: infeasible input is explained', () => {
  it('names the agent, week and rules when contract minutes cannot fit', async () => {
    const request = parsed(
      smallRequest({
        agents: [
          { id: 'anna', siteId: 'S', channels: ['voice'], minMinutesPerWeek: 2400, maxShiftsPerWeek: 4 },
          {
            id: 'bob',
            siteId: 'S',
            channels: ['voice'],
            unavailableDates: ['2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27'],
            minMinutesPerWeek: 1920,
          },
        ],
      }),
    );
    const result = await schedule(request);
    expect(result.status).toBe('infeasible');
    expect(result.assignments).toEqual([]);
    const text = result.explanation!.join('\n');
    expect(text).toMatch(
      /agent anna: the week from 2026-03-23 needs at least 2400 min .* at most 1920 min fit on 4 days/,
    );
    expect(text).toMatch(/maxShiftsPerWeek 4/);
    expect(text).toMatch(
      /agent bob: .* at most 1440 min .*\(unavailable 2026-03-24, 2026-03-25, 2026-03-26, 2026-03-27/,
    );
  });

  it('names the weekend limit when the weekdays left cannot hold the contract minutes', async () => {
    const request = parsed(
      smallRequest({
        agents: [
          {
            id: 'cleo',
            siteId: 'S',
            channels: ['voice'],
            minMinutesPerWeek: 2400,
            unavailableDates: ['2026-03-25'],
            maxWorkingWeekends: 0,
          },
        ],
      }),
    );
    const result = await schedule(request);
    expect(result.status).toBe('infeasible');
    expect(result.explanation!.join('\n')).toMatch(
      /agent cleo: the week from 2026-03-23 needs at least 2400 min .* at most 1440 min fit on 3 days: 4 of 7 days .*maxWorkingWeekends 0/,
    );
  });

  it('names the rest rule when it leaves no consecutive days', async () => {
    const request = parsed(
      smallRequest({
        templates: [{ id: 'day', siteId: 'S', startTimes: ['08:00'], durationMinutes: 480 }],
        rules: { minRestMinutes: 1000 },
        agents: [{ id: 'cara', siteId: 'S', channels: ['voice'], minMinutesPerWeek: 1920 }],
      }),
    );
    const result = await schedule(request);
    expect(result.status).toBe('infeasible');
    expect(result.explanation!.join('\n')).toMatch(
      /agent cara: .* at most 1440 min fit on 3 days.*minRestMinutes 1000 leaves no two consecutive days workable/,
    );
  });

  it('explains intervals the rules leave short (coverage is soft: reported, not infeasible)', async () => {
    const start = '2026-03-23T00:00:00Z';
    const request = parsed(
      smallRequest(
        {
          requirements: [flatRequirement('voice', start, 7, 30, (h) => (h >= 2 && h < 6 ? 4 : 1))],
          rules: { maxNightsPerWeek: 0 },
        },
        { agents: 3 },
      ),
    );
    const result = await schedule(request);
    // Amsterdam is UTC+1: the early shift (06:00 local) covers from 05:00 UTC; only night shifts reach 02:00.
    expect(result.kpis.diagnostics).toContain(
      'Mon 2026-03-23 02:00–05:00 UTC needs 4 voice agents; only 0 voice agents may work then under the rules given (site shifts, skills, availability, no night shifts)',
    );
    expect(result.kpis.diagnostics).toContain(
      'Mon 2026-03-23 05:00–06:00 UTC needs 4 voice agents; only 3 voice agents may work then under the rules given (site shifts, skills, availability, no night shifts)',
    );
    expect(result.violations.some((v) => v.rule === 'coverage' && v.start === '2026-03-23T00:00:00.000Z')).toBe(true);
  });
});

describe('schedule: service level', () => {
  it('evaluates the rostered agents with the erlang package where volumes are given', async () => {
    const start = '2026-03-23T00:00:00Z';
    const voice = flatRequirement('voice', start, 7, 30, 2);
    const request = parsed(
      smallRequest({
        requirements: [
          {
            ...voice,
            volumes: voice.values.map(() => 12),
            ahtSeconds: 240,
            targets: { serviceLevel: 0.8, answerWithinSeconds: 20 },
          },
        ],
        solver: { timeLimitSeconds: 2, seed: 1 },
      }),
    );
    const result = await schedule(request);
    const { staff } = await import('@allhours/erlang');
    const byAgents = new Map<number, number>();
    for (const c of result.coverage) {
      expect(c.serviceLevel).not.toBeNull();
      if (!byAgents.has(c.scheduled)) {
        const direct = staff({
          intervalMinutes: 30,
          channels: [
            {
              name: 'voice',
              model: 'erlangC',
              volumes: [12],
              ahtSeconds: 240,
              agents: [c.scheduled],
              targets: { serviceLevel: 0.8, answerWithinSeconds: 20 },
            },
          ],
        });
        byAgents.set(c.scheduled, direct.channels[0]!.intervals[0]!.serviceLevel);
      }
      expect(c.serviceLevel).toBeCloseTo(byAgents.get(c.scheduled)!, 12);
    }
    expect(byAgents.size).toBeGreaterThan(1);
  });

  it('rejects volumes without a handling time, naming the field', () => {
    const voice = flatRequirement('voice', '2026-03-23T00:00:00Z', 7, 30, 2);
    expect(() => parsed(smallRequest({ requirements: [{ ...voice, volumes: voice.values }] }))).toThrow(
      /requirements\[0\]\.ahtSeconds: is required/,
    );
  });
});

describe('schedule: weekends worked and short runs', () => {
  const weekendsOf = (assignments: { agentId: string; localStart: string }[]) => {
    const byAgent = new Map<string, Set<string>>();
    for (const a of assignments) {
      const date = a.localStart.slice(0, 10);
      const wd = weekdayOf(date);
      if (wd < 6) continue;
      const saturday = wd === 6 ? date : addDays(date, -1);
      byAgent.set(a.agentId, (byAgent.get(a.agentId) ?? new Set()).add(saturday));
    }
    return byAgent;
  };

  it('two weeks 24/7, at most one weekend each and runs of 2+ days: every rule holds', async () => {
    const request = parsed(
      smallRequest({ rules: { maxWorkingWeekends: 1, minConsecutiveDays: 2 } }, { agents: 6, days: 14 }),
    );
    const result = await schedule(request);
    expect(['optimal', 'feasible', 'timeLimit']).toContain(result.status);
    expect(validateRoster(request, parseInput(rosterSchema, result)).violations).toEqual([]);
    const weekends = weekendsOf(result.assignments);
    expect(weekends.size).toBeGreaterThan(0); // the weekends are staffed, within the limit
    for (const set of weekends.values()) expect(set.size).toBeLessThanOrEqual(1);
  });

  it('an agent limited to no weekend gets none, the others cover them', async () => {
    const input = smallRequest({ rules: { maxWorkingWeekends: 2 } }, { agents: 6, days: 14 });
    input.agents[0]!.maxWorkingWeekends = 0;
    const request = parsed(input);
    const result = await schedule(request);
    expect(validateRoster(request, parseInput(rosterSchema, result)).violations).toEqual([]);
    const weekends = weekendsOf(result.assignments);
    expect(weekends.has('a1')).toBe(false);
    expect(weekends.size).toBeGreaterThan(0);
  });
});
