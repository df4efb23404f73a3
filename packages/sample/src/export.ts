import { formatInstant, intervalStart } from '@allhours/core';
import type { SampleChannelHistory } from './generate.js';

/** One interval as the forecast contract reads it: `{ start, volume, ahtSeconds? }`. */
export interface SampleInterval {
  start: string;
  volume: number;
  ahtSeconds?: number;
}

/** The channel's history as interval records (JSON form of `history.intervals`); no AHT where nobody called. */
export function sampleIntervals(history: SampleChannelHistory): SampleInterval[] {
  return history.volumes.values.map((volume, i) => {
    const aht = history.ahtSeconds[i];
    const start = formatInstant(intervalStart(history.volumes, i));
    return aht === null || aht === undefined ? { start, volume } : { start, volume, ahtSeconds: aht };
  });
}

/** The channel's history as an interval CSV (`start,volume,ahtSeconds`); the AHT cell is empty where nobody called. */
export function sampleCsv(history: SampleChannelHistory): string {
  const lines = ['start,volume,ahtSeconds'];
  for (const r of sampleIntervals(history)) lines.push(`${r.start},${r.volume},${r.ahtSeconds ?? ''}`);
  return `${lines.join('\n')}\n`;
}
