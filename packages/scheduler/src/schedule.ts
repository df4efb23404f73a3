import {
  deadlineIn,
  formatInstant,
  formatLocal,
  isWeekendDate,
  MINUTE_MS,
  type Progress,
  parseInput,
  silentProgress,
} from '@allhours/core';
import { type BreakShift, placeBreaks } from './breaks.js';
import { constructRoster, polishRoster } from './construct.js';
import { buildDemand, coveredIntervals, type Demand } from './demand.js';
import {
  type Assignment,
  defaultWorkLimit,
  solve as engineSolve,
  evaluate,
  OFF,
  rosterModelSchema,
} from './engine/index.js';
import { coverageDiagnostics, explainInfeasible } from './explain.js';
import { stageOneTargets } from './lp-start.js';
import { buildRosterModel, type RosterMapping } from './mapping.js';
import { buildCatalog, type ShiftCatalog } from './options.js';
import { type ScheduleRequest, scheduleRequestSchema } from './request.js';
import type { AssignmentOut, CoverageOut, ScheduleResponse, ScheduleStatus, SoftViolation } from './response.js';
import { serviceLevels } from './service-level.js';
import { type PlanType, planShifts, planTypes, type Stage1Result, underWeightOf } from './stage1.js';

/**
 * Share of the time limit the solver's work budget stands for: stage 1, the constructive start and the
 * report take the rest; the engine runs at about 0.6 M units/s on contact-center models (judging rosters
 * and building neighbourhoods are not in the units). Measured with two runs and polish (2 cores, shared):
 * 0.4 ended 60 / 300 / 1000 agents at 18 / 57 / 271 s of 30 / 120 / 600; 0.5 at 19 / 58 s; 0.6 at 27 s
 * for 60 agents, too close to its limit to end on work under load.
 */
const ENGINE_WORK_SHARE = 0.5;

/**
 * The engine's budget is spent in this many runs, each followed by whole-row best responses
 * (`polishRoster`): the engine's moves stall where re-choosing a whole row still gains, and the next run
 * starts from the polished roster. Measured at 60 / 300 agents: one run 217,564 / 1,036,071; two runs
 * with polish 215,660 / 1,028,900; more, shorter runs did worse (the engine restarts its phases each run).
 */
const ENGINE_ROUNDS = 2;

export interface ScheduleOptions {
  progress?: Progress;
  /** Keep only stage 1's shift types (and their neighbours) when there are more types than this. */
  pruneAbove?: number;
}

/** Parse a raw request (InputError naming the field) and schedule it. */
export async function scheduleInput(input: unknown, options: ScheduleOptions = {}): Promise<ScheduleResponse> {
  return schedule(parseInput(scheduleRequestSchema, input, 'request'), options);
}

/** Types stage 1 uses, plus the neighbouring start times of the same template and channel. */
export function pruneTypes(catalog: ShiftCatalog, types: PlanType[], stage1: Stage1Result): PlanType[] {
  if (stage1.status !== 'optimal') return types;
  const used = new Set(types.filter((_, k) => stage1.counts[k]!.some((x) => x > 1e-6)).map((t) => t.id));
  const keep = new Set(used);
  const groups = new Map<string, PlanType[]>();
  for (const t of types) {
    const p = catalog.patterns[t.pattern]!;
    const key = `${p.siteId}|${p.templateId}|${t.channel}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  for (const list of groups.values()) {
    list.sort((a, b) => catalog.patterns[a.pattern]!.startMinute - catalog.patterns[b.pattern]!.startMinute);
    list.forEach((t, i) => {
      if (!used.has(t.id)) return;
      if (i > 0) keep.add(list[i - 1]!.id);
      if (i + 1 < list.length) keep.add(list[i + 1]!.id);
    });
  }
  return types.filter((t) => keep.has(t.id));
}

function shares(catalog: ShiftCatalog, types: PlanType[], stage1: Stage1Result, agents: number) {
  let nights = 0;
  let weekends = 0;
  types.forEach((t, k) => {
    stage1.counts[k]!.forEach((x, d) => {
      if (catalog.patterns[t.pattern]!.night) nights += x;
      if (isWeekendDate(catalog.dates[d]!)) weekends += x;
    });
  });
  return { nightsPerAgent: nights / Math.max(1, agents), weekendShiftsPerAgent: weekends / Math.max(1, agents) };
}

interface Placed {
  agent: number;
  day: number;
  type: PlanType;
}

function emptyKpis(stage1?: Stage1Result) {
  return {
    underCoverageAgentHours: 0,
    overCoverageAgentHours: 0,
    underCoverageAgentHoursByChannel: {},
    cost: 0,
    costBySite: {} as Record<string, number>,
    shifts: 0,
    nightsPerAgent: {},
    weekendShiftsPerAgent: {},
    objectiveComponents: {},
    stage1: {
      backend: stage1?.backend ?? 'none',
      seconds: stage1?.seconds ?? 0,
      lowerBound: stage1 && Number.isFinite(stage1.lowerBound) ? stage1.lowerBound : null,
      columns: stage1?.columns ?? 0,
      rows: stage1?.rows ?? 0,
    },
    stage2: {
      seconds: 0,
      shiftTypes: 0,
      shiftTypesBeforePruning: 0,
      status: 'not run',
      stoppedOn: 'not run',
      construct: {
        seconds: 0,
        objective: null as number | null,
        unplaced: 0,
        brokenLinks: 0,
        guidedObjective: null as number | null,
      },
    },
    diagnostics: [] as string[],
  };
}

/**
 * The contact-center pipeline: shift options (local → UTC) → stage 1 LP (bound, pruning) → the
 * engine's roster solver on the mapped model → stage 3 breaks → coverage, service level, KPIs.
 */
export async function schedule(request: ScheduleRequest, options: ScheduleOptions = {}): Promise<ScheduleResponse> {
  const progress = options.progress ?? silentProgress;
  const deadline = deadlineIn(request.solver.timeLimitSeconds);
  const catalog = buildCatalog(request);
  const demand = buildDemand(request);
  const allTypes = planTypes(request, catalog);

  progress.update('stage 1', undefined, `shift planning LP over ${allTypes.length} shift types`);
  let stage1 = await planShifts(request, catalog, demand, allTypes, {
    timeLimitSeconds: Math.max(1, request.solver.timeLimitSeconds / 4),
  });
  progress.done(
    'stage 1',
    `lower bound ${stage1.lowerBound.toFixed(1)} (${stage1.backend}, ${stage1.seconds.toFixed(1)} s)`,
  );

  const types = allTypes.length > (options.pruneAbove ?? 90) ? pruneTypes(catalog, allTypes, stage1) : allTypes;
  const mapping = buildRosterModel(
    request,
    catalog,
    demand,
    types,
    shares(catalog, allTypes, stage1, request.agents.length),
  );
  // Stage 1 again with the roster's fairness term, whose targets come from the first plan (the mapping's):
  // the LP without it lets one site work every night and weekend for free. A higher bound (60 / 300 /
  // 1,000 agents of the benchmark: +0.62 / +0.67 / +0.64 %), and a plan to guide the start that pays for it.
  const fairness = mapping.model.fairness ?? [];
  if (stage1.status === 'optimal' && fairness.length > 0) {
    progress.update('stage 1', undefined, 'shift planning LP with the fairness term');
    const fair = await planShifts(request, catalog, demand, allTypes, {
      timeLimitSeconds: Math.max(1, request.solver.timeLimitSeconds / 4),
      fairness,
    });
    if (fair.status === 'optimal') {
      fair.seconds += stage1.seconds;
      stage1 = fair;
      progress.done('stage 1', `lower bound with fairness ${stage1.lowerBound.toFixed(1)}`);
    }
  }
  const kpis = emptyKpis(stage1);
  kpis.stage2.shiftTypes = types.length;
  kpis.stage2.shiftTypesBeforePruning = allTypes.length;
  kpis.diagnostics = coverageDiagnostics(request, demand, mapping);
  if (mapping.blockedByHandover > 0)
    kpis.diagnostics.push(
      `${mapping.blockedByHandover} shift options are unusable: no usable shift of their channel overlaps their end by ${request.rules.handoverOverlapMinutes} min (handover)`,
    );

  const findings = explainInfeasible(request, catalog, mapping);
  const infeasible = (status: 'infeasible' | 'timeLimit', explanation: string[]): ScheduleResponse => ({
    status,
    objective: null,
    lowerBound: Number.isFinite(stage1.lowerBound) ? stage1.lowerBound : null,
    gap: null,
    assignments: [],
    coverage: coverageOf(demand, []),
    kpis,
    violations: [],
    explanation,
  });
  if (findings.length > 0) return infeasible('infeasible', findings);

  const model = parseInput(rosterModelSchema, mapping.model, 'roster model');
  const started = Date.now();
  // Keep time for breaks, coverage and service levels after the solver (measured: 1.7 s at 1000 agents).
  const reserveMs = 500 + 2 * request.agents.length;
  progress.update('construct', undefined, `${model.employees.length} agents, ${model.shiftTypes.length} shift types`);
  const constructUntil = () => Date.now() + Math.max(0, deadline.remainingMs() - reserveMs) * 0.1;
  let start = constructRoster(model, { stopAt: constructUntil() });
  // A second start built toward stage 1's shift mix (lp-start.ts), kept when it holds every rule and
  // link and judges better against the real model.
  const targets = stageOneTargets(model, types, allTypes, stage1);
  let guidedObjective: number | null = null;
  if (targets) {
    const guided = constructRoster(parseInput(rosterModelSchema, targets, 'stage-1 targets'), {
      stopAt: constructUntil(),
    });
    const judged = evaluate(model, guided.assignment);
    if (judged.violations.length === 0) {
      guidedObjective = judged.objective + mapping.uncoverablePenalty;
      if (judged.objective < start.objective) start = { ...guided, objective: judged.objective };
    }
  }
  kpis.stage2.construct = {
    seconds: (Date.now() - started) / 1000,
    objective: start.objective + mapping.uncoverablePenalty,
    unplaced: start.unplaced.length,
    brokenLinks: start.brokenLinks,
    guidedObjective,
  };
  progress.done(
    'construct',
    `objective ${kpis.stage2.construct.objective!.toFixed(0)}${guidedObjective === null ? '' : ` (toward stage 1: ${guidedObjective.toFixed(0)})`}, ${start.unplaced.length} agents without a legal row, ${start.brokenLinks} handover links open (${kpis.stage2.construct.seconds.toFixed(1)} s)`,
  );
  let result!: Awaited<ReturnType<typeof engineSolve>>;
  let initial = start.assignment;
  const polished = { changed: 0, gain: 0 };
  for (let round = 0; round < ENGINE_ROUNDS; round++) {
    result = await engineSolve(model, {
      timeLimitSeconds: Math.max(0.5, (deadline.remainingMs() - reserveMs) / 1000),
      // The search budget follows the request, not the time left after stage 1 and the start (that
      // depends on machine load), so a run that ends on work repeats exactly; the clock is the safety stop.
      workLimit: defaultWorkLimit((request.solver.timeLimitSeconds * ENGINE_WORK_SHARE) / ENGINE_ROUNDS),
      seed: request.solver.seed + round,
      // Column generation off: on a 15-minute grid one agent's pricing MIP is slow, and the 60-agent
      // benchmark without handover links (where it applies) ended at 219,845 with it against 216,664 without.
      columnGeneration: 0,
      progress,
      initial,
    });
    if (!Number.isFinite(result.objective) || result.violations.length > 0 || result.stats.stoppedOn === 'proof') break;
    const rows = result.assignment.map((row) => row.slice());
    const gain = polishRoster(model, rows, {
      passes: 3,
      stopAt: Date.now() + Math.max(0, deadline.remainingMs() - reserveMs) / 2,
    });
    polished.changed += gain.changed;
    polished.gain += gain.gain;
    if (gain.changed > 0) {
      // The polished roster keeps every rule (each row is checked): judge it as the engine does.
      const judged = evaluate(model, rows);
      if (judged.violations.length === 0 && judged.objective < result.objective)
        result = { ...result, assignment: rows, objective: judged.objective, components: judged.components };
    }
    initial = result.assignment;
    if (deadline.remainingMs() <= reserveMs) break;
  }
  progress.done('polish', `${polished.changed} rows re-chosen whole, objective −${polished.gain.toFixed(0)}`);
  kpis.stage2.seconds = (Date.now() - started) / 1000;
  kpis.stage2.status = result.status;
  kpis.stage2.stoppedOn = result.stats.stoppedOn;
  if (!Number.isFinite(result.objective)) {
    const proven = result.status === 'infeasible';
    return infeasible(proven ? 'infeasible' : 'timeLimit', [
      proven
        ? 'the roster rules cannot all hold together for these agents (the solver proved it); first hard-rule conflicts of the best attempt:'
        : `no roster meeting every hard rule was found within ${request.solver.timeLimitSeconds} s; first hard-rule conflicts of the best attempt:`,
      ...result.violations.slice(0, 10).map((v) => describeEngineViolation(v, catalog)),
      ...kpis.diagnostics.slice(0, 5),
    ]);
  }

  const reportStarted = Date.now();
  progress.update('report', undefined, 'breaks, coverage, service levels');
  const placed = placedShifts(result.assignment, mapping);
  const assignments = toAssignments(request, catalog, demand, placed);
  const coverage = coverageOf(
    demand,
    assignments.map((a) => a.internal),
  );
  serviceLevels(request, demand, coverage);
  fillKpis(kpis, request, catalog, demand, placed, coverage);
  kpis.objectiveComponents = { ...result.components, uncoverable: mapping.uncoverablePenalty };
  progress.done('report', `${placed.length} shifts (${((Date.now() - reportStarted) / 1000).toFixed(1)} s)`);

  const objective = result.objective + mapping.uncoverablePenalty;
  const engineBound = result.lowerBound + mapping.uncoverablePenalty;
  const candidates = [engineBound, stage1.lowerBound].filter((x) => Number.isFinite(x));
  const lowerBound = candidates.length ? Math.min(objective, Math.max(...candidates)) : null;
  const gap = lowerBound === null ? null : Math.max(0, (objective - lowerBound) / Math.max(1, Math.abs(objective)));
  const status: ScheduleStatus =
    gap !== null && gap <= 1e-6 ? 'optimal' : result.status === 'optimal' ? 'optimal' : result.status;
  return {
    status,
    objective,
    lowerBound,
    gap,
    assignments: assignments.map((a) => a.out),
    coverage,
    kpis,
    violations: softViolations(request, catalog, demand, model, result, coverage),
  };
}

function describeEngineViolation(
  v: { rule: string; employee?: string; day?: number; message: string },
  catalog: ShiftCatalog,
): string {
  const who = v.employee ? `agent ${v.employee}` : '';
  const when = v.day !== undefined ? ` on ${catalog.dates[v.day]}` : '';
  return `${v.rule}: ${who}${when}: ${v.message}`;
}

function placedShifts(assignment: Assignment, mapping: RosterMapping): Placed[] {
  const out: Placed[] = [];
  assignment.forEach((row, agent) => {
    row.forEach((t, day) => {
      if (t !== OFF) out.push({ agent, day, type: mapping.types[t]! });
    });
  });
  return out;
}

interface InternalShift {
  channel: string;
  start: number;
  end: number;
  breaks: { start: number; end: number }[];
}

function toAssignments(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  placed: Placed[],
): { out: AssignmentOut; internal: InternalShift }[] {
  const templates = new Map(request.templates.map((t) => [t.id, t]));
  const shifts: BreakShift[] = placed.map((p) => {
    const inst = catalog.instances[p.type.pattern]![p.day]!;
    return {
      channel: p.type.channel,
      start: inst.start,
      end: inst.end,
      template: templates.get(catalog.patterns[p.type.pattern]!.templateId)!,
    };
  });
  // Surplus before breaks, so breaks go where coverage can spare them.
  const surplus = new Map(demand.channels.map((c) => [c.channel, c.required.map((r) => -r)]));
  for (const s of shifts) {
    const row = surplus.get(s.channel);
    const [a, b] = coveredIntervals(demand, s.start, s.end);
    if (row) for (let i = a; i < b; i++) row[i]!++;
  }
  const breaks = placeBreaks(shifts, {
    origin: demand.origin,
    intervalMinutes: demand.intervalMinutes,
    intervals: demand.intervals,
    surplus,
  });
  const out = placed.map((p, k) => {
    const s = shifts[k]!;
    const site = catalog.siteOf.get(catalog.patterns[p.type.pattern]!.siteId)!;
    return {
      out: {
        agentId: request.agents[p.agent]!.id,
        siteId: site.id,
        templateId: s.template.id,
        channel: s.channel,
        start: formatInstant(s.start),
        end: formatInstant(s.end),
        localStart: formatLocal(s.start, site.timeZone),
        localEnd: formatLocal(s.end, site.timeZone),
        breaks: breaks[k]!.map((b) => ({ start: formatInstant(b.start), end: formatInstant(b.end) })),
      },
      internal: { channel: s.channel, start: s.start, end: s.end, breaks: breaks[k]! },
    };
  });
  return out.sort((a, b) => a.internal.start - b.internal.start || a.out.agentId.localeCompare(b.out.agentId));
}

/** On duty per (channel, interval): whole interval inside the shift and not touched by a break. */
export function coverageOf(demand: Demand, shifts: InternalShift[]): CoverageOut[] {
  const step = demand.intervalMinutes * MINUTE_MS;
  const counts = new Map(demand.channels.map((c) => [c.channel, new Array<number>(demand.intervals).fill(0)]));
  for (const s of shifts) {
    const row = counts.get(s.channel);
    if (!row) continue;
    const [a, b] = coveredIntervals(demand, s.start, s.end);
    for (let i = a; i < b; i++) {
      const from = demand.origin + i * step;
      if (!s.breaks.some((br) => br.start < from + step && br.end > from)) row[i]!++;
    }
  }
  return demand.channels.flatMap((c) =>
    c.required.map((required, i) => ({
      channel: c.channel,
      start: formatInstant(demand.origin + i * step),
      required,
      scheduled: counts.get(c.channel)![i]!,
      serviceLevel: null,
    })),
  );
}

function fillKpis(
  kpis: ReturnType<typeof emptyKpis>,
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  placed: Placed[],
  coverage: CoverageOut[],
): void {
  const hours = demand.intervalMinutes / 60;
  const byChannel: Record<string, number> = {};
  let under = 0;
  let over = 0;
  for (const c of coverage) {
    const u = Math.max(0, c.required - c.scheduled) * hours;
    under += u;
    over += Math.max(0, c.scheduled - c.required) * hours;
    byChannel[c.channel] = (byChannel[c.channel] ?? 0) + u;
  }
  kpis.underCoverageAgentHours = under;
  kpis.overCoverageAgentHours = over;
  kpis.underCoverageAgentHoursByChannel = byChannel;
  const nights: Record<string, number> = {};
  const weekends: Record<string, number> = {};
  for (const a of request.agents) {
    nights[a.id] = 0;
    weekends[a.id] = 0;
  }
  let cost = 0;
  const costBySite: Record<string, number> = Object.fromEntries(request.sites.map((s) => [s.id, 0]));
  for (const p of placed) {
    const id = request.agents[p.agent]!.id;
    const pay = catalog.instances[p.type.pattern]![p.day]!.cost;
    cost += pay;
    costBySite[catalog.patterns[p.type.pattern]!.siteId]! += pay;
    if (catalog.patterns[p.type.pattern]!.night) nights[id]!++;
    if (isWeekendDate(catalog.dates[p.day]!)) weekends[id]!++;
  }
  kpis.cost = cost;
  kpis.costBySite = costBySite;
  kpis.shifts = placed.length;
  kpis.nightsPerAgent = nights;
  kpis.weekendShiftsPerAgent = weekends;
}

function softViolations(
  request: ScheduleRequest,
  catalog: ShiftCatalog,
  demand: Demand,
  model: ReturnType<typeof rosterModelSchema.parse>,
  result: Awaited<ReturnType<typeof engineSolve>>,
  coverage: CoverageOut[],
): SoftViolation[] {
  const out: SoftViolation[] = [];
  const step = demand.intervalMinutes * MINUTE_MS;
  // Coverage shortfalls, merged into blocks per channel.
  let k = 0;
  for (const ch of demand.channels) {
    const weight = underWeightOf(request, ch.channel);
    let block: { from: number; to: number; missing: number } | undefined;
    const flush = () => {
      if (!block) return;
      out.push({
        rule: 'coverage',
        channel: ch.channel,
        start: formatInstant(demand.origin + block.from * step),
        end: formatInstant(demand.origin + block.to * step),
        weight: block.missing * weight,
        message: `${ch.channel}: ${block.missing} agent-intervals short`,
      });
      block = undefined;
    };
    for (let i = 0; i < demand.intervals; i++, k++) {
      const missing = Math.max(0, coverage[k]!.required - coverage[k]!.scheduled);
      if (missing === 0) flush();
      else if (block) {
        block.to = i + 1;
        block.missing += missing;
      } else block = { from: i, to: i + 1, missing };
    }
    flush();
  }
  const typeIndex = new Map(model.shiftTypes.map((t, i) => [t.id, i]));
  const employeeIndex = new Map(model.employees.map((e, i) => [e.id, i]));
  for (const r of model.requests) {
    const worked = result.assignment[employeeIndex.get(r.employee)!]![r.day]!;
    const hit = r.type === undefined ? worked !== OFF : worked === typeIndex.get(r.type);
    if (hit !== r.on)
      out.push({
        rule: 'preference',
        agentId: r.employee,
        start: catalog.dates[r.day]!,
        weight: r.weight,
        message: `${r.employee} ${r.on ? 'wanted to work' : 'wanted not to work'}${r.type ? ` ${r.type}` : ''} on ${catalog.dates[r.day]}`,
      });
  }
  if ((result.components.fairness ?? 0) > 0)
    out.push({
      rule: 'fairness',
      weight: result.components.fairness,
      message: 'some agents work more night or weekend shifts than the fair share',
    });
  return out;
}
