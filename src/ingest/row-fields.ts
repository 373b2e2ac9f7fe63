import type { Problem } from '../domain/errors.ts';
import type { HeaderColumn } from './header.ts';
import { cellText, type Cell, type SourceRow } from './table.ts';
import { parseDate, type DateOptions } from './values/date.ts';
import type { DecimalSeparator } from './values/decimal-text.ts';
import { parseMoney, type Money } from './values/money.ts';
import { parseDecimal, parseInteger, parsePercent } from './values/number.ts';
import type { Parsed } from './values/parsed.ts';

/**
 * Reads canonical fields out of a file's rows. A field the file lacks reads as null (unknown);
 * a value that does not parse reads as null and adds a Problem naming line, column, value and
 * what was expected. Families read through this, so every error looks the same.
 */
export class FieldReader {
  /** decimal mark of the file's locale when the family knows it (de/fr/it/es: ',') */
  decimalHint: DecimalSeparator | undefined;
  /** currencies named by money values or money headers: marketplace evidence */
  readonly currencies = new Set<string>();

  constructor(
    readonly file: string,
    readonly columns: ReadonlyMap<string, HeaderColumn>,
    readonly problems: Problem[],
  ) {}

  has(field: string): boolean {
    return this.columns.has(field);
  }

  row(row: SourceRow): RowFields {
    return new RowFields(this, row);
  }

  report<T>(row: SourceRow, field: string, parsed: Parsed<T>): T | null {
    if (parsed.ok) return parsed.value;
    const column = this.columns.get(field);
    const value = cellText(row.cells[column?.index ?? -1]);
    this.problems.push({
      code: 'bad_value', severity: 'error', file: this.file, line: row.line, column: column?.original ?? field,
      message: `line ${row.line}, column "${column?.original ?? field}": "${value}" is not ${parsed.expected}`,
    });
    return null;
  }
}

export class RowFields {
  constructor(
    private readonly reader: FieldReader,
    readonly source: SourceRow,
  ) {}

  get line(): number {
    return this.source.line;
  }

  cell(field: string): Cell {
    const column = this.reader.columns.get(field);
    return column ? (this.source.cells[column.index] ?? null) : null;
  }

  text(field: string): string | null {
    const t = cellText(this.cell(field)).trim();
    return t === '' ? null : t;
  }

  int(field: string): bigint | null {
    return this.reader.report(this.source, field, parseInteger(this.cell(field)));
  }

  decimal(field: string): string | null {
    return this.reader.report(this.source, field, parseDecimal(this.cell(field), this.reader.decimalHint));
  }

  percent(field: string, bare: 'fraction' | 'percent' = 'fraction'): string | null {
    return this.reader.report(this.source, field, parsePercent(this.cell(field), bare, this.reader.decimalHint));
  }

  /** money with its currency: the value's own, else the one its header names */
  money(field: string): Money | null {
    const money = this.reader.report(this.source, field, parseMoney(this.cell(field), this.reader.decimalHint));
    if (!money) return null;
    const currency = money.currency ?? this.reader.columns.get(field)?.currency ?? null;
    if (currency) this.reader.currencies.add(currency);
    // `$` alone names no currency, but it is a dollar: never beside £ or € in one file
    else if (String(this.cell(field)).includes('$')) this.reader.currencies.add('$');
    return { amount: money.amount, currency };
  }

  date(field: string, options?: DateOptions): string | null {
    return this.reader.report(this.source, field, parseDate(this.cell(field), options));
  }
}
