import { readFileSync } from 'node:fs';
import type { History, Model, Timeline } from '@allhours/forecast';

/**
 * MSTL + AutoETS from `@bsull/augurs` (a devDependency of the benchmark only) as a comparison model: the
 * research note's strongest library baseline. Fitted on the open intervals of the last `windowWeeks` weeks
 * (missing ones filled from the week before), seasonal periods = open slots per open day and per week.
 * Undefined when augurs is not installed.
 */
export async function loadMstl(windowWeeks = 8): Promise<Model | undefined> {
  let mod: typeof import('@bsull/augurs/mstl');
  try {
    mod = await import('@bsull/augurs/mstl');
    mod.initSync({ module: readFileSync(new URL('mstl_bg.wasm', import.meta.resolve('@bsull/augurs/mstl'))) });
  } catch {
    return undefined;
  }
  const { MSTL } = mod;
  return {
    name: `MSTL+AutoETS (augurs, ${windowWeeks}w)`,
    fit(history: History) {
      const perWeek = history.open.length;
      const perDay = perWeek / 7;
      const openPerWeek = history.open.reduce((a, b) => a + b, 0);
      let openDays = 0;
      for (let d = 0; d < 7; d++)
        if (history.open.subarray(d * perDay, (d + 1) * perDay).some((o) => o === 1)) openDays++;
      const daily = Number.isInteger(openPerWeek / openDays) ? openPerWeek / openDays : perDay;
      const from = Math.max(0, history.count - windowWeeks * perWeek);
      const y: number[] = [];
      const filled = Float64Array.from(history.volume);
      for (let i = from; i < history.count; i++) {
        if (!history.open[history.slot[i]!]) continue;
        if (Number.isNaN(filled[i]!))
          filled[i] = i >= perWeek && Number.isFinite(filled[i - perWeek]!) ? filled[i - perWeek]! : 0;
        y.push(filled[i]!);
      }
      const model = MSTL.ets([daily, openPerWeek]);
      model.fit(y);
      const ahead = model.predict(openPerWeek * 2, null).point;
      model.free();
      return (target: Timeline) => {
        const out = new Float64Array(target.count);
        let k = 0;
        for (let i = 0; i < target.count; i++) {
          if (!history.open[target.slot[i]!]) continue;
          out[i] = Math.max(0, ahead[Math.min(k++, ahead.length - 1)]!);
        }
        return out;
      };
    },
  };
}
