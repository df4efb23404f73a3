import { OFF, type RosterModel } from './engine/index.js';

/**
 * A Lagrangian lower bound on a roster model with per-employee pricing.
 *
 * Validity. Let x be any roster that keeps every hard rule, n_r its count on cover row r, and u_r, o_r ≥ 0
 * its shortfall and surplus (n_r + u_r − o_r = req_r). For any prices π_r ∈ [−over_r, under_r]:
 *   objective(x) ≥ Σ cost·x + Σ_r (under_r·u_r + over_r·o_r)          (requests, fairness ≥ 0)
 *               ≥ Σ cost·x + Σ_r π_r·(u_r − o_r)                       (π_r ≤ under_r, −π_r ≤ over_r)
 *               = Σ_r π_r·req_r + Σ_e Σ_(d,t) (cost − Σ_{r ∋ (d,t)} π_r)·x_e(d,t)
 *               ≥ Σ_r π_r·req_r + Σ_e min over rows R_e of e's relaxed rules of the same sum.
 * Each R_e keeps only some of e's own rules — allowed and unavailable cells, weekly minutes / shifts /
 * nights, days-off runs, rest between consecutive days where every type pair of two classes is banned —
 * so x's rows are in it and the last step holds. Handover links, cyclic ties, weekly rest and run
 * maxima are dropped (relaxing more only lowers the bound). The per-employee minimum is an exact DP.
 * With the stage-1 LP's cover duals as π it is at least the LP bound (each employee's rows satisfy its
 * share of the LP's capacity rows). Measured on the 60-agent benchmark: exactly the LP bound (192,782),
 * and 30 subgradient steps from there found nothing higher, so these per-agent rules do not tighten
 * stage 1; schedule() therefore does not run it (it stays as a check). The DP itself prices rows for
 * the constructive start's and the polish's best responses (`cheapestRow`).
 */
export interface LagrangeOptions {
  /** Subgradient steps after the first pricing (default 20). */
  iterations?: number;
  /** A known roster objective (an upper bound) for the step length; default 5 % above the first bound. */
  target?: number;
  /** Safety stop, epoch ms: the bound so far is returned (still valid). */
  stopAt?: number;
  /** Give up (bound NaN) when one employee's DP has more states per day than this. */
  maxStates?: number;
}

export interface LagrangeResult {
  /** Best bound found (NaN when the model is outside what the DP handles). */
  bound: number;
  /** The first bound, at the given prices. */
  first: number;
  iterations: number;
}

/** Employees with the same rules: priced once. */
interface Signature {
  multiplicity: number;
  /** avail[d·T + t]. */
  avail: Uint8Array;
  windowAt: Int32Array;
  windowEnd: Uint8Array;
  minMinutes: number[];
  maxMinutes: number[];
  maxShifts: number[];
  maxNights: number[];
  minOff: number;
}

export interface Prepared {
  D: number;
  T: number;
  C: number;
  classOf: Int32Array;
  minutes: Float64Array;
  night: Uint8Array;
  cost: Float64Array;
  /** bannedAll[(d·C + c1)·C + c2]: every type pair of classes c1 (day d) → c2 (day d + 1) is banned. */
  bannedAll: Uint8Array;
  rowsOfCell: Int32Array[];
  signatures: Signature[];
  /** Signature of each employee. */
  signatureOf: Int32Array;
}

/** The model read once for pricing rows (undefined when outside what the DP handles). */
export function prepare(model: RosterModel): Prepared | undefined {
  const D = model.days;
  const T = model.shiftTypes.length;
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const minutes = new Float64Array(D * T);
  const cost = new Float64Array(D * T);
  for (let d = 0; d < D; d++)
    for (let t = 0; t < T; t++) {
      minutes[d * T + t] = model.timing?.minutes?.[d]?.[t] ?? model.shiftTypes[t]!.minutes;
      cost[d * T + t] = model.cost?.[d]?.[t] ?? model.costByType?.[model.shiftTypes[t]!.id] ?? 0;
    }
  // Minutes are part of the DP state key: only whole minutes are handled.
  if (minutes.some((m) => !Number.isInteger(m))) return undefined;
  const night = Uint8Array.from(model.shiftTypes, (t) => (t.night ? 1 : 0));
  // Types with the same timing every day and night flag share a class (rest acts on classes).
  const classKey = new Map<string, number>();
  const classOf = new Int32Array(T);
  const classSize: number[] = [];
  for (let t = 0; t < T; t++) {
    const parts: number[] = [night[t]!];
    for (let d = 0; d < D; d++) parts.push(model.timing?.start[d]?.[t] ?? t, minutes[d * T + t]!);
    const key = parts.join(',');
    let c = classKey.get(key);
    if (c === undefined) {
      c = classSize.length;
      classKey.set(key, c);
      classSize.push(0);
    }
    classOf[t] = c;
    classSize[c]!++;
  }
  const C = classSize.length;
  const banned = new Uint8Array(Math.max(0, D - 1) * T * T);
  for (const f of model.forbiddenSuccessions) {
    if ((f.dayGap ?? 1) !== 1) continue;
    const a = typeIndex.get(f.first);
    const b = typeIndex.get(f.second);
    if (a === undefined || b === undefined) continue;
    for (let d = 0; d + 1 < D; d++) if (f.day === undefined || f.day === d) banned[(d * T + a) * T + b] = 1;
  }
  const pairs = new Int32Array(Math.max(0, D - 1) * C * C);
  for (let d = 0; d + 1 < D; d++)
    for (let a = 0; a < T; a++)
      for (let b = 0; b < T; b++) if (banned[(d * T + a) * T + b]) pairs[(d * C + classOf[a]!) * C + classOf[b]!]!++;
  const bannedAll = new Uint8Array(pairs.length);
  for (let d = 0; d + 1 < D; d++)
    for (let a = 0; a < C; a++)
      for (let b = 0; b < C; b++) {
        const k = (d * C + a) * C + b;
        bannedAll[k] = pairs[k] === classSize[a]! * classSize[b]! ? 1 : 0;
      }
  const rowsOfCell = cellRows(model, typeIndex, D, T);
  const sigs = signaturesOf(model, typeIndex, D, T);
  return (
    sigs && {
      D,
      T,
      C,
      classOf,
      minutes,
      night,
      cost,
      bannedAll,
      rowsOfCell,
      signatures: sigs.signatures,
      signatureOf: sigs.of,
    }
  );
}

function cellRows(model: RosterModel, typeIndex: Map<string, number>, D: number, T: number): Int32Array[] {
  const lists: number[][] = Array.from({ length: D * T }, () => []);
  model.cover.forEach((row, i) => {
    for (const term of row.terms) lists[term.day * T + typeIndex.get(term.type)!]!.push(i);
  });
  return lists.map((l) => Int32Array.from(l));
}

function signaturesOf(
  model: RosterModel,
  typeIndex: Map<string, number>,
  D: number,
  T: number,
): { signatures: Signature[]; of: Int32Array } | undefined {
  const byKey = new Map<string, number>();
  const signatures: Signature[] = [];
  const of = new Int32Array(model.employees.length);
  for (const [e, emp] of model.employees.entries()) {
    const avail = new Uint8Array(D * T);
    const allowed = emp.allowedTypes ? emp.allowedTypes.map((id) => typeIndex.get(id)!) : [...Array(T).keys()];
    for (let d = 0; d < D; d++) for (const t of allowed) avail[d * T + t] = 1;
    for (const u of emp.unavailable ?? []) {
      if (u.type === undefined) avail.fill(0, u.day * T, u.day * T + T);
      else avail[u.day * T + typeIndex.get(u.type)!] = 0;
    }
    for (const d of emp.fixedDaysOff ?? []) avail.fill(0, d * T, d * T + T);
    const windows = [...emp.workload].sort((a, b) => a.fromDay - b.fromDay);
    const windowAt = new Int32Array(D).fill(-1);
    const windowEnd = new Uint8Array(D);
    for (let w = 0; w < windows.length; w++) {
      const { fromDay, toDay } = windows[w]!;
      for (let d = fromDay; d < Math.min(toDay, D); d++) {
        // Overlapping windows would need a state per window: outside what this DP handles.
        if (windowAt[d] !== -1) return undefined;
        windowAt[d] = w;
      }
      if (toDay - 1 < D && toDay > fromDay) windowEnd[toDay - 1] = 1;
    }
    // A window lies inside some sliding night window at least as long, so its nights obey that limit.
    const maxNights = windows.map((w) =>
      Math.min(
        Number.POSITIVE_INFINITY,
        ...(emp.maxNights ?? []).filter((l) => l.windowDays >= w.toDay - w.fromDay).map((l) => l.max),
      ),
    );
    const sig: Signature = {
      multiplicity: 1,
      avail,
      windowAt,
      windowEnd,
      minMinutes: windows.map((w) => w.minMinutes ?? 0),
      maxMinutes: windows.map((w) => w.maxMinutes ?? Number.POSITIVE_INFINITY),
      maxShifts: windows.map((w) => w.maxShifts ?? Number.POSITIVE_INFINITY),
      maxNights,
      minOff: Math.max(1, emp.minConsecutiveDaysOff ?? 1),
    };
    const key = [
      Array.from(avail).join(''),
      Array.from(windowAt).join(','),
      sig.minMinutes,
      sig.maxMinutes,
      sig.maxShifts,
      maxNights,
      sig.minOff,
    ].join('|');
    const seen = byKey.get(key);
    if (seen !== undefined) signatures[seen]!.multiplicity++;
    else byKey.set(key, signatures.push(sig) - 1);
    of[e] = byKey.get(key)!;
  }
  return { signatures, of };
}

/**
 * One employee's cheapest row under reduced costs `rc` (per cell), by DP over days. Run state: off since
 * day 0, off for k < minOff days, off ≥ minOff, or worked class c yesterday; plus the current window's
 * minutes, shifts and nights. Returns the value and the worked cells, or undefined past `maxStates`.
 */
function price(
  p: Prepared,
  s: Signature,
  rc: Float64Array,
  maxStates: number,
): { value: number; cells: number[] } | undefined {
  const { D, T, C } = p;
  const m = s.minOff;
  const R = m + 1 + C;
  const S = D + 1;
  // Best type of each class per day for this signature.
  const bestType = new Int32Array(D * C).fill(-1);
  for (let d = 0; d < D; d++)
    for (let t = 0; t < T; t++) {
      if (!s.avail[d * T + t]) continue;
      const k = d * C + p.classOf[t]!;
      const cur = bestType[k]!;
      if (cur < 0 || rc[d * T + t]! < rc[d * T + cur]!) bestType[k] = t;
    }
  const layers: { key: number[]; value: number[]; parent: number[]; pick: number[] }[] = [];
  let prev = { key: [0 * R + 0], value: [0], parent: [-1], pick: [OFF] };
  for (let d = 0; d < D; d++) {
    const w = s.windowAt[d]!;
    const reset = d === 0 || w !== s.windowAt[d - 1];
    const next = { key: [] as number[], value: [] as number[], parent: [] as number[], pick: [] as number[] };
    const index = new Map<number, number>();
    const push = (key: number, value: number, parent: number, pick: number) => {
      const at = index.get(key);
      if (at === undefined) {
        index.set(key, next.key.length);
        next.key.push(key);
        next.value.push(value);
        next.parent.push(parent);
        next.pick.push(pick);
      } else if (value < next.value[at]!) {
        next.value[at] = value;
        next.parent[at] = parent;
        next.pick[at] = pick;
      }
    };
    for (let i = 0; i < prev.key.length; i++) {
      const key = prev.key[i]!;
      const r = key % R;
      let rest = (key - r) / R;
      const nights = rest % S;
      rest = (rest - nights) / S;
      const shifts = rest % S;
      const mins = (rest - shifts) / S;
      const [m0, s0, n0] = reset ? [0, 0, 0] : [mins, shifts, nights];
      const v = prev.value[i]!;
      // Off today.
      const off = r === 0 ? 0 : r > m ? 1 : Math.min(r + 1, m);
      push(((m0 * S + s0) * S + n0) * R + off, v, i, OFF);
      // Work a class today.
      const mayStart = r === 0 || r === m;
      for (let c = 0; c < C; c++) {
        const t = bestType[d * C + c]!;
        if (t < 0) continue;
        if (!mayStart && (r <= m || (d > 0 && p.bannedAll[((d - 1) * C + (r - m - 1)) * C + c]))) continue;
        let [m1, s1, n1] = [m0, s0, n0];
        if (w >= 0) {
          m1 += p.minutes[d * T + t]!;
          s1 += 1;
          n1 += p.night[t]!;
          if (m1 > s.maxMinutes[w]! + 1e-9 || s1 > s.maxShifts[w]! || n1 > s.maxNights[w]!) continue;
        }
        push(((m1 * S + s1) * S + n1) * R + m + 1 + c, v + rc[d * T + t]!, i, t);
      }
    }
    if (w >= 0 && s.windowEnd[d]) {
      // The window closes: drop rows short of its minimum.
      const keep = next.key.map((key) => Math.floor(key / (R * S * S)) >= s.minMinutes[w]! - 1e-9);
      const filtered = { key: [] as number[], value: [] as number[], parent: [] as number[], pick: [] as number[] };
      next.key.forEach((key, j) => {
        if (!keep[j]) return;
        filtered.key.push(key);
        filtered.value.push(next.value[j]!);
        filtered.parent.push(next.parent[j]!);
        filtered.pick.push(next.pick[j]!);
      });
      layers.push(filtered);
    } else layers.push(next);
    prev = layers[d]!;
    if (prev.key.length > maxStates) return undefined;
    if (prev.key.length === 0) return { value: Number.POSITIVE_INFINITY, cells: [] };
  }
  let best = 0;
  for (let i = 1; i < prev.value.length; i++) if (prev.value[i]! < prev.value[best]!) best = i;
  const cells: number[] = [];
  for (let d = D - 1, i = best; d >= 0; d--) {
    const layer = layers[d]!;
    if (layer.pick[i] !== OFF) cells.push(d * T + layer.pick[i]!);
    i = layer.parent[i]!;
  }
  return { value: prev.value[best]!, cells };
}

/**
 * Employee e's cheapest row under per-cell values `rc` (d·T + t), keeping the rules the DP models
 * (not weekly rest, run maxima, sliding night windows, rest over a day off, links: check the row).
 */
export function cheapestRow(p: Prepared, e: number, rc: Float64Array, maxStates = 200_000): number[] | undefined {
  const priced = price(p, p.signatures[p.signatureOf[e]!]!, rc, maxStates);
  if (!priced || !Number.isFinite(priced.value)) return undefined;
  const row = new Array<number>(p.D).fill(OFF);
  for (const cell of priced.cells) row[Math.floor(cell / p.T)] = cell % p.T;
  return row;
}

/** Lagrangian bound (without the model's constant penalty of demand no option covers). */
export function lagrangianBound(
  model: RosterModel,
  prices: ArrayLike<number>,
  options: LagrangeOptions = {},
): LagrangeResult {
  const none = { bound: Number.NaN, first: Number.NaN, iterations: 0 };
  const p = prepare(model);
  if (!p) return none;
  const rows = model.cover;
  const pi = Float64Array.from(rows, (row, i) => clamp(prices[i] ?? 0, -row.overWeight, row.underWeight));
  const rc = new Float64Array(p.D * p.T);
  const cover = new Float64Array(rows.length);
  let best = Number.NEGATIVE_INFINITY;
  let first = Number.NaN;
  let lambda = 1;
  let sinceBest = 0;
  const iterations = options.iterations ?? 20;
  let done = 0;
  for (let it = 0; it <= iterations; it++) {
    if (it > 0 && options.stopAt !== undefined && Date.now() >= options.stopAt) break;
    rc.set(p.cost);
    for (let cell = 0; cell < rc.length; cell++) for (const i of p.rowsOfCell[cell]!) rc[cell]! -= pi[i]!;
    let value = 0;
    for (let i = 0; i < rows.length; i++) value += pi[i]! * rows[i]!.requirement;
    cover.fill(0);
    for (const s of p.signatures) {
      const priced = price(p, s, rc, options.maxStates ?? 200_000);
      if (!priced) return none;
      value += s.multiplicity * priced.value;
      for (const cell of priced.cells) for (const i of p.rowsOfCell[cell]!) cover[i]! += s.multiplicity;
    }
    done = it;
    if (it === 0) first = value;
    if (value > best + 1e-9) {
      best = value;
      sinceBest = 0;
    } else if (++sinceBest >= 3) {
      lambda /= 2;
      sinceBest = 0;
    }
    if (it === iterations || !Number.isFinite(value)) break;
    // Projected subgradient step toward the target (Polyak).
    let norm = 0;
    const g = Float64Array.from(rows, (row, i) => {
      const gi = row.requirement - cover[i]!;
      // A price at its bound with the subgradient pushing outward does not move: leave it out of the norm.
      if ((pi[i]! >= row.underWeight && gi > 0) || (pi[i]! <= -row.overWeight && gi < 0)) return 0;
      norm += gi * gi;
      return gi;
    });
    if (norm === 0) break;
    const target = options.target ?? first + 0.05 * Math.abs(first);
    const step = (lambda * Math.max(target - value, 0.005 * Math.abs(value))) / norm;
    rows.forEach((row, i) => {
      pi[i] = clamp(pi[i]! + step * g[i]!, -row.overWeight, row.underWeight);
    });
  }
  return { bound: best, first, iterations: done };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
