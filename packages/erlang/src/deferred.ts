/**
 * Deferred work (email, social, back office): items may wait up to `responseWithinMinutes`, so work
 * is carried over between intervals as a backlog and handled first-in first-out (with one common
 * deadline, FIFO is earliest-deadline-first and thus meets every deadline whenever any order does).
 *
 * Fluid model on the interval grid: items arriving in interval i can be worked from interval i on and
 * are due by the end of interval i + k − 1, k = max(1, ⌊responseWithinMinutes / intervalMinutes⌋)
 * (an item arriving at the start of i is due exactly then; later arrivals get slack). Due intervals
 * past the horizon are clipped to its last interval: the plan leaves no backlog behind.
 *
 * Sizing rule (document of record): the smallest constant work level L per interval such that FIFO
 * processing of at most L each interval meets every deadline; each interval then needs only the work it
 * actually does, min(L, backlog). This minimises the peak requirement (the work is spread into the
 * quieter intervals inside each deadline window), handles work as early as possible within that peak,
 * and keeps total agent time equal to the workload.
 */

export interface DeferredInput {
  intervalMinutes: number;
  /** Items arriving per interval. */
  volumes: ArrayLike<number>;
  /** Handle time per item, per interval (same length as volumes). */
  ahtSeconds: ArrayLike<number>;
  responseWithinMinutes: number;
  /** Share of an agent's time that goes to this work, (0, 1]; default 1. */
  maxOccupancy?: number | undefined;
}

export interface DeferredInterval {
  /** Agents whose work this interval is (productive, continuous). */
  agentsFractional: number;
  /** Work time spent this interval, in seconds. */
  workSeconds: number;
  /** Work handled this interval, in items. */
  handled: number;
  /** Items waiting at the end of the interval. */
  backlog: number;
  /** Share of this interval's arrivals handled by their deadline (1 when none arrived). */
  serviceLevel: number;
  /** Busy share of the agents' time on this work. */
  occupancy: number;
}

interface Segment {
  items: number;
  ahtSeconds: number;
  due: number;
  arrival: number;
}

/** Whole intervals an item may wait, at least one. */
export function deadlineIntervals(responseWithinMinutes: number, intervalMinutes: number): number {
  return Math.max(1, Math.floor(responseWithinMinutes / intervalMinutes + 1e-9));
}

const DONE = 1e-9;

/**
 * FIFO over the horizon with `capacitySeconds(i)` of work time per interval. Returns the work done and
 * backlog per interval and the items late per arrival interval.
 */
function runFifo(input: DeferredInput, capacitySeconds: (i: number) => number) {
  const count = input.volumes.length;
  const k = deadlineIntervals(input.responseWithinMinutes, input.intervalMinutes);
  const queue: Segment[] = [];
  let head = 0;
  const workSeconds = new Array<number>(count).fill(0);
  const handled = new Array<number>(count).fill(0);
  const backlog = new Array<number>(count).fill(0);
  const late = new Array<number>(count).fill(0);
  let waiting = 0;
  for (let i = 0; i < count; i++) {
    const items = input.volumes[i]!;
    if (items > 0) {
      queue.push({ items, ahtSeconds: input.ahtSeconds[i]!, due: Math.min(i + k - 1, count - 1), arrival: i });
      waiting += items;
    }
    let capacity = capacitySeconds(i);
    while (head < queue.length && capacity > 0) {
      const s = queue[head]!;
      // Either the segment fits in what capacity is left, or the capacity is used up: deciding this
      // explicitly (not by subtracting floats towards zero) is what guarantees the loop ends.
      const fits = s.items * s.ahtSeconds <= capacity * (1 + DONE);
      const take = fits ? s.items : capacity / s.ahtSeconds;
      capacity = fits ? capacity - take * s.ahtSeconds : 0;
      s.items = fits ? 0 : s.items - take;
      workSeconds[i]! += take * s.ahtSeconds;
      handled[i]! += take;
      waiting -= take;
      if (i > s.due) late[s.arrival]! += take;
      if (s.items <= DONE * (1 + take)) {
        waiting -= s.items;
        s.items = 0;
        head += 1;
      }
    }
    backlog[i] = Math.max(0, waiting);
  }
  for (let h = head; h < queue.length; h++) late[queue[h]!.arrival]! += queue[h]!.items;
  return { workSeconds, handled, backlog, late };
}

/**
 * The smallest level L meeting every deadline, exactly. Work-conserving processing at level L has done
 * min_m (X_m + L·(j − m)) by the end of interval j (X_m = work arrived up to interval m, X_{−1} = 0),
 * and must have done D_j, the work due by j. So L = max over m < j of (D_j − X_m)/(j − m): the steepest
 * line from an earlier point (m, X_m) to (j, D_j), found on the lower convex hull in O(T log T).
 */
export function minimumLevel(input: DeferredInput): number {
  const count = input.volumes.length;
  const k = deadlineIntervals(input.responseWithinMinutes, input.intervalMinutes);
  const arrived = new Array<number>(count + 1); // arrived[m + 1] = X_m
  arrived[0] = 0;
  for (let i = 0; i < count; i++) arrived[i + 1] = arrived[i]! + input.volumes[i]! * input.ahtSeconds[i]!;
  const hull: number[] = []; // m values, lower hull of (m, X_m)
  const x = (m: number) => arrived[m + 1]!;
  const slope = (m: number, j: number, due: number) => (due - x(m)) / (j - m);
  let level = 0;
  for (let j = 0; j < count; j++) {
    const m = j - 1;
    while (hull.length >= 2) {
      const a = hull[hull.length - 2]!;
      const b = hull[hull.length - 1]!;
      // Drop b when it is not strictly below the chord from a to m.
      if ((x(b) - x(a)) * (m - a) >= (x(m) - x(a)) * (b - a)) hull.pop();
      else break;
    }
    hull.push(m);
    const due = j === count - 1 ? x(count - 1) : j - k + 1 >= 0 ? x(j - k + 1) : 0;
    // The slope to (j, due) is unimodal along the hull: bisect for its peak.
    let lo = 0;
    let hi = hull.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (slope(hull[mid + 1]!, j, due) >= slope(hull[mid]!, j, due)) lo = mid + 1;
      else hi = mid;
    }
    level = Math.max(level, slope(hull[lo]!, j, due));
  }
  return level;
}

function summarise(input: DeferredInput, run: ReturnType<typeof runFifo>, agentSeconds: (i: number) => number) {
  const occupancyCap = input.maxOccupancy ?? 1;
  const intervalSeconds = input.intervalMinutes * 60;
  return run.workSeconds.map((work, i): DeferredInterval => {
    const arrived = input.volumes[i]!;
    const available = agentSeconds(i);
    return {
      agentsFractional: work / (intervalSeconds * occupancyCap),
      workSeconds: work,
      handled: run.handled[i]!,
      backlog: run.backlog[i]!,
      serviceLevel: arrived > 0 ? Math.max(0, 1 - run.late[i]! / arrived) : 1,
      occupancy: available > 0 ? Math.min(1, work / available) : 0,
    };
  });
}

/** Size deferred work by the minimum-peak FIFO rule above; returns per-interval requirement and backlog. */
export function planDeferred(input: DeferredInput): DeferredInterval[] {
  // A hair above the exact level so rounding never leaves a sliver of work past its deadline.
  const level = minimumLevel(input) * (1 + 1e-12);
  const run = runFifo(input, () => level);
  return summarise(input, run, (i) => run.workSeconds[i]! / (input.maxOccupancy ?? 1));
}

/** Evaluate given productive agents per interval: FIFO at their capacity, with backlog and on-time shares. */
export function evaluateDeferred(input: DeferredInput, agents: ArrayLike<number>): DeferredInterval[] {
  const secondsPerAgent = input.intervalMinutes * 60 * (input.maxOccupancy ?? 1);
  const run = runFifo(input, (i) => agents[i]! * secondsPerAgent);
  return summarise(input, run, (i) => agents[i]! * input.intervalMinutes * 60);
}
