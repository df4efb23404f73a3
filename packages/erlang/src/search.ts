/**
 * Searches over the number of agents. Each probe of a staffing model costs microseconds, so these
 * interpolate (secant steps on a nearly linear miss) and fall back to bisection, to probe few times.
 */

/** A decreasing miss function: ≤ 0 where every target holds. */
export type Miss = (agents: number) => number;

/** What {@link smallestInteger} found: n and the misses next to it (NaN where not probed). */
export interface IntegerThreshold {
  agents: number;
  /** miss(n) */
  missAt: number;
  /** miss(n − 1), NaN when n − 1 was not probed (or is below `min`). */
  missBelow: number;
}

/**
 * Smallest integer n ≥ `min` with miss(n) ≤ 0, for a decreasing miss: secant steps from `guess` to a
 * bracket, then secant-guided bisection. Only the bracket's ends are remembered (no table of probes):
 * the answer's neighbours come back in `out`, for interpolating the continuous requirement.
 */
export function smallestInteger(miss: Miss, guess: number, min: number, out?: IntegerThreshold): number {
  let lo = min - 1; // largest failing (min − 1: nothing below min is allowed)
  let vlo = Number.NaN;
  let hi = Number.POSITIVE_INFINITY; // smallest passing
  let vhi = Number.NaN;
  let previous = Number.NaN; // the failing probe before lo, and its miss
  let vPrevious = Number.NaN;
  let n = Math.max(min, Math.round(guess));
  let step = 1;
  for (;;) {
    const v = miss(n);
    if (v <= 0) {
      hi = n;
      vhi = v;
      break;
    }
    lo = n;
    vlo = v;
    let next = n + step;
    if (Number.isFinite(v) && Number.isFinite(vPrevious) && vPrevious > v) {
      // Secant extrapolation to the zero, at least one step on and at most double the last one.
      const root = n + (v * (n - previous)) / (vPrevious - v);
      next = Math.min(n + 2 * step, Math.max(n + 1, Math.ceil(root)));
    }
    step = Math.max(1, next - n);
    previous = n;
    vPrevious = v;
    n = next;
    if (n > 2 ** 40) throw new RangeError('no staffing level meets the targets');
  }
  // Walk down when the first probe already passed: secant steps on the (negative) miss of the last two
  // passing probes (an overshoot only brackets the answer sooner); doubling while there is no usable slope.
  let jump = 0;
  let above = Number.NaN; // the passing probe before hi, and its miss
  let vAbove = Number.NaN;
  while (lo === min - 1 && hi > min) {
    let next = Math.max(1, 2 * jump);
    if (Number.isFinite(vhi) && Number.isFinite(vAbove) && vhi > vAbove) {
      const root = hi - (vhi * (hi - above)) / (vhi - vAbove); // ≤ hi: vhi ≤ 0 and the miss falls with n
      next = Math.max(1, Math.ceil(hi - root));
    }
    const below = Math.max(min, hi - next);
    const v = miss(below);
    if (v <= 0) {
      above = hi;
      vAbove = vhi;
      jump = hi - below;
      hi = below;
      vhi = v;
    } else {
      lo = below;
      vlo = v;
    }
  }
  while (hi - lo > 1) {
    let mid = Math.floor((lo + hi) / 2);
    if (Number.isFinite(vlo) && Number.isFinite(vhi) && vlo > vhi) {
      const root = lo + (vlo * (hi - lo)) / (vlo - vhi);
      mid = Math.min(hi - 1, Math.max(lo + 1, Math.ceil(root)));
    }
    const v = miss(mid);
    if (v <= 0) {
      hi = mid;
      vhi = v;
    } else {
      lo = mid;
      vlo = v;
    }
  }
  if (out) {
    out.agents = hi;
    out.missAt = vhi;
    out.missBelow = lo === hi - 1 && lo >= min ? vlo : Number.NaN;
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
  // The two points evaluated before x (the bracket's ends to begin with), for the quadratic through three.
  let x0 = lo;
  let f0 = missLo;
  let x1 = hi;
  let f1 = missHi;
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
    const early = newtonFromQuadratic(x0, f0, x1, f1, x, fx, tolerance);
    if (early >= a && early <= b) return early;
    x0 = x1;
    f0 = f1;
    x1 = x;
    f1 = fx;
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

/**
 * One Newton step from x with the slope of the quadratic through the last three points, when it can be
 * trusted to a tenth of `tolerance`: its error is about the step times the slope's error, and that error is
 * bounded by the part the quadratic term added to the secant slope (the next term is smaller near a smooth
 * zero). Saves the evaluation that would only confirm a zero already found. NaN when not trusted (a kink
 * where the worst target changes, a wide bracket, values not finite).
 */
function newtonFromQuadratic(
  x0: number,
  f0: number,
  x1: number,
  f1: number,
  x: number,
  fx: number,
  tolerance: number,
): number {
  if (!(Number.isFinite(f0) && Number.isFinite(f1) && Number.isFinite(fx)) || x === x1 || x === x0 || x1 === x0) {
    return Number.NaN;
  }
  const secant = (fx - f1) / (x - x1);
  const curvature = (secant - (f1 - f0) / (x1 - x0)) / (x - x0);
  const slopeError = Math.abs(curvature * (x - x1));
  const slope = secant + curvature * (x - x1);
  if (!(slope < 0)) return Number.NaN;
  const step = fx / slope;
  if (Math.abs(step) > 1e-3 || Math.abs(step) * slopeError > 0.1 * tolerance * Math.abs(slope)) return Number.NaN;
  return x - step;
}
