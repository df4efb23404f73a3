import { createRandom, DAY_MS, formatInstant, MINUTE_MS, offsetMinutesAt, parseInstant } from '@allhours/core';
import type { ScheduleRequestInput } from './request.js';

/**
 * Seeded generated contact-center scenarios for tests, the benchmark and the demo: follow-the-sun sites,
 * multi-skilled agents on full- and part-time contracts, and per-channel requirements shaped by each
 * region's local business hours, scaled to what the agents can staff.
 */
export interface ScenarioOptions {
  agents: number;
  seed?: number;
  /** Default 28 days from 2026-03-02 (spans the US change on 8 March and the EU change on 29 March). */
  days?: number;
  start?: string;
  intervalMinutes?: 15 | 30;
  sites?: { id: string; timeZone: string; costPerHour: number; share: number }[];
  channels?: { name: string; share: number; businessHoursOnly: boolean }[];
  /** Fraction of the agents' contract hours the requirements ask for (default 0.85). */
  load?: number;
  timeLimitSeconds?: number;
  handoverOverlapMinutes?: number;
}

export const DEFAULT_SITES = [
  { id: 'AMS', timeZone: 'Europe/Amsterdam', costPerHour: 32, share: 0.4 },
  { id: 'NYC', timeZone: 'America/New_York', costPerHour: 30, share: 0.35 },
  { id: 'MNL', timeZone: 'Asia/Manila', costPerHour: 12, share: 0.25 },
];

export const DEFAULT_CHANNELS = [
  { name: 'voice', share: 0.55, businessHoursOnly: false },
  { name: 'chat', share: 0.3, businessHoursOnly: false },
  { name: 'email', share: 0.15, businessHoursOnly: true },
];

/** A smooth bump over local business hours (08:00–20:00, peak mid-day), 0 at night. */
function businessCurve(localHour: number): number {
  if (localHour < 7 || localHour > 21) return 0;
  return Math.sin(((localHour - 7) / 14) * Math.PI) ** 1.5;
}

export function generateScenario(options: ScenarioOptions): ScheduleRequestInput {
  const rnd = createRandom(options.seed ?? 1);
  const days = options.days ?? 28;
  const startText = options.start ?? '2026-03-02T00:00:00Z';
  const start = parseInstant(startText);
  if (start === undefined) throw new RangeError(`start "${startText}" is not an instant`);
  const intervalMinutes = options.intervalMinutes ?? 15;
  const sites = options.sites ?? DEFAULT_SITES;
  const channels = options.channels ?? DEFAULT_CHANNELS;

  const agents: ScheduleRequestInput['agents'] = [];
  let contractMinutes = 0;
  const skillMixes = [
    { p: 0.35, set: ['voice', 'chat'] },
    { p: 0.25, set: ['voice'] },
    { p: 0.2, set: ['chat', 'email'] },
    { p: 0.2, set: ['voice', 'chat', 'email'] },
  ];
  for (let k = 0; k < options.agents; k++) {
    let r = rnd.next();
    let siteIndex = 0;
    for (; siteIndex < sites.length - 1 && r >= sites[siteIndex]!.share; siteIndex++) r -= sites[siteIndex]!.share;
    const site = sites[siteIndex]!;
    let m = rnd.next();
    const mix = skillMixes.find((s) => (m -= s.p) < 0) ?? skillMixes[0]!;
    const known = new Set(channels.map((c) => c.name));
    const skills = mix.set.filter((c) => known.has(c));
    const fullTime = rnd.next() < 0.8;
    const agent: ScheduleRequestInput['agents'][number] = {
      id: `${site.id}-${String(k + 1).padStart(4, '0')}`,
      siteId: site.id,
      channels: skills.length ? skills : [channels[0]!.name],
      minMinutesPerWeek: fullTime ? 1920 : 960,
      maxMinutesPerWeek: fullTime ? 2400 : 1560,
      maxShiftsPerWeek: fullTime ? 5 : 3,
    };
    contractMinutes += fullTime ? 2160 : 1260;
    if (rnd.next() < 0.1) {
      const day = rnd.int(days);
      agent.unavailableDates = [new Date(start + day * DAY_MS).toISOString().slice(0, 10)];
    }
    if (rnd.next() < 0.15) agent.preferences = [{ kind: 'avoid', weekdays: [6, 7], weight: 2 }];
    agents.push(agent);
  }

  // Requirements: a base 24/7 level plus each site's local business curve, scaled to the staffable load.
  const step = intervalMinutes * MINUTE_MS;
  const intervals = (days * 1440) / intervalMinutes;
  const shape = channels.map((c) =>
    Array.from({ length: intervals }, (_, i) => {
      const t = start + i * step;
      let v = c.businessHoursOnly ? 0 : 0.25;
      for (const s of sites) {
        const localHour = ((((t / MINUTE_MS + offsetMinutesAt(t, s.timeZone)) % 1440) + 1440) % 1440) / 60;
        const weekday = new Date(t + offsetMinutesAt(t, s.timeZone) * MINUTE_MS).getUTCDay();
        const weekend = weekday === 0 || weekday === 6 ? 0.6 : 1;
        v += s.share * businessCurve(localHour) * weekend;
      }
      return v;
    }),
  );
  const load = options.load ?? 0.85;
  const agentIntervals = (contractMinutes * (days / 7) * load) / intervalMinutes;
  const requirements = channels.map((c, ci) => {
    const total = shape[ci]!.reduce((s, v) => s + v, 0);
    const scale = (agentIntervals * c.share) / total;
    return {
      channel: c.name,
      start: formatInstant(start),
      intervalMinutes,
      values: shape[ci]!.map((v) => Math.round(v * scale)),
    };
  });

  return {
    horizon: { start: formatInstant(start), days },
    intervalMinutes,
    requirements,
    sites: sites.map((s) => ({
      id: s.id,
      timeZone: s.timeZone,
      costPerHour: s.costPerHour,
      nightPremium: 0.25,
      weekendPremium: 0.5,
      nightWindow: ['22:00', '06:00'] as [string, string],
      startWindow: ['06:00', '22:00'] as [string, string],
    })),
    templates: sites.flatMap((s) => [
      {
        id: `${s.id}-day`,
        siteId: s.id,
        startTimes: { from: '06:00', to: '15:00', stepMinutes: 60 },
        durationMinutes: 510,
        breaks: [
          { minutes: 15, paid: true, earliestAfterMinutes: 90, latestAfterMinutes: 150 },
          { minutes: 30, paid: false, earliestAfterMinutes: 210, latestAfterMinutes: 300 },
        ],
      },
      {
        id: `${s.id}-late`,
        siteId: s.id,
        startTimes: ['16:00', '18:00', '22:00'],
        durationMinutes: 480,
        breaks: [{ minutes: 30, paid: true, earliestAfterMinutes: 180, latestAfterMinutes: 300 }],
      },
    ]),
    agents,
    rules: { handoverOverlapMinutes: options.handoverOverlapMinutes ?? 15, maxNightsPerWeek: 3 },
    rotation: { mode: 'free' },
    weights: { underCoverage: { voice: 200, chat: 120, email: 40 }, overCoverage: 2, cost: 1, fairness: 20 },
    solver: { timeLimitSeconds: options.timeLimitSeconds ?? 30, seed: options.seed ?? 1 },
  };
}
