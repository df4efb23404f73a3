/**
 * Intraday reforecast: today's actuals so far against what was forecast for the same intervals give a
 * level factor for the rest of today — the posterior mean of a gamma-distributed day level with Poisson
 * counts, (κ + actual) / (κ + forecast), where κ (the prior's weight, in contacts) is `priorShare` of the
 * day's forecast total, so the update is strong late in a busy day and mild after a quiet first hour.
 */
export function intradayFactor(
  forecastSoFar: ArrayLike<number>,
  actualSoFar: ArrayLike<number>,
  forecastDayTotal: number,
  priorShare = 0.2,
): number {
  let f = 0;
  let a = 0;
  for (let i = 0; i < actualSoFar.length; i++) {
    if (!Number.isFinite(actualSoFar[i]!)) continue;
    f += forecastSoFar[i]!;
    a += actualSoFar[i]!;
  }
  const kappa = priorShare * forecastDayTotal;
  if (kappa + f <= 0) return 1;
  return (kappa + a) / (kappa + f);
}

/** The rest of today's forecast, scaled by {@link intradayFactor}. */
export function intradayReforecast(
  forecastToday: ArrayLike<number>,
  actualSoFar: ArrayLike<number>,
  priorShare = 0.2,
): Float64Array {
  let total = 0;
  for (let i = 0; i < forecastToday.length; i++) total += forecastToday[i]!;
  const factor = intradayFactor(forecastToday, actualSoFar, total, priorShare);
  const out = Float64Array.from(forecastToday);
  for (let i = actualSoFar.length; i < out.length; i++) out[i]! *= factor;
  return out.subarray(actualSoFar.length);
}
