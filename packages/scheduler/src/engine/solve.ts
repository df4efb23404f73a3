/**
 * The solver front door: `solve(model, options)` with swappable backends.
 * - `mip`: the compact MIP of the whole model in HiGHS (exact for small models).
 * - `lns` (default): a constructive start (one employee at a time, each an exact small MIP), then
 *   large-neighbourhood search — free a few employees, or a window of days, fix the rest and
 *   re-solve the neighbourhood with HiGHS, warm-started from the incumbent so it never gets worse —
 *   and, when the model is small enough, a final full MIP warm-started from the best roster to
 *   prove optimality. The lower bound comes from the full MIP's dual bound or its LP relaxation.
 * Every returned roster is re-checked by the evaluator.
 */
import { createRandom, deadlineIn, type Progress, parseInput, silentProgress } from '@allhours/core';
import { z } from 'zod';
import { type Compiled, compile } from './compile.js';
import { type Evaluation, evaluate, type ObjectiveComponents, type Violation } from './evaluate.js';
import { runHighs } from './highs.js';
import { localSearch, localSearchApplies } from './localsearch.js';
import { buildMip } from './mip.js';
import { type Assignment, OFF, type RosterModel } from './model.js';

export const solveOptionsSchema = z
  .object({
    timeLimitSeconds: z.number().finite().positive().default(60),
    seed: z.number().int().default(1),
    backend: z.enum(['lns', 'mip']).default('lns'),
    /** Stop after this many LNS steps (with the seed, makes a run repeatable when the time limit does not bite). */
    maxIterations: z.number().int().positive().optional(),
    /** Full-MIP size (columns) up to which the exact phase runs. */
    exactMaxColumns: z.number().int().nonnegative().default(12_000),
  })
  .strict();

export type SolveOptionsInput = z.input<typeof solveOptionsSchema> & {
  progress?: Progress;
  initial?: Assignment;
};

export type SolveStatus = 'optimal' | 'feasible' | 'timeLimit' | 'infeasible';

export interface SolveResult {
  status: SolveStatus;
  objective: number;
  lowerBound: number;
  /** (objective − lowerBound) / max(1, |objective|); 0 when optimal. */
  gap: number;
  assignment: Assignment;
  components: ObjectiveComponents;
  violations: Violation[];
  iterations: number;
  seconds: number;
}

const EPS = 1e-6;
/** Largest full model (binary columns) built at all, for its LP bound. */
const FULL_MODEL_MAX_COLUMNS = 60_000;

function offRoster(c: Compiled): Assignment {
  return Array.from({ length: c.E }, () => new Array<number>(c.D).fill(OFF));
}

function freeMask(c: Compiled, employees: Iterable<number>, from = 0, to = c.D): Uint8Array {
  const free = new Uint8Array(c.E * c.D);
  for (const e of employees) for (let d = from; d < to; d++) free[e * c.D + d] = 1;
  return free;
}

/** Employees that must move together (cyclic groups). */
function closeGroups(c: Compiled, employees: Set<number>): Set<number> {
  for (const e of [...employees]) {
    const g = c.groupOf[e]!;
    if (g >= 0) for (const m of c.groups[g]!.members) employees.add(m);
  }
  return employees;
}

export async function solve(model: RosterModel, input: SolveOptionsInput = {}): Promise<SolveResult> {
  const { progress = silentProgress, initial, ...rest } = input;
  const options = parseInput(solveOptionsSchema, rest, 'solve options');
  const deadline = deadlineIn(options.timeLimitSeconds);
  const random = createRandom(options.seed);
  const c = compile(model);
  const stage = 'roster';

  let best: Assignment | undefined;
  let bestEval: Evaluation | undefined;
  let lowerBound = Number.NEGATIVE_INFINITY;
  let provenOptimal = false;
  let provenInfeasible = false;
  let iterations = 0;
  const feasible = (ev: Evaluation) => ev.violations.length === 0;
  const offer = (a: Assignment) => {
    const ev = evaluate(model, a);
    if (!feasible(ev)) return false;
    if (!bestEval || ev.objective < bestEval.objective - EPS) {
      best = a;
      bestEval = ev;
      return true;
    }
    return false;
  };
  const report = () =>
    progress.update(
      stage,
      Math.min(1, deadline.elapsedMs() / (options.timeLimitSeconds * 1000)),
      `best ${bestEval ? bestEval.objective : '—'}, bound ${Number.isFinite(lowerBound) ? lowerBound.toFixed(1) : '—'}, step ${iterations}`,
    );

  let allowedCells = 0;
  for (let k = 0; k < c.allowed.length; k++) allowedCells += c.allowed[k]!;
  // The whole model as one MIP only when it is of a size HiGHS-Wasm handles (bound, exact phase).
  const full =
    allowedCells <= FULL_MODEL_MAX_COLUMNS || options.backend === 'mip'
      ? buildMip(
          c,
          offRoster(c),
          freeMask(
            c,
            Array.from({ length: c.E }, (_, e) => e),
          ),
        )
      : undefined;
  const smallEnough = full !== undefined && full.lp.numCols <= options.exactMaxColumns;

  if (initial) offer(initial.map((row) => row.slice()));

  const fullMip = async (seconds: number) => {
    if (!full) return;
    const start = best ? full.start(best) : undefined;
    const run = await runHighs(full.lp, { timeLimitSeconds: seconds, seed: options.seed, ...(start ? { start } : {}) });
    if (run.status === 'infeasible') provenInfeasible = true;
    lowerBound = Math.max(lowerBound, run.bound);
    if (run.colValue) offer(full.decode(run.colValue));
    if (run.status === 'optimal' && bestEval && bestEval.objective <= run.objective + EPS) provenOptimal = true;
  };

  if (options.backend === 'mip') {
    await fullMip(deadline.remainingMs() / 1000);
  } else {
    // Bound first (cheap): the LP relaxation, for models where the exact phase will not run.
    if (full && !smallEnough) {
      const relax = await runHighs(full.lp, {
        timeLimitSeconds: Math.max(1, deadline.remainingMs() / 1000 / 10),
        relax: true,
      });
      if (relax.status === 'optimal') lowerBound = relax.objective;
    }
    if (!best) await construct();
    report();
    // Small models: the LNS gets most of the rest, then the full MIP (warm-started) tries to prove.
    await improve(smallEnough ? Date.now() + deadline.remainingMs() * 0.75 : deadline.endsAt);
    if (smallEnough && !provenOptimal && !deadline.expired()) await fullMip(deadline.remainingMs() / 1000);
  }

  progress.done(stage, bestEval ? `objective ${bestEval.objective}` : 'no feasible roster');
  const seconds = deadline.elapsedMs() / 1000;
  if (!best || !bestEval) {
    const ev = evaluate(model, best ?? offRoster(c));
    return {
      status: provenInfeasible ? 'infeasible' : 'timeLimit',
      objective: Number.POSITIVE_INFINITY,
      lowerBound,
      gap: Number.POSITIVE_INFINITY,
      assignment: best ?? offRoster(c),
      components: ev.components,
      violations: ev.violations,
      iterations,
      seconds,
    };
  }
  if (provenOptimal) lowerBound = bestEval.objective;
  lowerBound = Math.min(lowerBound, bestEval.objective);
  const gap = Number.isFinite(lowerBound)
    ? (bestEval.objective - lowerBound) / Math.max(1, Math.abs(bestEval.objective))
    : Number.POSITIVE_INFINITY;
  return {
    status: provenOptimal || gap <= EPS ? 'optimal' : deadline.expired() ? 'timeLimit' : 'feasible',
    objective: bestEval.objective,
    lowerBound,
    gap: Math.max(0, gap),
    assignment: best,
    components: bestEval.components,
    violations: [],
    iterations,
    seconds,
  };

  /** One employee (or cyclic group) at a time, each an exact MIP against the rows already placed. */
  async function construct(): Promise<void> {
    if (smallEnough) {
      // Small models: HiGHS on the whole model finds a good start quickly.
      await fullMip((deadline.remainingMs() / 1000) * 0.3);
      if (best) return;
    }
    const roster = offRoster(c);
    const budget = options.timeLimitSeconds / 3;
    const done = new Set<number>();
    const order = Array.from({ length: c.E }, (_, e) => e);
    for (const e of order) {
      if (done.has(e)) continue;
      const group = closeGroups(c, new Set([e]));
      for (const m of group) done.add(m);
      const sub = buildMip(c, roster, freeMask(c, group));
      // About a third of the budget for the start, shared by the rows still to place.
      const left = Math.max(1, c.E - done.size + group.size);
      const perStep = Math.max(0.2, Math.min(3, (budget - deadline.elapsedMs() / 1000) / left));
      let run = await runHighs(sub.lp, { timeLimitSeconds: perStep, seed: options.seed, relativeGap: 0.01 });
      if (!run.colValue) {
        // No row found in time: settle for any row that keeps the rules (zero objective).
        sub.lp.colCost.fill(0);
        run = await runHighs(sub.lp, { timeLimitSeconds: Math.max(1, perStep), seed: options.seed });
      }
      if (!run.colValue) continue; // leave off; the evaluator will say which rule fails
      const next = sub.decode(run.colValue);
      for (const m of group) roster[m] = next[m]!;
      progress.update(stage, undefined, `construct ${done.size}/${c.E}`);
    }
    offer(roster);
    if (!best) bestEval = undefined;
  }

  /** A random day among those with a cover row off its requirement (under weighs most), or -1. */
  function badDay(a: Assignment): number {
    const count = new Float64Array(c.D * c.T);
    for (let e = 0; e < c.E; e++) for (let d = 0; d < c.D; d++) if (a[e]![d] !== OFF) count[d * c.T + a[e]![d]!]!++;
    const days: number[] = [];
    for (const row of c.cover) {
      let n = 0;
      for (const cell of row.cells) n += count[cell]!;
      if ((n < row.requirement && row.underWeight > 0) || (n > row.requirement && row.overWeight > 0))
        days.push(Math.floor(row.cells[0]! / c.T));
    }
    return days.length ? days[random.int(days.length)]! : -1;
  }

  /** Large-neighbourhood search with MIP sub-problems. */
  async function improve(stopAt: number): Promise<void> {
    if (!best || !bestEval) return;
    let current = best;
    let currentObjective = bestEval.objective;
    // Target free variables per neighbourhood, adapted to how hard the sub-MIPs turn out.
    let size = Math.min(1000, Math.max(100, c.E * c.T * 5));
    const varsPerCell = Math.max(1, c.T);
    let sinceImprovement = 0;
    const useLocalSearch = localSearchApplies(c);
    /** Anneal from the incumbent for `seconds`; keep the result if the judge confirms it is better. */
    const anneal = (seconds: number) => {
      const ls = localSearch(c, current, random, Math.min(stopAt, Date.now() + seconds * 1000));
      if (ls.delta < -EPS) {
        const ev = evaluate(model, ls.best);
        if (feasible(ev) && ev.objective < currentObjective - EPS) {
          current = ls.best;
          currentObjective = ev.objective;
          offer(ls.best);
          report();
        }
      }
    };
    if (useLocalSearch) anneal(((stopAt - Date.now()) / 1000) * 0.15);
    while (Date.now() < stopAt && (options.maxIterations === undefined || iterations < options.maxIterations)) {
      if (provenOptimal) break;
      iterations++;
      if (useLocalSearch && iterations % 15 === 0) anneal(Math.min(3, ((stopAt - Date.now()) / 1000) * 0.2));
      const employees = new Set<number>();
      let from = 0;
      let to = c.D;
      if (random.next() < 0.15) {
        // One whole row (with its cyclic group): an exact best response for that employee.
        employees.add(random.int(c.E));
      } else {
        // A window of days across as many rows as the size allows (all of them when small):
        // days outside the window pin the sequence rules, so these sub-MIPs solve fast.
        const cells = Math.max(2, Math.round(size / varsPerCell));
        const span = Math.min(c.D, Math.max(3, Math.min(14, Math.round(cells / c.E))));
        const k = Math.max(1, Math.min(c.E, Math.round(cells / span)));
        // Half the time centre the window on a day whose cover is off target (where the penalty is).
        const hot = random.next() < 0.5 ? badDay(current) : -1;
        from = hot < 0 ? random.int(c.D - span + 1) : Math.max(0, Math.min(c.D - span, hot - random.int(span)));
        to = from + span;
        if (k >= c.E) for (let e = 0; e < c.E; e++) employees.add(e);
        else while (employees.size < k) employees.add(random.int(c.E));
      }
      closeGroups(c, employees);
      const sub = buildMip(c, current, freeMask(c, employees, from, to));
      const start = sub.start(current);
      const limit = Math.min((stopAt - Date.now()) / 1000, 1 + size / 500);
      if (limit <= 0.05) break;
      const run = await runHighs(sub.lp, {
        timeLimitSeconds: limit,
        seed: options.seed + iterations,
        ...(start ? { start } : {}),
      });
      if (run.status === 'optimal') size = Math.min(size * 1.1, 20000);
      else if (run.status === 'timeLimit') size = Math.max(40, size * 0.7);
      if (!run.colValue) continue;
      const next = sub.decode(run.colValue);
      const startObjective = start ? objectiveOf(sub.lp, start) : Number.POSITIVE_INFINITY;
      const delta = run.objective - startObjective;
      if (delta < -EPS) {
        const ev = evaluate(model, next);
        if (feasible(ev) && ev.objective < currentObjective - EPS) {
          current = next;
          currentObjective = ev.objective;
          offer(next);
          sinceImprovement = 0;
          report();
          continue;
        }
      } else if (delta <= EPS && start) {
        current = next; // sideways move: same objective, different roster
      }
      sinceImprovement++;
      if (smallEnough && sinceImprovement > 60 && iterations > 100) break;
      if (iterations % 10 === 0) report();
    }
  }
}

function objectiveOf(lp: { colCost: number[]; offset: number }, x: Float64Array): number {
  let s = lp.offset;
  for (let j = 0; j < x.length; j++) s += lp.colCost[j]! * x[j]!;
  return s;
}
