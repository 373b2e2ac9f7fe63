import { localDateOf } from '../../domain/local-date.ts';
import type { Cell } from '../table.ts';
import { given, isEmptyText, refused, type Parsed } from './parsed.ts';

export interface DateOptions {
  /** how to read `06/07/22`: US reports are month first (the default), EU ones day first */
  order?: 'MDY' | 'DMY';
  /** marketplace zone: a timestamp with an offset becomes the local calendar day there */
  timeZone?: string;
}

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};
const excelEpoch = Date.UTC(1899, 11, 30);

/**
 * A marketplace-local date `YYYY-MM-DD` from the forms reports use: ISO (with time and offset),
 * `Nov 16, 2019`, `07-Sep-2019`, `MM/DD/YYYY`, `DD.MM.YYYY`, `2019/11/16`, Excel serials and XLSX dates.
 */
export function parseDate(cell: Cell, options: DateOptions = {}): Parsed<string> {
  const expected = { en: 'a date, e.g. 2026-10-31, 10/31/2026 or Oct 31, 2026', zh: '日期，例如 2026-10-31、10/31/2026 或 Oct 31, 2026' };
  if (cell === null) return given(null);
  if (cell instanceof Date) return given(options.timeZone ? localDateOf(cell, options.timeZone) : cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') {
    // Excel serial day (1900 system); serials before 1900-03-01 are Lotus-bug territory and never Amazon data
    if (cell < 61 || cell > 2958465) return refused(expected);
    return given(new Date(excelEpoch + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10));
  }
  if (typeof cell !== 'string') return refused(expected);
  if (isEmptyText(cell)) return given(null);
  const text = cell.trim();
  const date = isoDateTime(text, options) ?? numericDate(text, options) ?? namedMonthDate(text);
  return date ? given(date) : refused(expected);
}

function isoDateTime(text: string, options: DateOptions): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!m) return undefined;
  const written = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!written || !m[4] || !m[5] || !options.timeZone) return written;
  const zone = m[5] === 'UTC' ? 'Z' : m[5].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const instant = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}${zone}`);
  return Number.isNaN(instant.getTime()) ? undefined : localDateOf(instant, options.timeZone);
}

function numericDate(text: string, options: DateOptions): string | undefined {
  let m = /^(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})$/.exec(text);
  if (m) {
    const [a, b, year] = [Number(m[1]), Number(m[3]), fullYear(m[4] ?? '')];
    const dayFirst = m[2] === '.' || options.order === 'DMY';
    return dayFirst ? ymd(year, b, a) : ymd(year, a, b);
  }
  m = /^(\d{4})[/.年](\d{1,2})[/.月](\d{1,2})日?$/.exec(text);
  return m ? ymd(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** `Nov 16, 2019`, `Feb 1, 2020 12:24:25 AM PST` (the written day), `07-Sep-2019`, `16 Nov 2019` */
function namedMonthDate(text: string): string | undefined {
  let m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s.*)?$/.exec(text);
  if (m) return ymd(Number(m[3]), monthOf(m[1] ?? ''), Number(m[2]));
  m = /^(\d{1,2})[\s-]([A-Za-z]{3,9})\.?[\s-](\d{4}|\d{2})$/.exec(text);
  return m ? ymd(fullYear(m[3] ?? ''), monthOf(m[2] ?? ''), Number(m[1])) : undefined;
}

function monthOf(name: string): number {
  const n = name.toLowerCase();
  return months[n] ?? months[n.slice(0, 3)] ?? 0;
}

function fullYear(text: string): number {
  return text.length === 2 ? 2000 + Number(text) : Number(text);
}

function ymd(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return d.toISOString().slice(0, 10);
}
