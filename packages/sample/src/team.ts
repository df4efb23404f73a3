/**
 * The sample team around the generated history: three sites that follow the sun and the service targets
 * a consumer desk would set. Plain data in the scheduler's and staffing's vocabulary, so a plan can be
 * assembled from it; costs are plausible loaded hourly costs in EUR, not quotes.
 */
export interface SampleSite {
  id: string;
  label: string;
  timeZone: string;
  /** Loaded cost of one paid hour, EUR. */
  costPerHour: number;
  /** Extra share of the hourly cost for hours in the local night window (0.25 = +25%). */
  nightPremium: number;
  /** Extra share of the hourly cost for hours on local Saturdays and Sundays. */
  weekendPremium: number;
  nightWindow: readonly [string, string];
}

export const SAMPLE_SITES: readonly SampleSite[] = [
  {
    id: 'ams',
    label: 'Amsterdam',
    timeZone: 'Europe/Amsterdam',
    costPerHour: 34,
    nightPremium: 0.25,
    weekendPremium: 0.5,
    nightWindow: ['22:00', '06:00'],
  },
  {
    id: 'nyc',
    label: 'New York',
    timeZone: 'America/New_York',
    costPerHour: 38,
    nightPremium: 0.2,
    weekendPremium: 0.3,
    nightWindow: ['22:00', '06:00'],
  },
  {
    id: 'mnl',
    label: 'Manila',
    timeZone: 'Asia/Manila',
    costPerHour: 13,
    nightPremium: 0.1,
    weekendPremium: 0.3,
    nightWindow: ['22:00', '06:00'],
  },
];

/** Per channel: how it is staffed and what it promises (names as in `allhours staff`). */
export const SAMPLE_CHANNEL_SETTINGS = {
  voice: {
    model: 'erlangA',
    patienceSeconds: 120,
    shrinkage: 0.3,
    targets: { serviceLevel: 0.8, answerWithinSeconds: 20 },
  },
  chat: {
    model: 'chat',
    concurrency: 2,
    patienceSeconds: 180,
    shrinkage: 0.3,
    targets: { serviceLevel: 0.8, answerWithinSeconds: 60 },
  },
  email: {
    model: 'deferred',
    shrinkage: 0.3,
    targets: { serviceLevel: 0.9, responseWithinMinutes: 240 },
  },
} as const;
