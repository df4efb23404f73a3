import { addDays, formatLocal, localDateOf, localDayIntervals, localDayLengthMinutes } from '@allhours/core';
import { z } from 'zod';
import { defineCommand } from '../command.js';

// The sample follow-the-sun team: three sites, one week spanning the EU fall-back change.
const SITES = [
  { id: 'AMS', timeZone: 'Europe/Amsterdam' },
  { id: 'NYC', timeZone: 'America/New_York' },
  { id: 'MNL', timeZone: 'Asia/Manila' },
];
const WEEK_START = Date.UTC(2026, 9, 19);

export const demoCommand = defineCommand({
  name: 'demo',
  summary: 'Run the main job on the embedded sample (three sites, one week across a DST change)',
  help: 'Runs the pipeline on embedded sample data and prints a summary. Takes no input.',
  request: z.object({}).strict(),
  needsInput: false,
  run() {
    const lines = ['allhours demo: the sample week on the 15-minute UTC grid, per site in local time', ''];
    for (const site of SITES) {
      const first = localDateOf(WEEK_START, site.timeZone);
      const days = Array.from({ length: 7 }, (_, i) => addDays(first, i));
      const cells = days.map((d) => {
        const n = localDayIntervals(d, site.timeZone, 15).length;
        return `${d.slice(5)} ${localDayLengthMinutes(d, site.timeZone) / 60}h/${n}q`;
      });
      const firstStart = localDayIntervals(days[0]!, site.timeZone, 15)[0]!;
      lines.push(
        `${site.id} ${site.timeZone.padEnd(17)} starts ${formatLocal(firstStart, site.timeZone)}  ${cells.join('  ')}`,
      );
    }
    return { text: `${lines.join('\n')}\n` };
  },
});
