import type { Command } from '../command.js';
import { demoCommand } from './demo.js';
import { resampleCommand } from './resample.js';

/** Every command the CLI offers, in the order `allhours --help` lists them. */
export const commands: Command[] = [demoCommand, resampleCommand] as Command[];
