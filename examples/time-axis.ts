/**
 * The time axis in five lines: how many quarter hours the local days of a DST week have at each site.
 * Run: pnpm ts examples/time-axis.ts
 */
import { addDays, localDayIntervals } from '@allhours/core';

for (const zone of ['Europe/Amsterdam', 'America/New_York', 'Asia/Manila']) {
  const days = Array.from({ length: 7 }, (_, i) => addDays('2026-10-19', i));
  console.log(zone.padEnd(18), days.map((d) => `${d.slice(5)}:${localDayIntervals(d, zone, 15).length}`).join(' '));
}
