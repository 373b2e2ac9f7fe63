import type { Problem } from '../domain/errors.ts';
import { addConservation, conservationOf, type Conservation, type TransactionLine } from '../domain/money-conservation.ts';
import type { Database } from '../store/database.ts';
import type { BulkPlan } from './bulk-plan.ts';
import type { TableFamily } from './family.ts';
import { FilledColumns } from './filled-columns.ts';
import type { HeaderColumn } from './header.ts';

/**
 * The checks the streamed path makes per batch, made on the large-file path once the rows are loaded:
 * one SQL aggregate over the import's rows for the always-filled columns, and the money-conservation
 * check summed over the import's transaction lines read back in batches.
 */

/**
 * The family's always-filled fields (`filled`) that are empty on every loaded row: refused (errors) or warned
 * about, by the column's name in the file, as read-report.ts does. A field is filled when some row holds a value
 * after cleaning ('--' and 'N/A' read as empty here, where the rows path sees them as text).
 */
export async function unfilledLarge(
  db: Database, family: TableFamily, plan: BulkPlan, columns: ReadonlyMap<string, HeaderColumn>, at: { importId: number; file: string; line: number },
): Promise<Problem[]> {
  const filled = new FilledColumns(family, columns);
  const asked = [...filled.unfilled.keys()].flatMap((field) => {
    const column = plan.columns.find((c) => 'field' in c && c.field === field)?.column;
    return column ? [{ field, column }] : [];
  });
  const counts = asked.map(({ column }, i) => `count(${column}) AS f${i}`);
  const [row] = await db.all(`SELECT count(*) AS n${counts.map((c) => `, ${c}`).join('')} FROM ${plan.table} WHERE import_id = $1`, [at.importId]);
  // a field the plan does not load cannot be looked at here: taken as filled rather than refused unseen
  const loaded = new Set(asked.map((a) => a.field));
  const seen = [...filled.unfilled.keys()].filter((field) => !loaded.has(field) || Number(row?.[`f${asked.findIndex((a) => a.field === field)}`]) > 0);
  filled.counted(Number(row?.n ?? 0), seen);
  return filled.problems({ file: at.file, line: at.line });
}

/** Transaction lines read back per batch for the money-conservation check (as the streamed path sums it per batch). */
export const largeCheckLimits = { conservationRows: 20_000 };
const lineColumns = [
  'type', 'description', 'currency', 'product_sales', 'product_sales_tax', 'shipping_credits', 'gift_wrap_credits', 'promotional_rebates',
  'points_cost', 'marketplace_withheld_tax', 'shipping_credits_tax', 'gift_wrap_credits_tax', 'promotional_rebates_tax', 'selling_fees',
  'fba_fees', 'other_transaction_fees', 'other', 'total',
] as const satisfies readonly (keyof TransactionLine)[];

export async function conservationOfImport(db: Database, importId: number | string, currency: string | null): Promise<Record<string, Conservation> | undefined> {
  let result: Record<string, Conservation> | undefined;
  let after = -1n;
  for (;;) {
    const rows = await db.all(
      `SELECT rowid AS line_rowid, ${lineColumns.map((c) => `CAST(${c} AS VARCHAR) AS ${c}`).join(', ')}
         FROM transactions WHERE import_id = $1 AND rowid > $2 ORDER BY rowid LIMIT ${largeCheckLimits.conservationRows}`,
      [Number(importId), after],
    );
    if (rows.length === 0) return result;
    result = addConservation(result, conservationOf(rows as TransactionLine[], currency));
    after = BigInt(String(rows.at(-1)?.line_rowid));
  }
}

/** A large file refused after its rows were loaded (an always-filled column empty): the transaction rolls back. */
export class LargeRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}
