import { DateTime } from 'luxon';
import { z } from 'zod';

/**
 * An ISO 8601 date-time that names an instant: it must carry `Z` or an offset, because a bare local
 * time is ambiguous. Parses to epoch milliseconds (UTC), the one representation used internally.
 */
export const instantSchema = z
  .string()
  .transform((text, ctx) => {
    const ms = parseInstant(text);
    if (ms === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not an ISO date-time with an offset (e.g. 2026-11-23T00:00:00Z or …+01:00)`,
      });
      return z.NEVER;
    }
    return ms;
  })
  .meta({ description: 'ISO 8601 date-time with Z or an offset', format: 'date-time' });

// A time of day, then Z or an offset: `2026-11-23` alone (its `-23` is no offset) is a date, not an instant.
const OFFSET_RE = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** Epoch ms of an ISO date-time with an explicit offset, or `undefined` when it has none or is invalid. */
export function parseInstant(text: string): number | undefined {
  if (!OFFSET_RE.test(text.trim())) return undefined;
  const dt = DateTime.fromISO(text.trim(), { setZone: true });
  return dt.isValid ? dt.toMillis() : undefined;
}

/** `2026-11-23T08:00:00.000Z`: how instants leave the library. */
export function formatInstant(instantMs: number): string {
  return new Date(instantMs).toISOString();
}
