import { writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError, issuesFromZod, silentProgress, stderrProgress } from '@allhours/core';
import type { Command, CommandOutput } from './command.js';
import { commands } from './commands/index.js';
import { parseJson, readText } from './io.js';
import { requestJsonSchema } from './schema.js';

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_INPUT = 2;

/** Where a run writes; injectable so tests can run the CLI in-process. */
export interface CliStreams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processStreams: CliStreams = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};

const COMMON_OPTIONS = {
  input: { type: 'string', short: 'i' },
  output: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 6);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'allhours: plan a 24/7 contact center — forecast, staffing, rostering.',
    '',
    'Usage: allhours <command> [--input request.json|-] [--output result.json] [--format json|…] [--quiet]',
    '       allhours schema <command>   print the JSON Schema of a command’s request',
    '       allhours <command> --help',
    '',
    'Commands:',
    ...lines,
    `  ${'schema'.padEnd(width)}  JSON Schema of a command’s request`,
    '',
    'Exit codes: 0 success, 2 invalid input (the message names the field), 1 internal error.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const extra = Object.entries(command.options ?? {}).map(([name, text]) => `  --${name.padEnd(14)} ${text}`);
  const formats = ['json', ...(command.formats ?? [])].join('|');
  return [
    `allhours ${command.name}: ${command.summary}`,
    '',
    command.help.trim(),
    '',
    'Options:',
    `  --input, -i     request file (JSON); "-" or absent reads stdin${command.needsInput === false ? ' (optional)' : ''}`,
    '  --output, -o    write the result to this file instead of stdout',
    `  --format, -f    ${formats}`,
    '  --quiet, -q     no progress on stderr',
    ...extra,
    '',
    `The request's JSON Schema: allhours schema ${command.name}`,
    '',
  ].join('\n');
}

function findCommand(name: string | undefined): Command | undefined {
  return commands.find((c) => c.name === name);
}

/** Run the CLI on `argv` (without node and script) and return the exit code. */
export async function runCli(argv: string[], streams: CliStreams = processStreams): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    streams.stdout(usage());
    return name ? EXIT_OK : EXIT_INPUT;
  }
  if (name === '--version') {
    streams.stdout('0.1.0\n');
    return EXIT_OK;
  }
  if (name === 'schema') {
    const target = findCommand(rest[0]);
    if (!target) {
      streams.stderr(`allhours schema: name one of ${commands.map((c) => c.name).join(', ')}\n`);
      return EXIT_INPUT;
    }
    streams.stdout(`${JSON.stringify(requestJsonSchema(target.request), null, 2)}\n`);
    return EXIT_OK;
  }
  const command = findCommand(name);
  if (!command) {
    streams.stderr(`allhours: unknown command "${name}"\n\n${usage()}`);
    return EXIT_INPUT;
  }

  try {
    const extra = Object.fromEntries(
      Object.keys(command.options ?? {}).map((o) => [
        o,
        { type: command.booleanOptions?.includes(o) ? ('boolean' as const) : ('string' as const) },
      ]),
    );
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...extra }, allowPositionals: false });
    } catch (e) {
      throw new InputError([{ path: 'arguments', message: (e as Error).message }]);
    }
    const values = parsed.values as Record<string, string | boolean | undefined>;
    if (values.help) {
      streams.stdout(commandHelp(command));
      return EXIT_OK;
    }
    const format = (values.format as string | undefined) ?? command.defaultFormat ?? 'json';
    if (format !== 'json' && !command.formats?.includes(format)) {
      throw new InputError([
        {
          path: '--format',
          message: `"${format}" is not offered; use ${['json', ...(command.formats ?? [])].join(', ')}`,
        },
      ]);
    }
    const inputPath = values.input as string | undefined;
    let raw: unknown = {};
    let source = '(stdin)';
    let baseDir = process.cwd();
    if (inputPath !== undefined || command.needsInput !== false) {
      const path = inputPath ?? '-';
      source = path === '-' ? '(stdin)' : path;
      baseDir = path === '-' ? process.cwd() : dirname(resolve(path));
      raw = parseJson(await readText(path), source);
    }
    const request = command.request.safeParse(raw);
    if (!request.success) throw new InputError(issuesFromZod(request.error), source);
    const progress = values.quiet ? silentProgress : stderrProgress();
    const result: CommandOutput = await command.run(request.data, { baseDir, progress, format, options: values });
    const text = 'json' in result ? `${JSON.stringify(result.json, null, 2)}\n` : result.text;
    const output = values.output as string | undefined;
    if (output && output !== '-') await writeFile(output, text);
    else streams.stdout(text);
    return EXIT_OK;
  } catch (e) {
    if (e instanceof InputError) {
      streams.stderr(`allhours ${command.name}: invalid input\n${e.message}\n`);
      return EXIT_INPUT;
    }
    const err = e as Error;
    streams.stderr(`allhours ${command.name}: internal error: ${err.message}\n`);
    if (process.env.ALLHOURS_DEBUG) streams.stderr(`${err.stack}\n`);
    return EXIT_INTERNAL;
  }
}
