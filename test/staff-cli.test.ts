import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '@allhours/cli';
import { describe, expect, test } from 'vitest';

async function staffCli(request: unknown) {
  const dir = await mkdtemp(join(tmpdir(), 'allhours-staff-'));
  const file = join(dir, 'request.json');
  await writeFile(file, JSON.stringify(request));
  let stdout = '';
  let stderr = '';
  const code = await runCli(['staff', '--input', file], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const voice = {
  name: 'voice',
  model: 'erlangC',
  volumes: [100, 120],
  ahtSeconds: 180,
  targets: { serviceLevel: 0.8, answerWithinSeconds: 20, maxOccupancy: 0.85 },
  shrinkage: 0.3,
};

describe('allhours staff', () => {
  test('sizes the worked example: 14 agents, 20 scheduled, JSON on stdout', async () => {
    const r = await staffCli({ intervalMinutes: 30, channels: [voice] });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.channels[0].intervals[0]).toMatchObject({ agents: 14, scheduledAgents: 20 });
    expect(out.channels[0].intervals[0].serviceLevel).toBeCloseTo(0.88835, 5);
    expect(out.channels[0].totals.agentHours).toBe(15);
  });

  test('an unstable staffing level prints ASA as null', async () => {
    const r = await staffCli({ intervalMinutes: 30, channels: [{ ...voice, agents: [9, 20] }] });
    expect(r.code).toBe(0);
    const row = JSON.parse(r.stdout).channels[0].intervals[0];
    expect(row.asaSeconds).toBeNull();
    expect(row.serviceLevel).toBe(0);
  });

  test.each([
    ['negative volume', { volumes: [100, -5] }, 'channels[0].volumes[1]'],
    ['shrinkage ≥ 1', { shrinkage: 1 }, 'channels[0].shrinkage'],
    [
      'service level outside (0,1)',
      { targets: { serviceLevel: 1.2, answerWithinSeconds: 20 } },
      'channels[0].targets.serviceLevel',
    ],
    ['mismatched array lengths', { agents: [10, 11, 12] }, 'channels[0].agents'],
    ['unknown model', { model: 'erlangZ' }, 'channels[0].model'],
  ])('%s exits 2 naming the field', async (_, change, field) => {
    const r = await staffCli({ intervalMinutes: 30, channels: [{ ...voice, ...change }] });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(field);
    expect(r.stdout).toBe('');
  });

  test('the request schema is printed from zod', async () => {
    let stdout = '';
    expect(await runCli(['schema', 'staff'], { stdout: (t) => (stdout += t), stderr: () => {} })).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.properties.channels.items.properties.model.enum).toEqual([
      'erlangB',
      'erlangC',
      'erlangA',
      'chat',
      'deferred',
    ]);
    expect(schema.description).toMatch(/null/);
  });
});
