import { runCli } from '@allhours/cli';
import { describe, expect, test } from 'vitest';

/** Run the CLI in-process with a request on a temp file; returns exit code and what it printed. */
async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('CLI frame', () => {
  test('--help lists the commands and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/resample/);
  });

  test('an unknown command exits 2', async () => {
    expect((await cli(['nope'])).code).toBe(2);
  });

  test('schema prints a JSON Schema generated from the zod schema', async () => {
    const r = await cli(['schema', 'resample']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.intervalMinutes.enum).toEqual([5, 6, 10, 15, 30, 60]);
    expect(schema.required).toContain('series');
  });

  test('every command has a schema and help', async () => {
    const { commands } = await import('@allhours/cli');
    for (const c of commands) {
      expect((await cli(['schema', c.name])).code).toBe(0);
      const help = await cli([c.name, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`allhours ${c.name}`);
    }
  });
});

describe('CLI errors', async () => {
  const { mkdtemp, writeFile, readFile } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = await mkdtemp(join(tmpdir(), 'allhours-cli-'));

  test('invalid JSON exits 2 and says so', async () => {
    const f = join(dir, 'bad.json');
    await writeFile(f, '{ "series": ');
    const r = await cli(['resample', '--input', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid JSON/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  test('a wrong field exits 2 with the field path', async () => {
    const f = join(dir, 'wrong.json');
    await writeFile(
      f,
      JSON.stringify({
        series: { start: '2026-01-01T00:00:00Z', intervalMinutes: 15, values: [1, 'x'] },
        intervalMinutes: 60,
      }),
    );
    const r = await cli(['resample', '--input', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('series.values[1]');
  });

  test('a missing input file exits 2 naming it', async () => {
    const r = await cli(['resample', '--input', join(dir, 'missing.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.json: file not found/);
  });

  test('--output writes the result to a file', async () => {
    const f = join(dir, 'ok.json');
    const out = join(dir, 'out.json');
    await writeFile(
      f,
      JSON.stringify({
        series: { start: '2026-01-01T00:00:00Z', intervalMinutes: 15, values: [1, 2, 3, 4] },
        intervalMinutes: 30,
      }),
    );
    const r = await cli(['resample', '--input', f, '--output', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(out, 'utf8')).values).toEqual([3, 7]);
  });

  test('an unknown flag exits 2', async () => {
    expect((await cli(['resample', '--bogus'])).code).toBe(2);
  });
});
