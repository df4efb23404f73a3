#!/usr/bin/env node
// The published package runs its build (dist/). In a source checkout (src/ present, ts-node installed) it runs
// the TypeScript sources directly, with the `@allhours/source` export condition so the sibling packages
// resolve to their src/ too: no build step between editing and running.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const source = here('../src/main.ts');
const built = here('../dist/main.js');

function tsNodeAvailable() {
  try {
    createRequire(import.meta.url).resolve('ts-node/esm');
    return true;
  } catch {
    return false;
  }
}

if (existsSync(source) && tsNodeAvailable() && !process.env.ALLHOURS_USE_DIST) {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@allhours/source',
      '--disable-warning=ExperimentalWarning',
      '--loader',
      'ts-node/esm',
      source,
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { TS_NODE_TRANSPILE_ONLY: 'true', ...process.env } },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => {
    if (signal) process.kill(process.pid, signal);
    else process.exit(code ?? 1);
  });
} else {
  await import(pathToFileURL(built).href);
}
