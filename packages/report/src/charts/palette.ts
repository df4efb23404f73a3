/**
 * Colours chosen to stay apart for the common colour-vision deficiencies (Okabe–Ito for categories,
 * a red–white–blue diverging scale for gaps). Status colours always come with a text label as well.
 */
export const CATEGORY = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D31', '#999999'];

export const INK = '#1f2933';
export const MUTED = '#616e7c';
export const GRID = '#e4e7eb';
export const HISTORY = '#52606d';
export const FORECAST = '#0072B2';
export const BAND = '#9ecae1';
export const TARGET = '#D55E00';

export const STATUS = {
  full: '#15803d',
  limited: '#f59e0b',
  closed: '#c0392b',
} as const;

export function categoryColor(index: number): string {
  return CATEGORY[index % CATEGORY.length]!;
}

/**
 * Diverging colour for scheduled − required agents: red when short, white at zero, blue when over.
 * `scale` is the gap that reaches full saturation.
 */
export function gapColor(gap: number, scale: number): string {
  const s = Math.max(1, scale);
  const t = Math.max(-1, Math.min(1, gap / s));
  const white = [247, 247, 247];
  const red = [178, 24, 43];
  const blue = [33, 102, 172];
  const to = t < 0 ? red : blue;
  const k = Math.abs(t) ** 0.75; // lift small gaps so a single missing agent is visible
  const c = white.map((w, i) => Math.round(w + (to[i]! - w) * k));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}
