import type { Command } from '../command.js';
import { backtestCommand } from './backtest.js';
import { curtoisCommand } from './curtois.js';
import { demoCommand } from './demo.js';
import { forecastCommand } from './forecast.js';
import { planCommand } from './plan.js';
import { resampleCommand } from './resample.js';
import { scheduleCommand } from './schedule.js';
import { staffCommand } from './staff.js';
import { validateCommand } from './validate.js';

/** Every command the CLI offers, in the order `allhours --help` lists them. */
export const commands: Command[] = [
  demoCommand,
  planCommand,
  resampleCommand,
  forecastCommand,
  backtestCommand,
  scheduleCommand,
  validateCommand,
  staffCommand,
  curtoisCommand,
] as Command[];
