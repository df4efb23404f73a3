/**
 * The solver front door: `solve(model, options)` with swappable backends.
 * - `mip`: the compact MIP of the whole model in HiGHS (exact for small models).
 * - `lns` (default): a start (the caller's `initial`, repaired row by row where it breaks a rule, or
 *   rows built one at a time as small exact MIPs), then local search (thousands of cheap moves per
 *   second, rules checked incrementally) alternating with large-neighbourhood search whose sub-MIPs
 *   are kept small by a work-adapted size; for small models a final full MIP warm-started from the
 *   best roster tries to prove optimality, and moderate ones (`polishMaxColumns`) end on the full MIP
 *   under a node budget. Where rows meet only in cover rows, best responses (greedy-start.ts) re-choose
 *   the best roster's rows near the end of the search. Links are soft (a large penalty) while a roster
 *   still breaks some, and hard once none is broken.
 * The search is budgeted in deterministic work units (work.ts): the same model and seed give the
 * same roster when the run ends on work; the time limit is a safety stop that clips every MIP call.
 * Every returned roster is re-checked by the evaluator.
 */
import { createRandom, deadlineIn, type Progress, parseInput, shuffled, silentProgress } from '@allhours/core';
import { z } from 'zod';
import { columnGeneration, columnGenerationApplies } from './colgen.js';
import { type Compiled, compile } from './compile.js';
import { type Evaluation, evaluate, type ObjectiveComponents, type Violation } from './evaluate.js';
import { greedyStart } from './greedy-start.js';
import { runHighs } from './highs.js';
import { closeGroups, freeMask, type LnsState, lnsStep } from './lns.js';
import { localSearch } from './localsearch.js';
import { buildMip, type SubMip } from './mip.js';
import { type Assignment, OFF, type RosterModel } from './model.js';
import { RowRules } from './rowrules.js';
import { defaultWorkLimit, mipUnits, moveUnits, NODE_UNITS } from './work.js';

export const solveOptionsSchema = z
  .object({
    timeLimitSeconds: z.number().finite().positive().default(60),
    seed: z.number().int().default(1),
    backend: z.enum(['lns', 'mip']).default('lns'),
    /** Stop after this many LNS steps. */
    maxIterations: z.number().int().positive().optional(),
    /**
     * Work budget in units of about a microsecond (work.ts); default 10⁶ · timeLimitSeconds.
     * A run that ends on work is repeatable (same model + seed → same roster).
     */
    workLimit: z.number().positive().optional(),
    /**
     * Full-MIP size (columns) up to which the start is the full MIP under a node budget. Off by default:
     * HiGHS often ends it on its time cap (Curtois 8: 41 s, no roster), which makes the run depend on
     * machine load, and starts from it ended no better on Curtois 5–12 (docs/scheduler-engine.md, "Off by default").
     */
    startMipMaxColumns: z.number().int().nonnegative().default(0),
    /** Full-MIP size (columns) up to which the exact phase runs. */
    exactMaxColumns: z.number().int().nonnegative().default(750),
    /**
     * Full-MIP size (columns) up to which, above `exactMaxColumns`, the search hands the rest of its work
     * to the full MIP under a node budget, warm-started from the best roster.
     */
    polishMaxColumns: z.number().int().nonnegative().default(1000),
    /**
     * Penalty local search as a third arm of the search, its start weight per unit of rule excess this
     * many times the default (0.5 × the largest under-cover weight); 0, the default, leaves it out. Off by
     * default: on Curtois 5–12 it was better on some instances and worse on others (docs/scheduler-engine.md,
     * "Off by default"). Never used where rotations or handover links tie rows together.
     */
    penaltySearch: z.number().nonnegative().default(0),
    /**
     * Share of the work budget for column generation over whole rows after the start (colgen.ts), where
     * rows are tied only through cover rows; 0 leaves it out.
     */
    columnGeneration: z.number().min(0).max(0.8).default(0.6),
  })
  .strict();

export type SolveOptionsInput = z.input<typeof solveOptionsSchema> & {
  progress?: Progress;
  /** A start roster; rows that break an employee rule are rebuilt, broken links repaired. */
  initial?: Assignment;
};

export type SolveStatus = 'optimal' | 'feasible' | 'timeLimit' | 'infeasible';

export interface SolveStats {
  /** Local-search moves tried, and per second of local search. */
  moves: number;
  movesPerSecond: number;
  /** LNS sub-MIPs solved, and per second of LNS. */
  lnsSteps: number;
  lnsStepsPerSecond: number;
  /** Work units spent (work.ts) and the budget. */
  work: number;
  workLimit: number;
  /** Why the search stopped: work budget, time limit, iteration limit or proof. */
  stoppedOn: 'work' | 'time' | 'iterations' | 'proof';
}

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
  stats: SolveStats;
}

const EPS = 1e-6;
/** Relative slack of a bound before it is rounded up to a whole objective (its sums carry rounding error). */
const BOUND_TOLERANCE = 1e-6;
/** Largest full model (binary columns) built at all, for its LP bound. */
const FULL_MODEL_MAX_COLUMNS = 60_000;
/** Share of the work for the start (row-by-row construction or repair). */
const CONSTRUCT_SHARE = 0.3;
/**
 * Improvement work guaranteed after the start, as a share of the budget, even when the start overran its
 * own share: on Curtois 23 (600 s) the row-by-row start used the whole budget and no move was ever tried.
 */
const IMPROVE_MIN_SHARE = 0.4;
/**
 * Share of the start's work for the greedy best-response start (greedy-start.ts) where it applies; its first
 * pass places every row whatever it costs, and the MIP rebuilds the rows it could not place.
 */
const GREEDY_SHARE = 0.8;
/**
 * Allowed cells (day × type) per employee from which the greedy start replaces the MIP's rows. Smaller rows
 * are quick MIPs, and there the MIP's start did better at 120 s (Curtois 12, 174 cells a row: 4,214 against
 * 4,336 from the greedy start; Curtois 5: 1,143 against 1,148); Curtois 13 and 19–24 have 243–6,930.
 */
const GREEDY_MIN_ROW_CELLS = 200;
/** Share of the start's work for the full MIP of a moderate model (nodes reckoned at NODE_UNITS, work.ts). */
const START_MIP_SHARE = 0.8;
/** Small models: share of the work for local search + LNS before the full MIP takes the rest of the time. */
const SMALL_SEARCH_SHARE = 0.2;
/**
 * Models polished by the full MIP: the search's share of the improvement work, and units per node (about
 * 48 ms a node on Curtois 5, 852 columns). There the search stalls at 1,240–1,345, and HiGHS from its best
 * roster reached 1,147–1,250 in 1,400–1,650 nodes, depending on where the search ended (optimum 1,143);
 * on Curtois 6 and 7 (1,280 and 1,496 columns) it gained little or nothing in 120 s, ended on the clock.
 */
const POLISH_SEARCH_SHARE = 0.3;
const POLISH_NODE_UNITS = 60_000;
/** Local search's share of the improvement work while handover links are still broken; LNS the rest. */
const LS_SHARE = 0.25;
/**
 * Afterwards the split follows each method's recent gain per work unit (a two-armed bandit), each kept at
 * least this share: local search gained most on contact-center models (60 agents: 225,495 at a fixed 25 %,
 * 218,094 at 70 %) and on Curtois too (12 at 120 s: 7,856 points by local search, 264 by LNS at half the work).
 */
const MIN_ARM_SHARE = 0.2;
/**
 * Moves in one local-search burst (one annealing run, hot to cold), per unit of the improvement budget.
 * Long anneals beat many short ones: against 400,000-move bursts, Curtois 8, 9, 10, 12 (120 s, seed 1) went
 * 1,755 → 1,369, 458 → 456, 4,861 → 4,755, 4,554 → 4,434 and the 60-agent contact center 217,095 → 213,953.
 * Curtois 6 moves in steps of one under-cover unit (100 points) with the seed, whichever the length:
 * seeds 1–4 gave 1,960, 2,246, 2,056, 2,041 with 400,000-move bursts and 2,057, 2,151, 1,961, 2,056 with these.
 */
const BURST_SHARE = 1 / 15;
/**
 * Annealing schedules (start and end temperature, in objective units) of the local-search bursts: each burst
 * takes the one with the better recent gain per work, each held to at least {@link SCHEDULE_MIN_SHARE} of
 * the local search. Why two: on Curtois 9 (cover at its floor, requests of weight 1–3 left to trade) a
 * quarter of the temperature ended at 441 and the usual one at 454, while 8, whose cover still moves in
 * 100-point steps, ended at 1,625 against 1,342 (120 s, seed 1): which one pays depends on the instance
 * and on the phase of the search.
 */
const SCHEDULES: readonly (readonly [number, number])[] = [
  [3, 0.05],
  [0.75, 0.0125],
];
const SCHEDULE_MIN_SHARE = 0.25;
/**
 * Where rows meet only in cover rows: the most work of the best responses (greedy-start.ts from the
 * search's best roster) near the end of the search, as a share of its work, and their passes at most.
 * After the search a pass still finds rows that their program improves: Curtois 20 at 120 s, 5,613 → 5,554
 * in 2 passes, 2.5 s.
 */
const RESPOND_SHARE = 0.05;
const RESPOND_PASSES = 10;
/** Weight of an arm's past gains and work at each new use of it. */
const ARM_MEMORY = 0.7;
/** Penalty local search: start weight of a rule unit (× the largest under-cover weight), move cost factor. */
const PENALTY_START = 0.5;
const PENALTY_MOVE_FACTOR = 1.5;
/** Safety margin kept from the deadline for the final evaluation. */
const MARGIN_MS = 150;
/**
 * Of column generation's work share, what the pricing rounds and the dive get (the integer master the rest).
 * The dive re-prices after each fixing, which keeps its LP near the master's (Curtois 8, seed 2: 1,306 →
 * 1,329 over 22 of 30 employees); fixed without re-pricing, the last 8 took it to 1,724. With pricing by
 * state-space relaxation (pricing.ts) rounds are cheap and the pricing needs less: 0.45 each, where 0.5 and
 * 0.3 left the dive out of work with 8–12 employees to fix (Curtois 8, seeds 1 and 2: 1,332 and 1,421 against
 * 1,311 and 1,324; seed 3 gives 1,409).
 */
const CG_PRICE_SHARE = 0.45;
const CG_DIVE_SHARE = 0.45;
/**
 * Time caps (safety) of column generation's pricing rounds, of the time left, and of its integer master, of
 * the limit. The master stops on its work first (Curtois 9 at 120 s: 14.4 M units, about 11 s); with a
 * tenth of the limit its clock often came first, and runs differed with the machine's load.
 */
const CG_TIME_SHARE = 0.55;
const CG_MASTER_TIME_SHARE = 0.2;
/**
 * Time cap (safety) of the dive, of the limit. Curtois 12 (120 s, 60 employees, 10 types) takes about 7 s a
 * fixing with its re-pricing: with 0.15 its dive ended on this clock, not on its work.
 */
const CG_DIVE_TIME_SHARE = 0.25;

function offRoster(c: Compiled): Assignment {
  return Array.from({ length: c.E }, () => new Array<number>(c.D).fill(OFF));
}

/** A judged roster: hard violations other than links, broken links, objective — compared in that order. */
interface Judged {
  roster: Assignment;
  ev: Evaluation;
  rules: number;
  broken: number;
}

function judge(model: RosterModel, roster: Assignment): Judged {
  const ev = evaluate(model, roster);
  const broken = ev.violations.filter((v) => v.rule === 'link').length;
  return { roster, ev, rules: ev.violations.length - broken, broken };
}

function better(a: Judged, b: Judged | undefined): boolean {
  if (!b) return true;
  if (a.rules !== b.rules) return a.rules < b.rules;
  if (a.broken !== b.broken) return a.broken < b.broken;
  return a.ev.objective < b.ev.objective - EPS;
}

export async function solve(model: RosterModel, input: SolveOptionsInput = {}): Promise<SolveResult> {
  const { progress = silentProgress, initial, ...rest } = input;
  const options = parseInput(solveOptionsSchema, rest, 'solve options');
  const deadline = deadlineIn(options.timeLimitSeconds);
  const stopAt = deadline.endsAt - MARGIN_MS;
  const remaining = () => Math.max(0, stopAt - Date.now()) / 1000;
  const random = createRandom(options.seed);
  const c = compile(model);
  const unitsPerMove = moveUnits(c.coverOfCell);
  const linkPenalty = linkWeight(c);
  const stage = 'roster';
  const workLimit = options.workLimit ?? defaultWorkLimit(options.timeLimitSeconds);
  const stats: SolveStats = {
    moves: 0,
    movesPerSecond: 0,
    lnsSteps: 0,
    lnsStepsPerSecond: 0,
    work: 0,
    workLimit,
    stoppedOn: 'work',
  };
  let lsMs = 0;
  let lnsMs = 0;

  let best: Judged | undefined; // best with every hard rule held
  let current: Judged | undefined; // the search's incumbent (may still break links)
  let lowerBound = Number.NEGATIVE_INFINITY;
  let provenOptimal = false;
  let provenInfeasible = false;
  let cgTimedOut = false;
  /**
   * The greedy start priced some row narrowed (the exact program outgrew its limits): column generation is
   * left out, since its pricing would be narrowed too, without a bound and slow. Curtois 13 and 22 at 600 s:
   * 16 and 17 rounds, the LP still falling, an integer master no better than the start, and the search left
   * with 40 % of the work; on 24 (240 s) a round of pricing MIPs took half the run and finished none.
   */
  let startNarrowed = false;
  /** The best roster meets the bound: nothing left to find. */
  const checkProof = () => {
    if (best && best.ev.objective <= lowerBound + EPS) provenOptimal = true;
  };
  /**
   * Where no shift has a negative cost every term of the objective is ≥ 0, so 0 is a bound too: column
   * generation far from convergence gives a valid but negative one (Curtois 12 at 120 s: −5,504).
   */
  const floor = c.cost.every((x) => x >= 0) ? 0 : Number.NEGATIVE_INFINITY;
  /** A valid lower bound; whole objectives round it up (Curtois 4: 1715.8 proves 1716). */
  const raiseBound = (bound: number) => {
    const rounded = c.integral ? Math.ceil(bound - BOUND_TOLERANCE * Math.max(1, Math.abs(bound))) : bound;
    lowerBound = Math.max(lowerBound, rounded, floor);
    checkProof();
  };
  const offer = (roster: Assignment): boolean => {
    const j = judge(model, roster);
    let improved = false;
    if (better(j, current)) {
      current = j;
      improved = true;
    }
    if (j.rules === 0 && j.broken === 0 && better(j, best)) {
      best = j;
      checkProof();
    }
    return improved;
  };
  const report = () =>
    progress.update(
      stage,
      Math.min(1, Math.max(stats.work / workLimit, deadline.elapsedMs() / (options.timeLimitSeconds * 1000))),
      `best ${best ? best.ev.objective : '—'}, bound ${Number.isFinite(lowerBound) ? lowerBound.toFixed(1) : '—'}, step ${stats.lnsSteps}`,
    );
  const timeUp = () => Date.now() >= stopAt;

  let allowedCells = 0;
  for (let k = 0; k < c.allowed.length; k++) allowedCells += c.allowed[k]!;
  // The whole model as one MIP only when it is of a size HiGHS-Wasm handles (bound, exact phase).
  let full: SubMip | undefined;
  if (allowedCells <= FULL_MODEL_MAX_COLUMNS || options.backend === 'mip') {
    full = buildMip(
      c,
      offRoster(c),
      freeMask(
        c,
        Array.from({ length: c.E }, (_, e) => e),
      ),
    );
  }
  const smallEnough = full !== undefined && full.lp.numCols <= options.exactMaxColumns;
  const polish = full !== undefined && !smallEnough && full.lp.numCols <= options.polishMaxColumns;

  /** The full MIP; its work is charged at most `maxUnits` (a node-budgeted run is charged its budget). */
  const fullMip = async (seconds: number, maxNodes?: number, maxUnits = Number.POSITIVE_INFINITY) => {
    if (!full || seconds <= 0.05) return;
    const start = best ? full.start(best.roster) : undefined;
    const run = await runHighs(full.lp, {
      timeLimitSeconds: seconds,
      seed: options.seed,
      ...(start ? { start } : {}),
      ...(maxNodes === undefined ? {} : { maxNodes }),
    });
    stats.work += Math.min(maxUnits, mipUnits(full.lp, run));
    if (run.status === 'infeasible') provenInfeasible = true;
    raiseBound(run.bound);
    if (run.colValue) offer(full.decode(run.colValue));
    if (run.status === 'optimal' && best && best.ev.objective <= run.objective + EPS) provenOptimal = true;
  };

  if (options.backend === 'mip') {
    if (initial && validShape(c, initial)) offer(initial.map((r) => r.slice()));
    await fullMip(remaining());
  } else {
    // Bound first (cheap): the LP relaxation, for models where the exact phase will not run.
    if (full && !smallEnough) {
      const relax = await runHighs(full.lp, { timeLimitSeconds: Math.min(5, remaining() / 10), relax: true });
      if (relax.status === 'optimal') raiseBound(relax.objective);
    }
    await construct(initial && validShape(c, initial) ? initial.map((r) => r.slice()) : offRoster(c));
    report();
    if (options.columnGeneration > 0 && columnGenerationApplies(c) && current?.rules === 0 && !startNarrowed) {
      await priceAndBranch(current.roster);
    }
    const searchWork = Math.max(workLimit - stats.work, workLimit * IMPROVE_MIN_SHARE);
    await improve(
      smallEnough ? workLimit * SMALL_SEARCH_SHARE : polish ? searchWork * POLISH_SEARCH_SHARE : searchWork,
    );
    if (smallEnough && !provenOptimal && !timeUp()) {
      await fullMip(remaining());
      if (provenOptimal) stats.stoppedOn = 'proof';
    } else if (polish && best && !provenOptimal && !timeUp()) {
      // The rest of the work as a node budget, so the run still ends on work, not on the clock.
      const nodes = Math.max(1, Math.round((workLimit - stats.work) / POLISH_NODE_UNITS));
      await fullMip(remaining(), nodes, nodes * POLISH_NODE_UNITS);
      if (provenOptimal) stats.stoppedOn = 'proof';
    }
  }
  if (timeUp() || (cgTimedOut && !provenOptimal)) stats.stoppedOn = provenOptimal ? 'proof' : 'time';
  else if (provenOptimal) stats.stoppedOn = 'proof';
  stats.movesPerSecond = lsMs > 0 ? Math.round(stats.moves / (lsMs / 1000)) : 0;
  stats.lnsStepsPerSecond = lnsMs > 0 ? Math.round((stats.lnsSteps / (lnsMs / 1000)) * 10) / 10 : 0;

  progress.done(stage, best ? `objective ${best.ev.objective}` : 'no feasible roster');
  const seconds = deadline.elapsedMs() / 1000;
  const iterations = stats.lnsSteps;
  if (!best) {
    const shown = current ?? judge(model, offRoster(c));
    return {
      status: provenInfeasible ? 'infeasible' : 'timeLimit',
      objective: Number.POSITIVE_INFINITY,
      lowerBound,
      gap: Number.POSITIVE_INFINITY,
      assignment: shown.roster,
      components: shown.ev.components,
      violations: shown.ev.violations,
      iterations,
      seconds,
      stats,
    };
  }
  const objective = best.ev.objective;
  if (provenOptimal) lowerBound = objective;
  lowerBound = Math.min(lowerBound, objective);
  const gap = Number.isFinite(lowerBound)
    ? (objective - lowerBound) / Math.max(1, Math.abs(objective))
    : Number.POSITIVE_INFINITY;
  return {
    status: provenOptimal || gap <= EPS ? 'optimal' : stats.stoppedOn === 'time' ? 'timeLimit' : 'feasible',
    objective,
    lowerBound,
    gap: Math.max(0, gap),
    assignment: best.roster,
    components: best.ev.components,
    violations: [],
    iterations,
    seconds,
    stats,
  };

  /**
   * The start: keep every row of `start` that holds its employee's rules, rebuild the others one at a
   * time (a cyclic group together), each an exact MIP against the rows already there, links soft — or,
   * where rows meet only in cover rows, by the greedy best responses of greedy-start.ts, the MIP taking
   * only the rows the pricing program could not place. Small models first try the full MIP for a short while.
   */
  async function construct(start: Assignment): Promise<void> {
    const budget = workLimit * CONSTRUCT_SHARE;
    if (smallEnough && !initial) {
      await fullMip(Math.min(remaining() * 0.3, Math.max(1, options.timeLimitSeconds * 0.1)));
      if (best) return;
    }
    if (full && full.lp.numCols <= options.startMipMaxColumns && !initial) {
      // Moderate models: HiGHS on the whole model for a node budget gives a strong start to polish.
      const nodes = Math.max(1, Math.round((budget * START_MIP_SHARE) / NODE_UNITS));
      await fullMip(remaining() * 0.35, nodes, nodes * NODE_UNITS);
      if (best) return;
    }
    const roster = start;
    const rules = new RowRules(c, roster);
    const bad = (e: number) => {
      for (let d = 0; d < c.D; d++) {
        const t = roster[e]![d]!;
        if (t !== OFF && !c.allowed[(e * c.D + d) * c.T + t]) return true;
      }
      return !rules.rowOkFull(e);
    };
    const badGroup = (members: number[], weeks: number) => {
      const L = 7 * weeks;
      const lead = roster[members[0]!]!;
      return members.some((m, k) => roster[m]!.some((t, d) => t !== lead[(d + 7 * k) % L]));
    };
    let todo: number[][] = [];
    const done = new Set<number>();
    for (let e = 0; e < c.E; e++) {
      if (done.has(e)) continue;
      const group = [...closeGroups(c, new Set([e]))];
      for (const m of group) done.add(m);
      const g = c.groupOf[e]!;
      if (group.some(bad) || (g >= 0 && badGroup(group, c.groups[g]!.weeks))) todo.push(group);
    }
    const startWork = stats.work;
    if (columnGenerationApplies(c) && todo.length > 0 && allowedCells >= GREEDY_MIN_ROW_CELLS * c.E) {
      // Rows meet only in cover rows (one employee a group): the pricing program places them by greedy best
      // responses, in a fraction of the MIP's time (Curtois 24: 0.7–1.5 s a row); the MIP takes the rest.
      const greedy = greedyStart(c, roster, todo.flat(), { maxUnits: budget * GREEDY_SHARE, stopAt });
      stats.work += greedy.work;
      startNarrowed = greedy.narrowed;
      const left = new Set(greedy.unplaced);
      for (const e of todo.flat()) if (!left.has(e)) roster[e] = greedy.roster[e]!;
      todo = todo.filter((group) => group.some((m) => left.has(m)));
      progress.update(
        stage,
        undefined,
        `start: ${greedy.passes} best-response passes, ${left.size} rows left to the MIP`,
      );
    }
    for (const [i, group] of todo.entries()) {
      if (timeUp()) break;
      const sub = buildMip(c, roster, freeMask(c, group), { linkPenalty });
      // The construction budget shared by the rows still to place, in nodes; time only as a safety stop.
      const left = todo.length - i;
      const share = Math.max(20_000, (budget - (stats.work - startWork)) / left);
      const maxNodes = Math.max(1, Math.min(500, Math.floor(share / 3000)));
      const timeLimitSeconds = Math.min(remaining(), Math.max(0.2, (remaining() * 0.5) / left));
      let run = await runHighs(sub.lp, {
        timeLimitSeconds,
        seed: options.seed,
        relativeGap: 0.01,
        maxNodes,
        subproblem: true,
      });
      stats.work += mipUnits(sub.lp, run);
      if (!run.colValue && run.status !== 'infeasible' && !timeUp()) {
        // No row found within the budget: settle for any row that keeps the rules (zero objective).
        sub.lp.colCost.fill(0);
        run = await runHighs(sub.lp, { timeLimitSeconds: remaining(), seed: options.seed, maxNodes: 10 * maxNodes });
        stats.work += mipUnits(sub.lp, run);
      }
      if (!run.colValue) continue; // the evaluator will say which rule fails
      const next = sub.decode(run.colValue);
      for (const m of group) roster[m] = next[m]!;
      progress.update(stage, undefined, `start: row ${i + 1}/${todo.length} rebuilt`);
    }
    offer(roster);
  }

  /**
   * Column generation from the start's rows, then the integer master over the rows generated: its roster
   * is offered, its bound kept (valid: every pricing problem is exact).
   */
  async function priceAndBranch(start: Assignment): Promise<void> {
    const units = workLimit * options.columnGeneration;
    const run = await columnGeneration(c, start, {
      seed: options.seed,
      priceUnits: units * CG_PRICE_SHARE,
      diveUnits: units * CG_DIVE_SHARE,
      diveSeconds: CG_DIVE_TIME_SHARE * options.timeLimitSeconds,
      masterUnits: units * (1 - CG_PRICE_SHARE - CG_DIVE_SHARE),
      // Safety stops, so the search after it keeps its time where pricing is slow (Curtois 12: 60 employees).
      priceUntil: Math.min(stopAt, Date.now() + CG_TIME_SHARE * remaining() * 1000),
      masterSeconds: Math.min(remaining(), CG_MASTER_TIME_SHARE * options.timeLimitSeconds),
      stopAt,
      onRound: (r) =>
        progress.update(
          stage,
          undefined,
          `column generation round ${r.round}: LP ${r.lp.toFixed(1)}, bound ${Number.isFinite(r.bound) ? r.bound.toFixed(1) : '—'}, ${r.columns} rows`,
        ),
    });
    stats.work += run.work;
    if (run.timedOut) cgTimedOut = true;
    raiseBound(run.bound);
    if (run.roster) offer(run.roster);
    const master = run.roster ? evaluate(model, run.roster).objective : Number.NaN;
    progress.update(
      stage,
      undefined,
      `column generation: ${run.rounds} rounds, ${run.columns} rows, bound ${run.bound.toFixed(1)}, integer master ${master}`,
    );
    report();
  }

  /** Local search and LNS from the incumbent, each its share of `budget` work units. */
  async function improve(budget: number): Promise<void> {
    if (!current || current.rules > 0) return;
    // Start with neighbourhoods of a few thousand binaries at most; the size adapts from there.
    const typesPerCell = allowedCells / Math.max(1, c.E * c.D);
    const state: LnsState = {
      size: Math.max(c.D, Math.min(c.E * c.D, 4 * c.E, 2000, 4000 / Math.max(1, typesPerCell))),
      iterations: 0,
    };
    const startWork = stats.work;
    let lsWork = 0;
    let lnsWork = 0;
    const arms = { ls: { gain: 0, work: 0 }, pls: { gain: 0, work: 0 }, lns: { gain: 0, work: 0 } };
    // Penalty local search (rules broken at a price on the way) as a third arm, where it applies.
    const penalty = penaltyWeight(c) * options.penaltySearch;
    let plsWork = 0;
    const credit = (arm: Arm, gain: number, work: number) => {
      arm.gain = arm.gain * ARM_MEMORY + gain;
      arm.work = arm.work * ARM_MEMORY + work;
    };
    /** Objective gained since `before` (links mended count as no gain: the split is for the objective). */
    const gainOver = (before: Judged) =>
      current && current.broken === before.broken ? Math.max(0, before.ev.objective - current.ev.objective) : 0;
    const burst = Math.max(20_000, Math.round(budget * BURST_SHARE));
    const schedules = SCHEDULES.map(() => ({ gain: 0, work: 0, total: 0 }));
    /** The annealing schedule of the next local-search burst (index into SCHEDULES). */
    const nextSchedule = () => {
      const all = schedules.reduce((sum, s) => sum + s.total, 0);
      const starved = schedules.findIndex((s) => s.total < SCHEDULE_MIN_SHARE * all);
      if (starved >= 0) return starved;
      let pick = 0;
      schedules.forEach((s, k) => {
        if (gainRate(s) > gainRate(schedules[pick]!)) pick = k;
      });
      return pick;
    };
    /** Local search and LNS until `limit` work of the improvement budget; false when stopped before. */
    const searchUntil = async (limit: number): Promise<boolean> => {
      while (stats.work - startWork < limit) {
        if (timeUp()) return false;
        if (options.maxIterations !== undefined && stats.lnsSteps >= options.maxIterations) {
          stats.stoppedOn = 'iterations';
          return false;
        }
        if (provenOptimal) return false;
        const cur: Judged = current!;
        const total = lsWork + plsWork + lnsWork;
        let arm: 'ls' | 'pls' | 'lns';
        if (cur.broken > 0 || total === 0) arm = lsWork <= LS_SHARE * total ? 'ls' : 'lns';
        else if (lsWork < MIN_ARM_SHARE * total) arm = 'ls';
        else if (penalty > 0 && plsWork < MIN_ARM_SHARE * total) arm = 'pls';
        else if (lnsWork < MIN_ARM_SHARE * total) arm = 'lns';
        else {
          arm = gainRate(arms.ls) >= gainRate(arms.lns) ? 'ls' : 'lns';
          if (penalty > 0 && gainRate(arms.pls) > gainRate(arms[arm])) arm = 'pls';
        }
        if (arm !== 'lns') {
          const t0 = Date.now();
          // The last burst is cut to the work left, so a long anneal does not overrun the budget.
          const moveCost = unitsPerMove * (arm === 'pls' ? PENALTY_MOVE_FACTOR : 1);
          const left = limit - (stats.work - startWork);
          const schedule = arm === 'ls' ? nextSchedule() : 0;
          const ls = localSearch(c, cur.roster, random, {
            moves: Math.max(1000, Math.min(burst, Math.ceil(left / moveCost))),
            stopAt,
            temperature: SCHEDULES[schedule]!,
            ...(arm === 'pls' ? { penalty } : {}),
          });
          lsMs += Date.now() - t0;
          const units = ls.moves * moveCost;
          stats.moves += ls.moves;
          stats.work += units;
          if (arm === 'pls') plsWork += units;
          else lsWork += units;
          if ((ls.brokenLinks < cur.broken || ls.delta < -EPS) && offer(ls.best)) report();
          credit(arms[arm], gainOver(cur), units);
          if (arm === 'ls') {
            credit(schedules[schedule]!, gainOver(cur), units);
            schedules[schedule]!.total += units;
          }
          continue;
        }
        const t0 = Date.now();
        const step = await lnsStep(c, cur.roster, cur.broken > 0, state, random, {
          seed: options.seed,
          timeLimitSeconds: remaining(),
          linkPenalty,
        });
        lnsMs += Date.now() - t0;
        stats.lnsSteps++;
        stats.work += step.units;
        lnsWork += step.units;
        const improved = step.roster !== undefined && step.improved && offer(step.roster);
        credit(arms.lns, gainOver(cur), step.units);
        if (step.roster) {
          if (improved) {
            report();
            continue;
          }
          // A sideways step (same objective, different roster) keeps the search moving.
          if (!step.improved) current = { ...cur, roster: step.roster };
        }
        if (stats.lnsSteps % 10 === 0) report();
      }
      return true;
    };
    // Where rows meet only in cover rows, best responses take over near the end (RESPOND_SHARE), and the
    // work they leave goes back to the search.
    const responds = columnGenerationApplies(c);
    if (!(await searchUntil(responds ? budget * (1 - RESPOND_SHARE) : budget)) || !responds) return;
    if (best && !provenOptimal && !timeUp()) {
      // Each row of the best roster re-chosen by its program against all the others, while a pass gains.
      const respond = greedyStart(
        c,
        best.roster,
        shuffled(
          random,
          Array.from({ length: c.E }, (_, e) => e),
        ),
        { maxUnits: budget * RESPOND_SHARE, stopAt, fromStart: true, maxPasses: RESPOND_PASSES },
      );
      stats.work += respond.work;
      if (offer(respond.roster)) report();
    }
    await searchUntil(budget);
  }
}

interface Arm {
  gain: number;
  work: number;
}

const gainRate = (arm: Arm) => (arm.work > 0 ? arm.gain / arm.work : Number.POSITIVE_INFINITY);

/** A broken link costs more than any objective change a single neighbourhood could make up for. */
function linkWeight(c: Compiled): number {
  let max = 1;
  for (const row of c.cover) max = Math.max(max, row.underWeight, row.overWeight);
  for (const list of c.requests) for (const r of list) max = Math.max(max, r.weight);
  for (let k = 0; k < c.cost.length; k++) max = Math.max(max, Math.abs(c.cost[k]!));
  return 1000 * max;
}

/**
 * Start weight of a unit of rule excess in penalty local search; 0 (no penalty arm) where rotations or
 * links tie rows together, whose bookkeeping the penalty moves do not cover.
 */
function penaltyWeight(c: Compiled): number {
  if (c.groups.length > 0 || (c.model.links ?? []).length > 0) return 0;
  let max = 1;
  for (const row of c.cover) max = Math.max(max, row.underWeight);
  return PENALTY_START * max;
}

function validShape(c: Compiled, a: Assignment): boolean {
  return (
    a.length === c.E &&
    a.every((row) => row.length === c.D && row.every((t) => Number.isInteger(t) && t >= OFF && t < c.T))
  );
}
