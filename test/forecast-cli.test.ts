import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@allhours/cli';
import { describe, expect, test } from 'vitest';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Three weeks of half-hourly interval counts in Amsterdam local time, as CSV rows. */
function historyCsv(weeks = 3): string {
  const lines = ['start,volume,ahtSeconds'];
  const start = Date.UTC(2026, 10, 1, 23); // 2026-11-02 00:00 local, a Monday
  for (let i = 0; i < weeks * 7 * 48; i++) {
    const t = start + i * 1_800_000;
    const hour = new Date(t + 3_600_000).getUTCHours();
    const volume = hour >= 8 && hour < 20 ? 10 + ((i * 7) % 5) : 0;
    lines.push(`${new Date(t).toISOString()},${volume},${volume ? 240 : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('allhours forecast / backtest', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'allhours-forecast-'));
  await writeFile(join(dir, 'history.csv'), historyCsv());
  const write = async (name: string, request: unknown) => {
    const f = join(dir, name);
    await writeFile(f, JSON.stringify(request));
    return f;
  };

  test('forecast reads the history file next to the request and prints the JSON contract', async () => {
    const f = await write('request.json', {
      history: { file: 'history.csv', format: 'intervals' },
      timeZone: 'Europe/Amsterdam',
      intervalMinutes: 30,
      horizonDays: 7,
      specialDays: [{ date: '2026-11-25', label: 'Campaign', multiplier: 2 }],
      quantiles: [0.1, 0.5, 0.9],
      model: 'auto',
    });
    const r = await cli(['forecast', '--input', f, '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.model).toMatch(/^auto/);
    expect(out.timeZone).toBe('Europe/Amsterdam');
    expect(out.intervalMinutes).toBe(30);
    expect(out.intervals).toHaveLength(7 * 48);
    const first = out.intervals[0];
    expect(first.start).toBe('2026-11-23T00:00:00.000+01:00');
    expect(Object.keys(first.quantiles)).toEqual(['0.1', '0.5', '0.9']);
    const at = (s: string) => out.intervals.find((i: { start: string }) => i.start.startsWith(s));
    expect(at('2026-11-25T10:00').volume).toBeCloseTo(2 * at('2026-11-24T10:00').volume, -1);
    expect(at('2026-11-24T10:00').ahtSeconds).toBeCloseTo(240, 6);
    expect(at('2026-11-24T03:00').volume).toBe(0);
    expect(out.openHours.source).toBe('inferred');
  });

  test('backtest prints a table with the model and its baselines', async () => {
    await writeFile(join(dir, 'long.csv'), historyCsv(5));
    const f = await write('backtest.json', {
      history: { file: 'long.csv' },
      timeZone: 'Europe/Amsterdam',
      model: 'regression',
      origins: 2,
    });
    const r = await cli(['backtest', '--input', f, '--quiet', '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/WAPE/);
    expect(r.stdout).toMatch(/regression.*day-ahead/);
    expect(r.stdout).toMatch(/seasonal-naive.*week-ahead/);
    const json = JSON.parse((await cli(['backtest', '--input', f, '--quiet'])).stdout);
    expect(json.results).toHaveLength(3);
    expect(json.results[0].completedOrigins).toBe(2);
  });

  test('bad input exits 2 naming the line, field or problem', async () => {
    await writeFile(join(dir, 'bad.csv'), 'start,volume\n2026-11-02T00:00:00Z,3\nnot-a-time,4\n');
    const bad = await write('bad.json', { history: { file: 'bad.csv' }, timeZone: 'Europe/Amsterdam' });
    const r1 = await cli(['forecast', '--input', bad, '--quiet']);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('bad.csv: line 3.start');

    await writeFile(join(dir, 'dup.csv'), 'start,volume\n2026-11-02T00:00:00Z,3\n2026-11-02T01:00:00+01:00,4\n');
    const dup = await write('dup.json', { history: { file: 'dup.csv' }, timeZone: 'Europe/Amsterdam' });
    const r2 = await cli(['forecast', '--input', dup, '--quiet']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/line 3\.start: duplicate interval/);

    const zone = await write('zone.json', { history: { file: 'history.csv' }, timeZone: 'Europe/Atlantis' });
    const r3 = await cli(['forecast', '--input', zone, '--quiet']);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toMatch(/timeZone: unknown IANA time zone/);

    await writeFile(join(dir, 'short.csv'), historyCsv(1));
    const short = await write('short.json', { history: { file: 'short.csv' }, timeZone: 'Europe/Amsterdam' });
    const r4 = await cli(['forecast', '--input', short, '--quiet']);
    expect(r4.code).toBe(2);
    expect(r4.stderr).toMatch(/history: covers 7\.0 days; weekly models need at least 14 days/);
  });
});
