/**
 * The Amazon Ads API v3 reports Asterism syncs, as data: ad product, report type id, grouping and columns, and the
 * importer family (src/ingest/ads-api-v3) that must recognise the document. Daily rows (timeUnit DAILY); ads are
 * attributed for 14 days after a click, so the last 14 days are pulled again at every run; one request covers at most
 * 31 days. Report types, groupings and columns: https://advertising.amazon.com/API/docs/en-us/guides/reporting/v3/report-types
 * (and .../reporting/v3/columns). Purchased-product reports: .../reporting/v3/report-types/purchased-product (mirrored in
 * idealerror/amazon-ads-api-docs, en-us/guides/reporting/v3/report-types/purchased-product.md): spPurchasedProduct grouped
 * by `asin` (≤ 31 days a request), sbPurchasedProduct by `purchasedAsin` (≤ 731 days); they carry no impressions, clicks
 * or cost, only the sales of the ASINs bought after a click (the halo), which the metrics never add to the other levels.
 */
export interface AdsSyncReport {
  reportType: string;
  adProduct: 'SPONSORED_PRODUCTS' | 'SPONSORED_BRANDS' | 'SPONSORED_DISPLAY';
  groupBy: readonly string[];
  columns: readonly string[];
  family: string;
  maxDays: number;
  restateDays: number;
  cron: string;
}

const spMetrics = ['impressions', 'clicks', 'cost', 'purchases7d', 'sales7d', 'unitsSoldClicks7d', 'purchases14d', 'sales14d'];
const sbSdMetrics = ['impressions', 'clicks', 'cost', 'purchases', 'sales', 'unitsSold'];
const base = { maxDays: 31, restateDays: 14, cron: '0 8 * * *' } as const;

export const adsSyncReports: readonly AdsSyncReport[] = [
  { ...base, reportType: 'spCampaigns', adProduct: 'SPONSORED_PRODUCTS', groupBy: ['campaign'], family: 'ads_api_sp_campaign',
    columns: ['date', 'campaignName', 'campaignId', 'campaignStatus', ...spMetrics] },
  { ...base, reportType: 'spTargeting', adProduct: 'SPONSORED_PRODUCTS', groupBy: ['targeting'], family: 'ads_api_sp_targeting',
    columns: ['date', 'campaignName', 'campaignId', 'adGroupName', 'adGroupId', 'targeting', 'keywordId', 'matchType', ...spMetrics] },
  { ...base, reportType: 'spSearchTerm', adProduct: 'SPONSORED_PRODUCTS', groupBy: ['searchTerm'], family: 'ads_api_sp_search_term',
    columns: ['date', 'campaignName', 'campaignId', 'adGroupName', 'adGroupId', 'targeting', 'matchType', 'searchTerm', ...spMetrics] },
  { ...base, reportType: 'spAdvertisedProduct', adProduct: 'SPONSORED_PRODUCTS', groupBy: ['advertiser'], family: 'ads_api_sp_advertised_product',
    columns: ['date', 'campaignName', 'campaignId', 'adGroupName', 'adGroupId', 'advertisedAsin', 'advertisedSku', ...spMetrics] },
  { ...base, reportType: 'sbCampaigns', adProduct: 'SPONSORED_BRANDS', groupBy: ['campaign'], family: 'ads_api_sb_campaign',
    columns: ['date', 'campaignName', 'campaignId', ...sbSdMetrics, 'newToBrandPurchases'] },
  { ...base, reportType: 'sdCampaigns', adProduct: 'SPONSORED_DISPLAY', groupBy: ['campaign'], family: 'ads_api_sd_campaign',
    columns: ['date', 'campaignName', 'campaignId', ...sbSdMetrics, 'impressionsViews'] },
  // what was bought after a click on an ad for another product: the other-SKU (halo) sales of the 7-day window
  { ...base, reportType: 'spPurchasedProduct', adProduct: 'SPONSORED_PRODUCTS', groupBy: ['asin'], family: 'ads_api_sp_purchased_product',
    columns: ['date', 'campaignName', 'campaignId', 'adGroupName', 'adGroupId', 'keywordId', 'keyword', 'keywordType', 'matchType',
      'advertisedAsin', 'advertisedSku', 'purchasedAsin', 'salesOtherSku7d', 'unitsSoldOtherSku7d', 'purchasesOtherSku7d'] },
  { ...base, reportType: 'sbPurchasedProduct', adProduct: 'SPONSORED_BRANDS', groupBy: ['purchasedAsin'], family: 'ads_api_sb_purchased_product',
    columns: ['date', 'campaignName', 'campaignId', 'adGroupName', 'adGroupId', 'attributionType', 'purchasedAsin', 'productName',
      'sales14d', 'orders14d', 'unitsSold14d', 'newToBrandPurchases14d'] },
];

export function adsSyncReport(name: string): AdsSyncReport | undefined {
  return adsSyncReports.find((r) => r.reportType.toLowerCase() === name.trim().toLowerCase());
}
