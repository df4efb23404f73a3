import { InputError } from '@allhours/core';
import {
  agentsFromAssignments,
  coverageByChannel,
  forecastFromIntervals,
  renderReport,
  reportDataSchema,
} from '@allhours/report';
import { describe, expect, test } from 'vitest';

describe('adapters from the other commands’ outputs', () => {
  test('forecast intervals (any offset, any order) → mean/p10/p90 on the grid', () => {
    const f = forecastFromIntervals(
      [
        { start: '2026-11-23T01:15:00+01:00', volume: 12, quantiles: { '0.1': 8, '0.5': 12, '0.9': 17 } },
        { start: '2026-11-23T00:00:00Z', volume: 10, quantiles: { '0.1': 7, '0.5': 10, '0.9': 14 } },
      ],
      15,
    );
    expect(f).toEqual({
      start: '2026-11-23T00:00:00.000Z',
      intervalMinutes: 15,
      mean: [10, 12],
      p10: [7, 8],
      p90: [14, 17],
    });
  });

  test('coverage rows → per-channel series; a missing interval reads 0 required, 0 scheduled, no service level', () => {
    const c = coverageByChannel(
      [
        { channel: 'voice', start: '2026-11-23T00:00:00Z', required: 3, scheduled: 4, serviceLevel: 0.9 },
        { channel: 'voice', start: '2026-11-23T00:30:00Z', required: 2, scheduled: 1, serviceLevel: 0.5 },
        { channel: 'chat', start: '2026-11-23T00:00:00Z', required: 1, scheduled: 1, serviceLevel: null },
      ],
      15,
    );
    expect(Object.keys(c)).toEqual(['voice', 'chat']);
    expect(c.voice!.required.values).toEqual([3, 0, 2]);
    expect(c.voice!.scheduled.values).toEqual([4, 0, 1]);
    expect(c.voice!.serviceLevel.values).toEqual([0.9, null, 0.5]);
    expect(c.chat!.serviceLevel.values).toEqual([null]);
  });

  test('off-grid or unparsable starts are InputErrors naming the source', () => {
    expect(() =>
      coverageByChannel(
        [
          { channel: 'voice', start: '2026-11-23T00:00:00Z', required: 1, scheduled: 1 },
          { channel: 'voice', start: '2026-11-23T00:10:00Z', required: 1, scheduled: 1 },
        ],
        15,
      ),
    ).toThrow(/coverage\[voice\]: .*not on the 15-minute grid/);
    expect(() => forecastFromIntervals([{ start: 'yesterday', volume: 1 }], 15)).toThrow(InputError);
  });

  test('assignments → agents with shifts in order and the scheduler’s night/weekend counts; renders', () => {
    const agents = agentsFromAssignments(
      [
        { agentId: 'b', siteId: 'mnl', channel: 'chat', start: '2026-11-24T14:00:00Z', end: '2026-11-24T22:00:00Z' },
        {
          agentId: 'a',
          siteId: 'ams',
          channel: 'voice',
          start: '2026-11-24T08:00:00Z',
          end: '2026-11-24T16:00:00Z',
          breaks: [{ start: '2026-11-24T12:00:00Z', end: '2026-11-24T12:30:00Z' }],
        },
        { agentId: 'a', siteId: 'ams', channel: 'voice', start: '2026-11-23T08:00:00Z', end: '2026-11-23T16:00:00Z' },
      ],
      { nightsPerAgent: { a: 0, b: 1 }, weekendShiftsPerAgent: { a: 0, b: 0 } },
    );
    expect(agents.map((a) => a.id)).toEqual(['b', 'a']);
    expect(agents[1]!.shifts.map((s) => s.start)).toEqual(['2026-11-23T08:00:00Z', '2026-11-24T08:00:00Z']);
    expect(agents[0]!.nights).toBe(1);
    const coverage = coverageByChannel(
      [
        { channel: 'voice', start: '2026-11-23T00:00:00Z', required: 1, scheduled: 1, serviceLevel: 0.9 },
        { channel: 'voice', start: '2026-11-24T23:45:00Z', required: 1, scheduled: 1, serviceLevel: 0.9 },
        { channel: 'chat', start: '2026-11-23T00:00:00Z', required: 1, scheduled: 0, serviceLevel: 0.2 },
      ],
      15,
    );
    const data = {
      timeZone: 'Europe/Amsterdam',
      horizon: { start: '2026-11-23T00:00:00Z', days: 2 },
      channels: Object.entries(coverage).map(([id, c]) => ({ id, ...c })),
      sites: [
        { id: 'ams', timeZone: 'Europe/Amsterdam', cost: 500 },
        { id: 'mnl', timeZone: 'Asia/Manila', cost: 100 },
      ],
      agents,
    };
    expect(reportDataSchema.safeParse(data).success).toBe(true);
    expect(renderReport(data)).toContain('<section id="roster"');
  });
});
