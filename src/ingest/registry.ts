import { accountHealth } from './account-health/family.ts';
import { allOrders } from './all-orders/family.ts';
import { shopifyOrders } from './shopify-orders/family.ts';
import { walmartRecon } from './walmart-recon/family.ts';
import { lingxingPairing } from './erp-pairing/family.ts';
import { shopifyProducts } from './shopify-products/family.ts';
import { kaggleSaleReport } from './all-orders/kaggle-sale-report.ts';
import { repeatPurchaseJson } from './brand-analytics/repeat-purchase-json.ts';
import { scpJson } from './brand-analytics/scp-json.ts';
import { sqpCsv } from './brand-analytics/sqp-csv.ts';
import { sqpJson } from './brand-analytics/sqp-json.ts';
import { fbaReturns } from './fba-returns/family.ts';
import { mfnReturns } from './mfn-returns/family.ts';
import { reviewCsv } from './reviews/review-csv.ts';
import { snapReviews } from './reviews/snap-reviews.ts';
import { sellerFeedback } from './reviews/seller-feedback.ts';
import { fbaAfnInventory } from './fba-afn-inventory/family.ts';
import { fbaFeePreview } from './fba-fee-preview/family.ts';
import { keepaProductExport } from './keepa-export/family.ts';
import { listingsReport } from './listings-report/family.ts';
import { fbaInventoryAge } from './fba-inventory-age/family.ts';
import { fbaInventoryHealth } from './fba-inventory-health/family.ts';
import { fbaInventoryPlanning } from './fba-inventory-planning/family.ts';
import { fbaLongTermStorageFees } from './fba-long-term-storage-fees/family.ts';
import { fbaManageInventory } from './fba-manage-inventory/family.ts';
import { fbaRestock } from './fba-restock/family.ts';
import { fbaMonthlyStorageFees } from './fba-storage-fees/family.ts';
import { paymentsDateRangeTransactions } from './payments-transactions/family.ts';
import { masterDataFamilies } from './master-data/family.ts';
import { refusedFamilies } from './refused-reports/refused.ts';
import { adsApiV3Families } from './ads-api-v3/families.ts';
import { adsConsoleFamilies } from './ads-console/families.ts';
import { campaignManagerFamilies } from './campaign-manager-export/family.ts';
import { businessReportByDate } from './business-report-by-date/family.ts';
import { businessReportChild } from './business-report-child/family.ts';
import type { JsonFamily, ReportFamily, TableFamily } from './family.ts';
import type { HeaderColumn } from './header.ts';
import { salesTrafficJson } from './sales-traffic-json/family.ts';
import { spBudgetReport } from './sp-budget/family.ts';
import { settlementV2 } from './settlement-v2/family.ts';

/** Every report family Asterism can recognise. A new family is one import and one entry here. */
export const reportFamilies: readonly ReportFamily[] = [businessReportChild, businessReportByDate, salesTrafficJson,
  fbaManageInventory, fbaAfnInventory, fbaInventoryPlanning, fbaInventoryHealth, fbaInventoryAge, fbaRestock,
  fbaMonthlyStorageFees, fbaLongTermStorageFees, paymentsDateRangeTransactions, settlementV2, fbaFeePreview, ...refusedFamilies, ...masterDataFamilies, lingxingPairing, shopifyProducts,
  spBudgetReport, ...adsConsoleFamilies, ...adsApiV3Families, ...campaignManagerFamilies,
  allOrders, shopifyOrders, walmartRecon, kaggleSaleReport, fbaReturns, mfnReturns, scpJson, sqpJson, sqpCsv, repeatPurchaseJson, accountHealth, reviewCsv, snapReviews, sellerFeedback, keepaProductExport,
  listingsReport];

export function familyByType(type: string): ReportFamily | undefined {
  return reportFamilies.find((f) => f.type === type);
}

/** The table family whose detect scores this header highest, if any recognises it. */
export function detectTableFamily(header: readonly HeaderColumn[]): { family: TableFamily; score: number } | undefined {
  let best: { family: TableFamily; score: number } | undefined;
  for (const family of reportFamilies) {
    if (family.format !== 'table') continue;
    const score = family.detect(header);
    if (score !== false && (!best || score > best.score)) best = { family, score };
  }
  return best;
}

export function detectJsonFamily(doc: unknown): JsonFamily | undefined {
  let best: { family: JsonFamily; score: number } | undefined;
  for (const family of reportFamilies) {
    if (family.format !== 'json') continue;
    const score = family.detect(doc);
    if (score !== false && (!best || score > best.score)) best = { family, score };
  }
  return best?.family;
}

/** names to quote when nothing matched */
export function knownReportNames(): string {
  return reportFamilies.map((f) => f.name.en).join('; ');
}
