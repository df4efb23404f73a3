import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// Each example checks its own output with node:assert; here each one runs exactly as the README documents
// (`pnpm ts examples/<name>.ts`, i.e. ts-node with the source condition) and must exit 0.
const root = fileURLToPath(new URL('..', import.meta.url));
const examples = readdirSync(new URL('../examples/', import.meta.url)).filter((f) => f.endsWith('.ts'));

describe('examples', () => {
  test('there are examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  test.each(examples)(
    '%s runs and passes its own checks',
    (file) => {
      const r = spawnSync(
        process.execPath,
        [
          '--conditions=@allhours/source',
          '--disable-warning=ExperimentalWarning',
          '--loader',
          'ts-node/esm',
          `examples/${file}`,
        ],
        { cwd: root, encoding: 'utf8', env: { ...process.env, TS_NODE_TRANSPILE_ONLY: 'true' }, timeout: 240_000 },
      );
      expect(r.stderr.includes('AssertionError') ? r.stderr : '', `${file} failed its own checks`).toBe('');
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      expect(r.stdout.length).toBeGreaterThan(0);
    },
    300_000,
  );
});
