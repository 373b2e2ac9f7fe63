import type { Database } from './database.ts';

/** The FX rate 1 `base` = rate `quote` in force on `date` (the latest dated on or before it, either direction of
 * the FX table as the metric layer converts); null when the table has none. */
export async function fxRateOn(db: Database, base: string, quote: string, date: string): Promise<{ rate: string; date: string } | null> {
  const rows = await db.all(
    `SELECT CAST(rate AS VARCHAR) AS rate, CAST(date AS VARCHAR) AS date FROM fx_pairs
     WHERE base = $1 AND quote = $2 AND date <= $3::DATE ORDER BY date DESC LIMIT 1`,
    [base, quote, date],
  );
  const row = rows[0];
  return row ? { rate: String(row.rate).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''), date: String(row.date) } : null;
}
