/**
 * The roster engine's model: a day-based rostering problem that both front ends (the contact-center
 * scheduler and the Curtois benchmark reader) map onto. One zod schema is the source of truth; the
 * semantics of every rule are documented here and implemented literally by `evaluate.ts`.
 *
 * Conventions
 * - Days are 0..days-1; each employee works at most one shift type per day.
 * - An assignment is `assignment[e][d]` = index into `shiftTypes`, or -1 for a day off.
 * - "Outside the horizon" follows the Curtois benchmark: days before and after are off for max rules
 *   and successions; runs touching the horizon ends are exempt from the min-consecutive rules.
 * - Shift minutes of (d, t) = `timing.minutes[d][t]` when given, else `shiftTypes[t].minutes`.
 */
import { z } from 'zod';

const count = z.number().int().nonnegative();
const day = z.number().int().nonnegative();
const weight = z.number().finite().nonnegative();

export const shiftTypeSchema = z
  .object({
    id: z.string().min(1),
    minutes: z.number().finite().positive(),
    /** Counts toward `maxNights` and night fairness. */
    night: z.boolean().optional(),
  })
  .strict();

export const timingSchema = z
  .object({
    /** start[d][t]: minutes since the model origin at which type t starts on day d. */
    start: z.array(z.array(z.number().finite())),
    /** minutes[d][t]: true length on day d (DST), overriding shiftTypes[t].minutes. */
    minutes: z.array(z.array(z.number().finite().positive())).optional(),
    /**
     * dayStart[d] (length days + 1): minutes since the origin at which day d begins; default d·1440.
     * Bounds the weekly-rest windows. Employees may override with their own `dayStart` (local days).
     */
    dayStart: z.array(z.number().finite()).optional(),
  })
  .strict();

export const forbiddenSuccessionSchema = z
  .object({
    first: z.string(),
    second: z.string(),
    /** `second` on day d + dayGap may not follow `first` on day d. Default 1. */
    dayGap: z.number().int().positive().optional(),
    /** Only when `first` is on this day (rest that depends on the date, e.g. DST); absent = every day. */
    day: day.optional(),
  })
  .strict();

export const workloadSchema = z
  .object({
    fromDay: day,
    /** Exclusive. */
    toDay: day,
    minMinutes: z.number().finite().nonnegative().optional(),
    maxMinutes: z.number().finite().nonnegative().optional(),
    maxShifts: count.optional(),
  })
  .strict();

export const employeeSchema = z
  .object({
    id: z.string().min(1),
    /** Types this employee may work (site, skills); absent = all. */
    allowedTypes: z.array(z.string()).optional(),
    /** Max assignments of a type over the horizon. */
    maxShiftsPerType: z.record(z.string(), count).optional(),
    workload: z.array(workloadSchema).default([]),
    /** Runs touching the horizon ends are exempt (infinite shifts assumed outside). */
    minConsecutiveShifts: count.optional(),
    /** Days outside the horizon count as off. */
    maxConsecutiveShifts: count.optional(),
    /** Runs of days off touching the horizon ends are exempt. */
    minConsecutiveDaysOff: count.optional(),
    /** A weekend (model.weekends) is worked if any of its days is worked. */
    maxWeekends: count.optional(),
    /** In every window of `windowDays` consecutive days (sliding by one day), at most `max` night shifts. */
    maxNights: z.array(z.object({ windowDays: z.number().int().positive(), max: count }).strict()).optional(),
    /**
     * Needs `timing`. In every window of `windowDays` days starting at day w = 0, stepDays, 2·stepDays, …
     * (while w + windowDays <= days), the longest uninterrupted rest inside the window's time span
     * [dayStart[w], dayStart[w + windowDays]) is at least `minMinutes`. Shifts are clipped to the span;
     * time outside the horizon counts as rest. Default stepDays 1 (rolling windows).
     */
    weeklyRest: z
      .object({
        windowDays: z.number().int().positive(),
        minMinutes: z.number().finite().nonnegative(),
        stepDays: z.number().int().positive().optional(),
      })
      .strict()
      .optional(),
    /** Hard: no shift (of `type`, or any when absent) that day. */
    unavailable: z.array(z.object({ day, type: z.string().optional() }).strict()).optional(),
    /** Hard days off (Curtois DAYS_OFF). */
    fixedDaysOff: z.array(day).optional(),
    /** This employee's own day boundaries (length days + 1), overriding timing.dayStart. */
    dayStart: z.array(z.number().finite()).optional(),
  })
  .strict();

export const requestSchema = z
  .object({
    employee: z.string(),
    day,
    /** Absent = any shift that day. */
    type: z.string().optional(),
    /** on: penalty `weight` if not worked; off: penalty `weight` if worked. */
    on: z.boolean(),
    weight,
  })
  .strict();

export const dayTypeSchema = z.object({ day, type: z.string() }).strict();

export const coverSchema = z
  .object({
    id: z.string().optional(),
    /** count = Σ over terms of the employees working that (day, type). */
    terms: z.array(dayTypeSchema).min(1),
    requirement: z.number().finite().nonnegative(),
    underWeight: weight,
    overWeight: weight,
  })
  .strict();

export const linkSchema = z
  .object({
    /** If anyone works any of these… */
    when: z.array(dayTypeSchema).min(1),
    /** …someone must work one of these. */
    need: z.array(dayTypeSchema).min(1),
  })
  .strict();

export const fairnessSchema = z
  .object({
    /** night: assignments of night types; weekend: assignments on days of any weekend. */
    kind: z.enum(['night', 'weekend']),
    target: z.number().finite().nonnegative(),
    /** Penalty per assignment above `target`, per employee. */
    weight,
  })
  .strict();

export const cyclicGroupSchema = z
  .object({
    /** employees[k] works on day d what employees[0] works on day (d + 7k) mod (7·weeks). */
    employees: z.array(z.string()).min(1),
    weeks: z.number().int().positive(),
  })
  .strict();

const rosterModelObject = z
  .object({
    days: z.number().int().positive(),
    shiftTypes: z.array(shiftTypeSchema).min(1),
    timing: timingSchema.optional(),
    forbiddenSuccessions: z.array(forbiddenSuccessionSchema).default([]),
    /** Each weekend = its day indexes, e.g. [[5, 6], [12, 13]]. */
    weekends: z.array(z.array(day)).default([]),
    employees: z.array(employeeSchema),
    requests: z.array(requestSchema).default([]),
    cover: z.array(coverSchema).default([]),
    links: z.array(linkSchema).optional(),
    /** Cost per assignment by type; `cost[d][t]` overrides it per day. */
    costByType: z.record(z.string(), z.number().finite()).optional(),
    cost: z.array(z.array(z.number().finite())).optional(),
    fairness: z.array(fairnessSchema).optional(),
    cyclicGroups: z.array(cyclicGroupSchema).optional(),
  })
  .strict();

type Ctx = z.core.$RefinementCtx<z.output<typeof rosterModelObject>>;

/** Cross-field checks: ids unique and known, days inside the horizon, matrices the right shape. */
function checkReferences(m: z.output<typeof rosterModelObject>, ctx: Ctx): void {
  const issue = (path: PropertyKey[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const types = new Set<string>();
  m.shiftTypes.forEach((t, i) => {
    if (types.has(t.id)) issue(['shiftTypes', i, 'id'], `duplicate shift type "${t.id}"`);
    types.add(t.id);
  });
  const employees = new Set<string>();
  m.employees.forEach((e, i) => {
    if (employees.has(e.id)) issue(['employees', i, 'id'], `duplicate employee "${e.id}"`);
    employees.add(e.id);
  });
  const checkType = (path: PropertyKey[], id: string | undefined) => {
    if (id !== undefined && !types.has(id)) issue(path, `unknown shift type "${id}"`);
  };
  const checkDay = (path: PropertyKey[], d: number) => {
    if (d >= m.days) issue(path, `day ${d} is outside the horizon 0..${m.days - 1}`);
  };
  const checkMatrix = (path: PropertyKey[], rows: number[][] | undefined) => {
    if (!rows) return;
    if (rows.length !== m.days) issue(path, `needs ${m.days} rows (one per day), got ${rows.length}`);
    rows.forEach((r, d) => {
      if (r.length !== m.shiftTypes.length) issue([...path, d], `needs ${m.shiftTypes.length} entries (one per type)`);
    });
  };
  const checkDayStart = (path: PropertyKey[], starts: number[] | undefined) => {
    if (!starts) return;
    if (starts.length !== m.days + 1) issue(path, `needs ${m.days + 1} entries (days + 1)`);
    for (let d = 1; d < starts.length; d++) {
      if (starts[d]! <= starts[d - 1]!) issue([...path, d], 'day starts must increase');
    }
  };
  checkMatrix(['timing', 'start'], m.timing?.start);
  checkMatrix(['timing', 'minutes'], m.timing?.minutes);
  checkDayStart(['timing', 'dayStart'], m.timing?.dayStart);
  checkMatrix(['cost'], m.cost);
  m.forbiddenSuccessions.forEach((f, i) => {
    checkType(['forbiddenSuccessions', i, 'first'], f.first);
    checkType(['forbiddenSuccessions', i, 'second'], f.second);
    if (f.day !== undefined) checkDay(['forbiddenSuccessions', i, 'day'], f.day);
  });
  m.weekends.forEach((w, i) => {
    for (const [j, d] of w.entries()) checkDay(['weekends', i, j], d);
  });
  m.employees.forEach((e, i) => {
    const p = ['employees', i];
    for (const [j, t] of (e.allowedTypes ?? []).entries()) checkType([...p, 'allowedTypes', j], t);
    for (const t of Object.keys(e.maxShiftsPerType ?? {})) checkType([...p, 'maxShiftsPerType', t], t);
    e.workload.forEach((w, j) => {
      if (w.toDay <= w.fromDay || w.toDay > m.days) {
        issue([...p, 'workload', j], `needs fromDay < toDay <= ${m.days} (toDay is exclusive)`);
      }
    });
    e.unavailable?.forEach((u, j) => {
      checkDay([...p, 'unavailable', j, 'day'], u.day);
      checkType([...p, 'unavailable', j, 'type'], u.type);
    });
    for (const [j, d] of (e.fixedDaysOff ?? []).entries()) checkDay([...p, 'fixedDaysOff', j], d);
    if (e.weeklyRest && !m.timing) issue([...p, 'weeklyRest'], 'needs model.timing (shift start instants)');
    checkDayStart([...p, 'dayStart'], e.dayStart);
  });
  m.requests.forEach((r, i) => {
    if (!employees.has(r.employee)) issue(['requests', i, 'employee'], `unknown employee "${r.employee}"`);
    checkDay(['requests', i, 'day'], r.day);
    checkType(['requests', i, 'type'], r.type);
  });
  const checkTerms = (path: PropertyKey[], terms: { day: number; type: string }[]) =>
    terms.forEach((t, j) => {
      checkDay([...path, j, 'day'], t.day);
      checkType([...path, j, 'type'], t.type);
    });
  for (const [i, c] of m.cover.entries()) checkTerms(['cover', i, 'terms'], c.terms);
  m.links?.forEach((l, i) => {
    checkTerms(['links', i, 'when'], l.when);
    checkTerms(['links', i, 'need'], l.need);
  });
  for (const t of Object.keys(m.costByType ?? {})) checkType(['costByType', t], t);
  const inGroup = new Set<string>();
  m.cyclicGroups?.forEach((g, i) => {
    if (g.weeks * 7 > m.days) issue(['cyclicGroups', i, 'weeks'], `a ${g.weeks}-week cycle exceeds the ${m.days} days`);
    g.employees.forEach((id, j) => {
      if (!employees.has(id)) issue(['cyclicGroups', i, 'employees', j], `unknown employee "${id}"`);
      if (inGroup.has(id)) issue(['cyclicGroups', i, 'employees', j], `"${id}" is in two cyclic groups`);
      inGroup.add(id);
    });
  });
}

export const rosterModelSchema = rosterModelObject.superRefine(checkReferences);

/** A validated model (defaults filled in). */
export type RosterModel = z.output<typeof rosterModelSchema>;
/** What a caller may write (optional arrays may be omitted). */
export type RosterModelInput = z.input<typeof rosterModelSchema>;
export type ShiftType = RosterModel['shiftTypes'][number];
export type Employee = RosterModel['employees'][number];
export type CoverRow = RosterModel['cover'][number];
export type RosterRequest = RosterModel['requests'][number];
export type Fairness = NonNullable<RosterModel['fairness']>[number];

/** assignment[e][d] = index into model.shiftTypes, or -1 (off). */
export type Assignment = number[][];
export const OFF = -1;
