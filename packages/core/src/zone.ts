import { IANAZone } from 'luxon';
import { z } from 'zod';

/** An IANA time-zone name (`Europe/Amsterdam`, `Asia/Kolkata`, `UTC`). */
export const timeZoneSchema = z
  .string()
  .refine((name) => isTimeZone(name), { error: (issue) => `unknown IANA time zone "${String(issue.input)}"` })
  .meta({ description: 'IANA time-zone name, e.g. Europe/Amsterdam' });

export function isTimeZone(name: string): boolean {
  // Offsets such as "+01:00" are not zones: they do not follow DST, which is the point of naming one.
  return /^[A-Za-z]/.test(name) && IANAZone.isValidZone(name);
}
