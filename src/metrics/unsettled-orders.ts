import type { Database } from '../store/database.ts';
import { inMinorUnitSql } from './minor-unit-sql.ts';
import { unsettledAmazonLine } from './order-status.ts';

/** An unsettled Amazon order's SKU that the fee tables may price (app/fee-fallback.ts hands their estimates to profit). */
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

/** The SKUs of unsettled Amazon orders that have no fee preview row, each with its average unit price. */
export async function unsettledWithoutPreview(db: Database, scope: { from?: string | undefined; to?: string | undefined; store?: string | undefined; marketplace?: string | undefined }): Promise<UnsettledItem[]> {
  const rows = await db.all(
    `SELECT oi.store, oi.marketplace, oi.sku, min(oi.asin) AS asin, max(oi.fulfillment) AS fulfillment, min(oi.currency) AS currency, CAST(max(oi.order_date) AS VARCHAR) AS date,
            CAST(${inMinorUnitSql('sum(oi.item_price) / nullif(sum(oi.quantity), 0)', 'min(oi.currency)')} AS VARCHAR) AS unit_price
     FROM order_items oi
     WHERE ${unsettledAmazonLine('oi')} AND oi.sku IS NOT NULL
       AND ($1::DATE IS NULL OR oi.order_date >= $1::DATE) AND ($2::DATE IS NULL OR oi.order_date <= $2::DATE)
       AND (CAST($3 AS VARCHAR) IS NULL OR oi.store = $3) AND (CAST($4 AS VARCHAR) IS NULL OR oi.marketplace = $4)
       AND NOT EXISTS (SELECT 1 FROM fee_estimates f WHERE f.store = oi.store AND f.marketplace = oi.marketplace AND f.sku = oi.sku)
     GROUP BY oi.store, oi.marketplace, oi.sku`,
    [scope.from ?? null, scope.to ?? null, scope.store ?? null, scope.marketplace ?? null],
  );
  return rows.filter((r) => r.unit_price !== null).map((r) => ({
    store: String(r.store), marketplace: String(r.marketplace), sku: String(r.sku), asin: r.asin === null ? null : String(r.asin),
    unitPrice: String(r.unit_price), currency: String(r.currency), date: String(r.date), fulfillment: r.fulfillment === 'FBM' ? 'FBM' : 'FBA',
  }));
}
