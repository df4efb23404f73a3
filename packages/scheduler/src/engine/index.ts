// The engine's public API: the model contract, the judge, the solver. Internals (compile, mip, lp,
// highs) are imported by path inside the package.

// The benchmark front end travels with the engine (same names whether reached from here or ../curtois).
export * from '../curtois/index.js';
export * from './evaluate.js';
export * from './model.js';
// For constructive heuristics in front ends: one row against the rules, and the work budget of a time limit.
export * from './row-check.js';
export * from './solve.js';
export { defaultWorkLimit } from './work.js';
