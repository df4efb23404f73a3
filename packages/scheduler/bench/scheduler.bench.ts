/**
 * Scheduler benchmark: seeded generated scenarios — 3 sites (Europe/Amsterdam, America/New_York,
 * Asia/Manila), voice + chat + email, 15-minute grid, 4 weeks from 2026-03-02 (spans the US change on
 * 8 March and the EU change on 29 March) — per size: status, time, peak memory, cost, lower bound, gap,
 * and whether the independent validator finds every hard rule held.
 *
 *   pnpm bench:scheduler                      # 60, 300, 1000 agents with 30 / 120 / 600 s limits
 *   pnpm bench:scheduler --sizes 60,300       # a subset
 *   pnpm bench:scheduler --sizes 60 --limit 10 --seed 2
 *   pnpm bench:scheduler --handover 0           # without handover links (default 15 min)
 *
 * Each size runs in its own child process so its peak RSS is its own.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parseInput } from '@allhours/core';
import { generateScenario, rosterSchema, schedule, scheduleRequestSchema, validateRoster } from '@allhours/scheduler';

const GOALS: Record<number, { limitSeconds: number; gap: number; goal: string }> = {
  60: { limitSeconds: 30, gap: 0.01, goal: 'optimal or gap ≤ 1 % in 30 s' },
  300: { limitSeconds: 120, gap: 0.03, goal: 'all hard rules, gap ≤ 3 % in 120 s' },
  1000: { limitSeconds: 600, gap: Number.POSITIVE_INFINITY, goal: 'feasible, all hard rules, ≤ 10 min, < 4 GiB' },
};

interface Row {
  agents: number;
  limitSeconds: number;
  status: string;
  seconds: number;
  peakMiB: number;
  shifts: number;
  cost: number;
  objective: number | null;
  /** Objective of the constructive start the solver began from. */
  startObjective: number | null;
  lowerBound: number | null;
  gap: number | null;
  underCoverageAgentHours: number;
  hardViolations: number;
  stage1Seconds: number;
  stage1Backend: string;
  /** Why the solver stopped: work (repeatable), time, proof. */
  stoppedOn: string;
  shiftTypes: string;
  note?: string;
}

const { values } = parseArgs({
  // `pnpm bench:x -- --flag` passes the `--` through: skip it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    size: { type: 'string' },
    sizes: { type: 'string', default: '60,300,1000' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '1' },
    handover: { type: 'string', default: '15' },
  },
});

const handoverOverlapMinutes = Number(values.handover);

async function runOne(agents: number, limitSeconds: number, seed: number): Promise<Row> {
  const request = parseInput(
    scheduleRequestSchema,
    generateScenario({ agents, seed, timeLimitSeconds: limitSeconds, handoverOverlapMinutes }),
    'scenario',
  );
  const started = performance.now();
  const result = await schedule(request);
  const seconds = (performance.now() - started) / 1000;
  const report = validateRoster(request, parseInput(rosterSchema, result));
  return {
    agents,
    limitSeconds,
    status: result.status,
    seconds,
    peakMiB: process.resourceUsage().maxRSS / 1024,
    shifts: result.assignments.length,
    cost: result.kpis.cost,
    objective: result.objective,
    startObjective: result.kpis.stage2.construct.objective,
    lowerBound: result.lowerBound,
    gap: result.gap,
    underCoverageAgentHours: result.kpis.underCoverageAgentHours,
    hardViolations: result.explanation ? -1 : report.violations.length,
    stage1Seconds: result.kpis.stage1.seconds,
    stage1Backend: result.kpis.stage1.backend,
    stoppedOn: result.kpis.stage2.stoppedOn,
    shiftTypes: `${result.kpis.stage2.shiftTypes}/${result.kpis.stage2.shiftTypesBeforePruning}`,
    ...(result.explanation && { note: result.explanation.slice(0, 2).join(' | ') }),
  };
}

function child(agents: number, limitSeconds: number, seed: number): Promise<Row> {
  const script = fileURLToPath(import.meta.url);
  const args = [
    ...process.execArgv,
    script,
    '--size',
    String(agents),
    '--limit',
    String(limitSeconds),
    '--seed',
    String(seed),
    '--handover',
    String(handoverOverlapMinutes),
  ];
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(line) as Row);
      } catch {
        reject(new Error(`size ${agents}: child exited ${code} without a result`));
      }
    });
  });
}

const fmt = (x: number | null, digits = 1) => (x === null || !Number.isFinite(x) ? '—' : x.toFixed(digits));

if (values.size) {
  const agents = Number(values.size);
  const limit = Number(values.limit ?? GOALS[agents]?.limitSeconds ?? 60);
  process.stdout.write(`${JSON.stringify(await runOne(agents, limit, Number(values.seed)))}\n`);
} else {
  const sizes = values.sizes.split(',').map(Number);
  console.log(
    'allhours scheduler benchmark — 3 sites (AMS, NYC, MNL), voice/chat/email, 15-min grid, 28 days from 2026-03-02',
  );
  console.log(
    `node ${process.version}, seed ${values.seed}, handover overlap ${handoverOverlapMinutes} min; hard rules checked by the independent validator\n`,
  );
  const header = [
    'agents',
    'limit s',
    'status',
    'time s',
    'peak MiB',
    'shifts',
    'cost',
    'objective',
    'start obj.',
    'lower bound',
    'gap %',
    'under h',
    'hard viol.',
    'stage1 s',
    'types',
    'goal',
  ];
  const rows: string[][] = [];
  for (const agents of sizes) {
    const limit = Number(values.limit ?? GOALS[agents]?.limitSeconds ?? 60);
    const goal = GOALS[agents];
    try {
      const r = await child(agents, limit, Number(values.seed));
      const met =
        r.hardViolations === 0 &&
        r.status !== 'infeasible' &&
        r.seconds <= limit * 1.05 &&
        (goal === undefined || r.status === 'optimal' || (r.gap ?? Number.POSITIVE_INFINITY) <= goal.gap) &&
        r.peakMiB < 4096;
      rows.push([
        String(agents),
        String(limit),
        `${r.status} (${r.stoppedOn})`,
        fmt(r.seconds),
        fmt(r.peakMiB, 0),
        String(r.shifts),
        fmt(r.cost, 0),
        fmt(r.objective, 0),
        fmt(r.startObjective, 0),
        fmt(r.lowerBound, 0),
        r.gap === null ? '—' : fmt(r.gap * 100, 2),
        fmt(r.underCoverageAgentHours, 0),
        r.hardViolations < 0 ? '—' : String(r.hardViolations),
        `${fmt(r.stage1Seconds)} (${r.stage1Backend})`,
        r.shiftTypes,
        `${met ? 'MET' : 'MISSED'}: ${goal?.goal ?? '—'}`,
      ]);
      if (r.note) console.log(`  ${agents} agents: ${r.note}`);
    } catch (e) {
      rows.push([
        String(agents),
        String(limit),
        'error',
        ...new Array(header.length - 4).fill('—'),
        (e as Error).message,
      ]);
    }
    console.log(rows.at(-1)!.join(' | '));
  }
  console.log('');
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => c.padEnd(widths[k]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
