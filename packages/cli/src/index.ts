export type { Command, CommandContext, CommandOutput } from './command.js';
export { defineCommand } from './command.js';
export { commands } from './commands/index.js';
export { EXIT_INPUT, EXIT_INTERNAL, EXIT_OK, runCli } from './run.js';
export { requestJsonSchema } from './schema.js';
