/**
 * Searches over the number of agents. Each probe of a staffing model costs microseconds, so these
 * interpolate (secant steps on a nearly linear miss) and fall back to bisection, to probe few times.
 */

/** A decreasing miss function: ≤ 0 where every target holds. */
export type Miss = (agents: number) => number;

/**
 * Smallest integer n ≥ `min` with miss(n) ≤ 0, for a decreasing miss: secant steps from `guess` to a
 * bracket, then secant-guided bisection. `probed` receives every value computed (for interpolation).
 */
export function smallestInteger(miss: Miss, guess: number, min: number, probed?: Map<number, number>): number {
  const seen = probed ?? new Map<number, number>();
  const at = (n: number) => {
    let v = seen.get(n);
    if (v === undefined) {
      v = miss(n);
      seen.set(n, v);
    }
    return v;
  };
  let lo = min - 1; // largest failing (min − 1: nothing below min is allowed)
  let hi = Number.POSITIVE_INFINITY; // smallest passing
  let previous: [number, number] | undefined;
  let n = Math.max(min, Math.round(guess));
  let step = 1;
  while (!Number.isFinite(hi)) {
    const v = at(n);
    if (v <= 0) {
      hi = n;
      break;
    }
    lo = n;
    let next = n + step;
    if (previous && Number.isFinite(v) && Number.isFinite(previous[1]) && previous[1] > v) {
      // Secant extrapolation to the zero, at least one step on and at most double the last one.
      const root = n + (v * (n - previous[0])) / (previous[1] - v);
      next = Math.min(n + 2 * step, Math.max(n + 1, Math.ceil(root)));
    }
    step = Math.max(1, next - n);
    previous = [n, v];
    n = next;
    if (n > 2 ** 40) throw new RangeError('no staffing level meets the targets');
  }
  // Walk down when the first probe already passed: secant steps on the (negative) miss of the last two
  // passing probes (an overshoot only brackets the answer sooner); doubling while there is no usable slope.
  let jump = 0;
  let above: [number, number] | undefined; // the passing probe before hi
  while (lo === min - 1 && hi > min) {
    const vh = seen.get(hi)!;
    let next = Math.max(1, 2 * jump);
    if (above && Number.isFinite(vh) && Number.isFinite(above[1]) && vh > above[1]) {
      const root = hi - (vh * (hi - above[0])) / (vh - above[1]); // ≤ hi: vh ≤ 0 and the miss falls with n
      next = Math.max(1, Math.ceil(hi - root));
    }
    const below = Math.max(min, hi - next);
    if (at(below) <= 0) {
      above = [hi, vh];
      jump = hi - below;
      hi = below;
    } else {
      lo = below;
    }
  }
  while (hi - lo > 1) {
    const vl = seen.get(lo);
    const vh = seen.get(hi)!;
    let mid = Math.floor((lo + hi) / 2);
    if (vl !== undefined && Number.isFinite(vl) && Number.isFinite(vh) && vl > vh) {
      const root = lo + (vl * (hi - lo)) / (vl - vh);
      mid = Math.min(hi - 1, Math.max(lo + 1, Math.ceil(root)));
    }
    if (at(mid) <= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The tolerance sizing asks of {@link continuousThreshold}: ten times inside the 1e-6 agents promised. */
export const THRESHOLD_TOLERANCE = 1e-7;

/**
 * The continuous requirement: x in (lo, hi] where a decreasing continuous miss crosses zero, given
 * miss(lo) > 0 ≥ miss(hi). Inverse quadratic interpolation through the last three points (secant with
 * two), always inside the bracket; bisection while a value is not finite or one side keeps moving.
 * Stops when the bracket, the last step or the zero predicted by the local slope is within `tolerance`.
 */
export function continuousThreshold(
  lo: number,
  hi: number,
  miss: Miss,
  missLo: number,
  missHi: number,
  tolerance = 1e-6,
): number {
  let a = lo;
  let b = hi;
  let fa = missLo;
  let fb = missHi;
  let c = Number.NaN; // the point dropped last from the bracket
  let fc = Number.NaN;
  let sameSide = 0;
  let lastSide = 0;
  let last = Number.NaN;
  for (let i = 0; i < 200 && b - a > tolerance; i++) {
    let x = (a + b) / 2;
    const finite = Number.isFinite(fa) && Number.isFinite(fb);
    if (finite && sameSide < 2) {
      if (Number.isFinite(fc) && fc !== fa && fc !== fb && fa !== fb) {
        x =
          (a * fb * fc) / ((fa - fb) * (fa - fc)) +
          (b * fa * fc) / ((fb - fa) * (fb - fc)) +
          (c * fa * fb) / ((fc - fa) * (fc - fb));
      } else if (fa !== fb) {
        x = b - (fb * (b - a)) / (fb - fa);
      }
      if (!(x > a && x < b)) x = (a + b) / 2;
    }
    const fx = miss(x);
    const settledStep = Math.abs(x - last) < tolerance || Math.abs(fx) < 1e-12;
    last = x;
    const side = fx <= 0 ? -1 : 1;
    sameSide = side === lastSide ? sameSide + 1 : 0;
    lastSide = side;
    if (side < 0) {
      c = b;
      fc = fb;
      b = x;
      fb = fx;
    } else {
      c = a;
      fc = fa;
      a = x;
      fa = fx;
    }
    // The zero predicted by the bracket's slope is within tolerance of x: done.
    const slope = Number.isFinite(fa) && Number.isFinite(fb) ? (fa - fb) / (b - a) : 0;
    if (settledStep || (slope > 0 && Math.abs(fx) < 0.5 * tolerance * slope)) {
      return side < 0 ? x : Math.min(b, x + tolerance);
    }
  }
  return b;
}
