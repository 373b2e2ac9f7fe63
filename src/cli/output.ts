import { moneyText } from '../domain/currencies.ts';
import { neutraliseText } from '../domain/formula-cells.ts';

/** How answers are printed: a table on a terminal, JSON with --json or when piped, CSV with --csv. */
export type OutputMode = 'table' | 'json' | 'csv';

export function outputMode(options: { json?: boolean; csv?: boolean }): OutputMode {
  if (options.json) return 'json';
  if (options.csv) return 'csv';
  return process.stdout.isTTY ? 'table' : 'json';
}

type Cell = string | number | boolean | null | undefined | object;

/** A row's value in a column: any answer's rows print as they are typed (no cast to a string record). */
const cellOf = (row: object | undefined, column: string): Cell => (row !== undefined && column in row ? Reflect.get(row, column) : undefined);

export function renderTable(columns: string[], rows: readonly object[]): string {
  const text = (v: Cell) => (v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  const cells = rows.map((r) => columns.map((c) => text(cellOf(r, c))));
  const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((r) => width(r[i] ?? ''))));
  const line = (values: string[]) => values.map((v, i) => pad(v, widths[i] ?? 0, numeric(cellOf(rows[0], columns[i] ?? '')))).join('  ').trimEnd();
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Numbers, and amounts written out as text (`1234.50`), align right. */
const numeric = (v: Cell): boolean => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));

/** A table's money cells as text with exactly their currency's digits (ISO 4217: 8490 JPY, 3.50 USD, 1.250 KWD), for a
 * terminal; JSON and CSV keep the numbers, already exact to the minor unit. */
export function withMoneyText<R extends Record<string, Cell>>(columns: readonly { id: string; format?: string | undefined }[], rows: readonly R[]): R[] {
  const money = columns.filter((c) => c.format === 'money').map((c) => c.id);
  return rows.map((r) => {
    const currency = typeof r.currency === 'string' ? r.currency : null;
    return { ...r, ...Object.fromEntries(money.map((id) => [id, typeof r[id] === 'number' ? moneyText(r[id], currency) : r[id]])) };
  });
}

export function renderCsv(columns: string[], rows: readonly object[]): string {
  const quote = (v: Cell) => {
    // a text cell a spreadsheet would run as a formula is written as text (domain/formula-cells.ts); numbers as they are
    const s = v === null || v === undefined ? '' : typeof v === 'string' ? neutraliseText(v) : typeof v === 'object' ? neutraliseText(JSON.stringify(v)) : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(quote).join(','), ...rows.map((r) => columns.map((c) => quote(cellOf(r, c))).join(','))].join('\n');
}

/** Display width: CJK characters take two columns on a terminal. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, w: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return right ? fill + s : s + fill;
}
