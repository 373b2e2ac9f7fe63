/**
 * The Selling Partner API reports Asterism syncs, as data: which importer family must recognise each
 * document (detection is confirmed, not guessed), how long a range one request may cover, how many days
 * are pulled again at every run because Amazon restates them, and when it runs by default.
 *
 * Report type names and options: https://developer-docs.amazon.com/sp-api/docs/report-type-values
 * (and the -analytics, -fba, -order, -settlement pages under it). Max ranges are the documented ones where
 * the page gives one, else 30 days (a chunk that stays well inside what Amazon accepts).
 */
export type SyncKind =
  /** requested per date range (dataStartTime..dataEndTime), chunked by `maxDays` */
  | 'range'
  /** a snapshot of today (inventory, listings): requested without a range, dated the day it is pulled */
  | 'snapshot'
  /** Amazon makes these itself (settlements every ~14 days): listed with getReports, never requested */
  | 'listed'
  /** Brand Analytics: whole weeks (Sunday–Saturday), only once the week has closed */
  | 'week'
  /** not a report: today's facts per own ASIN from the Catalog Items or Product Pricing API (market.ts) */
  | 'market';

export interface SyncReport {
  reportType: string;
  /** the importer family (src/ingest) that must recognise the document */
  family: string;
  kind: SyncKind;
  /** the longest range one request may cover */
  maxDays: number;
  /** days before the last covered day pulled again at every run (late data, restatement) */
  restateDays: number;
  /** reportOptions sent with createReport */
  options?: Readonly<Record<string, string>>;
  /** the default schedule (croner pattern, UTC); users change it in sync_schedule */
  cron: string;
  /** the document's file name ending (what the importers read it as) */
  ext: 'json' | 'txt';
}

export const syncReports: readonly SyncReport[] = [
  // daily by child ASIN: the by-ASIN part aggregates the requested range, so each day is its own request
  { reportType: 'GET_SALES_AND_TRAFFIC_REPORT', family: 'sales_traffic_api', kind: 'range', maxDays: 1, restateDays: 3,
    options: { dateGranularity: 'DAY', asinGranularity: 'CHILD' }, cron: '30 6 * * *', ext: 'json' },
  // order status changes (shipped, cancelled) come for 30 days
  { reportType: 'GET_FLAT_FILE_ALL_ORDERS_DATA_BY_ORDER_DATE_GENERAL', family: 'all_orders', kind: 'range', maxDays: 30, restateDays: 30, cron: '0 */4 * * *', ext: 'txt' },
  { reportType: 'GET_DATE_RANGE_FINANCIAL_TRANSACTION_DATA', family: 'payments_date_range', kind: 'range', maxDays: 30, restateDays: 7, cron: '0 7 * * *', ext: 'txt' },
  // final when the settlement closes: each listed document is imported once
  { reportType: 'GET_V2_SETTLEMENT_REPORT_DATA_FLAT_FILE_V2', family: 'settlement_v2', kind: 'listed', maxDays: 90, restateDays: 0, cron: '0 8 * * *', ext: 'txt' },
  { reportType: 'GET_FBA_MYI_UNSUPPRESSED_INVENTORY_DATA', family: 'fba_manage_inventory', kind: 'snapshot', maxDays: 1, restateDays: 0, cron: '0 5 * * *', ext: 'txt' },
  { reportType: 'GET_FBA_FULFILLMENT_CUSTOMER_RETURNS_DATA', family: 'fba_customer_returns', kind: 'range', maxDays: 30, restateDays: 7, cron: '0 9 * * *', ext: 'txt' },
  { reportType: 'GET_MERCHANT_LISTINGS_ALL_DATA', family: 'listings_report', kind: 'snapshot', maxDays: 1, restateDays: 0, cron: '0 5 * * *', ext: 'txt' },
  { reportType: 'GET_FBA_STORAGE_FEE_CHARGES_DATA', family: 'fba_storage_fees', kind: 'range', maxDays: 31, restateDays: 31, cron: '0 10 1,15 * *', ext: 'txt' },
  { reportType: 'GET_FBA_INVENTORY_PLANNING_DATA', family: 'fba_inventory_planning', kind: 'snapshot', maxDays: 1, restateDays: 0, cron: '0 5 * * *', ext: 'txt' },
  { reportType: 'GET_V2_SELLER_PERFORMANCE_REPORT', family: 'account_health', kind: 'snapshot', maxDays: 1, restateDays: 0, cron: '0 11 * * *', ext: 'json' },
  { reportType: 'GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT', family: 'brand_analytics_sqp', kind: 'week', maxDays: 7, restateDays: 0,
    options: { reportPeriod: 'WEEK' }, cron: '0 12 * * 2', ext: 'json' },
  { reportType: 'GET_BRAND_ANALYTICS_SEARCH_CATALOG_PERFORMANCE_REPORT', family: 'brand_analytics_scp', kind: 'week', maxDays: 7, restateDays: 0,
    options: { reportPeriod: 'WEEK' }, cron: '0 12 * * 2', ext: 'json' },
  { reportType: 'GET_BRAND_ANALYTICS_REPEAT_PURCHASE_REPORT', family: 'brand_analytics_repeat_purchase', kind: 'week', maxDays: 7, restateDays: 0,
    options: { reportPeriod: 'WEEK' }, cron: '0 12 * * 2', ext: 'json' },
  // the market around each own ASIN, daily: BSR per category, and the offers (a new one on a brand's ASIN: a hijacker)
  { reportType: 'CATALOG_SALES_RANKS', family: '', kind: 'market', maxDays: 1, restateDays: 0, cron: '0 4 * * *', ext: 'json' },
  { reportType: 'PRODUCT_OFFERS', family: '', kind: 'market', maxDays: 1, restateDays: 0, cron: '15 */6 * * *', ext: 'json' },
];

export function syncReport(reportType: string): SyncReport | undefined {
  const wanted = reportType.trim().toUpperCase();
  return syncReports.find((r) => r.reportType === wanted);
}

/** how far back a first sync reaches without --from, and the longest backfill allowed (two years) */
export const firstSyncDays = 90;
export const longestBackfillDays = 731;
