/**
 * Weekly limits apply per block of 7 horizon days from day 0. A final partial block gets prorated
 * limits: minimums rounded down, maximums rounded up (never stricter than the contract).
 */
export interface WeekWindow {
  fromDay: number;
  /** Exclusive. */
  toDay: number;
}

export function weekWindows(days: number): WeekWindow[] {
  const out: WeekWindow[] = [];
  for (let d = 0; d < days; d += 7) out.push({ fromDay: d, toDay: Math.min(days, d + 7) });
  return out;
}

export function prorate(perWeek: number, window: WeekWindow, bound: 'min' | 'max'): number {
  const share = (perWeek * (window.toDay - window.fromDay)) / 7;
  return bound === 'min' ? Math.floor(share) : Math.ceil(share);
}
