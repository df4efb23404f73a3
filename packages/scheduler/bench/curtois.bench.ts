/**
 * The roster engine against the Curtois benchmark (Instances 1–24, schedulingbenchmarks.org).
 *   pnpm bench:curtois [--instances 1-12] [--time-limit 60] [--seed 1 | --seeds 1-3] [--data path/to/curtois]
 * Without --time-limit each instance gets its goal budget: 60 s (1–4), 120 s (5–12), 600 s (13–24).
 * With several seeds each instance runs once per seed and a summary gives the mean, the spread and how many
 * runs met the goal: on the large instances one seed's result moves by more than most changes to the engine
 * (Curtois 13 at 600 s: 1,553 / 1,643 / 1,716 with seeds 1–3), so a change is judged over seeds.
 * The instances are read from the steering repo's shared/curtois/ (not shipped with the package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stderrProgress } from '@allhours/core';
import { readCurtois } from '../src/curtois/read.js';
import { evaluate } from '../src/engine/evaluate.js';
import { solve } from '../src/engine/solve.js';

const { values } = parseArgs({
  // `pnpm bench:x -- --flag` passes the `--` through: skip it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    instances: { type: 'string', default: '1-12' },
    'time-limit': { type: 'string' },
    seed: { type: 'string' },
    seeds: { type: 'string' },
    data: { type: 'string' },
  },
});

const dataDir = values.data ?? fileURLToPath(new URL('../../../../shared/curtois/', import.meta.url));
if (!existsSync(`${dataDir}/best_known.csv`)) {
  console.log(`Curtois data not found at ${dataDir} (shared/curtois/ is not part of the package); pass --data <dir>.`);
  process.exit(0);
}

function parseRange(spec: string, flag: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    if (!Number.isInteger(a) || (b !== undefined && !Number.isInteger(b))) throw new Error(`bad --${flag} "${spec}"`);
    return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, i) => a! + i);
  });
}

const bestKnown = new Map<number, { lb: number; ub: number }>();
for (const line of readFileSync(`${dataDir}/best_known.csv`, 'utf8').trim().split('\n').slice(1)) {
  const f = line.split(',');
  bestKnown.set(Number(f[0]!.replace('Instance', '')), { lb: Number(f[9]), ub: Number(f[10]) });
}
const goalSeconds = (n: number) => (n <= 4 ? 60 : n <= 12 ? 120 : 600);
const goalGap = (n: number) => (n <= 4 ? 0 : n <= 12 ? 0.02 : 0.1);

if (values.seed !== undefined && values.seeds !== undefined) throw new Error('give --seed or --seeds, not both');
const seeds = parseRange(values.seeds ?? values.seed ?? '1', values.seeds ? 'seeds' : 'seed');
const header = [
  'instance',
  'seed',
  'best known',
  'ours',
  'gap %',
  'goal',
  'our LB',
  'time s',
  'limit s',
  'status',
  'hard viol.',
  'moves/s',
  'LNS/s',
  'stop',
];
const print = (r: string[]) => console.log(r.map((x, i) => (i === 0 ? x.padEnd(10) : x.padStart(10))).join(' '));
print(header);
const runs: { n: number; objective: number; gap: number; met: boolean }[] = [];
for (const n of parseRange(values.instances!, 'instances')) {
  const known = bestKnown.get(n);
  if (!known) continue;
  const model = readCurtois(readFileSync(`${dataDir}/Instance${n}.txt`, 'utf8'), `Instance${n}.txt`);
  const limit = values['time-limit'] ? Number(values['time-limit']) : goalSeconds(n);
  for (const seed of seeds) {
    const started = performance.now();
    // Progress on stderr (a 10-minute instance otherwise shows nothing); the table stays on stdout.
    process.stderr.write(`Instance${n}, seed ${seed}: ${limit} s\n`);
    const result = await solve(model, { timeLimitSeconds: limit, seed, progress: stderrProgress() });
    const seconds = (performance.now() - started) / 1000;
    // The evaluator, not the solver, is the judge of both the objective and the hard rules.
    const judged = evaluate(model, result.assignment);
    const gap = (judged.objective - known.ub) / known.ub;
    const met = gap <= goalGap(n) + 1e-9 && seconds <= goalSeconds(n) * 1.05;
    const row = [
      `${n}`,
      `${seed}`,
      `${known.ub}`,
      `${judged.objective}`,
      (100 * gap).toFixed(2),
      met ? 'met' : 'missed',
      Number.isFinite(result.lowerBound) ? result.lowerBound.toFixed(1) : '—',
      seconds.toFixed(1),
      `${limit}`,
      result.status,
      `${judged.violations.length}`,
      `${result.stats.movesPerSecond}`,
      `${result.stats.lnsStepsPerSecond}`,
      result.stats.stoppedOn,
    ];
    runs.push({ n, objective: judged.objective, gap, met });
    print(row);
  }
}
const metCount = runs.filter((r) => r.met).length;
const what = seeds.length > 1 ? 'runs' : 'instances';
console.log(
  `\n${metCount}/${runs.length} ${what} met their goal (1–4 optimal in 60 s, 5–12 ≤ 2% in 120 s, 13–24 ≤ 10% in 600 s).`,
);
if (seeds.length > 1) {
  console.log(`\nover seeds ${values.seeds}:`);
  const summary = ['instance', 'mean', 'min', 'max', 'mean gap %', 'met'];
  print(summary);
  for (const n of new Set(runs.map((r) => r.n))) {
    const of = runs.filter((r) => r.n === n);
    const objectives = of.map((r) => r.objective);
    const mean = objectives.reduce((a, b) => a + b, 0) / of.length;
    print([
      `${n}`,
      mean.toFixed(1),
      `${Math.min(...objectives)}`,
      `${Math.max(...objectives)}`,
      ((100 * of.reduce((a, r) => a + r.gap, 0)) / of.length).toFixed(2),
      `${of.filter((r) => r.met).length}/${of.length}`,
    ]);
  }
}
