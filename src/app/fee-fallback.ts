import { estimateFees } from '../analysis/fee-estimate.ts';
import { parcelOf } from '../analysis/fee-tables/index.ts';
import type { TableFeeEstimate } from '../metrics/request.ts';
import type { Database } from '../store/database.ts';
import { productAttributesOn } from '../store/pricing-inputs.ts';
import { unsettledWithoutPreview, type UnsettledItem } from '../metrics/unsettled-orders.ts';

/**
 * Fees of orders not yet settled and without a fee preview row (SPEC §6 "Fee estimates"): the fee
 * tables kept as data (referral % by category and price tier with its minimum; FBA fulfilment fee by
 * size tier and weight …) answer here (src/analysis/fee-tables, fee-estimate.ts), from the product's
 * fee category, size and weight in the products file. What they cannot answer (no category, no size,
 * no table for the marketplace) stays null, and the profit rows name those fees as missing.
 */
export interface TableFees {
  referralFee: string | null;
  fulfillmentFee: string | null;
}

/** Per-unit fees at the item's average unit price; null when the tables answer neither fee. */
export async function estimateFeesFromTables(db: Database, item: UnsettledItem): Promise<TableFees | null> {
  const attributes = await productAttributesOn(db, item.store, item.sku, item.date);
  const fees = estimateFees({
    marketplace: item.marketplace, date: item.date, price: item.unitPrice, category: attributes.category, parcel: parcelOf(attributes.size), fulfillment: item.fulfillment,
  });
  // a table in another currency than the order's cannot price it
  if (!fees || fees.currency !== item.currency || (fees.referral === null && fees.fulfilment === null)) return null;
  return { referralFee: fees.referral, fulfillmentFee: item.fulfillment === 'FBM' ? '0.00' : fees.fulfilment };
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
