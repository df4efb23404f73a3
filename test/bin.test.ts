import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = fileURLToPath(new URL('../node_modules/.bin/allhours', import.meta.url));

describe('the allhours bin', () => {
  test('pipes JSON from stdin to stdout', () => {
    const r = spawnSync(bin, ['resample'], {
      cwd: root,
      input: JSON.stringify({
        series: { start: '2026-01-01T00:00:00Z', intervalMinutes: 30, values: [4] },
        intervalMinutes: 15,
      }),
      encoding: 'utf8',
    });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).values).toEqual([2, 2]);
  });

  test('bad input exits 2 with no stack trace', () => {
    const r = spawnSync(bin, ['resample'], { cwd: root, input: '{"intervalMinutes": 7}', encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('intervalMinutes');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });
});
