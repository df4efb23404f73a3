import { readFile } from 'node:fs/promises';
import { InputError } from '@allhours/core';

/** Read all of stdin as text. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Text of a file, `-` meaning stdin; a missing file is an input error naming it. */
export async function readText(path: string): Promise<string> {
  if (path === '-') return readStdin();
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ path, message: code === 'ENOENT' ? 'file not found' : `cannot be read (${code})` }]);
  }
}

/** JSON.parse with the position of a syntax error reported as an input error. */
export function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputError([{ path: '(root)', message: `invalid JSON: ${(e as Error).message}` }], source);
  }
}
