import { headerSearchDepth, type SourceRow } from './table.ts';

const candidates = ['\t', ',', ';', '|'] as const;

/** The delimiter used most on the busiest of the first lines: the header is the widest line. */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split('\n', headerSearchDepth);
  let best: string = ',';
  let bestCount = 0;
  for (const d of candidates) {
    const count = Math.max(0, ...lines.map((l) => countOutsideQuotes(l, d)));
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) n++;
  }
  return n;
}

/**
 * RFC 4180 reader that remembers the line each record starts on. Lenient where Amazon is:
 * text after a closing quote is kept (`"31\"" x 19\""` reads as `31\" x 19\"`), ragged rows pass,
 * blank lines are skipped.
 */
export function parseDelimited(text: string, delimiter = sniffDelimiter(text)): SourceRow[] {
  const rows: SourceRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRecord = () => {
    cells.push(field);
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      rowLine = line;
    } else {
      field += ch;
    }
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}
