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
  const splitter = new DelimitedSplitter(delimiter);
  return splitter.end(splitter.push(text));
}

/**
 * The same reader fed chunk by chunk (a file's text as it is decoded): records come out as they
 * complete, with the lines they start on. A chunk ending in CR or in a quote inside a quoted field
 * is held back until the next one tells whether a LF or a second quote follows.
 */
export class DelimitedSplitter {
  private cells: string[] = [];
  private field = '';
  private quoted = false;
  private line = 1;
  private rowLine = 1;
  private held = '';
  /** the last character of the text so far: a file whose text ends without a line end may be cut short */
  lastChar = '';
  private readonly plainStop: RegExp;

  constructor(readonly delimiter: string) {
    this.plainStop = new RegExp(`[${delimiter.replace(/[\\^\]-]/g, '\\$&')}"\r\n]`, 'g');
  }

  push(chunk: string, rows: SourceRow[] = []): SourceRow[] {
    if (chunk === '') return rows;
    this.lastChar = chunk.charAt(chunk.length - 1);
    const text = this.held + chunk;
    this.held = '';
    this.scan(text, false, rows);
    return rows;
  }

  end(rows: SourceRow[] = []): SourceRow[] {
    const text = this.held;
    this.held = '';
    this.scan(text, true, rows);
    if (this.field !== '' || this.cells.length > 0) this.endRecord(rows);
    return rows;
  }

  private scan(text: string, final: boolean, rows: SourceRow[]): void {
    const n = text.length;
    let i = 0;
    while (i < n) {
      if (this.quoted) {
        quotedStop.lastIndex = i;
        const j = quotedStop.exec(text)?.index ?? n;
        if (j > i) this.field += text.slice(i, j);
        if (j === n) return;
        if (text.charCodeAt(j) === 10) {
          this.line++;
          this.field += '\n';
          i = j + 1;
        } else if (j + 1 === n && !final) {
          this.held = '"';
          return;
        } else if (text.charCodeAt(j + 1) === 34) {
          this.field += '"';
          i = j + 2;
        } else {
          this.quoted = false;
          i = j + 1;
        }
        continue;
      }
      this.plainStop.lastIndex = i;
      let j = this.plainStop.exec(text)?.index ?? n;
      if (j > i) this.field += text.slice(i, j);
      if (j === n) return;
      const ch = text.charAt(j);
      if (ch === '"') {
        if (this.field === '') this.quoted = true;
        else this.field += '"';
      } else if (ch === this.delimiter) {
        this.cells.push(this.field);
        this.field = '';
      } else {
        if (ch === '\r') {
          if (j + 1 === n && !final) {
            this.held = '\r';
            return;
          }
          if (text.charCodeAt(j + 1) === 10) j++;
        }
        this.endRecord(rows);
        this.line++;
        this.rowLine = this.line;
      }
      i = j + 1;
    }
  }

  private endRecord(rows: SourceRow[]): void {
    this.cells.push(this.field);
    if (this.cells.length > 1 || this.cells[0] !== '') rows.push({ line: this.rowLine, cells: this.cells });
    this.cells = [];
    this.field = '';
  }
}

const quotedStop = /["\n]/g;
