import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InputError } from '@allhours/core';
import { readCurtois, rosterToTsv, solve } from '@allhours/scheduler';
import { z } from 'zod';
import { defineCommand } from '../command.js';

const request = z
  .object({
    instance: z.string().optional().meta({ description: 'Curtois instance file (InstanceN.txt)' }),
    timeLimitSeconds: z.number().positive().optional(),
    seed: z.number().int().optional(),
    solution: z.string().optional().meta({ description: 'write the roster as TSV here' }),
  })
  .strict();

function numberOption(value: string | boolean | undefined, name: string, integer: boolean): number | undefined {
  if (value === undefined || typeof value === 'boolean') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || (name === '--time-limit' && n <= 0))
    throw new InputError([{ path: name, message: `"${value}" is not a valid ${integer ? 'integer' : 'number'}` }]);
  return n;
}

export const curtoisCommand = defineCommand({
  name: 'curtois',
  summary: 'Solve a Curtois nurse-rostering benchmark instance with the roster engine',
  help: `Reads an instance of the Curtois shift-scheduling benchmark (schedulingbenchmarks.org, Instances 1–24),
solves it with the roster engine within the time limit, and prints objective, lower bound, gap, status and
the objective by component. --solution writes the roster as a tab-separated table (header "employee" and the
day indexes, one row per employee with the shift ID or an empty cell). Flags override the request's fields;
no --input is needed.`,
  request,
  needsInput: false,
  options: {
    instance: 'instance file, e.g. Instance5.txt',
    'time-limit': 'seconds (default 60)',
    seed: 'random seed (default 1)',
    solution: 'write the roster TSV to this file',
  },
  async run(req, context) {
    const instance = (context.options.instance as string | undefined) ?? req.instance;
    if (!instance) throw new InputError([{ path: '--instance', message: 'name an instance file' }]);
    const path = resolve(context.options.instance ? process.cwd() : context.baseDir, instance);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new InputError([{ path: '--instance', message: `cannot read ${instance}` }]);
    }
    const model = readCurtois(text, basename(path));
    const timeLimitSeconds =
      numberOption(context.options['time-limit'], '--time-limit', false) ?? req.timeLimitSeconds ?? 60;
    const seed = numberOption(context.options.seed, '--seed', true) ?? req.seed ?? 1;
    const result = await solve(model, { timeLimitSeconds, seed, progress: context.progress });
    const solution = (context.options.solution as string | undefined) ?? req.solution;
    if (solution) {
      const out = context.options.solution ? resolve(solution) : resolve(context.baseDir, solution);
      await writeFile(out, rosterToTsv(model, result.assignment));
    }
    return {
      json: {
        instance: basename(path),
        status: result.status,
        objective: result.objective,
        lowerBound: result.lowerBound,
        gap: result.gap,
        seconds: Math.round(result.seconds * 10) / 10,
        components: result.components,
        hardViolations: result.violations.length,
        violations: result.violations.slice(0, 20),
      },
    };
  },
});
