import { compile, successionBans } from './compile.js';
import { OFF, type RosterModel } from './model.js';
import { RowRules as EngineRows } from './rowrules.js';

/**
 * One employee's candidate row against the model's per-employee hard rules, for constructive search
 * that tries thousands of rows. A thin view over the engine's compiled model and its incremental
 * checker (`engine/rowrules.ts`): the same rules, read one way, held to the judge `employeeViolations`
 * by the engine's property tests.
 */
export interface RowCheck {
  D: number;
  T: number;
  /** [d·T + t] true minutes of each shift option. */
  minutes: Float64Array;
  night: Uint8Array;
  /** Largest day gap of any forbidden succession. */
  maxGap: number;
  /** Is `second` on day d + gap after `first` on day d forbidden? */
  banned: (first: number, second: number, gap: number, d: number) => boolean;
  /** [d·T + t] may employee e work t on day d (types, unavailability, fixed days off)? */
  allowedRow: (e: number) => Uint8Array;
  /** The first kind of rule the row breaks (`allowed` or `rules`), or undefined when it keeps them all. */
  brokenRule: (e: number, row: readonly number[]) => string | undefined;
}

export function rowCheck(model: RosterModel): RowCheck {
  const c = compile(model);
  const { D, T, E } = c;
  const { maxGap, banned } = successionBans(c);
  const allowedRow = (e: number) => c.allowed.subarray(e * D * T, (e + 1) * D * T);
  // One scratch roster, all off; a candidate row is written into it, checked and cleared again.
  const scratch = new EngineRows(
    c,
    Array.from({ length: E }, () => new Array<number>(D).fill(OFF)),
  );
  const brokenRule = (e: number, row: readonly number[]): string | undefined => {
    const allowed = allowedRow(e);
    for (let d = 0; d < D; d++) if (row[d] !== OFF && allowed[d * T + row[d]!] !== 1) return 'allowed';
    for (let d = 0; d < D; d++) scratch.set(e, d, row[d]!);
    const ok = scratch.rowOkFull(e);
    for (let d = 0; d < D; d++) scratch.set(e, d, OFF);
    return ok ? undefined : 'rules';
  };
  return {
    D,
    T,
    minutes: c.minutes,
    night: Uint8Array.from(c.night, (n) => (n ? 1 : 0)),
    maxGap,
    banned,
    allowedRow,
    brokenRule,
  };
}
