import type { Problem } from '../domain/errors.ts';
import { shownValue, type MessageKey } from '../domain/messages.ts';
import type { HeaderColumn } from './header.ts';
import { expectedTexts, fileProblem } from './problems.ts';
import { cellText, type Cell, type SourceRow } from './table.ts';
import { parseDate, type DateOptions } from './values/date.ts';
import type { DecimalSeparator } from './values/decimal-text.ts';
import { parseMoney, type Money } from './values/money.ts';
import { parseDecimal, parseInteger, parsePercent } from './values/number.ts';
import { checkIdentifier } from './values/identifier.ts';
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
    this.note(row, field, 'bad_value', { expected: expectedTexts(parsed.expected) });
    return null;
  }

  /** An ASIN, SKU, FNSKU or order id checked by its shape (values/identifier.ts): a Problem naming line, column and value (cut short). */
  identifier(row: SourceRow, field: string, text: string): string | null {
    const check = checkIdentifier(field, text);
    if (check.ok) return text;
    if (check.why === 'shape') {
      // an unusual shape is named once per column and kept: sellers' own sheets use their own ids;
      // what can never be an id (a formula, control characters, a runaway length) refuses the file
      if (!this.oddShapes.has(field)) this.note(row, field, 'odd_identifier', { expected: check.what }, 'warning');
      this.oddShapes.add(field);
      return text;
    }
    const key: MessageKey = check.why === 'formula' ? 'formula_value' : check.why === 'too_long' ? 'value_too_long' : 'control_characters';
    this.note(row, field, key, { expected: check.what, length: text.length, max: check.max });
    return null;
  }

  /** identifier fields already warned about */
  private readonly oddShapes = new Set<string>();

  /** A problem with one cell, its message from the catalog: line, column and the cell's value (cut short) filled in. */
  note(row: SourceRow, field: string, key: MessageKey, params: Parameters<typeof fileProblem>[1] = {}, severity: Problem['severity'] = 'error'): void {
    const column = this.columns.get(field)?.original ?? field;
    const value = shownValue(cellText(row.cells[this.columns.get(field)?.index ?? -1]));
    this.problems.push(fileProblem(key, { ...params, line: row.line, column, value }, { code: key === 'value_required' ? 'missing_value' : key, severity, file: this.file, line: row.line, column }));
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

  /** the cell as text, null when empty; an identifier (ASIN, SKU, FNSKU, order id) of the wrong shape is a problem */
  text(field: string): string | null {
    const t = cellText(this.cell(field)).trim();
    return t === '' ? null : this.reader.identifier(this.source, field, t);
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
