/**
 * Forecast only: next week's voice contacts per half hour from eight weeks of history, with the
 * 10th–90th percentile band a planner can staff to.
 *
 * Run: pnpm ts examples/forecast.ts
 */
import assert from 'node:assert/strict';
import { localDateOf } from '@allhours/core';
import { forecast } from '@allhours/forecast';
import { generateSampleHistory, sampleIntervals } from '@allhours/sample';

// Eight weeks of generated history (seeded, so the same every run); your own would come from a CSV file:
// { history: { file: 'history.csv', format: 'intervals' } }.
const sample = generateSampleHistory({ intervalMinutes: 30 });
const voice = sample.channels.find((c) => c.channel === 'voice')!;

const result = await forecast({
  history: { intervals: sampleIntervals(voice) },
  timeZone: 'Europe/Amsterdam', // seasonality lives on this local clock
  horizonDays: 7,
  quantiles: [0.1, 0.5, 0.9],
  specialDays: [{ date: '2026-11-26', label: 'Thanksgiving' }],
});

console.log(`model: ${result.model}`);
const byDay = new Map<string, { mean: number; p10: number; p90: number }>();
for (const x of result.intervals) {
  assert.ok(x.volume >= 0 && Number.isFinite(x.volume));
  assert.ok(x.quantiles['0.1']! <= x.quantiles['0.5']! && x.quantiles['0.5']! <= x.quantiles['0.9']!);
  const day = localDateOf(Date.parse(x.start), 'Europe/Amsterdam');
  const d = byDay.get(day) ?? { mean: 0, p10: 0, p90: 0 };
  d.mean += x.volume;
  d.p10 += x.quantiles['0.1']!;
  d.p90 += x.quantiles['0.9']!;
  byDay.set(day, d);
}
console.log('day         contacts   (sum of p10 … sum of p90 per interval)');
for (const [day, d] of byDay) {
  console.log(`${day}  ${Math.round(d.mean).toString().padStart(8)}   (${Math.round(d.p10)} … ${Math.round(d.p90)})`);
}
assert.equal(result.intervals.length, 7 * 48);
