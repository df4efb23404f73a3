import type { History } from '../history.js';
import { sliceTimeline, type Timeline } from '../timeline.js';
import { isNormalObservation, type Model, type Predictor } from './model.js';

/**
 * Interday correlation on top of a slot-profile model: the log ratio of each recent day's volume to the
 * model's in-sample mean follows an AR(1) over days, so a busy yesterday lifts tomorrow and the lift decays
 * with the lead time (the idea of Shen & Huang 2008's interday series on day totals). Only for models whose
 * predictor can evaluate past positions (slot profiles, not state-space models).
 */
export function withDayLevel(model: Model, options: { days?: number; maxPhi?: number } = {}): Model {
  const days = options.days ?? 35;
  const maxPhi = options.maxPhi ?? 0.9;
  return {
    name: `${model.name}+day-level`,
    fit(history: History): Predictor {
      const base = model.fit(history);
      const perDay = history.open.length / 7;
      const from = Math.max(0, history.count - days * perDay);
      const fitted = base(sliceTimeline(history, from, history.count));
      const ratios: { day: number; log: number }[] = [];
      let day = -1;
      let actual = 0;
      let expected = 0;
      const close = () => {
        if (day >= 0 && expected > 0 && actual > 0) ratios.push({ day, log: Math.log(actual / expected) });
      };
      for (let i = from; i < history.count; i++) {
        if (history.day[i] !== day) {
          close();
          day = history.day[i]!;
          actual = 0;
          expected = 0;
        }
        if (!isNormalObservation(history, i)) continue;
        actual += history.volume[i]!;
        expected += fitted[i - from]!;
      }
      close();
      let num = 0;
      let den = 0;
      for (let k = 1; k < ratios.length; k++) {
        if (ratios[k]!.day - ratios[k - 1]!.day > 3) continue; // a gap (weekend) of more than a few days breaks the chain
        num += ratios[k]!.log * ratios[k - 1]!.log;
        den += ratios[k - 1]!.log ** 2;
      }
      const phi = den > 0 ? Math.min(maxPhi, Math.max(0, num / den)) : 0;
      const last = ratios.at(-1);
      return (target: Timeline) => {
        const out = base(target);
        if (!last || phi === 0) return out;
        for (let i = 0; i < target.count; i++) {
          const ahead = Math.max(1, target.day[i]! - last.day);
          out[i]! *= Math.exp(phi ** ahead * last.log);
        }
        return out;
      };
    },
  };
}
