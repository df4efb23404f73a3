import type { z } from 'zod';

/** One problem with an input: where it is (`channels[0].volumes[3]`) and why it is wrong. */
export interface InputIssue {
  path: string;
  message: string;
}

/**
 * Bad input from a caller. Carries every issue with its field path so a CLI can print
 * them and exit 2, and a library caller can show them next to the offending field.
 */
export class InputError extends Error {
  readonly issues: InputIssue[];
  constructor(issues: InputIssue[], source?: string) {
    const where = source ? `${source}: ` : '';
    super(issues.map((i) => `${where}${i.path || '(root)'}: ${i.message}`).join('\n'));
    this.name = 'InputError';
    this.issues = issues;
  }
}

/** `['channels', 0, 'volumes', 3]` → `channels[0].volumes[3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

export function issuesFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): InputIssue[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/**
 * Validate `input` against `schema`, throwing an {@link InputError} that names each field and reason.
 * `source` (a file name, say) is prefixed to every message.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, source?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new InputError(issuesFromZod(result.error), source);
}
