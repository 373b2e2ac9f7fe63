import type { Database, SqlParam } from '../store/database.ts';
import { notCancelled } from './order-status.ts';
import { whereEqual } from './where-equal.ts';

/**
 * What the supplier scorecard and the batch trace read (issue 22): PO lines; and per store × SKU the received
 * batches, the units sold per order (not cancelled), the returns with their reasons, and the reviews of its ASIN.
 */
export interface PurchasingScope {
  store?: string | undefined;
  sku?: string | undefined;
  supplier?: string | undefined;
}

function where(scope: PurchasingScope, columns: { sku?: string; supplier?: string }, extra: string[] = []): { sql: string; params: SqlParam[] } {
  return whereEqual([['store', scope.store], [columns.sku, scope.sku], [columns.supplier, scope.supplier]], extra);
}

// the shapes analysis/supplier-scorecard.ts and analysis/batch-quality.ts take (metrics may not import analysis)
export interface PoLine { supplier: string | null; sku: string; ordered_date: string; promised_date: string | null; received_date: string | null; quantity: number; received_quantity: number | null }
interface BatchReceipt { batch_id: string; units: number; received_date: string }
interface SoldLine { order_id: string; date: string; units: number }
interface ReturnLine { order_id: string | null; units: number; reason: string | null; disposition: string | null }
interface ReviewLine { date: string; rating: number }

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

export async function poLines(db: Database, scope: PurchasingScope): Promise<(PoLine & { store: string; po_id: string })[]> {
  const w = where(scope, { sku: 'sku', supplier: 'supplier' });
  const rows = await db.all(
    `SELECT store, po_id, supplier, sku, CAST(ordered_date AS VARCHAR) AS ordered_date, CAST(promised_date AS VARCHAR) AS promised_date,
            CAST(received_date AS VARCHAR) AS received_date, quantity, received_quantity FROM purchase_orders WHERE ${w.sql} ORDER BY store, ordered_date, po_id, sku`, w.params,
  );
  return rows.map((r) => ({
    store: String(r.store), po_id: String(r.po_id), supplier: text(r.supplier), sku: String(r.sku), ordered_date: String(r.ordered_date),
    promised_date: text(r.promised_date), received_date: text(r.received_date), quantity: Number(r.quantity),
    received_quantity: r.received_quantity === null ? null : Number(r.received_quantity),
  }));
}

export interface SkuTrace {
  store: string;
  sku: string;
  asin: string | null;
  receipts: BatchReceipt[];
  sales: SoldLine[];
  returns: ReturnLine[];
  reviews: ReviewLine[];
}

/** Every store × SKU with a received batch, and what its FIFO trace needs. */
export async function batchTraces(db: Database, scope: PurchasingScope): Promise<SkuTrace[]> {
  const w = where(scope, { sku: 'sku' }, ['received_date IS NOT NULL']);
  const batches = await db.all(`SELECT store, sku, batch_id, units, CAST(received_date AS VARCHAR) AS received_date FROM batches WHERE ${w.sql} ORDER BY store, sku, received_date`, w.params);
  const traces = new Map<string, SkuTrace>();
  for (const b of batches) {
    const key = `${String(b.store)}\u0000${String(b.sku)}`;
    const trace = traces.get(key) ?? { store: String(b.store), sku: String(b.sku), asin: null, receipts: [], sales: [], returns: [], reviews: [] };
    trace.receipts.push({ batch_id: String(b.batch_id), units: Number(b.units), received_date: String(b.received_date) });
    traces.set(key, trace);
  }
  for (const trace of traces.values()) {
    const sold = await db.all(
      `SELECT order_id, CAST(min(order_date) AS VARCHAR) AS date, sum(coalesce(quantity, 0)) AS units, any_value(asin) AS asin FROM order_items
       WHERE store = $1 AND sku = $2 AND ${notCancelled()} GROUP BY order_id ORDER BY date, order_id`, [trace.store, trace.sku],
    );
    trace.sales = sold.map((r) => ({ order_id: String(r.order_id), date: String(r.date), units: Number(r.units) }));
    const [mapped] = await db.all('SELECT asin FROM sku_map WHERE store = $1 AND sku = $2', [trace.store, trace.sku]);
    trace.asin = text(mapped?.asin) ?? text(sold.find((r) => r.asin !== null)?.asin);
    const returned = await db.all('SELECT order_id, coalesce(quantity, 1) AS units, reason, disposition FROM returns WHERE store = $1 AND sku = $2', [trace.store, trace.sku]);
    trace.returns = returned.map((r) => ({ order_id: text(r.order_id), units: Number(r.units), reason: text(r.reason), disposition: text(r.disposition) }));
    if (trace.asin) {
      const reviews = await db.all('SELECT CAST(review_date AS VARCHAR) AS date, CAST(rating AS DOUBLE) AS rating FROM reviews WHERE store = $1 AND asin = $2 AND rating IS NOT NULL', [trace.store, trace.asin]);
      trace.reviews = reviews.map((r) => ({ date: String(r.date), rating: Number(r.rating) }));
    }
  }
  return [...traces.values()];
}

/** Supplier names by store and code (suppliers sheet). */
export async function supplierNames(db: Database): Promise<Map<string, string | null>> {
  const rows = await db.all('SELECT store, supplier, name FROM suppliers');
  return new Map(rows.map((r) => [`${String(r.store)}\u0000${String(r.supplier)}`, text(r.name)]));
}
