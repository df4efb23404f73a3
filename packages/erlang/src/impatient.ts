import { harmonicShift, lnGamma, stirlingCorrection } from './special.js';

/**
 * The waiting part of a queue whose callers abandon with exponential patience (rate θ) once all
 * service capacity is in use (total service rate r). Shared by Erlang A (r = nμ) and chat (r = N·K/AHT_K).
 *
 * With c = r/θ and b = λ/θ the queue states above the boundary weigh π_{m+j} = π_m·q_j,
 * q_j = bʲ / ((c+1)…(c+j)), and every metric is a positive sum over q_j (no cancellation):
 * Σq_j = A(c,b) (Mandelbaum–Zeltyn), Σ j·q_j = E[Lq]/π_m, Σ q_j·H_j = θE[V]/π_m, … .
 */

/** Sums over q_j = yʲ/((c+1)…(c+j)), each equal to exp(logScale)·value. */
interface QSums {
  logScale: number;
  /** Σ_{j≥0} q_j */
  s0: number;
  /** Σ_{j≥1} q_j */
  s0Tail: number;
  /** Σ j·q_j */
  s1: number;
  /** Σ q_j·H_j, H_j = Σ_{k=0}^{j} 1/(c+k): offered wait with j ahead, in units of 1/θ */
  sVirtual: number;
  /** Σ q_j·c/(c+j+1)·Σ_{k=1}^{j+1} 1/(c+k): wait of a served caller with j ahead, times P(served) */
  sServed: number;
}

const EPS = 1e-17;

/** Sums are written into these (one evaluation at a time, never re-entered): no allocation per call. */
const MAIN: QSums = { logScale: 0, s0: 0, s0Tail: 0, s1: 0, sVirtual: 0, sServed: 0 };
const SHIFTED: QSums = { logScale: 0, s0: 0, s0Tail: 0, s1: 0, sVirtual: 0, sServed: 0 };

function fill(
  out: QSums,
  logScale: number,
  s0: number,
  s0Tail: number,
  s1: number,
  sVirtual: number,
  sServed: number,
): QSums {
  out.logScale = logScale;
  out.s0 = s0;
  out.s0Tail = s0Tail;
  out.s1 = s1;
  out.sVirtual = sVirtual;
  out.sServed = sServed;
  return out;
}

/** ln q_{j} for the peak index j, by the log-gamma difference (the scale cancels in every ratio). */
function logTerm(c: number, y: number, j: number): number {
  if (j === 0) return 0;
  if (c < 10) return j * Math.log(y) - lnGamma(c + j + 1) + lnGamma(c + 1);
  const top = c + j;
  // lnΓ(z+1) = (z+½)ln z − z + ½ln2π + corr(z); the difference is combined through log1p.
  const corr = stirlingCorrection(top) - stirlingCorrection(c);
  return j * Math.log1p((y - top) / top) - (c + 0.5) * Math.log1p(j / c) + j - corr;
}

/**
 * Sum the q_j outwards from their largest term, so nothing overflows and O(√y) terms suffice.
 * `moments`: 0 only Σq_j, 1 also Σj·q_j (queue length, abandonment), 2 also the wait sums (ASA).
 */
function qSums(c: number, y: number, moments: 0 | 1 | 2, out: QSums): QSums {
  const peak = y > c ? Math.floor(y - c) : 0;
  const logScale = logTerm(c, y, peak);
  const invC = 1 / c;
  let s0 = 0;
  let s0Tail = 0;
  let s1 = 0;
  let sVirtual = 0;
  let sServed = 0;
  // Upwards from the peak: the ratio y/(c+j) is below one and falls.
  let q = 1;
  const waits = moments === 2;
  let g = waits ? harmonicShift(c, peak) : 0; // Σ_{k=1}^{j} 1/(c+k)
  for (let j = peak; ; ) {
    const inv = 1 / (c + j + 1);
    s0 += q;
    if (j > 0) s0Tail += q;
    if (moments > 0) s1 += j * q;
    if (waits) {
      sVirtual += q * (invC + g);
      sServed += q * c * inv * (g + inv);
      g += inv;
    }
    q *= y * inv;
    j += 1;
    if (q <= EPS * s0 && (moments === 0 || q * j <= EPS * s1) && (!waits || q * (invC + g) <= EPS * sVirtual)) break;
    if (q === 0) break;
  }
  // Downwards from the peak: terms fall until j = 0. (Same accumulation as above, inlined: the hot loop.)
  q = 1;
  g = waits ? harmonicShift(c, peak) : 0;
  for (let j = peak; j > 0; ) {
    const inv = 1 / (c + j);
    q *= (c + j) / y;
    j -= 1;
    s0 += q;
    if (j > 0) s0Tail += q;
    if (moments > 0) s1 += j * q;
    if (waits) {
      g = Math.max(0, g - inv);
      sVirtual += q * (invC + g);
      sServed += q * c * inv * (g + inv);
    }
    if (q <= EPS * s0 && (!waits || q * (invC + g) <= EPS * sVirtual)) break;
  }
  return fill(out, logScale, s0, s0Tail, s1, sVirtual, sServed);
}

/** Largest ln q_j the one-pass sums allow (doubles overflow near 709). */
const MAX_LOG_TERM = 600;

/**
 * Whether the largest term, at j = ⌊y − c⌋, stays below e^MAX_LOG_TERM: each of its factors y/(c+k) is at
 * most y/(c+1), and ln z ≤ z − 1, which settles the common case without a logarithm.
 */
function onePassFits(c: number, y: number): boolean {
  const peak = Math.floor(y - c);
  if (peak * ((y - c - 1) / (c + 1)) < MAX_LOG_TERM) return true;
  return logTerm(c, y, peak) < MAX_LOG_TERM;
}

/**
 * {@link qSums} at y and at y·u (0 < u ≤ 1) in one pass upwards from j = 0 (scale 1), for loads whose largest
 * term stays below e^MAX_LOG_TERM: the terms share their divisions, and the shifted ones are the main ones
 * times uʲ. While the terms still grow (y > c + j) no stopping test can pass.
 */
function qSumsPair(c: number, y: number, u: number, main: QSums, shifted: QSums): void {
  // The j = 0 terms (q₀ = 1), then the tails from j = 1 on: kept apart, since S₀ − 1 would cancel.
  let tail = 0;
  let tailU = 0;
  let s1 = 0;
  let q = y / (c + 1);
  let qu = q * u;
  for (let j = 1; ; ) {
    tail += q;
    tailU += qu;
    s1 += j * q;
    const ratio = y / (c + j + 1);
    q *= ratio;
    qu *= ratio * u;
    j += 1;
    if ((q <= EPS * tail && q * j <= EPS * s1 && qu <= EPS * tailU) || q === 0) break;
  }
  fill(main, 0, 1 + tail, tail, s1, 0, 0);
  fill(shifted, 0, 1 + tailU, tailU, 0, 0, 0);
}

/**
 * {@link qSumsPair} with the wait sums of {@link qSums} (Σ q_j·H_j and the served one) in the same pass, on
 * the same terms: for the answer's metrics (a search's probes never read them, and the plain loop is faster).
 */
function qSumsPairWithWaits(c: number, y: number, u: number, main: QSums, shifted: QSums): void {
  let tail = 0;
  let tailU = 0;
  let s1 = 0;
  const invC = 1 / c;
  let g = 1 / (c + 1); // Σ_{k=1}^{j} 1/(c+k) at j = 1
  let sVirtual = invC; // the j = 0 terms
  let sServed = c * g * g;
  let q = y * g;
  let qu = q * u;
  for (let j = 1; ; ) {
    const inv = 1 / (c + j + 1);
    tail += q;
    tailU += qu;
    s1 += j * q;
    sVirtual += q * (invC + g);
    sServed += q * c * inv * (g + inv);
    g += inv;
    const ratio = y * inv;
    q *= ratio;
    qu *= ratio * u;
    j += 1;
    const done = q <= EPS * tail && q * j <= EPS * s1 && qu <= EPS * tailU && q * (invC + g) <= EPS * sVirtual;
    if (done || q === 0) break;
  }
  fill(main, 0, 1 + tail, tail, s1, sVirtual, sServed);
  fill(shifted, 0, 1 + tailU, tailU, 0, 0, 0);
}

/** The last θt and 1 − e^(−θt) (see impatientTail). */
const LATE = { exponent: Number.NaN, share: Number.NaN };

/** Inputs of the waiting part, rates per second. */
export interface ImpatientTailInput {
  /** P(boundary state | at most the boundary): Erlang B for Erlang A, its chat analogue for chat. */
  boundary: number;
  /** Total service rate with all capacity busy (per second). */
  fullRate: number;
  /** Arrival rate (per second), > 0. */
  arrivalRate: number;
  /** Abandonment rate 1/patience (per second), > 0. */
  abandonRate: number;
  /** Service-level threshold t in seconds. */
  answerWithinSeconds: number;
}

export interface ImpatientTail {
  /** P(W > 0) */
  waitProbability: number;
  /** P(more callers than the boundary, i.e. somebody waiting) */
  aboveBoundary: number;
  /** P(abandon) */
  abandonProbability: number;
  /** E[Lq] */
  queueLength: number;
  /** E[V], E[W], E[W | served] in seconds */
  asaVirtualSeconds: number;
  asaServedSeconds: number;
  asaAnsweredSeconds: number;
  /** P(V ≤ t), P(W ≤ t, served), P(W ≤ t | served) */
  slVirtual: number;
  slServed: number;
  slAnswered: number;
}

/** An input to fill for {@link impatientTail} (a search's scratch: every field a double from the start). */
export function emptyTailInput(): ImpatientTailInput {
  return { boundary: 0, fullRate: 0, arrivalRate: 0, abandonRate: 0, answerWithinSeconds: 0 };
}

/** A tail to fill (every field a double from the start, so the shape never changes). */
export function emptyTail(): ImpatientTail {
  return {
    waitProbability: 0,
    aboveBoundary: 0,
    abandonProbability: 0,
    queueLength: 0,
    asaVirtualSeconds: 0,
    asaServedSeconds: 0,
    asaAnsweredSeconds: 0,
    slVirtual: 0,
    slServed: 0,
    slAnswered: 0,
  };
}

/**
 * Every waiting metric of the impatient queue from the boundary probability (closed forms, log space).
 * `waits = false` skips the wait sums a search for service level and abandonment does not need:
 * asaVirtualSeconds and asaAnsweredSeconds are then NaN (everything else is exact). `out`: written in place.
 */
export function impatientTail(input: ImpatientTailInput, waits = true, out?: ImpatientTail): ImpatientTail {
  const { boundary, fullRate, arrivalRate, abandonRate: theta, answerWithinSeconds: t } = input;
  const c = fullRate / theta;
  const b = arrivalRate / theta;
  // 1 − u, u = e^(−θt): the same for every probe of a search, so the last one is kept.
  if (theta * t !== LATE.exponent) {
    LATE.exponent = theta * t;
    LATE.share = -Math.expm1(-LATE.exponent);
  }
  const lateShare = LATE.share;
  const u = 1 - lateShare;
  // One pass from j = 0 for both sums (q_j(bu) = q_j(b)·uʲ) unless the largest term would overflow.
  const main = MAIN;
  const shifted = SHIFTED;
  if (b <= c || onePassFits(c, b)) {
    if (waits) qSumsPairWithWaits(c, b, u, main, shifted);
    else qSumsPair(c, b, u, main, shifted);
  } else {
    qSums(c, b, waits ? 2 : 1, main);
    qSums(c, b * u, 0, shifted);
  }
  // Σ_{x ≤ m} π_x / π_m − 1 = 1/E − 1, rescaled to the sums' scale.
  const scale = main.logScale === 0 ? 1 : Math.exp(-main.logScale);
  const rest = boundary > 0 ? ((1 - boundary) / boundary) * scale : Number.POSITIVE_INFINITY;
  const denominator = rest + main.s0;
  const waitProbability = main.s0 / denominator;
  const queueLength = main.s1 / denominator;
  const abandonProbability = Math.min(1, queueLength / b);
  const asaVirtualSeconds = waits ? main.sVirtual / (theta * denominator) : Number.NaN;
  const servedWait = waits ? main.sServed / (theta * denominator) : Number.NaN;
  const servedShare = 1 - abandonProbability;
  const asaAnsweredSeconds = servedShare > 0 ? servedWait / servedShare : Number.POSITIVE_INFINITY;

  // Offered-wait tail: P(V > t) = π_m·A(c, b·u)·exp(b(1−u) − r·t), u = e^(−θt).
  const exponent = shifted.logScale - main.logScale + b * lateShare - fullRate * t;
  const virtualLate = Math.min(1, Math.exp(exponent) * (shifted.s0 / denominator));
  const servedLate = virtualLate * (c / b) * (shifted.s0Tail / shifted.s0);
  const slServed = Math.max(0, 1 - abandonProbability - servedLate);
  const tail = out ?? emptyTail();
  // Field by field into `out` when given: a search's probes reuse one tail and build no objects.
  tail.waitProbability = waitProbability;
  tail.aboveBoundary = main.s0Tail / denominator;
  tail.abandonProbability = abandonProbability;
  tail.queueLength = queueLength;
  tail.asaVirtualSeconds = asaVirtualSeconds;
  tail.asaServedSeconds = abandonProbability / theta;
  tail.asaAnsweredSeconds = asaAnsweredSeconds;
  tail.slVirtual = 1 - virtualLate;
  tail.slServed = slServed;
  tail.slAnswered = servedShare > 0 ? Math.min(1, slServed / servedShare) : 0;
  return tail;
}
