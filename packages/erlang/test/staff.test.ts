import { InputError } from '@allhours/core';
import { describe, expect, test } from 'vitest';
import { type StaffRequestInput, staff, staffRequestSchema } from '../src/index.js';

const voice = {
  name: 'voice',
  model: 'erlangC' as const,
  volumes: [100, 120],
  ahtSeconds: 180,
  targets: { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85 },
  shrinkage: 0.3,
};

function issuesOf(request: unknown): string[] {
  try {
    staff(request as StaffRequestInput);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).issues.map((i) => i.path);
  }
  throw new Error('expected an InputError');
}

describe('staff(request): the JSON contract', () => {
  test('the issue example shape is accepted, with every documented field', () => {
    const r = staff({
      intervalMinutes: 30,
      channels: [
        {
          name: 'voice',
          model: 'erlangC',
          volumes: [100, 120],
          ahtSeconds: 180,
          patienceSeconds: 60,
          concurrency: 3,
          ahtSecondsByConcurrency: [180, 210, 240],
          agents: [14, 15],
          targets: {
            serviceLevel: 0.8,
            answerWithinSeconds: 20,
            serviceLevelBasis: 'served',
            maxAsaSeconds: 30,
            maxAbandonRate: 0.05,
            maxOccupancy: 0.85,
            maxBlocking: 0.02,
            responseWithinMinutes: 240,
          },
          shrinkage: 0.3,
        },
      ],
    });
    const [a, b] = r.channels[0]!.intervals;
    expect(a).toMatchObject({ agents: 14, scheduledAgents: 20, meetsTargets: true });
    expect(a!.serviceLevel).toBeCloseTo(0.88835, 5);
    // Evaluated, not sized: 15 agents for 12 Erlangs, judged against every target.
    expect(b!.agents).toBe(15);
    expect(b!.meetsTargets).toBe(b!.serviceLevel >= 0.8 && b!.asaSeconds <= 30 && b!.occupancy <= 0.85);
  });

  test('sizing every model returns per-interval requirements and totals', () => {
    const r = staff({
      intervalMinutes: 15,
      channels: [
        voice,
        {
          ...voice,
          name: 'queue-a',
          model: 'erlangA',
          patienceSeconds: 120,
          targets: { ...voice.targets, maxAbandonRate: 0.05, serviceLevelBasis: 'answered' },
        },
        {
          name: 'trunks',
          model: 'erlangB',
          volumes: [100, 120],
          ahtSeconds: [180, 200],
          targets: { maxBlocking: 0.01 },
        },
        {
          name: 'chat',
          model: 'chat',
          volumes: [60, 80],
          patienceSeconds: 90,
          ahtSecondsByConcurrency: [300, 360, 420],
          targets: { serviceLevel: 0.8, answerWithinSeconds: 60 },
        },
        { name: 'email', model: 'deferred', volumes: [50, 0], ahtSeconds: 240, targets: { responseWithinMinutes: 30 } },
      ],
    });
    for (const c of r.channels) {
      expect(c.intervals).toHaveLength(2);
      for (const row of c.intervals) {
        expect(Number.isInteger(row.agents)).toBe(true);
        expect(row.agentsFractional).toBeLessThanOrEqual(row.agents + 1e-9);
        expect(row.scheduledAgents).toBeGreaterThanOrEqual(row.agents);
        expect(row.meetsTargets).toBe(true);
      }
      const hours = c.intervals.reduce((s, x) => s + x.agents, 0) / 4;
      expect(c.totals.agentHours).toBeCloseTo(hours, 12);
    }
    const [, a, b, chat, email] = r.channels;
    expect(a!.intervals[0]!.serviceLevelVariants).toBeDefined();
    expect(a!.intervals[0]!.serviceLevel).toBe(a!.intervals[0]!.serviceLevelVariants!.answered);
    expect(b!.intervals[0]!.blocking).toBeLessThanOrEqual(0.01);
    expect(chat!.intervals[0]!.serviceLevelVariants!.served).toBeGreaterThanOrEqual(0.8);
    expect(email!.intervals[0]!.backlog).toBeCloseTo(25, 6);
    expect(email!.intervals[1]!.backlog).toBe(0);
  });

  test('n ≤ A evaluates to SL 0 and ASA Infinity (null once serialised)', () => {
    const r = staff({ intervalMinutes: 30, channels: [{ ...voice, agents: [9, 10] }] });
    const row = r.channels[0]!.intervals[0]!;
    expect(row).toMatchObject({
      serviceLevel: 0,
      waitProbability: 1,
      asaSeconds: Number.POSITIVE_INFINITY,
      meetsTargets: false,
    });
    expect(JSON.parse(JSON.stringify(row)).asaSeconds).toBeNull();
    expect(r.channels[0]!.totals.intervalsMissingTargets).toBe(2);
  });

  test('bad input throws InputError naming the field', () => {
    const bad = (channel: object) => issuesOf({ intervalMinutes: 30, channels: [{ ...voice, ...channel }] });
    expect(bad({ volumes: [100, -1] })).toContain('channels[0].volumes[1]');
    expect(bad({ shrinkage: 1 })).toContain('channels[0].shrinkage');
    expect(bad({ targets: { serviceLevel: 1, answerWithinSeconds: 20 } })).toContain(
      'channels[0].targets.serviceLevel',
    );
    expect(bad({ targets: { serviceLevel: 0, answerWithinSeconds: 20 } })).toContain(
      'channels[0].targets.serviceLevel',
    );
    expect(bad({ ahtSeconds: [180, 200, 220] })).toContain('channels[0].ahtSeconds');
    expect(bad({ agents: [1] })).toContain('channels[0].agents');
    expect(bad({ model: 'erlangX' })).toContain('channels[0].model');
    expect(bad({ model: 'erlangA' })).toContain('channels[0].patienceSeconds');
    expect(bad({ model: 'deferred' })).toContain('channels[0].targets.responseWithinMinutes');
    expect(bad({ model: 'chat', patienceSeconds: 60, concurrency: 2, ahtSecondsByConcurrency: [1, 2, 3] })).toContain(
      'channels[0].ahtSecondsByConcurrency',
    );
    expect(bad({ model: 'chat', patienceSeconds: 60, agents: [1.5, 2] })).toContain('channels[0].agents[0]');
    expect(bad({ targets: { serviceLevel: 0.8 } })).toContain('channels[0].targets.answerWithinSeconds');
    expect(bad({ targets: { typo: 1 } })).toContain('channels[0].targets');
    expect(bad({ volumes: [1e12, 1] })).toContain('channels[0].volumes[0]'); // a load nobody has: refused, not hung
    expect(bad({ model: 'erlangA', patienceSeconds: 1e12 })).toContain('channels[0].patienceSeconds');
    expect(issuesOf({ intervalMinutes: 7, channels: [voice] })).toContain('intervalMinutes');
    expect(issuesOf({ intervalMinutes: 30, channels: [voice, voice] })).toContain('channels[1].name');
  });

  test('defaults: served basis, no shrinkage', () => {
    const parsed = staffRequestSchema.parse({
      intervalMinutes: 15,
      channels: [{ name: 'x', model: 'erlangC', volumes: [1], ahtSeconds: 60 }],
    });
    expect(parsed.channels[0]!.targets.serviceLevelBasis).toBe('served');
    expect(parsed.channels[0]!.shrinkage).toBe(0);
  });

  test('zero volume needs no agents and meets every target', () => {
    const r = staff({ intervalMinutes: 30, channels: [{ ...voice, volumes: [0, 0] }] });
    expect(r.channels[0]!.intervals[0]).toMatchObject({
      agents: 0,
      scheduledAgents: 0,
      serviceLevel: 1,
      meetsTargets: true,
    });
  });

  test('zero volume with abandonment: every variant of an idle queue, sized or evaluated', () => {
    const targets = { serviceLevel: 0.8, answerWithinSeconds: 20, maxAbandonRate: 0.05 };
    const callback = { name: 'callback', model: 'erlangA' as const, ahtSeconds: 300, patienceSeconds: 180, targets };
    const chat = {
      name: 'chat',
      model: 'chat' as const,
      ahtSecondsByConcurrency: [300, 360],
      patienceSeconds: 120,
      targets,
    };
    const r = staff({
      intervalMinutes: 15,
      channels: [
        { ...callback, volumes: [0, 0] },
        { ...callback, name: 'callback given', volumes: [0, 0], agents: [0, 3] },
        { ...chat, volumes: [0, 0] },
        { ...chat, name: 'chat given', volumes: [0, 0], agents: [0, 3] },
      ],
    });
    for (const channel of r.channels) {
      for (const row of channel.intervals) {
        expect(row).toMatchObject({
          serviceLevel: 1,
          asaSeconds: 0,
          abandonRate: 0,
          waitProbability: 0,
          occupancy: 0,
          serviceLevelVariants: { virtual: 1, served: 1, answered: 1 },
          asaSecondsVariants: { virtual: 0, served: 0, answered: 0 },
          meetsTargets: true,
        });
      }
      // Sized: nobody is needed; evaluated: the agents given are kept (and counted in the totals).
      const given = channel.name.endsWith('given');
      expect(channel.intervals.map((row) => row.agents)).toEqual(given ? [0, 3] : [0, 0]);
      expect(channel.totals.agentHours).toBe(given ? 0.75 : 0);
    }
  });
});
