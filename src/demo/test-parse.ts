/** Small readers used by the demo's tests to look at the written files the way an importer would. */
import type { DemoFile } from './demo-file.ts';

/** RFC 4180 CSV (or TSV without quoting) into rows of fields. */
export function parseDelimited(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"' && delimiter === ',') quoted = true;
    else if (ch === delimiter) { row.push(field); field = ''; } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Rows as records keyed by header, header on line `headerLine` (0-based). */
export function records(file: DemoFile, options: { delimiter?: string; headerLine?: number; encoding?: 'utf8' | 'latin1' } = {}): Record<string, string>[] {
  const text = file.content.toString(options.encoding ?? 'utf8').replace(/^\uFEFF/, '');
  const rows = parseDelimited(text, options.delimiter ?? ',');
  const header = rows[options.headerLine ?? 0] ?? [];
  return rows.slice((options.headerLine ?? 0) + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** `$1,699.32`, `"545,79 €"`, `￥8,960` → number. */
export function parseMoney(text: string, decimalComma = false): number {
  const cleaned = text.replace(/[^\d,.-]/g, '');
  return Number(decimalComma ? cleaned.replace(/\./g, '').replace(',', '.') : cleaned.replace(/,/g, ''));
}

export function headerOf(file: DemoFile, delimiter = ',', headerLine = 0, encoding: 'utf8' | 'latin1' = 'utf8'): string[] {
  const text = file.content.toString(encoding).replace(/^\uFEFF/, '');
  return parseDelimited(text.split(/\r?\n/)[headerLine] ?? '', delimiter)[0] ?? [];
}
