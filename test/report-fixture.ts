import {
  createRandom,
  formatInstant,
  minutesOfLocalTime,
  type Series,
  slotIndexes,
  sum,
  toLocal,
} from '@allhours/core';
import type { ReportDataInput } from '@allhours/report';
import { generateSampleHistory, SAMPLE_SITES, type SampleChannel, sampleSpecialDays } from '@allhours/sample';

/**
 * Realistic report data for the browser test: history from the sample generator, a seasonal-average
 * forecast with an over-dispersed band, square-root staffing, a greedy roster over three sites and a
 * what-if with extended hours plus a night bot. Simple on purpose: it stands in for the real packages.
 */

const STEP_MINUTES = 15;
const STEP = STEP_MINUTES * 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const SITES = SAMPLE_SITES;

const CHANNELS: Record<
  SampleChannel,
  { label: string; ahtSeconds: number; concurrency: number; target: ReportDataInput['channels'][number]['target'] }
> = {
  voice: { label: 'Voice', ahtSeconds: 330, concurrency: 1, target: { serviceLevel: 0.8, answerWithinSeconds: 20 } },
  chat: { label: 'Chat', ahtSeconds: 540, concurrency: 2, target: { serviceLevel: 0.8, answerWithinSeconds: 60 } },
  email: { label: 'Email', ahtSeconds: 420, concurrency: 1, target: { serviceLevel: 0.9, responseWithinMinutes: 240 } },
};

export interface FixtureOptions {
  /** Horizon start (a Monday 00:00 UTC gives whole weeks). */
  start: string;
  days: number;
  /** Display zone of the report. */
  timeZone: string;
  /** Scales the sample's volume (a smaller team keeps the Gantt short). */
  volumeScale?: number;
}

interface Shift {
  start: number;
  end: number;
  channel: SampleChannel;
  breakStart: number;
}

export function buildReportData(options: FixtureOptions): ReportDataInput {
  const start = Date.parse(options.start);
  const count = (options.days * DAY) / STEP;
  const sample = generateSampleHistory({ end: options.start, weeks: 6, volumeScale: options.volumeScale ?? 1 });
  const channels: ReportDataInput['channels'] = [];
  const allShifts: Shift[] = [];
  const whatIfShifts: Shift[] = [];
  const serviceLevels: Record<string, number> = {};
  const whatIfLevels: Record<string, number> = {};
  const botShare = 0.4;
  const random = createRandom(7);
  for (const history of sample.channels) {
    const spec = CHANNELS[history.channel];
    const forecast = seasonalForecast(history.volumes, start, count, options.timeZone);
    const night = nightMask(start, count, options.timeZone);
    // Voice is staffed around the clock; chat and email only 07:00–23:00, a bot answers chat at night.
    const required = forecast.mean.map((m, i) =>
      history.channel !== 'voice' && night[i] ? 0 : staffFor(m, spec.ahtSeconds, spec.concurrency),
    );
    // One shift in sixteen stays unfilled (vacancies, sickness): the roster falls short here and there.
    const shifts = greedyShifts(start, required, history.channel).filter(() => random.next() >= 1 / 16);
    allShifts.push(...shifts);
    const scheduled = coverage(start, count, shifts);
    const sl = scheduled.map((n, i) =>
      required[i] === 0 && n === 0
        ? history.channel === 'chat'
          ? 0.25
          : 0
        : serviceLevel(forecast.mean[i]!, spec.ahtSeconds, spec.concurrency, n, history.channel),
    );
    serviceLevels[history.channel] = weighted(sl, forecast.mean);
    // What-if: humans only 07:00–23:00 in the display zone, a bot takes 40% of the night's contacts.
    const dayRequired = required.map((r, i) => (night[i] ? 0 : r));
    const dayShifts = greedyShifts(start, dayRequired, history.channel);
    whatIfShifts.push(...dayShifts);
    const dayScheduled = coverage(start, count, dayShifts);
    const daySl = dayScheduled.map((n, i) =>
      night[i] ? botShare : serviceLevel(forecast.mean[i]!, spec.ahtSeconds, spec.concurrency, n, history.channel),
    );
    whatIfLevels[history.channel] = weighted(daySl, forecast.mean);
    const recent = history.volumes.values.slice(-14 * 96);
    channels.push({
      id: history.channel,
      label: spec.label,
      history: { start: formatInstant(start - recent.length * STEP), intervalMinutes: 15, values: recent },
      forecast: { start: options.start, intervalMinutes: 15, ...forecast },
      required: { start: options.start, intervalMinutes: 15, values: required },
      scheduled: { start: options.start, intervalMinutes: 15, values: scheduled },
      serviceLevel: {
        start: options.start,
        intervalMinutes: 15,
        values: sl.map((v, i) => (forecast.mean[i]! > 0.05 ? v : null)),
      },
      target: spec.target,
      botShare: history.channel === 'chat' ? 0.25 : 0,
    });
  }
  const { agents, sites } = assignAgents(allShifts);
  const whatIfRoster = assignAgents(whatIfShifts);
  return {
    title: 'Follow-the-sun support — sample plan',
    subtitle: 'Amsterdam · New York · Manila; voice, chat and email',
    timeZone: options.timeZone,
    currency: 'EUR',
    horizon: { start: options.start, days: options.days },
    channels,
    sites,
    agents,
    holidays: sampleSpecialDays(start, start + options.days * DAY).map((d) => ({
      date: d.date,
      label: `${d.label} (${d.region})`,
    })),
    whatIf: [
      {
        id: '24-7',
        label: 'As planned',
        description: 'voice 24/7; chat and email 07:00–23:00',
        cost: sum(sites.map((s) => s.cost)),
        agents: agents.length,
        agentHours: sum(allShifts.map((s) => (s.end - s.start) / HOUR)),
        serviceLevel: serviceLevels,
        botShare: 0,
      },
      {
        id: 'extended',
        label: 'Extended hours + bot',
        description: `humans 07:00–23:00 ${options.timeZone}, bot takes ${botShare * 100}% at night`,
        cost: sum(whatIfRoster.sites.map((s) => s.cost)),
        agents: whatIfRoster.agents.length,
        agentHours: sum(whatIfShifts.map((s) => (s.end - s.start) / HOUR)),
        serviceLevel: whatIfLevels,
        botShare,
      },
    ],
    notes: ['Synthetic staffing and roster for the browser test; the sample history is generated.'],
  };
}

/** Mean of the same local slot of week over the history, with a negative-binomial-like 80% band. */
function seasonalForecast(history: Series, start: number, count: number, zone: string) {
  const slotsHist = slotIndexes(history.start, history.values.length, 15, zone);
  const totals = new Float64Array(7 * 96);
  const counts = new Float64Array(7 * 96);
  history.values.forEach((v, i) => {
    totals[slotsHist[i]!]! += v;
    counts[slotsHist[i]!]! += 1;
  });
  const slots = slotIndexes(start, count, 15, zone);
  const mean: number[] = [];
  const p10: number[] = [];
  const p90: number[] = [];
  for (let i = 0; i < count; i++) {
    const s = slots[i]!;
    const m = counts[s]! > 0 ? totals[s]! / counts[s]! : 0;
    const sd = Math.sqrt(m + (m * m) / 40);
    mean.push(round1(m));
    p10.push(round1(Math.max(0, m - 1.2816 * sd)));
    p90.push(round1(m + 1.2816 * sd));
  }
  return { mean, p10, p90 };
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

/** Square-root staffing with 30% shrinkage: offered load plus a safety margin. */
function staffFor(volume: number, ahtSeconds: number, concurrency: number): number {
  const load = (volume * ahtSeconds) / (STEP_MINUTES * 60) / concurrency;
  if (load <= 0.01) return 1; // keep one agent on every channel around the clock
  return Math.ceil((load + Math.sqrt(load)) / 0.7);
}

function erlangC(agents: number, load: number): number {
  if (agents <= load) return 1;
  let term = 1;
  let total = 1;
  for (let k = 1; k < agents; k++) {
    term *= load / k;
    total += term;
  }
  term *= load / agents;
  const tail = (term * agents) / (agents - load);
  return tail / (total + tail);
}

function serviceLevel(volume: number, aht: number, concurrency: number, scheduled: number, channel: string): number {
  const productive = Math.floor(scheduled * 0.7);
  const load = (volume * aht) / (STEP_MINUTES * 60) / concurrency;
  if (load <= 0) return 1;
  if (channel === 'email') return Math.min(1, productive / load);
  const within = channel === 'voice' ? 20 : 60;
  const wait = erlangC(productive, load);
  return Math.max(0, Math.min(1, 1 - wait * Math.exp((-(productive - load) * within) / (aht / concurrency))));
}

function weighted(values: number[], weights: number[]): number {
  const w = sum(weights);
  return w > 0 ? sum(values.map((v, i) => v * weights[i]!)) / w : 1;
}

function nightMask(start: number, count: number, zone: string): boolean[] {
  return Array.from({ length: count }, (_, i) => {
    const local = toLocal(start + i * STEP, zone);
    return local.hour < 7 || local.hour >= 23;
  });
}

/** 8.5-hour shifts with a 30-minute break, started greedily wherever coverage falls short. */
function greedyShifts(start: number, required: number[], channel: SampleChannel): Shift[] {
  const count = required.length;
  const have = new Array<number>(count).fill(0);
  const shifts: Shift[] = [];
  const length = 34; // 8.5 h in quarter hours
  for (let i = 0; i < count; i++) {
    while (have[i]! < required[i]!) {
      const s = Math.max(0, Math.min(i, count - length));
      // The break sits mid-shift, but never on the interval the shift is opened for.
      const offset = i - s === 16 || i - s === 17 ? 20 : 16;
      const shift = {
        start: start + s * STEP,
        end: start + (s + length) * STEP,
        channel,
        breakStart: start + (s + offset) * STEP,
      };
      shifts.push(shift);
      for (let k = s; k < s + length && k < count; k++) if (k !== s + offset && k !== s + offset + 1) have[k]! += 1;
    }
  }
  return shifts;
}

function coverage(start: number, count: number, shifts: Shift[]): number[] {
  const out = new Array<number>(count).fill(0);
  for (const s of shifts) {
    for (let t = s.start; t < s.end; t += STEP) {
      if (t >= s.breakStart && t < s.breakStart + 30 * 60_000) continue;
      const i = (t - start) / STEP;
      if (i >= 0 && i < count) out[i]! += 1;
    }
  }
  return out;
}

/**
 * Follow the sun: each shift goes to the site where its start is closest to 11:00 local, then to the
 * site's agent with the fewest shifts who had 11 hours of rest and is not yet on 5 shifts that week.
 */
function assignAgents(shifts: Shift[]) {
  type Agent = { id: string; siteId: string; shifts: Shift[] };
  const agents: Agent[] = [];
  const sorted = [...shifts].sort((a, b) => a.start - b.start || a.channel.localeCompare(b.channel));
  for (const shift of sorted) {
    const site = [...SITES].sort(
      (a, b) => distanceFromDay(shift.start, a.timeZone) - distanceFromDay(shift.start, b.timeZone),
    )[0]!;
    const week = Math.floor((shift.start - sorted[0]!.start) / (7 * DAY));
    const candidates = agents.filter(
      (a) =>
        a.siteId === site.id &&
        a.shifts.every((s) => s.end + 11 * HOUR <= shift.start || s.start >= shift.end + 11 * HOUR) &&
        a.shifts.filter((s) => Math.floor((s.start - sorted[0]!.start) / (7 * DAY)) === week).length < 5,
    );
    candidates.sort((a, b) => a.shifts.length - b.shifts.length || a.id.localeCompare(b.id));
    let agent = candidates[0];
    if (!agent) {
      const n = agents.filter((a) => a.siteId === site.id).length + 1;
      agent = { id: `${site.id.toUpperCase()}-${String(n).padStart(2, '0')}`, siteId: site.id, shifts: [] };
      agents.push(agent);
    }
    agent.shifts.push(shift);
  }
  const sites = SITES.map((site) => {
    let regular = 0;
    let night = 0;
    let weekend = 0;
    let hours = 0;
    for (const a of agents.filter((x) => x.siteId === site.id)) {
      for (const s of a.shifts) {
        for (let t = s.start; t < s.end; t += STEP) {
          const local = toLocal(t, site.timeZone);
          const base = site.costPerHour / 4;
          hours += 0.25;
          regular += base;
          if (local.hour >= 22 || local.hour < 6) night += base * site.nightPremium;
          if (local.weekday >= 6) weekend += base * site.weekendPremium;
        }
      }
    }
    return {
      id: site.id,
      label: site.label,
      timeZone: site.timeZone,
      cost: Math.round(regular + night + weekend),
      costParts: [
        { label: 'regular hours', amount: Math.round(regular) },
        { label: 'night premium', amount: Math.round(night) },
        { label: 'weekend premium', amount: Math.round(weekend) },
      ],
      paidHours: hours,
    };
  });
  return {
    sites,
    agents: agents.map((a) => ({
      id: a.id,
      siteId: a.siteId,
      shifts: a.shifts.map((s) => ({
        start: formatInstant(s.start),
        end: formatInstant(s.end),
        channel: s.channel,
        breaks: [{ start: formatInstant(s.breakStart), end: formatInstant(s.breakStart + 30 * 60_000) }],
      })),
    })),
  };
}

function distanceFromDay(instant: number, zone: string): number {
  const local = toLocal(instant, zone);
  const minute = local.hour * 60 + local.minute;
  const d = Math.abs(minute - minutesOfLocalTime('11:00'));
  return Math.min(d, 1440 - d);
}
