import { offsetMinutesAt } from '@allhours/core';

/** Local wall-clock reading of an instant in a zone. */
export interface WallClock {
  /** `YYYY-MM-DD`. */
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  hour: number;
  minute: number;
  /** Minutes since local midnight. */
  minuteOfDay: number;
}

const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();

/**
 * The wall clock at an instant, with the zone's offset looked up once per quarter hour (offsets only
 * change on quarter-hour boundaries): charts read thousands of instants and luxon's per-call cost adds up.
 */
export function wallClock(instant: number, zone: string): WallClock {
  const key = `${zone}|${Math.floor(instant / QUARTER_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size > 200_000) offsets.clear();
    offset = offsetMinutesAt(instant, zone);
    offsets.set(key, offset);
  }
  const wall = new Date(instant + offset * 60_000);
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  return {
    date: wall.toISOString().slice(0, 10),
    weekday: ((wall.getUTCDay() + 6) % 7) + 1,
    hour,
    minute,
    minuteOfDay: hour * 60 + minute,
  };
}
