export type { Command, CommandContext, CommandOutput } from './command.js';
export { defineCommand } from './command.js';
export { commands } from './commands/index.js';
export { type PlanOptions, type PlanResult, runPlan } from './plan/run-plan.js';
export { SAMPLE_VOLUME_SCALE, samplePlan, writeSamplePlan } from './plan/sample-plan.js';
export { type PlanRequest, type PlanRequestInput, planRequestSchema } from './plan/schema.js';
export { formatSummary, type PlanSummary } from './plan/summary.js';
export { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, runCli } from './run.js';
export { requestJsonSchema } from './schema.js';
