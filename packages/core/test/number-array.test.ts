import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { numberArray, parseInput } from '../src/index.js';

const volumes = numberArray({ min: 0, minItems: 1, tooFew: 'needs at least one interval' });
const issues = (input: unknown) => {
  const result = z.object({ volumes }).safeParse({ volumes: input });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('numberArray', () => {
  it('passes finite numbers within the bounds through, as given', () => {
    const values = [0, 1.5, 1e9];
    expect(parseInput(volumes, values)).toBe(values);
  });

  it('names every bad value by its index and says why', () => {
    expect(issues([1, -1, 'a', Number.NaN, Number.POSITIVE_INFINITY, null])).toEqual([
      'volumes.1: must be ≥ 0',
      'volumes.2: must be a number',
      'volumes.3: must be finite',
      'volumes.4: must be finite',
      'volumes.5: must be a number',
    ]);
    expect(issues([])).toEqual(['volumes: needs at least one interval']);
    expect(issues(5)).toEqual(['volumes: must be an array of numbers']);
    expect(issues(undefined)).toEqual(['volumes: must be an array of numbers']);
  });

  it('checks an upper bound with its own message', () => {
    const agents = numberArray({ max: 10, aboveMax: 'too many agents' });
    expect(agents.safeParse([10, 11]).error?.issues.map((i) => [i.path, i.message])).toEqual([
      [[1], 'too many agents'],
    ]);
  });

  it('agrees with the per-element zod schema on random input', () => {
    const reference = z.array(z.number().finite().min(0)).min(1);
    const values = [0, 3, -2, Number.NaN, 'x', 1e300, Number.NEGATIVE_INFINITY, undefined];
    for (let seed = 1; seed < 400; seed++) {
      const input = Array.from({ length: seed % 5 }, (_, k) => values[(seed * 7 + k * 13) % values.length]);
      const ours = volumes.safeParse(input).error?.issues.map((i) => i.path.join('.'));
      const theirs = reference.safeParse(input).error?.issues.map((i) => i.path.join('.'));
      expect(ours).toEqual(theirs);
    }
  });

  it('writes the same bounds into its JSON Schema', () => {
    expect(z.toJSONSchema(volumes, { io: 'input', unrepresentable: 'any' })).toMatchObject({
      type: 'array',
      minItems: 1,
      items: { type: 'number', minimum: 0 },
    });
  });
});
