/**
 * Exports never execute: a spreadsheet reads a text cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return as a formula (CSV injection). Search terms, campaign and product names come
 * from shoppers and other sellers, so every exporter (CLI --csv, report XLSX, dashboard downloads,
 * price file) passes its cells through here. The rule and the fix are OWASP's: prefix a single quote,
 * which Excel, LibreOffice and Google Sheets show as text and do not evaluate
 * (https://owasp.org/www-community/attacks/CSV_Injection).
 */
const formulaStart = /^[=+\-@\t\r]/;

/** A number as the database and the metric layer write it (`-12.50`, `1170`): it stays a number. */
const plainNumber = /^-?\d+(\.\d+)?$/;

/** Whether a text cell would be read as a formula. Numbers (and decimal strings shaped like one) never are. */
export function startsLikeFormula(value: string): boolean {
  return formulaStart.test(value) && !plainNumber.test(value);
}

/** The text as an exported cell: a formula-like text gets a leading `'`; numbers and other text are unchanged. */
export function neutraliseText(value: string): string {
  return startsLikeFormula(value) ? `'${value}` : value;
}

/** Any exported cell: only text is escaped; numbers, booleans, dates and empty cells pass as they are. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseText(value) : value;
}
