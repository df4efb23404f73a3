/**
 * Arbitrary-precision reference values (decimal.js, 50 digits) computed the slow, direct way:
 * stationary distributions summed term by term, no log-space tricks, no recursions shared with src.
 */
import { Decimal } from 'decimal.js';

const D = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1e9, toExpPos: 1e9 });
type Dec = InstanceType<typeof D>;
const ONE = new D(1);
const STOP = new D('1e-48');

/** Erlang B straight from its definition (Aⁿ/n!) / Σ_{k≤n} Aᵏ/k!, summed downwards relative to the last term. */
export function refErlangB(n: number, a: number): Dec {
  const A = new D(a);
  let term = ONE; // A^k/k! divided by A^n/n!
  let total = ONE;
  for (let k = n; k >= 1; k--) {
    term = term.times(k).div(A);
    total = total.plus(term);
    if (term.lt(total.times(STOP)) && k < a) break;
  }
  return ONE.div(total);
}

export interface RefErlangC {
  c: Dec;
  serviceLevel: Dec;
  asaSeconds: Dec;
  queueLength: Dec;
}

export function refErlangC(n: number, a: number, aht: number, t: number): RefErlangC {
  const b = refErlangB(n, a);
  const rho = new D(a).div(n);
  const c = b.div(ONE.minus(rho.times(ONE.minus(b))));
  const gap = new D(n).minus(a);
  return {
    c,
    serviceLevel: ONE.minus(c.times(gap.neg().times(t).div(aht).exp())),
    asaSeconds: c.times(aht).div(gap),
    queueLength: c.times(a).div(gap),
  };
}

const BERNOULLI = [
  [1, 6],
  [-1, 30],
  [1, 42],
  [-1, 30],
  [5, 66],
  [-691, 2730],
  [7, 6],
  [-3617, 510],
  [43867, 798],
  [-174611, 330],
  [854513, 138],
  [-236364091, 2730],
] as const;

/** ln Γ(z) by the Stirling series with Bernoulli numbers after shifting z above 60 (error far below 1e-45). */
function refLnGamma(z: Dec): Dec {
  let shift = new D(0);
  let x = z;
  while (x.lt(60)) {
    shift = shift.plus(x.ln());
    x = x.plus(1);
  }
  const halfLog2Pi = D.acos(-1).times(2).ln().div(2);
  let sum = x.minus(0.5).times(x.ln()).minus(x).plus(halfLog2Pi);
  BERNOULLI.forEach(([num, den], i) => {
    const k = 2 * (i + 1);
    sum = sum.plus(
      new D(num).div(
        new D(den)
          .times(k)
          .times(k - 1)
          .times(x.pow(k - 1)),
      ),
    );
  });
  return sum.minus(shift);
}

/** Continuous Erlang B, Aˣe⁻ᴬ/Γ(x+1, A), with Γ(s, A) from the lower series or the Legendre continued fraction. */
export function refErlangBContinuous(x: number, a: number): Dec {
  const A = new D(a);
  const s = new D(x).plus(1);
  const logPrefactor = A.ln().times(x).minus(A); // ln(Aˣe⁻ᴬ)
  let upper: Dec;
  if (a < x + 1) {
    // γ(s,A) = Aˢe⁻ᴬ Σ Aᵏ / (s(s+1)…(s+k)); Γ(s,A) = Γ(s) − γ(s,A) (no cancellation: γ < Γ/2 here)
    let term = ONE.div(s);
    let total = term;
    for (let k = 1; k < 1e6; k++) {
      term = term.times(A).div(s.plus(k));
      total = total.plus(term);
      if (term.lt(total.times(STOP))) break;
    }
    const lower = logPrefactor.plus(A.ln()).plus(total.ln()).exp();
    upper = refLnGamma(s).exp().minus(lower);
  } else {
    // Γ(s,A) = Aˢe⁻ᴬ · 1/(A+1−s− 1(1−s)/(A+3−s− …)), evaluated bottom-up with enough depth.
    const depth = Math.ceil(60 + 8 * Math.sqrt(a) + Math.abs(a - x));
    let fraction = new D(0);
    for (let i = depth; i >= 1; i--) {
      const an = new D(-i).times(new D(i).minus(s));
      fraction = an.div(
        A.plus(2 * i + 1)
          .minus(s)
          .plus(fraction),
      );
    }
    const cf = ONE.div(A.plus(1).minus(s).plus(fraction));
    upper = logPrefactor.plus(A.ln()).exp().times(cf);
  }
  return logPrefactor.exp().div(upper);
}

export interface RefErlangA {
  waitProbability: Dec;
  abandonRate: Dec;
  occupancy: Dec;
  queueLength: Dec;
  asaVirtual: Dec;
  asaServed: Dec;
  asaAnswered: Dec;
  slVirtual: Dec;
  slServed: Dec;
  slAnswered: Dec;
}

/**
 * Erlang A by summing the birth–death chain term by term (integer n). Waits from the tagged-customer
 * stage sums; the offered-wait tail P(V > t) from Mandelbaum–Zeltyn's A(c, b·e^(−θt)) series, or — for
 * short queues — from the exact hypoexponential tail of each state (an independent derivation).
 */
export function refErlangA(
  n: number,
  a: number,
  ahtSeconds: number,
  patienceSeconds: number,
  t: number,
  exactTail = false,
): RefErlangA {
  const A = new D(a);
  const mu = ONE.div(ahtSeconds);
  const theta = ONE.div(patienceSeconds);
  const lambda = A.times(mu);
  const c = mu.times(n).div(theta);
  const b = lambda.div(theta);
  // Body: Σ_{x<n} π_x/π_n.
  let term = ONE;
  let body = new D(0);
  let bodyMean = new D(0); // Σ x·π_x/π_n over x < n
  for (let k = n; k >= 1; k--) {
    term = term.times(k).div(A);
    body = body.plus(term);
    bodyMean = bodyMean.plus(term.times(k - 1));
    if (term.lt(body.times(STOP)) && k < a) break;
  }
  // Tail: q_j, j ≥ 0.
  const u = theta.neg().times(t).exp();
  let q = ONE;
  let qu = ONE;
  let s0 = new D(0);
  let s1 = new D(0);
  let sV = new D(0);
  let sW = new D(0);
  let su = new D(0);
  let suTail = new D(0);
  let h = ONE.div(c); // Σ_{k=0}^{j} 1/(c+k)
  let lateVirtual = new D(0); // Σ q_j P(stages > t), exact-tail mode
  const peak = Math.max(0, b.minus(c).toNumber());
  for (let j = 0; j < 1e7; j++) {
    if (j > 0) {
      q = q.times(b).div(c.plus(j));
      qu = qu.times(b).times(u).div(c.plus(j));
      h = h.plus(ONE.div(c.plus(j)));
    }
    s0 = s0.plus(q);
    s1 = s1.plus(q.times(j));
    sV = sV.plus(q.times(h));
    const next = c.plus(j + 1);
    sW = sW.plus(q.times(c.div(next)).times(h.minus(ONE.div(c)).plus(ONE.div(next))));
    su = su.plus(qu);
    if (j > 0) suTail = suTail.plus(qu);
    if (exactTail) {
      // P(Σ_{k=0}^{j} Exp(θ(c+k)) > t) = Σ_k e^{−θ(c+k)t} Π_{m≠k} (c+m)/(m−k)
      let tail = new D(0);
      for (let k = 0; k <= j; k++) {
        let product = ONE;
        for (let m = 0; m <= j; m++) if (m !== k) product = product.times(c.plus(m)).div(m - k);
        tail = tail.plus(product.times(theta.neg().times(c.plus(k)).times(t).exp()));
      }
      lateVirtual = lateVirtual.plus(q.times(tail));
    }
    if (j > peak && q.times(j + 1).lt(s0.times(STOP)) && qu.lt(su.times(STOP))) break;
  }
  const z = body.plus(s0); // Σ π / π_n
  const pn = ONE.div(z);
  const waitProbability = s0.times(pn);
  const queueLength = s1.times(pn);
  const abandonRate = queueLength.div(b);
  const served = ONE.minus(abandonRate);
  const busy = bodyMean.plus(s0.times(n)).times(pn);
  const virtualLate = exactTail
    ? lateVirtual.times(pn)
    : pn.times(su).times(b.times(ONE.minus(u)).minus(mu.times(n).times(t)).exp());
  const servedLate = virtualLate.times(c.div(b)).times(suTail.div(su));
  const slServed = ONE.minus(abandonRate).minus(servedLate);
  const asaServedAll = sW.times(pn).div(theta);
  return {
    waitProbability,
    abandonRate,
    occupancy: busy.div(n),
    queueLength,
    asaVirtual: sV.times(pn).div(theta),
    asaServed: abandonRate.div(theta),
    asaAnswered: asaServedAll.div(served),
    slVirtual: ONE.minus(virtualLate),
    slServed,
    slAnswered: slServed.div(served),
  };
}

/** |x − ref| / |ref| (absolute when ref = 0). */
export function relativeError(x: number, ref: Dec): number {
  if (ref.isZero()) return Math.abs(x);
  return new D(x).minus(ref).abs().div(ref.abs()).toNumber();
}
