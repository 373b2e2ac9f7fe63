import { lineCategory } from '../domain/money-conservation.ts';
import { transactionTypes } from '../domain/transaction-types.ts';
import { countedTransactions } from './counted-transactions.ts';
import type { Database } from './database.ts';

export interface UnclassifiedRequest {
  from?: string | undefined;
  to?: string | undefined;
  store?: string | undefined;
  marketplace?: string | undefined;
}

export interface UnclassifiedLine {
  store: string;
  marketplace: string;
  posted_date: string;
  type: string | null;
  description: string | null;
  order_id: string | null;
  total: string | null;
  currency: string | null;
}

/** Lines shown at most: enough to see what Amazon wrote, not a copy of the file. */
const shownLines = 200;

/**
 * `asterism profit --explain` (issue 26): the transaction lines no rule classifies, counted in other fees. Lines of
 * no known type are read, and the one classification (src/domain/money-conservation.ts) keeps the unclassified.
 */
export async function unclassifiedLines(db: Database, request: UnclassifiedRequest): Promise<{ lines: UnclassifiedLine[]; count: number }> {
  const known = transactionTypes.map((t) => t.type);
  const params: string[] = [...known];
  const where = [`coalesce(type, '') NOT IN (${known.map((_, i) => `$${i + 1}`).join(', ')})`];
  for (const [column, value, op] of [['posted_date', request.from, '>='], ['posted_date', request.to, '<='], ['store', request.store, '='],
    ['marketplace', request.marketplace?.toUpperCase(), '=']] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} ${op} $${params.length}${column === 'posted_date' ? '::DATE' : ''}`);
  }
  const rows = await db.all(
    `SELECT store, marketplace, CAST(posted_date AS VARCHAR) AS posted_date, type, description, order_id, CAST(total AS VARCHAR) AS total, currency
       FROM ${countedTransactions} t WHERE ${where.join(' AND ')} ORDER BY posted_date, store, marketplace`,
    params,
  );
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const lines = rows.map((r): UnclassifiedLine => ({
    store: String(r.store), marketplace: String(r.marketplace), posted_date: String(r.posted_date), type: text(r.type),
    description: text(r.description), order_id: text(r.order_id), total: text(r.total), currency: text(r.currency),
  })).filter((l) => lineCategory(l) === 'unclassified');
  return { lines: lines.slice(0, shownLines), count: lines.length };
}
