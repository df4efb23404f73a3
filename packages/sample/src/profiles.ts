/**
 * The demand model of the sample team: who calls, when (in their own local time), how much and how long.
 * Figures are plausible for a mid-size consumer-software support desk; they are made up, not measured.
 */

export const SAMPLE_CHANNELS = ['voice', 'chat', 'email'] as const;
export type SampleChannel = (typeof SAMPLE_CHANNELS)[number];

export interface Region {
  id: 'europe' | 'americas' | 'apac';
  label: string;
  /** The customers' zone: their day shapes the arrivals. */
  timeZone: string;
  /** Contacts on an ordinary Wednesday, per channel, before the weekly factor. */
  dailyVolume: Record<SampleChannel, number>;
}

export const REGIONS: readonly Region[] = [
  {
    id: 'europe',
    label: 'Europe',
    timeZone: 'Europe/Amsterdam',
    dailyVolume: { voice: 900, chat: 650, email: 420 },
  },
  {
    id: 'americas',
    label: 'Americas',
    timeZone: 'America/New_York',
    dailyVolume: { voice: 1100, chat: 800, email: 500 },
  },
  { id: 'apac', label: 'Asia-Pacific', timeZone: 'Asia/Manila', dailyVolume: { voice: 500, chat: 450, email: 260 } },
];

export interface ChannelProfile {
  /** Relative arrival weight at each local hour 00…23 (linearly interpolated between hour midpoints). */
  hourly: readonly number[];
  /** Monday … Sunday multipliers. */
  weekday: readonly number[];
  /** Mean handle time of a contact; chat is per session (agents run several at once), email per message. */
  ahtSeconds: number;
  /** Relative handle time by local hour: night contacts are fewer but harder (escalations). */
  ahtHourly: readonly number[];
  /** Coefficient of variation of one contact's handle time. */
  handleCv: number;
  /** Gamma shape of the day-to-day rate noise (negative binomial size): smaller = more over-dispersed. */
  dispersion: number;
}

// Shapes drawn after typical consumer support desks: voice peaks mid-morning with a lunch dip, chat runs
// late into the evening, email arrives around the clock but is written mostly in office hours.
export const PROFILES: Record<SampleChannel, ChannelProfile> = {
  voice: {
    hourly: [
      0.06, 0.04, 0.03, 0.03, 0.04, 0.08, 0.2, 0.45, 0.85, 1.0, 1.0, 0.95, 0.78, 0.85, 0.95, 0.9, 0.8, 0.65, 0.45, 0.35,
      0.28, 0.2, 0.13, 0.09,
    ],
    weekday: [1.18, 1.06, 1.0, 0.97, 0.9, 0.45, 0.33],
    ahtSeconds: 330,
    ahtHourly: [
      1.15, 1.15, 1.15, 1.15, 1.15, 1.1, 1.05, 1.0, 0.97, 0.97, 0.98, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.02, 1.04, 1.06,
      1.08, 1.1, 1.12, 1.15,
    ],
    handleCv: 0.9,
    dispersion: 40,
  },
  chat: {
    hourly: [
      0.12, 0.07, 0.05, 0.04, 0.04, 0.06, 0.12, 0.3, 0.55, 0.75, 0.85, 0.9, 0.88, 0.88, 0.9, 0.88, 0.85, 0.85, 0.9,
      0.95, 0.95, 0.8, 0.5, 0.25,
    ],
    weekday: [1.08, 1.02, 1.0, 0.98, 0.95, 0.72, 0.7],
    ahtSeconds: 540,
    ahtHourly: Array.from({ length: 24 }, () => 1),
    handleCv: 0.7,
    dispersion: 30,
  },
  email: {
    hourly: [
      0.2, 0.15, 0.12, 0.1, 0.1, 0.15, 0.3, 0.55, 0.85, 1.0, 1.0, 0.95, 0.8, 0.85, 0.95, 0.9, 0.8, 0.65, 0.5, 0.45,
      0.45, 0.4, 0.32, 0.25,
    ],
    weekday: [1.25, 1.05, 1.0, 0.97, 0.92, 0.5, 0.45],
    ahtSeconds: 420,
    ahtHourly: Array.from({ length: 24 }, () => 1),
    handleCv: 0.6,
    dispersion: 20,
  },
};

/** Volume growth per week: a growing product. */
export const WEEKLY_GROWTH = 0.004;

export interface SampleHoliday {
  date: string;
  label: string;
  region: Region['id'];
  /** Multiplier on that region's demand over its local day. */
  factor: number;
}

/** Public holidays of the customers' regions, 2026–2027; the ones inside a generated range are applied. */
export const SAMPLE_HOLIDAYS: readonly SampleHoliday[] = [
  { date: '2026-01-01', label: "New Year's Day", region: 'europe', factor: 0.35 },
  { date: '2026-01-01', label: "New Year's Day", region: 'americas', factor: 0.4 },
  { date: '2026-01-01', label: "New Year's Day", region: 'apac', factor: 0.4 },
  { date: '2026-04-06', label: 'Easter Monday', region: 'europe', factor: 0.5 },
  { date: '2026-04-27', label: "King's Day", region: 'europe', factor: 0.55 },
  { date: '2026-05-25', label: 'Memorial Day', region: 'americas', factor: 0.55 },
  { date: '2026-07-03', label: 'Independence Day (observed)', region: 'americas', factor: 0.5 },
  { date: '2026-09-07', label: 'Labor Day', region: 'americas', factor: 0.55 },
  { date: '2026-10-12', label: 'Columbus Day', region: 'americas', factor: 0.8 },
  { date: '2026-11-01', label: "All Saints' Day", region: 'apac', factor: 0.45 },
  { date: '2026-11-02', label: "All Souls' Day", region: 'apac', factor: 0.7 },
  { date: '2026-11-11', label: 'Veterans Day', region: 'americas', factor: 0.85 },
  { date: '2026-11-26', label: 'Thanksgiving', region: 'americas', factor: 0.3 },
  { date: '2026-11-30', label: 'Bonifacio Day', region: 'apac', factor: 0.45 },
  { date: '2026-12-08', label: 'Immaculate Conception', region: 'apac', factor: 0.6 },
  { date: '2026-12-24', label: 'Christmas Eve', region: 'americas', factor: 0.6 },
  { date: '2026-12-24', label: 'Christmas Eve', region: 'apac', factor: 0.5 },
  { date: '2026-12-25', label: 'Christmas Day', region: 'europe', factor: 0.3 },
  { date: '2026-12-25', label: 'Christmas Day', region: 'americas', factor: 0.3 },
  { date: '2026-12-25', label: 'Christmas Day', region: 'apac', factor: 0.3 },
  { date: '2026-12-26', label: 'Boxing Day', region: 'europe', factor: 0.45 },
  { date: '2026-12-30', label: 'Rizal Day', region: 'apac', factor: 0.5 },
  { date: '2026-12-31', label: "New Year's Eve", region: 'europe', factor: 0.6 },
  { date: '2026-12-31', label: "New Year's Eve", region: 'apac', factor: 0.5 },
  { date: '2027-01-01', label: "New Year's Day", region: 'europe', factor: 0.35 },
  { date: '2027-01-01', label: "New Year's Day", region: 'americas', factor: 0.4 },
  { date: '2027-01-01', label: "New Year's Day", region: 'apac', factor: 0.4 },
];
