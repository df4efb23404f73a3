import { minutesOfLocalTime, slotsPerDay } from '@allhours/core';
import type { OpenHours, SpecialDay } from './schema.js';
import { WEEKDAY_NAMES } from './schema.js';
import { dayNumberOf, type Timeline } from './timeline.js';

/** Wall-clock minute of a slot-of-week index. */
export function wallMinuteOfSlot(slot: number, intervalMinutes: number): number {
  return (slot % slotsPerDay(intervalMinutes)) * intervalMinutes;
}

/**
 * Mark the positions of special days (whole local day, or only their local windows) on a timeline.
 * Labels are shared: the same label on several dates is one effect to estimate.
 */
export function markSpecialDays(t: Timeline, specialDays: readonly SpecialDay[]): Timeline {
  const labels: string[] = [];
  const byDay = new Map<number, { label: number; windows: [number, number][] | undefined }[]>();
  for (const sd of specialDays) {
    let label = labels.indexOf(sd.label);
    if (label < 0) label = labels.push(sd.label) - 1;
    const day = dayNumberOf(sd.date);
    const windows = sd.windows?.map((w) => [minutesOfLocalTime(w.from), minutesOfLocalTime(w.to)] as [number, number]);
    const list = byDay.get(day) ?? [];
    list.push({ label, windows });
    byDay.set(day, list);
  }
  const special = new Int32Array(t.count).fill(-1);
  for (let i = 0; i < t.count; i++) {
    const entries = byDay.get(t.day[i]!);
    if (!entries) continue;
    const minute = wallMinuteOfSlot(t.slot[i]!, t.intervalMinutes);
    for (const e of entries) {
      if (!e.windows || e.windows.some(([from, to]) => minute + t.intervalMinutes > from && minute < to)) {
        special[i] = e.label;
        break;
      }
    }
  }
  return { ...t, special, labels };
}

/** Open flag per slot-of-week from explicit local windows. */
export function openFromHours(openHours: OpenHours, intervalMinutes: number): Uint8Array {
  const perDay = slotsPerDay(intervalMinutes);
  const open = new Uint8Array(perDay * 7);
  for (const w of openHours) {
    const from = minutesOfLocalTime(w.from);
    const to = minutesOfLocalTime(w.to);
    for (const name of w.days) {
      const wd = WEEKDAY_NAMES.indexOf(name);
      for (let k = 0; k < perDay; k++) {
        const m = k * intervalMinutes;
        if (m + intervalMinutes > from && m < to) open[wd * perDay + k] = 1;
      }
    }
  }
  return open;
}

/** Open hours as local windows per weekday, for reporting what was given or inferred. */
export function describeOpenHours(open: Uint8Array, intervalMinutes: number): OpenHours {
  const perDay = slotsPerDay(intervalMinutes);
  const out: OpenHours = [];
  const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  for (let wd = 0; wd < 7; wd++) {
    let k = 0;
    while (k < perDay) {
      if (!open[wd * perDay + k]) {
        k++;
        continue;
      }
      const from = k;
      while (k < perDay && open[wd * perDay + k]) k++;
      const window = { from: fmt(from * intervalMinutes), to: fmt(k * intervalMinutes) };
      const same = out.find((o) => o.from === window.from && o.to === window.to);
      if (same) same.days.push(WEEKDAY_NAMES[wd]!);
      else out.push({ days: [WEEKDAY_NAMES[wd]!], ...window });
    }
  }
  return out;
}
