import type { History } from './history.js';
import type { Timeline } from './timeline.js';

/**
 * Handle time per local slot-of-week: the volume-weighted mean of the last `weeks` weeks, shrunk toward
 * the same time of day on all weekdays and that toward the overall mean, so a quiet slot with three
 * contacts does not swing the staffing. Undefined when the history has no handle times.
 */
export function ahtBySlot(history: History, weeks = 8, priorContacts = 20): Float64Array | undefined {
  const aht = history.ahtSeconds;
  if (!aht) return undefined;
  const perWeek = history.open.length;
  const perDay = perWeek / 7;
  const sum = new Float64Array(perWeek);
  const weight = new Float64Array(perWeek);
  const from = Math.max(0, history.count - weeks * perWeek);
  let total = 0;
  let totalWeight = 0;
  for (let i = from; i < history.count; i++) {
    const a = aht[i]!;
    const v = history.volume[i]!;
    if (!Number.isFinite(a) || !(v > 0)) continue;
    sum[history.slot[i]!]! += a * v;
    weight[history.slot[i]!]! += v;
    total += a * v;
    totalWeight += v;
  }
  if (totalWeight === 0) return undefined;
  const overall = total / totalWeight;
  const out = new Float64Array(perWeek);
  for (let k = 0; k < perWeek; k++) {
    let todSum = 0;
    let todWeight = 0;
    for (let d = 0; d < 7; d++) {
      todSum += sum[d * perDay + (k % perDay)]!;
      todWeight += weight[d * perDay + (k % perDay)]!;
    }
    const tod = (todSum + priorContacts * overall) / (todWeight + priorContacts);
    out[k] = (sum[k]! + priorContacts * tod) / (weight[k]! + priorContacts);
  }
  return out;
}

export function ahtForecast(bySlot: Float64Array, target: Timeline): Float64Array {
  const out = new Float64Array(target.count);
  for (let i = 0; i < target.count; i++) out[i] = bySlot[target.slot[i]!]!;
  return out;
}
