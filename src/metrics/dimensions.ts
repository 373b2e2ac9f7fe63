/** The dimensions a query may group by (CLI contract `--by`). Checked against this list, never pasted into SQL. */
export const dimensionIds = [
  'date', 'week', 'month', 'store', 'marketplace', 'asin', 'parent_asin', 'sku', 'product', 'owner',
  'fulfillment', 'ad_type', 'campaign', 'search_term', 'return_reason', 'channel',
] as const;

export type DimensionId = (typeof dimensionIds)[number];

export const timeDimensions: ReadonlySet<DimensionId> = new Set(['date', 'week', 'month']);

export function isDimension(id: string): id is DimensionId {
  return (dimensionIds as readonly string[]).includes(id);
}

export const dimensionNames: Record<DimensionId, { en: string; zh: string }> = {
  date: { en: 'Date', zh: '日期' },
  week: { en: 'Week (Sun–Sat)', zh: '周（周日至周六）' },
  month: { en: 'Month', zh: '月份' },
  store: { en: 'Store', zh: '店铺' },
  marketplace: { en: 'Marketplace', zh: '站点' },
  asin: { en: 'ASIN', zh: 'ASIN' },
  parent_asin: { en: 'Parent ASIN', zh: '父ASIN' },
  sku: { en: 'SKU', zh: 'SKU' },
  product: { en: 'Product', zh: '本地产品' },
  owner: { en: 'Owner', zh: '运营负责人' },
  fulfillment: { en: 'Fulfilment', zh: '配送方式' },
  ad_type: { en: 'Ad type', zh: '广告类型' },
  campaign: { en: 'Campaign', zh: '广告活动' },
  search_term: { en: 'Search term', zh: '搜索词' },
  // the returns reports' own reason code (DEFECTIVE, NOT_AS_DESCRIBED, …), as imported
  return_reason: { en: 'Return reason', zh: '退货原因' },
  channel: { en: 'Channel', zh: '平台' },
};
