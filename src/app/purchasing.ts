import { traceBatches, type BatchQuality } from '../analysis/batch-quality.ts';
import { supplierScores, type SupplierScore } from '../analysis/supplier-scorecard.ts';
import { say, type Texts } from '../domain/messages.ts';
import { batchTraces, poLines, supplierNames, type PurchasingScope } from '../metrics/batch-inputs.ts';
import type { Database } from '../store/database.ts';

/**
 * Suppliers and batches (issue 22): each supplier's record from its PO lines, and each SKU's batches traced by
 * FIFO, with a sentence for a bad one ("this batch's return rate is 3× the SKU's usual").
 */
export interface SupplierRow extends SupplierScore {
  store: string;
  name: string | null;
}

export async function supplierScorecard(db: Database, scope: PurchasingScope): Promise<{ suppliers: SupplierRow[] }> {
  const lines = await poLines(db, scope);
  const stores = [...new Set(lines.map((l) => l.store))].sort();
  const names = await supplierNames(db);
  const suppliers = stores.flatMap((store) => supplierScores(lines.filter((l) => l.store === store))
    .map((s) => ({ store, name: names.get(`${store}\u0000${s.supplier}`) ?? null, ...s })));
  return { suppliers };
}

export interface BatchRow extends BatchQuality {
  store: string;
  sku: string;
  asin: string | null;
  sku_return_rate: number | null;
  note: Texts | null;
}

export async function batchQuality(db: Database, scope: PurchasingScope & { bad_only?: boolean | undefined }): Promise<{ batches: BatchRow[]; unmatched_returns: number; unbatched_units: number }> {
  const traces = await batchTraces(db, scope);
  const batches: BatchRow[] = [];
  let unmatched = 0;
  let unbatched = 0;
  for (const t of traces) {
    const traced = traceBatches(t.receipts, t.sales, t.returns, t.reviews);
    unmatched += traced.unmatched_returns;
    unbatched += traced.unbatched_units;
    for (const b of traced.batches) {
      if (scope.bad_only && !b.bad) continue;
      const note = b.bad && b.return_rate !== null && b.vs_sku !== null
        ? say('batch_bad', { batch: b.batch_id, sku: t.sku, rate: `${(b.return_rate * 100).toFixed(1)}%`, times: b.vs_sku.toFixed(1), reviews: b.low_star_reviews })
        : null;
      batches.push({ store: t.store, sku: t.sku, asin: t.asin, sku_return_rate: traced.sku_return_rate, ...b, note });
    }
  }
  return { batches, unmatched_returns: unmatched, unbatched_units: unbatched };
}
