import { describe, expect, test } from 'vitest';
import { readCsv } from '../src/index.js';

describe('readCsv', () => {
  test('reads quoted cells with commas, escaped quotes and newlines, and names the line of each record', () => {
    const t = readCsv('a,b\r\n1,"x, ""y"""\n2,"multi\nline"\n\n3,z');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([
      { line: 2, cells: ['1', 'x, "y"'] },
      { line: 3, cells: ['2', 'multi\nline'] },
      { line: 6, cells: ['3', 'z'] },
    ]);
  });

  test('detects semicolons and tabs from the header', () => {
    expect(readCsv('start;volume\n2026-01-01T00:00Z;3\n').rows[0]!.cells).toEqual(['2026-01-01T00:00Z', '3']);
    expect(readCsv('start\tvolume\nx\t4').rows[0]!.cells).toEqual(['x', '4']);
  });
});
