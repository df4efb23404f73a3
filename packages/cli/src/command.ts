import type { Progress } from '@allhours/core';
import type { z } from 'zod';

/** What a command gets besides its validated request. */
export interface CommandContext {
  /** Directory of the request file (or the working directory for stdin): relative paths inside a request resolve here. */
  baseDir: string;
  /** Progress on stderr, or silent under `--quiet`. */
  progress: Progress;
  /** `--format` as given (`json` unless the command offers more). */
  format: string;
  /** Flags the command declared in `options`, as strings. */
  options: Record<string, string | boolean | undefined>;
}

/** A command's result: a value written as JSON, or text already rendered (CSV, iCalendar, a table). */
export type CommandOutput = { json: unknown } | { text: string };

export interface Command<S extends z.ZodType = z.ZodType> {
  name: string;
  /** One line for `allhours --help`. */
  summary: string;
  /** Paragraphs for `allhours <command> --help`. */
  help: string;
  /** The request's one source of truth: validation, types and `allhours schema <command>`. */
  request: S;
  /** Output formats besides `json`, e.g. `['csv', 'ics']`. */
  formats?: string[];
  /** Format used when --format is absent (default json). */
  defaultFormat?: string;
  /** Extra flags, name → help text (string-valued unless listed in `booleanOptions`). */
  options?: Record<string, string>;
  booleanOptions?: string[];
  /** Whether the command needs `--input` (a few, like `demo`, do not). */
  needsInput?: boolean;
  run(request: z.output<S>, context: CommandContext): Promise<CommandOutput> | CommandOutput;
}

/** Keeps each command's request type tied to its schema. */
export function defineCommand<S extends z.ZodType>(command: Command<S>): Command<S> {
  return command;
}
