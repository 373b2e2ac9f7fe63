import { estimateFees } from '../analysis/fee-estimate.ts';
import type { TableFeeEstimate } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { productAttributesOn } from './pricing-inputs.ts';
import { inMinorUnitSql } from '../metrics/minor-unit-sql.ts';
import { notCancelled } from '../metrics/order-status.ts';

/**
 * Fees of orders not yet settled and without a fee preview row (SPEC §6 "Fee estimates"): the fee
 * tables kept as data (referral % by category and price tier with its minimum; FBA fulfilment fee by
 * size tier and weight …) answer here (src/analysis/fee-tables, fee-estimate.ts), from the product's
 * fee category, size and weight in the products file. What they cannot answer (no category, no size,
 * no table for the marketplace) stays null, and the profit rows name those fees as missing.
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
  /** FBA or FBM (All Orders' fulfillment channel) */
  fulfillment: 'FBA' | 'FBM';
}

export interface TableFees {
  referralFee: string | null;
  fulfillmentFee: string | null;
}

/** Per-unit fees at the item's average unit price; null when the tables answer neither fee. */
export async function estimateFeesFromTables(db: Database, item: UnsettledItem): Promise<TableFees | null> {
  const attributes = await productAttributesOn(db, item.store, item.sku, item.date);
  const fees = estimateFees({
    marketplace: item.marketplace, date: item.date, price: item.unitPrice, category: attributes.category, parcel: attributes.parcel, fulfillment: item.fulfillment,
  });
  // a table in another currency than the order's cannot price it
  if (!fees || fees.currency !== item.currency || (fees.referral === null && fees.fulfilment === null)) return null;
  return { referralFee: fees.referral, fulfillmentFee: item.fulfillment === 'FBM' ? '0.00' : fees.fulfilment };
}

/** The SKUs of unsettled Amazon orders that have no fee preview row, each with its average unit price. */
export async function unsettledWithoutPreview(db: Database, scope: { from?: string | undefined; to?: string | undefined; store?: string | undefined; marketplace?: string | undefined }): Promise<UnsettledItem[]> {
  const rows = await db.all(
    `SELECT oi.store, oi.marketplace, oi.sku, min(oi.asin) AS asin, max(oi.fulfillment) AS fulfillment, min(oi.currency) AS currency, CAST(max(oi.order_date) AS VARCHAR) AS date,
            CAST(${inMinorUnitSql('sum(oi.item_price) / nullif(sum(oi.quantity), 0)', 'min(oi.currency)')} AS VARCHAR) AS unit_price
     FROM order_items oi
     WHERE oi.channel = 'amazon' AND ${notCancelled('oi')} AND oi.item_price IS NOT NULL AND oi.sku IS NOT NULL
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
    unitPrice: String(r.unit_price), currency: String(r.currency), date: String(r.date), fulfillment: r.fulfillment === 'FBM' ? 'FBM' : 'FBA',
  }));
}

/** Fee-table estimates for the query (only the SKUs the tables could answer). */
export async function tableFeeEstimates(db: Database, scope: Parameters<typeof unsettledWithoutPreview>[1]): Promise<TableFeeEstimate[]> {
  const out: TableFeeEstimate[] = [];
  for (const item of await unsettledWithoutPreview(db, scope)) {
    const fees = await estimateFeesFromTables(db, item);
    if (fees) out.push({ store: item.store, marketplace: item.marketplace, sku: item.sku, referralFee: fees.referralFee, fulfillmentFee: fees.fulfillmentFee });
  }
  return out;
}
