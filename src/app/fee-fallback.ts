import type { TableFeeEstimate } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';

/**
 * Fees of orders not yet settled and without a fee preview row (SPEC §6 "Fee estimates"): the fee
 * tables kept as data (referral % by category and price tier with its minimum; FBA fulfilment fee by
 * size tier and weight …) answer here. Those tables are built in the pricing half of issue 7
 * (src/analysis/fee-tables.ts, fee-estimate.ts); until they are wired in, every call answers "no
 * estimate" (null) and the profit rows name the fees of those orders as missing.
 */
export interface UnsettledItem {
  store: string;
  marketplace: string;
  sku: string;
  asin: string | null;
  /** the item's unit price, VAT included where prices include it */
  unitPrice: string;
  currency: string;
  /** the latest order date among the unsettled orders */
  date: string;
}

export interface TableFees {
  referralFee: string | null;
  fulfillmentFee: string | null;
}

export function estimateFeesFromTables(item: UnsettledItem): TableFees | null {
  void item; // wired to the pricing engineer's fee tables at merge
  return null;
}

/** The SKUs of unsettled Amazon orders that have no fee preview row, each with its average unit price. */
export async function unsettledWithoutPreview(db: Database, scope: { from?: string | undefined; to?: string | undefined; store?: string | undefined; marketplace?: string | undefined }): Promise<UnsettledItem[]> {
  const rows = await db.all(
    `SELECT oi.store, oi.marketplace, oi.sku, min(oi.asin) AS asin, min(oi.currency) AS currency, CAST(max(oi.order_date) AS VARCHAR) AS date,
            CAST(round(sum(oi.item_price) / nullif(sum(oi.quantity), 0), 2) AS VARCHAR) AS unit_price
     FROM order_items oi
     WHERE oi.channel = 'amazon' AND coalesce(oi.order_status, '') <> 'Cancelled' AND oi.item_price IS NOT NULL AND oi.sku IS NOT NULL
       AND ($1::DATE IS NULL OR oi.order_date >= $1::DATE) AND ($2::DATE IS NULL OR oi.order_date <= $2::DATE)
       AND (CAST($3 AS VARCHAR) IS NULL OR oi.store = $3) AND (CAST($4 AS VARCHAR) IS NULL OR oi.marketplace = $4)
       AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.store = oi.store AND t.order_id = oi.order_id AND t.type = 'Order'
                       AND t.sku IS NOT DISTINCT FROM oi.sku)
       AND NOT EXISTS (SELECT 1 FROM fee_estimates f WHERE f.store = oi.store AND f.marketplace = oi.marketplace AND f.sku = oi.sku)
     GROUP BY oi.store, oi.marketplace, oi.sku`,
    [scope.from ?? null, scope.to ?? null, scope.store ?? null, scope.marketplace ?? null],
  );
  return rows.filter((r) => r.unit_price !== null).map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku), asin: r.asin === null ? null : String(r.asin),
    unitPrice: String(r.unit_price), currency: String(r.currency), date: String(r.date),
  }));
}

/** Fee-table estimates for the query (only the SKUs the tables could answer). */
export async function tableFeeEstimates(db: Database, scope: Parameters<typeof unsettledWithoutPreview>[1]): Promise<TableFeeEstimate[]> {
  const out: TableFeeEstimate[] = [];
  for (const item of await unsettledWithoutPreview(db, scope)) {
    const fees = estimateFeesFromTables(item);
    if (fees) out.push({ store: item.store, marketplace: item.marketplace, sku: item.sku, referralFee: fees.referralFee, fulfillmentFee: fees.fulfillmentFee });
  }
  return out;
}
