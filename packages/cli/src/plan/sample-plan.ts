import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DAY_MS, formatInstant } from '@allhours/core';
import {
  generateSampleHistory,
  SAMPLE_CHANNEL_SETTINGS,
  SAMPLE_SITES,
  type SampleHistory,
  sampleCsv,
  sampleSpecialDays,
} from '@allhours/sample';
import type { PlanRequestInput } from './schema.js';

/**
 * The embedded sample plan: a follow-the-sun support desk on three sites (Amsterdam, New York, Manila)
 * answering voice, chat and email, with 8 weeks of generated history and one week to plan.
 * Each site works its local day; together they cover the clock.
 */

/** Scale of the sample's contact volume against the generator's default. */
export const SAMPLE_VOLUME_SCALE = 0.5;

/** Agents per site: voice+chat generalists, a few chat+email and email specialists. */
const TEAM: Record<string, { voiceChat: number; chatEmail: number }> = {
  ams: { voiceChat: 22, chatEmail: 9 },
  nyc: { voiceChat: 16, chatEmail: 6 },
  mnl: { voiceChat: 22, chatEmail: 9 },
};

export function samplePlan(history: SampleHistory): PlanRequestInput {
  const start = history.end;
  const days = 7;
  const special = sampleSpecialDays(history.start, start + days * DAY_MS);
  return {
    title: 'Follow-the-sun support desk — sample plan',
    timeZone: 'Europe/Amsterdam',
    intervalMinutes: 30,
    horizon: { start: formatInstant(start), days },
    specialDays: [...new Map(special.map((d) => [d.date, { date: d.date, label: d.label }])).values()],
    channels: history.channels.map((c) => ({
      name: c.channel,
      history: { file: `history/${c.channel}.csv`, format: 'intervals' },
      timeZone: 'UTC',
      forecast: { model: 'auto' },
      staffing: { ...SAMPLE_CHANNEL_SETTINGS[c.channel] },
    })),
    sites: SAMPLE_SITES.map((s) => ({
      id: s.id,
      timeZone: s.timeZone,
      costPerHour: s.costPerHour,
      nightPremium: s.nightPremium,
      weekendPremium: s.weekendPremium,
      nightWindow: [s.nightWindow[0], s.nightWindow[1]],
    })),
    templates: SAMPLE_SITES.flatMap((s) => [
      {
        id: `${s.id}-day`,
        siteId: s.id,
        startTimes: { from: '06:00', to: '14:00', stepMinutes: 60 },
        durationMinutes: 510,
        breaks: [{ minutes: 30, paid: false, earliestAfterMinutes: 180, latestAfterMinutes: 300 }],
      },
      {
        id: `${s.id}-part`,
        siteId: s.id,
        startTimes: { from: '16:00', to: '18:00', stepMinutes: 60 },
        durationMinutes: 300,
        breaks: [],
      },
    ]),
    agents: SAMPLE_SITES.flatMap((s) => {
      const team = TEAM[s.id]!;
      const agent = (k: number, channels: string[]) => ({
        id: `${s.id}-${String(k + 1).padStart(2, '0')}`,
        siteId: s.id,
        channels,
        minMinutesPerWeek: 1200,
        maxMinutesPerWeek: 2400,
        maxShiftsPerWeek: 5,
      });
      return [
        ...Array.from({ length: team.voiceChat }, (_, k) => agent(k, ['voice', 'chat'])),
        ...Array.from({ length: team.chatEmail }, (_, k) => agent(team.voiceChat + k, ['chat', 'email'])),
      ];
    }),
    rules: { handoverOverlapMinutes: 30 },
    solver: { timeLimitSeconds: 45, seed: 1 },
    whatIf: [
      {
        id: 'extended-hours',
        label: 'People 07:00–23:00, bots at night',
        humanHours: { from: '07:00', to: '23:00' },
        botShare: 0.4,
      },
    ],
    outputDir: '.',
  };
}

/** Generate the sample history, write it as CSV under `dir/history/`, and the plan as `dir/sample-plan.json`. */
export async function writeSamplePlan(
  dir: string,
): Promise<{ plan: PlanRequestInput; history: SampleHistory; planFile: string }> {
  // Half the generator's default volume: a desk of about 80 agents, which rosters in well under a minute.
  const history = generateSampleHistory({ volumeScale: SAMPLE_VOLUME_SCALE });
  await mkdir(join(dir, 'history'), { recursive: true });
  for (const c of history.channels) await writeFile(join(dir, 'history', `${c.channel}.csv`), sampleCsv(c));
  const plan = samplePlan(history);
  const planFile = join(dir, 'sample-plan.json');
  await writeFile(planFile, `${JSON.stringify(plan, null, 2)}\n`);
  return { plan, history, planFile };
}
