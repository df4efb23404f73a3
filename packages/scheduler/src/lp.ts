import lpSolverImport, { type Model as JsLpModel, type SolveResult, type SolverAPI } from 'javascript-lp-solver';
import { runHighs } from './engine/highs.js';
import { Linear, LpBuilder } from './engine/lp.js';

// The package's types describe its CommonJS build; under ESM the solver may sit on `.default`.
const lpSolver = ((lpSolverImport as unknown as { default?: SolverAPI }).default ??
  lpSolverImport) as unknown as SolverAPI;

/**
 * A small sparse linear program (minimise, columns ≥ 0) with two swappable backends:
 * javascript-lp-solver (dense tableau, fast for small models) and HiGHS (WebAssembly, sparse, for
 * large ones, through the engine's HiGHS runner). Used for stage 1; the roster itself is the engine's job.
 */
export interface LinearProgram {
  columns: { cost: number; upper?: number }[];
  rows: { terms: [column: number, coefficient: number][]; lower?: number; upper?: number }[];
}

export type LpBackend = 'jsLpSolver' | 'highs';

export interface LpResult {
  status: 'optimal' | 'infeasible' | 'failed';
  objective: number;
  values: number[];
  backend: LpBackend;
}

/** Dense-tableau size above which javascript-lp-solver gets slow and memory-hungry. */
const JS_LP_MAX_CELLS = 300_000;

export function chooseBackend(lp: LinearProgram): LpBackend {
  return lp.columns.length * lp.rows.length <= JS_LP_MAX_CELLS ? 'jsLpSolver' : 'highs';
}

export async function solveLp(
  lp: LinearProgram,
  options: { backend?: LpBackend; timeLimitSeconds?: number } = {},
): Promise<LpResult> {
  const backend = options.backend ?? chooseBackend(lp);
  return backend === 'highs' ? solveWithHighs(lp, options.timeLimitSeconds ?? 60) : solveWithJsLp(lp);
}

function solveWithJsLp(lp: LinearProgram): LpResult {
  const constraints: JsLpModel['constraints'] = {};
  const variables: JsLpModel['variables'] = {};
  lp.columns.forEach((c, j) => {
    const v: Record<string, number> = { cost: c.cost };
    if (c.upper !== undefined) {
      constraints[`u${j}`] = { max: c.upper };
      v[`u${j}`] = 1;
    }
    variables[`x${j}`] = v;
  });
  lp.rows.forEach((r, i) => {
    if (r.lower !== undefined && r.lower === r.upper) constraints[`r${i}`] = { equal: r.lower };
    else
      constraints[`r${i}`] = {
        ...(r.lower !== undefined && { min: r.lower }),
        ...(r.upper !== undefined && { max: r.upper }),
      };
    for (const [j, a] of r.terms) variables[`x${j}`]![`r${i}`] = (variables[`x${j}`]![`r${i}`] ?? 0) + a;
  });
  const result = lpSolver.Solve({ optimize: 'cost', opType: 'min', constraints, variables }) as SolveResult;
  if (!result.feasible) return { status: 'infeasible', objective: Number.NaN, values: [], backend: 'jsLpSolver' };
  const values = lp.columns.map((_, j) => Number(result[`x${j}`] ?? 0));
  const objective = lp.columns.reduce((s, c, j) => s + c.cost * values[j]!, 0);
  return { status: 'optimal', objective, values, backend: 'jsLpSolver' };
}

async function solveWithHighs(lp: LinearProgram, timeLimitSeconds: number): Promise<LpResult> {
  const builder = new LpBuilder();
  for (const c of lp.columns) builder.addCol(c.cost, 0, c.upper ?? Number.POSITIVE_INFINITY, false);
  for (const r of lp.rows) {
    const expr = new Linear();
    for (const [j, a] of r.terms) expr.add(j, a);
    builder.addRow(expr, r.lower ?? Number.NEGATIVE_INFINITY, r.upper ?? Number.POSITIVE_INFINITY);
  }
  const run = await runHighs(builder, { timeLimitSeconds, relax: true });
  if (run.status !== 'optimal' || !run.colValue) {
    return {
      status: run.status === 'infeasible' ? 'infeasible' : 'failed',
      objective: Number.NaN,
      values: [],
      backend: 'highs',
    };
  }
  return { status: 'optimal', objective: run.objective, values: Array.from(run.colValue), backend: 'highs' };
}
