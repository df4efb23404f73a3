/**
 * Exact pricing for column generation by dynamic programming over one employee's days: the cheapest
 * legal row at given cover-row prices, every one of the employee's rules in the state (last type, run
 * length, shifts per type, workload minutes and shifts, weekends worked, nights in the sliding window,
 * fairness counts). Labels with equal state merge to the cheapest, so the optimum is exact.
 *
 * Why. The same problem as one employee's compact MIP, which HiGHS-Wasm solves in 160–225 ms (Curtois 8);
 * the states of a Curtois row number a few thousand per day, so the program takes a few milliseconds and
 * column generation converges within the time limit.
 *
 * Where it does not apply (weekly rest windows, successions across more than one day, workload minutes
 * that are not whole, or a state space whose key does not fit a double), {@link rowPricer} returns
 * undefined and the caller keeps the MIP; where the states or steps outgrow `limits`, `price` says so.
 */
import { type Compiled, successionBans } from './compile.js';
import { OFF } from './model.js';

export type Priced =
  | {
      found: true;
      row: number[];
      /** rowCost(row) − Σ over its cells of the prices of the cover rows counting them. */
      value: number;
      /** Other legal rows, cheapest first (at most {@link RUNNERS_UP}), each with its value. */
      others: { row: number[]; value: number }[];
      /** The work done: transitions tried, plus dominance checks at their share of a transition. */
      steps: number;
    }
  | { found: false; reason: 'none' | 'tooLarge'; steps: number };

export interface RowPricer {
  /**
   * The cheapest legal row at `coverPrices` (by cover row); `none` when no row is legal. `upper` is a legal
   * row known with its value at these prices: labels that cannot beat it are cut, and it is the answer when
   * nothing does. With `beam`, at most that many labels per key are kept (the cheapest): a fast heuristic
   * whose row is legal but not always the cheapest. `narrow` caps the labels per day and the steps of this
   * call (see {@link Narrowing}).
   */
  price(
    coverPrices: ArrayLike<number>,
    upper?: { row: readonly number[]; value: number },
    beam?: number,
    narrow?: Narrowing,
  ): Priced;
}

export interface Narrowing {
  /**
   * Labels kept per day at most, the cheapest by cost plus completion bound: where the key holds the
   * workload minutes (Curtois 22–24: 364 days, 937 minute units), a beam per key alone still leaves
   * hundreds of millions of steps per row.
   */
  width?: number;
  /** Steps at most in this call instead of the pricer's limit ('tooLarge' beyond). */
  maxSteps?: number;
}

export interface PricerLimits {
  /** States kept on one day at most. */
  maxStates: number;
  /** Steps (transitions and their share of dominance checks) at most, about 0.3 µs each. */
  maxSteps: number;
  /**
   * Most steps of the completion bound's table with the main window's minutes in it; beyond, the minutes
   * get a table of their own (and the run rules one without them). Default {@link COMPLETION_CELLS}.
   */
  completionCells?: number;
}

/** Beyond these the MIP is the better tool (Curtois 13: 18 types over 28 days outgrow them). */
const LIMITS: PricerLimits = { maxStates: 50_000, maxSteps: 1_000_000 };
/** A dominance check costs about a twentieth of a transition (0.02 against 0.3–0.4 µs on Curtois 8). */
const COMPARISON_STEPS = 0.05;
/** Most steps of the completion bound's table with the main window's minutes in it. */
const COMPLETION_CELLS = 3_000_000;
/** Rows besides the cheapest that a pricing returns. */
const RUNNERS_UP = 4;
/** Labels per key of the narrow pass an exact pricing starts with. */
const PRE_BEAM = 2;
const EPS = 1e-9;
/**
 * Narrowed pricing where the program outgrows its limits (greedy-start.ts, colgen.ts): labels per key, and
 * per day with a step limit of its own. Curtois 24 (364 days, 32 types): about 1 M steps a row, its first
 * rows within 2–3 % of the per-key beam's without the width (300 M steps).
 */
export const NARROW_BEAM = 2;
export const NARROW: Readonly<Required<Narrowing>> = { width: 30, maxSteps: 50_000_000 };
/** Narrowed pricing: days of work a label may be behind an even pace toward its workload minimum. */
const PACE_SLACK_DAYS = 28;

interface Window {
  from: number;
  to: number;
  /** Minutes tracked in units of `unit`: cap (max, or min when only a min binds), −1 = not tracked. */
  cap: number;
  min: number;
  max: number;
  /** Most units any day of the window can add, from day d on: suffix sums for the min check. */
  reach: Float64Array;
  maxShifts: number;
  trackShifts: boolean;
}

/**
 * The pricer of employee e, or undefined where its rules are outside the program's reach.
 *
 * Its maxima of shifts per type start outside the state (decremental state-space relaxation, Righini and
 * Salani): a row that breaks one puts that type's count into the state and the program runs again, so the
 * answer is still exact — the cheapest row of a relaxation that keeps every rule is the cheapest legal
 * row. Why: each count is a resource on which labels of one key are compared, and counts up to 14 of two
 * types (Curtois 8) made an exact pricing of some employees 1–5 M steps, over the limit for 4 of 30 (priced
 * by the MIP then, 0.4–1.3 s each and often not optimal), where most of those maxima never bind at the
 * optimum: a round of the 30 took 1.6–4.8 s with every maximum in the state and 0.14–0.24 s with the
 * maxima of 8 or more left out, whose LP still came to 1,298 (optimum 1,300).
 */
export function rowPricer(c: Compiled, e: number, limits: PricerLimits = LIMITS): RowPricer | undefined {
  const { T, model } = c;
  const typeIndex = new Map(model.shiftTypes.map((s, i) => [s.id, i]));
  const maxOfType = new Array<number>(T).fill(Number.POSITIVE_INFINITY);
  for (const [id, max] of Object.entries(model.employees[e]!.maxShiftsPerType ?? {})) {
    maxOfType[typeIndex.get(id)!] = max;
  }
  const tracked = new Uint8Array(T);
  const first = rowProgram(c, e, limits, maxOfType, tracked);
  if (!first) return undefined;
  let program: RowPricer = first;
  /** The types whose maximum `row` breaks. */
  const broken = (row: readonly number[]) => {
    const count = new Array<number>(T).fill(0);
    for (const t of row) if (t !== OFF) count[t]!++;
    return count.flatMap((n, t) => (n > maxOfType[t]! ? [t] : []));
  };
  return {
    price(coverPrices, upper, beam, narrow) {
      let steps = 0;
      for (;;) {
        const result = program.price(coverPrices, upper, beam, narrow);
        steps += result.steps;
        if (!result.found) return { ...result, steps };
        const over = broken(result.row);
        if (over.length === 0) {
          return { ...result, others: result.others.filter((o) => broken(o.row).length === 0), steps };
        }
        // Tracked from now on, for this employee's later prices too: a maximum that bound once tends to again.
        for (const t of over) tracked[t] = 1;
        // Whether the program applies does not depend on what its state tracks: defined as the first was.
        program = rowProgram(c, e, limits, maxOfType, tracked)!;
      }
    },
  };
}

/**
 * The labelling program of employee e with the maxima (`maxOfType`, by type index) of `tracked` types in its
 * state (the others relaxed), or undefined where its rules are outside the program's reach.
 * State layout (Int32 fields): last (type, or T for a day off), run (shifts or days off in a row),
 * exempt (the work run touches day 0), per tracked type its count, per window its minute units and
 * shifts, weekends worked and the mask of the weekends under way already counted, per night limit the
 * night mask of the last windowDays − 1 days, per fairness term its count (capped at the target).
 */
function rowProgram(
  c: Compiled,
  e: number,
  limits: PricerLimits,
  maxOfType: readonly number[],
  tracked: Uint8Array,
): RowPricer | undefined {
  const { D, T, model } = c;
  const emp = model.employees[e]!;
  if (emp.weeklyRest && model.timing) return undefined;
  if (c.successions.some((s) => s.gap > 1)) return undefined;
  const allowed = c.allowed.subarray(e * D * T, (e + 1) * D * T);
  const bans = successionBans(c);
  const banned = (a: number, b: number, d: number) => bans.banned(a, b, 1, d);

  // Fields are either part of a label's key (equal keys compete) or resources where less is never
  // worse (counts under a maximum): of labels with one key, those another is no worse than in cost and
  // in every resource are dropped (dominance), which keeps the exact optimum.
  const radix: number[] = [];
  const resources: number[] = [];
  const field = (size: number, resource = false) => {
    if (resource) resources.push(radix.length);
    return radix.push(size) - 1;
  };
  const maxRun = emp.maxConsecutiveShifts ?? Number.POSITIVE_INFINITY;
  const minRun = emp.minConsecutiveShifts ?? 0;
  const minOff = emp.minConsecutiveDaysOff ?? 0;
  // A run longer than every limit it meets is as good as any longer one.
  const workCap = Number.isFinite(maxRun) ? maxRun : Math.max(1, minRun);
  const LAST = field(T + 1);
  const RUN = field(Math.max(workCap, minOff) + 1);
  const EXEMPT = field(2);
  const RUNS = radix[RUN]!;
  /** Sequence states (last, run, exemption), indexed by {@link coreOf}. */
  const CORE = (T + 1) * RUNS * 2;
  const coreOf = (s: Int32Array) => (s[LAST]! * RUNS + s[RUN]!) * 2 + s[EXEMPT]!;
  /** Sets the sequence fields of `s` to core state k (the inverse of {@link coreOf}); returns s. */
  const fromCore = (s: Int32Array, k: number) => {
    s[LAST] = Math.floor(k / (2 * RUNS));
    s[RUN] = Math.floor(k / 2) % RUNS;
    s[EXEMPT] = k % 2;
    return s;
  };

  const allowedDays = (t: number) => {
    let n = 0;
    for (let d = 0; d < D; d++) n += allowed[d * T + t]!;
    return n;
  };
  const typeField = new Int32Array(T).fill(-1);
  const typeMax = new Int32Array(T);
  for (let t = 0; t < T; t++) {
    const max = maxOfType[t]!;
    if (!tracked[t] || max >= allowedDays(t)) continue;
    typeField[t] = field(max + 1, true);
    typeMax[t] = max;
  }

  // Workload minutes in whole units (the gcd of the shift minutes the window can see).
  let unit = 0;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  for (let k = 0; k < D * T; k++) {
    if (!allowed[k]) continue;
    const m = c.minutes[k]!;
    if (Math.abs(m - Math.round(m)) > EPS) return undefined;
    unit = gcd(Math.round(m), unit);
  }
  unit = Math.max(1, unit);
  const units = (d: number, t: number) => Math.round(c.minutes[d * T + t]! / unit);
  const dayMostUnits = Array.from({ length: D }, (_, d) => {
    let best = 0;
    for (let t = 0; t < T; t++) if (allowed[d * T + t]) best = Math.max(best, units(d, t));
    return best;
  });
  const windows: (Window & { minutesField: number; shiftsField: number })[] = [];
  for (const w of emp.workload) {
    const from = Math.max(0, w.fromDay);
    const to = Math.min(D, w.toDay);
    const reach = new Float64Array(D + 1);
    let total = 0;
    for (let d = to - 1; d >= from; d--) {
      total += dayMostUnits[d]!;
      reach[d] = total;
    }
    const min = w.minMinutes === undefined ? 0 : Math.ceil(w.minMinutes / unit - EPS);
    const max = w.maxMinutes === undefined ? Number.POSITIVE_INFINITY : Math.floor(w.maxMinutes / unit + EPS);
    // A window no row can break costs nothing to drop (its minimum is kept by the check at its end).
    const bindsMax = max < total;
    const cap = bindsMax ? max : min > 0 ? min : -1;
    const trackShifts = w.maxShifts !== undefined && w.maxShifts < to - from;
    if (to <= from) {
      if (min > 0) return { price: () => ({ found: false, reason: 'none', steps: 0 }) };
      continue;
    }
    windows.push({
      from,
      to,
      cap,
      min,
      max,
      reach,
      maxShifts: w.maxShifts ?? 0,
      trackShifts,
      minutesField: cap >= 0 ? field(cap + 1, min === 0) : -1,
      shiftsField: trackShifts ? field(w.maxShifts! + 1, true) : -1,
    });
  }

  // The completion bound keeps the minutes of the longest window with tracked minutes (Curtois: the horizon).
  let main: (typeof windows)[number] | undefined;
  for (const w of windows) if (w.minutesField >= 0 && (!main || w.to - w.from > main.to - main.from)) main = w;
  // …while its table stays small next to the labelling (Curtois 24: 364 days, 32 types would not).
  // Otherwise a table of that window's minutes alone, without the run rules: it still tells a label that
  // spent its minutes early what the rest of the horizon can no longer earn (ranks labels for `width`).
  let minutesOnly: (typeof windows)[number] | undefined;
  if (main && D * CORE * (main.cap + 1) * (T + 1) > (limits.completionCells ?? COMPLETION_CELLS)) {
    minutesOnly = main;
    main = undefined;
  }
  const U = main ? main.cap + 1 : 1;
  const UM = minutesOnly ? minutesOnly.cap + 1 : 0;
  /**
   * Most minute units of the `minutesOnly` window from each day and sequence state to its end, under the
   * run and succession rules (price-free: built at the first pricing, whose steps it adds to). Labels that
   * can no longer reach the window's minimum die at once instead of at its end, where a narrowed search
   * would be left with none (Curtois 24, 100 labels a day: its first rows all ended so without it).
   */
  let reachBySequence: Float64Array | undefined;
  /** Days of the `minutesOnly` window before day d on which some type is allowed (the pace's clock). */
  const openDays = new Float64Array(D + 1);
  for (let d = 0; d < D; d++) {
    const open = minutesOnly && d >= minutesOnly.from && d < minutesOnly.to && dayMostUnits[d]! > 0;
    openDays[d + 1] = openDays[d]! + (open ? 1 : 0);
  }
  /** The same with every weekend day off: for labels that have worked all the weekends they may. */
  let reachOffWeekends: Float64Array | undefined;

  // Weekends: worked when any of its days is; those under way on a day form the mask's bits.
  const weekendsOfDay: number[][] = Array.from({ length: D }, () => []);
  const weekendDayOf: Set<number>[] = model.weekends.map((days) => new Set(days.filter((d) => d < D)));
  const maxWeekends = emp.maxWeekends ?? Number.POSITIVE_INFINITY;
  const trackWeekends = maxWeekends < model.weekends.length;
  let maskBits = 0;
  if (trackWeekends) {
    weekendDayOf.forEach((days, k) => {
      if (days.size === 0) return;
      const lo = Math.min(...days);
      const hi = Math.max(...days);
      for (let d = lo; d <= hi; d++) weekendsOfDay[d]!.push(k);
    });
    for (const list of weekendsOfDay) maskBits = Math.max(maskBits, list.length);
  }
  const WEEKENDS = trackWeekends ? field(maxWeekends + 1, true) : -1;
  const MASK = trackWeekends ? field(2 ** maskBits) : -1;
  /** Columns of the weekend completion table: weekends left, 0 to all of them (see `rest`). */
  const WL = trackWeekends && minutesOnly ? model.weekends.length + 1 : 0;

  const nightLimits = (emp.maxNights ?? []).map((limit) => ({
    ...limit,
    bits: Math.min(limit.windowDays, D) - 1,
    field: field(2 ** (Math.min(limit.windowDays, D) - 1)),
  }));
  const fairness = (model.fairness ?? [])
    .filter((f) => f.weight > 0)
    .map((f) => ({ ...f, cap: Math.ceil(f.target - EPS), field: -1 }));
  for (const f of fairness) f.field = field(f.cap + 1, true);

  const F = radix.length;
  const isResource = new Set(resources);
  const keyFields = radix.map((_, i) => i).filter((i) => !isResource.has(i));
  const place = new Float64Array(F);
  let keySpace = 1;
  for (const i of keyFields) {
    place[i] = keySpace;
    keySpace *= radix[i]!;
  }
  if (keySpace > 2 ** 52) return undefined;
  const keyOf = (s: Int32Array) => {
    let k = 0;
    for (const i of keyFields) k += s[i]! * place[i]!;
    return k;
  };
  /** Label a (at offset a·F of `st`) is no worse than the state `s` in every resource. */
  const noMore = (st: Int32Array, a: number, s: Int32Array) => {
    for (const i of resources) if (st[a * F + i]! > s[i]!) return false;
    return true;
  };
  const noLess = (st: Int32Array, a: number, s: Int32Array) => {
    for (const i of resources) if (st[a * F + i]! < s[i]!) return false;
    return true;
  };

  // Requests as per-cell costs on top of a constant: an on-request costs its weight unless matched.
  const requestCell = new Float64Array(D * T);
  let constant = 0;
  for (const r of c.requests[e]!) {
    if (r.on) constant += r.weight;
    for (let t = 0; t < T; t++) {
      if (r.type >= 0 && r.type !== t) continue;
      requestCell[r.day * T + t] += r.on ? -r.weight : r.weight;
    }
  }
  const isNight = c.night;
  const onWeekendDay = (d: number) => c.weekendDays.has(d);

  return {
    price(coverPrices, upper, beam, narrow = {}) {
      const cellCost = new Float64Array(D * T);
      for (let k = 0; k < D * T; k++) {
        let v = c.cost[k]! + requestCell[k]!;
        for (const r of c.coverOfCell[k]!) v -= coverPrices[r]!;
        cellCost[k] = v;
      }
      const completion = completionBounds(cellCost);
      const minutesCompletion = minutesBounds(cellCost);
      // The tables' cells are cheap steps, like dominance checks.
      let tableSteps = COMPARISON_STEPS * completion.length * (T + 1) + minutesCompletion.steps;
      if (minutesOnly && !reachBySequence) {
        reachBySequence = sequenceReach(minutesOnly, false);
        tableSteps += COMPARISON_STEPS * reachBySequence.length * (T + 1);
        if (trackWeekends) {
          reachOffWeekends = sequenceReach(minutesOnly, true);
          tableSteps += COMPARISON_STEPS * reachOffWeekends.length * (T + 1);
        }
      }
      const weekendCompletion = weekendBounds(cellCost);
      tableSteps += weekendCompletion.steps;
      const bounds = {
        completion,
        minutesCompletion: minutesCompletion.table,
        weekendCompletion: weekendCompletion.table,
      };
      const maxSteps = narrow.maxSteps ?? limits.maxSteps;
      if (beam !== undefined || narrow.width !== undefined) {
        const fast = labels(cellCost, bounds, upper, beam, narrow.width, maxSteps);
        fast.steps += tableSteps;
        return fast;
      }
      // Exact: a narrow pass first, whose row is a strong bound to cut the exact pass's labels with.
      const quick = labels(cellCost, bounds, upper, PRE_BEAM, undefined, maxSteps);
      const known = quick.found && (!upper || quick.value < upper.value) ? quick : upper;
      const result = labels(cellCost, bounds, known, undefined, undefined, maxSteps);
      result.steps += quick.steps + tableSteps;
      return result;
    },
  };

  /**
   * The labelling itself, at per-cell costs; the completion bounds with `upper` cut, `beam` (per key) and
   * `width` (per day) narrow.
   */
  function labels(
    cellCost: Float64Array,
    bounds: { completion: Float64Array; minutesCompletion: Float64Array; weekendCompletion: Float64Array },
    upper: { row: readonly number[]; value: number } | undefined,
    beam: number | undefined,
    width: number | undefined,
    maxSteps: number,
  ): Priced {
    const { completion, minutesCompletion, weekendCompletion } = bounds;
    /** A lower bound on the cost of days d + 1… from state s: the largest of the tables' bounds. */
    const rest = (d: number, s: Int32Array) => {
      const u = main ? s[main.minutesField]! : 0;
      let bound = completion[((d + 1) * CORE + coreOf(s)) * U + u]!;
      if (minutesOnly) bound = Math.max(bound, minutesCompletion[(d + 1) * UM + s[minutesOnly.minutesField]!]!);
      if (weekendCompletion.length > 0) {
        // A weekend under way already counted is free: one more weekend left bounds it from below.
        const left = maxWeekends - s[WEEKENDS]! + countedWeekendsAhead(d, s);
        bound = Math.max(bound, weekendCompletion[(d + 1) * WL + Math.min(left, WL - 1)]!);
      }
      return bound;
    };
    /** After day d, state s can no longer reach the `minutesOnly` window's minimum. */
    const shortOfMinimum = (d: number, s: Int32Array) => {
      const w = minutesOnly;
      if (!w || !reachBySequence || d < w.from || d + 1 >= w.to || w.min === 0) return false;
      // Without weekends left, only a weekend already counted may still be worked (then the looser table).
      const noWeekends = reachOffWeekends && s[WEEKENDS]! >= maxWeekends && countedWeekendsAhead(d, s) === 0;
      const reach = noWeekends ? reachOffWeekends! : reachBySequence;
      return s[w.minutesField]! + reach[(d + 1) * CORE + coreOf(s)]! < w.min;
    };
    /**
     * Narrowed labels keep pace with the `minutesOnly` window's minimum (less a slack): labels that put
     * their work off ranked cheapest while the cover rows of the middle months were met, and then could
     * not catch up under the weekend, type and run limits together (Curtois 24: 16 of 150 rows found none
     * without the pace, 1 with it).
     */
    const behindPace = (d: number, s: Int32Array) => {
      const w = minutesOnly;
      if (!w || d < w.from || d + 1 >= w.to) return false;
      return s[w.minutesField]! < (w.min * (openDays[d + 1]! - PACE_SLACK_DAYS)) / openDays[w.to]!;
    };
    /** Weekends under way on day d + 1 that state s (after day d) has counted already. */
    const countedWeekendsAhead = (d: number, s: Int32Array) => {
      if (d + 1 >= D) return 0;
      const before = weekendsOfDay[d]!;
      let n = 0;
      for (const k of weekendsOfDay[d + 1]!) {
        const bit = before.indexOf(k);
        if (bit >= 0 && ((s[MASK]! >> bit) & 1) === 1) n++;
      }
      return n;
    };
    const cutAt = upper ? upper.value - constant - EPS : Number.POSITIVE_INFINITY;
    // Labels of all days in flat stores; a day's labels are found by key while it is built.
    let states = new Int32Array(1024 * F);
    let costs = new Float64Array(1024);
    let parents = new Int32Array(1024);
    let choices = new Int8Array(1024);
    let size = 0;
    const push = (s: Int32Array, cost: number, parent: number, choice: number) => {
      if (size === costs.length) {
        const grow = <A extends Int32Array | Float64Array | Int8Array>(a: A, n: number): A => {
          const b = new (a.constructor as new (n: number) => A)(n);
          b.set(a);
          return b;
        };
        states = grow(states, costs.length * 2 * F);
        costs = grow(costs, costs.length * 2);
        parents = grow(parents, costs.length);
        choices = grow(choices, costs.length);
      }
      states.set(s, size * F);
      costs[size] = cost;
      parents[size] = parent;
      choices[size] = choice;
      return size++;
    };
    // Before day 0: off, with the off run's minimum met (runs touching the horizon are exempt).
    const s = new Int32Array(F);
    s[LAST] = T;
    s[RUN] = minOff;
    push(s, 0, -1, 0);
    let layerFrom = 0;
    let layerTo = 1;
    let steps = 0;
    let dead = new Uint8Array(1024);
    // Labels whose row so far is `upper`'s: kept through the width, so a narrowed search looks around the
    // row it is to beat (Curtois 24: without it no best response beat a row found at earlier prices).
    let onPath = new Uint8Array(1024);
    onPath[0] = upper ? 1 : 0;
    let alive = 1;
    for (let d = 0; d < D; d++) {
      const index = new Map<number, number[]>();
      const nextFrom = size;
      alive = 0;
      for (let l = layerFrom; l < layerTo; l++) {
        if (dead[l]) continue;
        for (let o = -1; o < T; o++) {
          if (o >= 0 && !allowed[d * T + o]) continue;
          steps++;
          s.set(states.subarray(l * F, l * F + F));
          let cost = costs[l]!;
          if (!step(s, d, o)) continue;
          if (o >= 0) {
            cost += cellCost[d * T + o]!;
            for (const f of fairness) {
              if (!(f.kind === 'night' ? isNight[o] : onWeekendDay(d))) continue;
              const n = s[f.field]!;
              // The count is exact below the cap; at the cap every further one is above the target.
              cost += n >= f.cap ? f.weight : f.weight * (Math.max(0, n + 1 - f.target) - Math.max(0, n - f.target));
              if (n < f.cap) s[f.field] = n + 1;
            }
          }
          if (cost + rest(d, s) >= cutAt || shortOfMinimum(d, s)) continue;
          if (width !== undefined && behindPace(d, s)) continue;
          const key = keyOf(s);
          let rivals = index.get(key);
          if (!rivals) index.set(key, (rivals = []));
          let beaten = false;
          steps += COMPARISON_STEPS * rivals.length;
          for (let k = 0; k < rivals.length; k++) {
            const r = rivals[k]!;
            if (costs[r]! <= cost + EPS && noMore(states, r, s)) {
              beaten = true;
              break;
            }
            if (cost < costs[r]! - EPS && noLess(states, r, s)) {
              dead[r] = 1;
              alive--;
              rivals[k] = rivals[rivals.length - 1]!;
              rivals.pop();
              k--;
            }
          }
          if (beaten) continue;
          if (beam !== undefined && rivals.length >= beam) {
            // The beam is full: the dearest label leaves, or the candidate does not enter.
            let worst = 0;
            for (let k = 1; k < rivals.length; k++) if (costs[rivals[k]!]! > costs[rivals[worst]!]!) worst = k;
            if (costs[rivals[worst]!]! <= cost) continue;
            dead[rivals[worst]!] = 1;
            alive--;
            rivals[worst] = rivals[rivals.length - 1]!;
            rivals.pop();
          }
          const at = push(s, cost, l, o);
          if (at >= dead.length) {
            const more = new Uint8Array(costs.length);
            more.set(dead);
            dead = more;
            const path = new Uint8Array(costs.length);
            path.set(onPath);
            onPath = path;
          }
          onPath[at] = onPath[l] === 1 && upper!.row[d] === o ? 1 : 0;
          rivals.push(at);
          alive++;
        }
      }
      if (alive > limits.maxStates || steps > maxSteps) {
        return { found: false, reason: 'tooLarge', steps };
      }
      if (width !== undefined && alive > width) {
        // Keep the `width` most promising labels, compacted in their order (none has children yet).
        const kept: number[] = [];
        for (let l = nextFrom; l < size; l++) if (!dead[l]) kept.push(l);
        const rank = new Map<number, number>();
        for (const l of kept) {
          s.set(states.subarray(l * F, l * F + F));
          rank.set(l, costs[l]! + rest(d, s));
        }
        const best = kept.slice().sort((a, b) => rank.get(a)! - rank.get(b)! || a - b);
        const keep = new Uint8Array(size - nextFrom);
        for (const l of best.slice(0, width)) keep[l - nextFrom] = 1;
        for (const l of kept) if (onPath[l]) keep[l - nextFrom] = 1;
        steps += COMPARISON_STEPS * kept.length * Math.log2(kept.length);
        let to = nextFrom;
        for (const l of kept) {
          if (!keep[l - nextFrom]) continue;
          states.copyWithin(to * F, l * F, l * F + F);
          costs[to] = costs[l]!;
          parents[to] = parents[l]!;
          choices[to] = choices[l]!;
          dead[to] = 0;
          onPath[to] = onPath[l]!;
          to++;
        }
        dead.fill(0, to, size); // the slots freed are reused by the next day's labels
        onPath.fill(0, to, size);
        size = to;
        alive = to - nextFrom;
      }
      layerFrom = nextFrom;
      layerTo = size;
    }
    let best = -1;
    for (let l = layerFrom; l < layerTo; l++) if (!dead[l] && (best < 0 || costs[l]! < costs[best]! - EPS)) best = l;
    if (best < 0) {
      return upper
        ? { found: true, row: upper.row.slice(), value: upper.value, others: [], steps }
        : { found: false, reason: 'none', steps };
    }
    const rowOf = (label: number) => {
      const row = new Array<number>(D).fill(OFF);
      for (let l = label, d = D - 1; d >= 0; d--, l = parents[l]!) row[d] = choices[l]!;
      return row;
    };
    // The next cheapest rows too (distinct final labels are distinct rows): more columns per round.
    const runnersUp: number[] = [];
    for (let l = layerFrom; l < layerTo; l++) if (!dead[l] && l !== best) runnersUp.push(l);
    runnersUp.sort((a, b) => costs[a]! - costs[b]! || a - b);
    const others = runnersUp.slice(0, RUNNERS_UP).map((l) => ({ row: rowOf(l), value: costs[l]! + constant }));
    return { found: true, row: rowOf(best), value: costs[best]! + constant, others, steps };
  }

  /** Moves state `s` over day d with choice o (−1 = off); false when a rule forbids it. */
  function step(s: Int32Array, d: number, o: number): boolean {
    if (!sequence(s, d, o)) return false;
    if (o >= 0) {
      const tf = typeField[o]!;
      if (tf >= 0) {
        if (s[tf]! + 1 > typeMax[o]!) return false;
        s[tf]!++;
      }
    }
    for (const w of windows) {
      if (d < w.from || d >= w.to) continue;
      if (w.minutesField >= 0) {
        const v = windowMinutes(w, s[w.minutesField]!, d, o);
        if (v < 0) return false;
        s[w.minutesField] = v;
      }
      if (w.shiftsField >= 0) {
        if (o >= 0 && s[w.shiftsField]! + 1 > w.maxShifts) return false;
        s[w.shiftsField] = d === w.to - 1 ? 0 : s[w.shiftsField]! + (o >= 0 ? 1 : 0);
      }
    }
    if (trackWeekends) {
      // Re-map the mask from day d − 1's weekends under way to day d's.
      const before = d > 0 ? weekendsOfDay[d - 1]! : [];
      const now = weekendsOfDay[d]!;
      let mask = 0;
      let worked = s[WEEKENDS]!;
      now.forEach((k, bit) => {
        const was = before.indexOf(k);
        let counted = was >= 0 ? (s[MASK]! >> was) & 1 : 0;
        if (counted === 0 && o >= 0 && weekendDayOf[k]!.has(d)) {
          worked++;
          counted = 1;
        }
        if (counted === 1) mask |= 1 << bit;
      });
      if (worked > maxWeekends) return false;
      s[WEEKENDS] = worked;
      s[MASK] = mask;
    }
    for (const n of nightLimits) {
      const night = o >= 0 && isNight[o] ? 1 : 0;
      const mask = s[n.field]!;
      // The window of windowDays days ending today (or the whole horizon when it is shorter).
      const checked = d >= n.windowDays - 1 || (n.windowDays > D && d === D - 1);
      if (checked && popcount(mask) + night > n.max) return false;
      s[n.field] = n.bits > 0 ? ((mask << 1) | night) & ((1 << n.bits) - 1) : 0;
    }
    return true;
  }

  /**
   * A lower bound on the cost of days d…D−1 from each sequence state (last type, run, exemption) and
   * minutes of the main window after day d − 1: those rules only, every other count relaxed (and
   * fairness, never negative).
   */
  function completionBounds(cellCost: Float64Array): Float64Array {
    const h = new Float64Array((D + 1) * CORE * U);
    const probe = new Int32Array(F);
    for (let d = D - 1; d >= 0; d--) {
      for (let k = 0; k < CORE; k++) {
        for (let u = 0; u < U; u++) {
          let best = Number.POSITIVE_INFINITY;
          for (let o = -1; o < T; o++) {
            if (o >= 0 && !allowed[d * T + o]) continue;
            if (!sequence(fromCore(probe, k), d, o)) continue;
            const next = main ? windowMinutes(main, u, d, o) : 0;
            if (next < 0) continue;
            const rest = h[((d + 1) * CORE + coreOf(probe)) * U + next]!;
            best = Math.min(best, (o >= 0 ? cellCost[d * T + o]! : 0) + rest);
          }
          h[(d * CORE + k) * U + u] = best;
        }
      }
    }
    return h;
  }

  /**
   * Most minute units of window w from each day (up to its end) and sequence state, by the run rules alone
   * (`offWeekends`: every weekend day off).
   */
  function sequenceReach(w: Window, offWeekends: boolean): Float64Array {
    const most = new Float64Array((D + 1) * CORE);
    const probe = new Int32Array(F);
    for (let d = w.to - 1; d >= w.from; d--) {
      for (let k = 0; k < CORE; k++) {
        let best = Number.NEGATIVE_INFINITY;
        for (let o = -1; o < T; o++) {
          if (o >= 0 && (!allowed[d * T + o] || (offWeekends && onWeekendDay(d)))) continue;
          if (!sequence(fromCore(probe, k), d, o)) continue;
          best = Math.max(best, (o >= 0 ? units(d, o) : 0) + most[(d + 1) * CORE + coreOf(probe)]!);
        }
        most[d * CORE + k] = best;
      }
    }
    return most;
  }

  /**
   * Where the labels are narrowed by width (long horizons): a lower bound on the cost of days d…D−1 with w
   * weekends left, that rule only — each day its cheapest type or off, each weekend not yet counted taken
   * only within the budget (the best w of them): a label that spent its weekends early no longer ranks as
   * if it could still earn the weekends ahead.
   */
  function weekendBounds(cellCost: Float64Array): { table: Float64Array; steps: number } {
    if (WL === 0) return { table: new Float64Array(0), steps: 0 };
    const h = new Float64Array((D + 1) * WL);
    const gain = (d: number) => {
      let best = 0;
      for (let t = 0; t < T; t++) if (allowed[d * T + t]) best = Math.min(best, cellCost[d * T + t]!);
      return best;
    };
    const dayGain = Float64Array.from({ length: D }, (_, d) => gain(d));
    const weekdays = new Float64Array(D + 1);
    for (let d = D - 1; d >= 0; d--) weekdays[d] = weekdays[d + 1]! + (onWeekendDay(d) ? 0 : dayGain[d]!);
    let steps = 0;
    for (let d = D; d >= 0; d--) {
      // What each weekend's days from d on can still give, best first.
      const values: number[] = [];
      for (const days of weekendDayOf) {
        let v = 0;
        for (const day of days) if (day >= d) v += dayGain[day]!;
        if (v < 0) values.push(v);
      }
      values.sort((a, b) => a - b);
      steps += COMPARISON_STEPS * (weekendDayOf.length + WL);
      let sum = weekdays[d]!;
      for (let w = 0; w < WL; w++) {
        h[d * WL + w] = sum;
        if (w < values.length) sum += values[w]!;
      }
    }
    return { table: h, steps };
  }

  /**
   * A lower bound on the cost of days d…D−1 from each count of the `minutesOnly` window's minute units
   * after day d − 1, that window's rule only (empty when there is no such window).
   */
  function minutesBounds(cellCost: Float64Array): { table: Float64Array; steps: number } {
    if (!minutesOnly) return { table: new Float64Array(0), steps: 0 };
    const h = new Float64Array((D + 1) * UM);
    let steps = 0;
    for (let d = D - 1; d >= 0; d--) {
      // Only a choice's minutes matter here: per length, its cheapest type stands for all (−1: off).
      const cheapest = new Map<number, number>();
      for (let t = 0; t < T; t++) {
        if (!allowed[d * T + t]) continue;
        const n = units(d, t);
        const o = cheapest.get(n);
        if (o === undefined || cellCost[d * T + t]! < cellCost[d * T + o]!) cheapest.set(n, t);
      }
      const options = [-1, ...cheapest.values()];
      steps += COMPARISON_STEPS * UM * options.length;
      for (let u = 0; u < UM; u++) {
        let best = Number.POSITIVE_INFINITY;
        for (const o of options) {
          const next = windowMinutes(minutesOnly, u, d, o);
          if (next < 0) continue;
          best = Math.min(best, (o >= 0 ? cellCost[d * T + o]! : 0) + h[(d + 1) * UM + next]!);
        }
        h[d * UM + u] = best;
      }
    }
    return { table: h, steps };
  }

  /**
   * Window w's minute units after day d's choice o, from v: −1 when its maximum is passed or its minimum
   * out of reach; 0 after its last day (checked there, it leaves the state).
   */
  function windowMinutes(w: Window, v: number, d: number, o: number): number {
    if (d < w.from || d >= w.to) return v;
    let x = v;
    if (o >= 0) {
      x += units(d, o);
      if (x > w.max) return -1;
      x = Math.min(x, w.cap);
    }
    if (w.min > 0 && x + w.reach[d + 1]! < w.min) return -1;
    return d === w.to - 1 ? 0 : x;
  }

  /** The sequence part of a move (last type, run, exemption): false when a run or succession rule forbids it. */
  function sequence(s: Int32Array, d: number, o: number): boolean {
    const last = s[LAST]!;
    const run = s[RUN]!;
    const wasWork = last < T;
    if (o < 0) {
      // A work run that ends here must have been long enough, unless it touches day 0.
      if (wasWork && run < minRun && s[EXEMPT] === 0) return false;
      s[LAST] = T;
      s[RUN] = wasWork ? Math.min(1, minOff) : Math.min(run + 1, minOff);
      s[EXEMPT] = 0;
    } else {
      if (wasWork) {
        if (run + 1 > maxRun || banned(last, o, d - 1)) return false;
        s[RUN] = Math.min(run + 1, workCap);
      } else {
        if (run < minOff) return false;
        s[RUN] = 1;
        // Only a minimum gives the exemption a meaning; without one it would split states for nothing.
        s[EXEMPT] = d === 0 && minRun > 1 ? 1 : 0;
      }
      s[LAST] = o;
    }
    return true;
  }
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v > 0; v &= v - 1) n++;
  return n;
}
