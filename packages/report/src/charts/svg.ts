/**
 * A tiny SVG/HTML string builder. Every number that reaches an attribute passes through {@link num},
 * which refuses NaN and infinities: a chart with a broken coordinate fails loudly instead of drawing garbage.
 */

export type Attrs = Record<string, string | number | undefined | null | false>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(text: string | number): string {
  return String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** A coordinate or size rounded to 0.01 px; throws on non-finite input. */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`chart coordinate is not a finite number: ${x}`);
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === null || v === false) continue;
    out += ` ${k}="${typeof v === 'number' ? num(v) : esc(v)}"`;
  }
  return out;
}

/** `<tag attrs>children</tag>`; children are already-escaped markup. */
export function el(tag: string, a: Attrs = {}, ...children: (string | false | null | undefined)[]): string {
  const inner = children.filter((c): c is string => typeof c === 'string').join('');
  return inner === '' && SELF_CLOSING.has(tag) ? `<${tag}${attrs(a)}/>` : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}
const SELF_CLOSING = new Set(['rect', 'line', 'path', 'circle', 'polyline', 'polygon', 'stop', 'use']);

/** Text content, escaped. */
export function text(x: number, y: number, content: string, a: Attrs = {}): string {
  return el('text', { x, y, ...a }, esc(content));
}

/** A tooltip that screen readers and hover both get. */
export function tip(content: string): string {
  return el('title', {}, esc(content));
}

export interface Frame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export function plotWidth(f: Frame): number {
  return f.width - f.margin.left - f.margin.right;
}

export function plotHeight(f: Frame): number {
  return f.height - f.margin.top - f.margin.bottom;
}

/**
 * The outer `<svg>` with an accessible name (`<title>`) and description (`<desc>`), sized by viewBox
 * so it scales to the page width.
 */
export function svgRoot(id: string, width: number, height: number, title: string, desc: string, body: string): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      id,
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      width,
      height,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      class: 'chart',
    },
    el('title', { id: `${id}-title` }, esc(title)),
    el('desc', { id: `${id}-desc` }, esc(desc)),
    body,
  );
}

/** Linear map from a domain to a range. */
export function linear(d0: number, d1: number, r0: number, r1: number): (x: number) => number {
  const span = d1 - d0 || 1;
  return (x) => r0 + ((x - d0) / span) * (r1 - r0);
}

/** Round tick values covering [0, max] (1-2-5 steps), about `count` of them. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Math.round(v * 1e9) / 1e9);
  if (ticks[ticks.length - 1]! < max) ticks.push(Math.round((ticks[ticks.length - 1]! + step) * 1e9) / 1e9);
  return ticks;
}

const formatters = new Map<number, Intl.NumberFormat>();

/** Compact number for labels: 1234 → "1,234", 0.5 → "0.5". */
export function fmt(x: number, digits = 0): string {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    formatters.set(digits, f);
  }
  return f.format(x);
}

/** A horizontal legend of coloured swatches; returns markup and its width. */
export function legend(
  x: number,
  y: number,
  items: { label: string; color: string; kind?: 'box' | 'line' | 'dash' }[],
): string {
  let cx = x;
  const parts: string[] = [];
  for (const item of items) {
    if (item.kind === 'line' || item.kind === 'dash') {
      parts.push(
        el('line', {
          x1: cx,
          y1: y,
          x2: cx + 18,
          y2: y,
          stroke: item.color,
          'stroke-width': 2.5,
          'stroke-dasharray': item.kind === 'dash' ? '5 3' : undefined,
        }),
      );
    } else {
      parts.push(
        el('rect', { x: cx, y: y - 6, width: 14, height: 12, fill: item.color, stroke: '#555', 'stroke-width': 0.5 }),
      );
    }
    parts.push(text(cx + 22, y + 4, item.label, { class: 'legend' }));
    cx += 22 + item.label.length * 6.6 + 18;
  }
  return el('g', { class: 'legend-group' }, ...parts);
}
