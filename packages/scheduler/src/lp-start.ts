import type { RosterModel, RosterModelInput } from './engine/index.js';
import type { PlanType, Stage1Result } from './stage1.js';

/**
 * Worth of one shift of stage 1's plan in the targets, in the LP's mean pay per shift. Measured on the
 * benchmark (seed 1): 60 agents in 30 s ended at 205,973, 206,207, 207,880 and 207,561 with 2.3, 3.3,
 * 4.5 and 7 (213,953 without targets); 300 agents in 120 s at 3.33 %, 3.33 % and 3.14 % gap with 3, 4.5
 * and 7 (4.28 % without). At 6 and 10 the 60-agent start left a handover link open and was not used.
 */
const TARGET_PAY_SHARE = 7;

/**
 * The roster model with stage 1's plan as extra cover rows: one per (shift type, day) the LP starts,
 * asking for its (fractional) count with no penalty above it, the real cover rows kept as they are.
 *
 * Why. The marginal-cover start and the engine's moves settle where no single agent's whole row can
 * improve (on the 60-agent benchmark 304 of 360 best responses found nothing better) though the roster
 * is 10 % above the LP: moving cover from an expensive site to a cheap one takes several agents at
 * once, one freeing a shift that another takes while leaving a third's. The LP's shift mix is that
 * coordinated answer; a start built against these rows follows it as far as each agent's rules allow,
 * and is judged against the real model before it is used.
 */
export function stageOneTargets(
  model: RosterModel,
  types: PlanType[],
  allTypes: PlanType[],
  stage1: Stage1Result,
): RosterModelInput | undefined {
  if (stage1.status !== 'optimal') return undefined;
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const lpIndex = new Map(allTypes.map((t, k) => [t.id, k]));
  const cells: { day: number; type: string; count: number; pay: number }[] = [];
  for (const t of types) {
    const counts = stage1.counts[lpIndex.get(t.id)!]!;
    const k = typeIndex.get(t.id)!;
    counts.forEach((count, day) => {
      if (count > 1e-6) cells.push({ day, type: t.id, count, pay: model.cost?.[day]?.[k] ?? 0 });
    });
  }
  const shifts = cells.reduce((s, c) => s + c.count, 0);
  if (shifts === 0) return undefined;
  const meanPay = cells.reduce((s, c) => s + c.count * c.pay, 0) / shifts;
  const weight = TARGET_PAY_SHARE * Math.max(1, meanPay);
  return {
    ...model,
    cover: [
      ...model.cover,
      ...cells.map((c) => ({
        id: `stage 1|${c.day}|${c.type}`,
        terms: [{ day: c.day, type: c.type }],
        requirement: c.count,
        underWeight: weight,
        overWeight: 0,
      })),
    ],
  };
}
