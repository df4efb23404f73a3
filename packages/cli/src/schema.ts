import { z } from 'zod';

/** JSON Schema of what a command accepts, generated from its zod schema (the input side of any transform). */
export function requestJsonSchema(schema: z.ZodType): unknown {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });
}
