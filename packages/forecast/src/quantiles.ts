/**
 * Per-interval quantiles calibrated on backtest residuals. The spread follows a count model,
 * Var(y | μ) = a·μ·s + b·μ² (Poisson-like growth at low volume, over-dispersion at high volume; `s` is the
 * history's mean volume so the model scales with the data), fitted to squared backtest errors; the shape
 * comes from the empirical quantiles of the standardised errors, so tails are as heavy as the history's.
 */
export interface QuantileCalibration {
  a: number;
  b: number;
  scale: number;
  /** Sorted standardised residuals; empty when no backtest was possible. */
  z: Float64Array;
  /** `backtest`: fitted to backtest residuals (scales with the data); `poisson`: too few residuals, Poisson spread. */
  method: 'backtest' | 'poisson';
  residuals: number;
  /** Distinct days behind the residuals: errors within a day move together, so this is the sample size. */
  days: number;
}

export interface Residual {
  mean: number;
  actual: number;
  /** Local day of the interval (days since 1970-01-01). */
  day?: number;
}

export function calibrateQuantiles(residuals: readonly Residual[], scale: number): QuantileCalibration {
  const days = new Set(residuals.map((r) => r.day)).size;
  // Least squares of e² on [μ·s, μ²] with both coefficients ≥ 0.
  let s11 = 0;
  let s12 = 0;
  let s22 = 0;
  let t1 = 0;
  let t2 = 0;
  for (const r of residuals) {
    const e2 = (r.actual - r.mean) ** 2;
    const x1 = r.mean * scale;
    const x2 = r.mean * r.mean;
    s11 += x1 * x1;
    s12 += x1 * x2;
    s22 += x2 * x2;
    t1 += x1 * e2;
    t2 += x2 * e2;
  }
  let a = 0;
  let b = 0;
  const det = s11 * s22 - s12 * s12;
  if (det > 1e-12 * s11 * s22) {
    a = (t1 * s22 - t2 * s12) / det;
    b = (t2 * s11 - t1 * s12) / det;
  }
  if (!(a >= 0 && b >= 0)) {
    const onlyA = s11 > 0 ? Math.max(0, t1 / s11) : 0;
    const onlyB = s22 > 0 ? Math.max(0, t2 / s22) : 0;
    const sse = (ca: number, cb: number) =>
      residuals.reduce(
        (acc, r) => acc + ((r.actual - r.mean) ** 2 - ca * r.mean * scale - cb * r.mean * r.mean) ** 2,
        0,
      );
    [a, b] = sse(onlyA, 0) <= sse(0, onlyB) * (1 + 1e-9) ? [onlyA, 0] : [0, onlyB];
  }
  const z: number[] = [];
  // Negligible spreads (relative to the data's scale, so the choice survives rescaling) carry no shape.
  const tiny = 1e-9 * scale;
  for (const r of residuals) {
    const sd = Math.sqrt(a * r.mean * scale + b * r.mean * r.mean);
    if (sd > tiny) z.push((r.actual - r.mean) / sd);
  }
  return { a, b, scale, z: Float64Array.from(z).sort(), method: 'backtest', residuals: residuals.length, days };
}

/**
 * Empirical quantile with linear interpolation (a standard normal one when there is nothing to go on),
 * widened as a Student-t is against a normal for a spread estimated from `days` independent days: a dozen
 * backtest days understate how far a new day can stray (Cornish–Fisher expansion of t, ν = days − 1).
 */
export function standardisedQuantile(cal: QuantileCalibration, q: number): number {
  const z = cal.z;
  let value: number;
  if (z.length < 20) value = normalQuantile(q);
  else {
    const pos = q * (z.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.min(z.length - 1, lo + 1);
    value = z[lo]! + (pos - lo) * (z[hi]! - z[lo]!);
  }
  return value * studentWidening(normalQuantile(q), Math.max(1, cal.days - 1));
}

/** t_ν(p) / z(p) from the Cornish–Fisher expansion, well defined at the median too. */
export function studentWidening(zp: number, nu: number): number {
  const z2 = zp * zp;
  return 1 + (z2 + 1) / (4 * nu) + (5 * z2 * z2 + 16 * z2 + 3) / (96 * nu * nu);
}

/** Quantile `q` of the volume in an interval with mean `mean`: never negative, ordered in q. */
export function volumeQuantile(cal: QuantileCalibration, mean: number, zq: number): number {
  const sd = Math.sqrt(cal.a * mean * cal.scale + cal.b * mean * mean);
  return Math.max(0, mean + zq * sd);
}

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pLow = 0.02425;
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  if (p < pLow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1)
    );
  }
  if (p > 1 - pLow) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
    (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1)
  );
}
