/**
 * A small RFC 4180 reader: comma (or `;`/tab, detected from the header) separated, `"` quoting with `""`
 * escapes, CRLF or LF. Returns the header and each record with the 1-based line it started on, so
 * errors can name the line.
 */
export interface CsvTable {
  header: string[];
  rows: { line: number; cells: string[] }[];
}

export function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 1 ? counts[0]![0] : ',';
}

export function readCsv(text: string): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // BOM
  const delimiter = detectDelimiter(body.slice(0, body.indexOf('\n') >>> 0));
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let sawAny = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      sawAny = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      sawAny = true;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      if (sawAny || cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      sawAny = false;
      line++;
      recordLine = line;
    } else {
      cell += ch;
      sawAny = true;
    }
  }
  if (sawAny || cell !== '' || cells.length > 0) {
    cells.push(cell);
    if (cells.some((c) => c !== '')) records.push({ line: recordLine, cells });
  }
  const [head, ...rows] = records;
  return { header: (head?.cells ?? []).map((h) => h.trim()), rows };
}
