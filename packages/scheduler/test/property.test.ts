import { parseInput } from '@allhours/core';
import { fc, test as prop } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { ScheduleRequestInput } from '../src/request.js';
import { schedule } from '../src/schedule.js';
import { rosterSchema, validateRoster } from '../src/validate/index.js';
import { flatRequirement, parsed } from './helpers.js';

const zones = ['Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'UTC'];
const starts = ['2026-03-23T00:00:00Z', '2026-03-02T00:00:00Z', '2026-10-19T00:00:00Z', '2026-10-26T00:00:00Z'];
const times = ['06:00', '07:30', '09:00', '14:00', '16:30', '22:00'];

const scenario = fc
  .record({
    zone: fc.constantFrom(...zones),
    start: fc.constantFrom(...starts),
    templates: fc.array(
      fc.record({
        starts: fc.subarray(times, { minLength: 1, maxLength: 3 }),
        duration: fc.constantFrom(240, 480, 540, 600),
        withBreak: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    agents: fc.array(
      fc.record({
        channels: fc.subarray(['voice', 'chat'], { minLength: 1 }),
        minMinutes: fc.constantFrom(0, 480, 960),
        maxShifts: fc.integer({ min: 2, max: 5 }),
        unavailable: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    levels: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
    handover: fc.constantFrom(0, 30),
    maxNights: fc.integer({ min: 0, max: 3 }),
    minDays: fc.constantFrom(1, 2),
    weekends: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
    seed: fc.integer({ min: 1, max: 1000 }),
  })
  .map(
    ({
      zone,
      start,
      templates,
      agents,
      levels,
      handover,
      maxNights,
      minDays,
      weekends,
      seed,
    }): ScheduleRequestInput => ({
      horizon: { start, days: 7 },
      intervalMinutes: 30,
      requirements: ['voice', 'chat'].map((c) => flatRequirement(c, start, 7, 30, (h) => levels[Math.floor(h / 4)]!)),
      sites: [{ id: 'S', timeZone: zone, costPerHour: 10, nightPremium: 0.2, weekendPremium: 0.5 }],
      templates: templates.map((t, k) => ({
        id: `t${k}`,
        siteId: 'S',
        startTimes: t.starts,
        durationMinutes: t.duration,
        breaks: t.withBreak ? [{ minutes: 30, earliestAfterMinutes: 120, latestAfterMinutes: t.duration - 90 }] : [],
      })),
      agents: agents.map((a, k) => ({
        id: `a${k}`,
        siteId: 'S',
        channels: a.channels,
        minMinutesPerWeek: a.minMinutes,
        maxShiftsPerWeek: a.maxShifts,
        unavailableDates:
          a.unavailable === undefined
            ? []
            : [new Date(Date.parse(start) + a.unavailable * 86_400_000).toISOString().slice(0, 10)],
      })),
      rules: {
        handoverOverlapMinutes: handover,
        maxNightsPerWeek: maxNights,
        minConsecutiveDays: minDays,
        ...(weekends !== undefined && { maxWorkingWeekends: weekends }),
      },
      solver: { timeLimitSeconds: 1.5, seed },
    }),
  );

describe('random small scenarios', () => {
  prop.prop([scenario], { numRuns: 8, seed: 7 })(
    'every roster produced passes the independent validator; infeasible ones are explained',
    async (input) => {
      const request = parsed(input);
      const result = await schedule(request);
      if (result.explanation) {
        // Proven infeasible, or no roster within the limit: either way the response says why.
        expect(['infeasible', 'timeLimit']).toContain(result.status);
        expect(result.assignments).toEqual([]);
        expect(result.explanation.length).toBeGreaterThan(0);
        return;
      }
      const report = validateRoster(request, parseInput(rosterSchema, result));
      expect(report.violations).toEqual([]);
      expect(result.lowerBound!).toBeLessThanOrEqual(result.objective! + 1e-6);
      // The reported bound is clipped to the objective; stage 1's own (fairness term included) is not.
      expect(result.kpis.stage1.lowerBound ?? Number.NEGATIVE_INFINITY).toBeLessThanOrEqual(result.objective! + 1e-6);
    },
  );
});
