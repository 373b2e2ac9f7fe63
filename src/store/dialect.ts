/**
 * The one place that knows an engine's SQL. The metric compiler writes standard SQL and asks the
 * dialect for everything engines spell differently (DuckDB now; ClickHouse later).
 */
export interface Dialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** Placeholder for the n-th (1-based) bound parameter. */
  placeholder(n: number, type: 'text' | 'date'): string;
  /** First day of the Amazon reporting week (Sunday to Saturday, as Brand Analytics counts weeks). */
  weekStart(date: string): string;
  monthStart(date: string): string;
  monthEnd(date: string): string;
  addDays(date: string, days: number): string;
  /** Days between two dates, inclusive of both ends. */
  daysInclusive(from: string, to: string): string;
  /** LEFT join keeping, per left row, the right row with the greatest `rightDate` on or before `leftDate`. */
  asofLeftJoin(table: string, alias: string, equalities: string[], leftDate: string, rightDate: string): string;
  castDecimal(expr: string): string;
  castDouble(expr: string): string;
  /** a number as the answer shows it: rounded in exact arithmetic first, then a double */
  roundToDouble(expr: string, digits: number): string;
  /** a count as the answer shows it: a whole double */
  wholeCount(expr: string): string;
  dateText(date: string): string;
  monthText(date: string): string;
  /** a table (or, `temp`, a session's table) written anew from a SELECT */
  replaceTable(name: string, select: string, temp?: boolean): string;
  /** a whole number 0..buckets-1 spreading values evenly (the rollup's stripes) */
  hashBucket(expr: string, buckets: number): string;
  /** a statement listing the columns of a table or query, as rows of column_name and column_type */
  describe(tableOrQuery: string): string;
}

export const duckdb: Dialect = {
  name: 'duckdb',
  placeholder: (n, type) => (type === 'date' ? `$${n}::DATE` : `$${n}`),
  weekStart: (d) => `CAST(${d} - CAST(dayofweek(${d}) AS INTEGER) AS DATE)`,
  monthStart: (d) => `CAST(date_trunc('month', ${d}) AS DATE)`,
  monthEnd: (d) => `CAST(last_day(${d}) AS DATE)`,
  addDays: (d, days) => `CAST(${d} + INTERVAL (${days}) DAY AS DATE)`,
  daysInclusive: (from, to) => `(date_diff('day', ${from}, ${to}) + 1)`,
  asofLeftJoin: (table, alias, equalities, leftDate, rightDate) =>
    `ASOF LEFT JOIN ${table} ${alias} ON ${[...equalities, `${leftDate} >= ${rightDate}`].join(' AND ')}`,
  castDecimal: (e) => `CAST(${e} AS DECIMAL(38,10))`,
  castDouble: (e) => `CAST(${e} AS DOUBLE)`,
  roundToDouble: (e, digits) => `CAST(round(${e}, ${digits}) AS DOUBLE)`,
  // Rounded as a double: the same whole number as rounding first (an integer sum casts to its double, and no
  // count with at most 6 decimals below 2^32 lies so near a half that the cast crosses it), without `round`
  // of a 128-bit integer sum, which cost the funnel's main query 7 of its 65 ms over 20 counts.
  wholeCount: (e) => `round(CAST(${e} AS DOUBLE))`,
  dateText: (d) => `CAST(${d} AS VARCHAR)`,
  monthText: (d) => `strftime(${d}, '%Y-%m')`,
  replaceTable: (name, select, temp = false) => `CREATE OR REPLACE ${temp ? 'TEMP ' : ''}TABLE ${name} AS ${select}`,
  hashBucket: (e, buckets) => `hash(${e}) % ${buckets}`,
  describe: (q) => `DESCRIBE ${q}`,
};
