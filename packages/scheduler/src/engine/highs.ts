/**
 * HiGHS (WebAssembly) on a built MIP: structured CSR input (no LP text), an optional start
 * vector, a time limit, and the MIP dual bound back. The Wasm runtime is loaded once and reloaded
 * after a native failure, since an aborted Wasm instance cannot be reused.
 */
import highsImport from 'highs';
import type { LpBuilder } from './lp.js';

// The package's types describe its CommonJS build; the ESM build's default export is the loader.
type Loader = (typeof highsImport)['default'];
const loadHighs = ((highsImport as unknown as { default?: Loader }).default ?? highsImport) as unknown as Loader;
type Highs = Awaited<ReturnType<Loader>>;

let runtime: Promise<Highs> | undefined;

/** An info counter, 0 when HiGHS does not report it for this kind of run. */
function infoNumber(info: { get(name: string): number | bigint }, name: string): number {
  try {
    const v = Number(info.get(name));
    return Number.isFinite(v) && v > 0 ? v : 0;
  } catch {
    return 0;
  }
}

export interface MipRun {
  status: 'optimal' | 'feasible' | 'infeasible' | 'timeLimit' | 'workLimit' | 'error';
  /** Best solution found (undefined when none). */
  colValue?: Float64Array;
  objective: number;
  /** Proven lower bound on the objective (incl. offset). */
  bound: number;
  message?: string;
  /** Deterministic work done: branch-and-bound nodes and LP iterations. */
  nodes: number;
  lpIterations: number;
  /** Row duals of an LP relaxation's solution (relax runs only). */
  rowDual?: Float64Array;
}

export interface MipOptions {
  timeLimitSeconds: number;
  seed?: number;
  start?: Float64Array;
  /** Solve the LP relaxation only. */
  relax?: boolean;
  relativeGap?: number;
  /** Stop after this many branch-and-bound nodes (deterministic, unlike the time limit). */
  maxNodes?: number;
  /**
   * A MIP on a work budget (a neighbourhood, the integer master): no root restart and no strong branching
   * for pseudocost reliability, which cut HiGHS's LP iterations on sub-MIPs 3–4× at the same solution
   * quality (measured on Curtois 7) and keep `stopWhen` asked often (strong branching at the root is long).
   */
  subproblem?: boolean;
  /**
   * A stopping policy on the work done so far, asked at HiGHS's MIP checkpoints (between nodes and cut
   * rounds, not inside one LP): true stops the run with the best solution so far ('workLimit'). Counts,
   * not the clock, so the run stops at the same point on any machine.
   */
  stopWhen?: (done: { nodes: number; lpIterations: number }) => boolean;
}

export async function runHighs(lp: LpBuilder, options: MipOptions): Promise<MipRun> {
  runtime ??= loadHighs();
  const highs = await runtime;
  const model = highs.createModel({
    numCols: lp.numCols,
    numRows: lp.numRows,
    offset: lp.offset,
    colCost: Float64Array.from(lp.colCost),
    colLower: Float64Array.from(lp.colLower),
    colUpper: Float64Array.from(lp.colUpper),
    rowLower: Float64Array.from(lp.rowLower),
    rowUpper: Float64Array.from(lp.rowUpper),
    matrix: {
      format: 'csr',
      numRows: lp.numRows,
      numCols: lp.numCols,
      starts: Int32Array.from(lp.starts),
      indices: Int32Array.from(lp.index),
      values: Float64Array.from(lp.value),
    },
    ...(options.relax ? {} : { integrality: Int32Array.from(lp.integrality) }),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.01, options.timeLimitSeconds),
      random_seed: options.seed ?? 0,
      mip_rel_gap: options.relativeGap ?? 1e-6,
      ...(options.subproblem ? { mip_allow_restart: false, mip_pscost_minreliable: 0 } : {}),
      ...(options.maxNodes === undefined ? {} : { mip_max_nodes: Math.max(1, Math.round(options.maxNodes)) }),
    });
    if (options.start && !options.relax) model.setSolution({ colValue: options.start });
    const stopWhen = options.stopWhen;
    const { modelStatus } = model.run(
      stopWhen && !options.relax
        ? {
            [highs.constants.callbackType.mipInterrupt](event) {
              const nodes = Number(event.data.mip_node_count ?? 0);
              const lpIterations = Number(event.data.mip_total_lp_iterations ?? 0);
              if (stopWhen({ nodes, lpIterations })) event.interrupt();
            },
          }
        : undefined,
    );
    const codes = highs.constants.modelStatus;
    const primal = Number(model.info.get('primal_solution_status'));
    const hasSolution = primal === 2;
    const objective = hasSolution ? model.getObjectiveValue() : Number.POSITIVE_INFINITY;
    let bound = Number.NEGATIVE_INFINITY;
    if (modelStatus === codes.optimal) bound = objective;
    else if (!options.relax) {
      const dual = Number(model.info.get('mip_dual_bound'));
      if (Number.isFinite(dual)) bound = dual;
    }
    const nodes = infoNumber(model.info, 'mip_node_count');
    const lpIterations = infoNumber(model.info, 'simplex_iteration_count');
    const solution = hasSolution ? model.getSolution() : undefined;
    const colValue = solution ? Float64Array.from(solution.colValue) : undefined;
    const rowDual = solution && options.relax ? Float64Array.from(solution.rowDual) : undefined;
    const status =
      modelStatus === codes.optimal
        ? 'optimal'
        : modelStatus === codes.infeasible
          ? 'infeasible'
          : modelStatus === codes.timeLimit
            ? 'timeLimit'
            : modelStatus === codes.solutionLimit ||
                modelStatus === codes.iterationLimit ||
                modelStatus === codes.interrupted
              ? 'workLimit'
              : hasSolution
                ? 'feasible'
                : 'error';
    return {
      status,
      ...(colValue ? { colValue } : {}),
      ...(rowDual ? { rowDual } : {}),
      objective,
      bound,
      nodes,
      lpIterations,
    };
  } catch (e) {
    runtime = undefined;
    return {
      status: 'error',
      objective: Number.POSITIVE_INFINITY,
      bound: Number.NEGATIVE_INFINITY,
      message: String(e),
      nodes: 0,
      lpIterations: 0,
    };
  } finally {
    try {
      model.dispose();
    } catch {
      runtime = undefined;
    }
  }
}
