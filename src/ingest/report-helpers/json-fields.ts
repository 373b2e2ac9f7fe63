import { both, type Texts } from '../../domain/messages.ts';
import type { Problem } from '../../domain/errors.ts';
import { parseDate } from '../values/date.ts';
import { parseMoney, type Money } from '../values/money.ts';
import { parseInteger, parsePercent } from '../values/number.ts';
import { fileProblem, jsonValueProblem } from '../problems.ts';
import type { Parsed } from '../values/parsed.ts';

/**
 * Reading SP-API JSON reports with the shared value parsers: a value that does not parse becomes
 * null plus a Problem naming its JSON path, as FieldReader does for a CSV line and column.
 * (sales-traffic-json keeps a private copy of the same idea; this one is shared by our JSON families.)
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const objectAt = (v: unknown, key: string): Json => (isObject(v) && isObject(v[key]) ? v[key] : {});
export const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
export const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

const numeric = (v: unknown): string | number => (typeof v === 'number' || typeof v === 'string' ? v : Number.NaN);

export class JsonFields {
  readonly currencies = new Set<string>();

  constructor(private readonly file: string, readonly problems: Problem[] = []) {}

  read<T>(path: string, value: unknown, parse: (v: unknown) => Parsed<T>): T | null {
    if (value === undefined || value === null) return null;
    const parsed = parse(value);
    if (parsed.ok) return parsed.value;
    this.problems.push(jsonValueProblem(this.file, path, value, parsed.expected));
    return null;
  }

  int(obj: Json, key: string, at: string): bigint | null {
    return this.read(`${at}.${key}`, obj[key], (v) => parseInteger(numeric(v)));
  }

  /** SP-API writes shares and rates as fractions (0.0765), never 0–100 */
  fraction(obj: Json, key: string, at: string): string | null {
    return this.read(`${at}.${key}`, obj[key], (v) => parsePercent(numeric(v), 'fraction'));
  }

  /** `{amount, currencyCode}` → exact amount; the currency is kept as marketplace evidence */
  money(obj: Json, key: string, at: string): Money | null {
    const money = this.read(`${at}.${key}`, obj[key], (v): Parsed<Money> => {
      if (!isObject(v)) return { ok: false, expected: 'a money object {amount, currencyCode}' };
      const parsed = parseMoney(numeric(v.amount));
      if (!parsed.ok || !parsed.value) return parsed;
      return { ok: true, value: { amount: parsed.value.amount, currency: text(v.currencyCode)?.toUpperCase() ?? null } };
    });
    if (money?.currency) this.currencies.add(money.currency);
    return money;
  }

  /** `2025-01-05` or `2020-09-06T00:00Z`: the day as written (SP-API dates are already the report's days) */
  date(obj: Json, key: string, at: string): string | null {
    return this.read(`${at}.${key}`, obj[key], (v) => parseDate(typeof v === 'string' ? v.trim().slice(0, 10) : Number.NaN));
  }

  missing(path: string, why: string | Texts): void {
    this.problems.push(fileProblem('missing_field', { path, reason: typeof why === 'string' ? both(why) : why }, { file: this.file, column: path }));
  }
}

/** The span of the rows' own dates: the period a JSON report covers. */
export function spanOf(rows: readonly { date_from?: unknown; date_to?: unknown }[]): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const row of rows) {
    if (typeof row.date_from === 'string' && (from === null || row.date_from < from)) from = row.date_from;
    if (typeof row.date_to === 'string' && (to === null || row.date_to > to)) to = row.date_to;
  }
  return from && to ? { from, to } : null;
}
