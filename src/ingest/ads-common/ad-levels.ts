import type { TargetTable } from '../family.ts';

/** The three ad products; each has its own console reports and API report types. */
export type AdType = 'SP' | 'SB' | 'SD';
/** The `ads.level` values the metric layer reads (src/metrics/facts.ts). */
export type AdLevel = 'campaign' | 'placement' | 'ad_group' | 'advertised_product' | 'targeting' | 'search_term' | 'purchased_product';

export const adTypeNames: Record<AdType, { en: string; zh: string }> = {
  SP: { en: 'Sponsored Products', zh: '商品推广' },
  SB: { en: 'Sponsored Brands', zh: '品牌推广' },
  SD: { en: 'Sponsored Display', zh: '展示型推广' },
};

export const levelNames: Record<AdLevel, { en: string; zh: string }> = {
  campaign: { en: 'campaign report', zh: '广告活动报告' },
  placement: { en: 'placement report', zh: '广告位报告' },
  ad_group: { en: 'ad group report', zh: '广告组报告' },
  advertised_product: { en: 'advertised product report', zh: '推广的商品报告' },
  targeting: { en: 'targeting report', zh: '投放报告' },
  search_term: { en: 'search term report', zh: '搜索词报告' },
  purchased_product: { en: 'purchased product report', zh: '已购买商品报告' },
};

/** The report levels each ad product offers, as the console and the Ads API v3 list them. */
export const reportLevels: Record<AdType, readonly AdLevel[]> = {
  SP: ['campaign', 'placement', 'ad_group', 'advertised_product', 'targeting', 'search_term', 'purchased_product'],
  SB: ['campaign', 'placement', 'ad_group', 'targeting', 'search_term', 'purchased_product'],
  SD: ['campaign', 'ad_group', 'advertised_product', 'targeting', 'purchased_product'],
};

/**
 * A report's level is told by its most specific dimension column: a search-term report also has
 * Targeting, a purchased-product report also has Advertised SKU. Checked in this order.
 */
export function levelOf<F extends string>(has: (field: F) => boolean, markers: Readonly<Record<AdLevel, readonly F[]>>): AdLevel | undefined {
  const order: AdLevel[] = ['purchased_product', 'search_term', 'placement', 'advertised_product', 'targeting', 'ad_group', 'campaign'];
  return order.find((level) => markers[level].some(has));
}

/** Each level of each ad product is its own report type, so a newer file replaces only its own kind. */
export const adsTable: readonly TargetTable[] = [{
  table: 'ads', dateFrom: 'date_from', dateTo: 'date_to',
  // an SP report never replaces SB or SD rows, nor rows counted with another attribution window (a campaign manager
  // export holds every ad type, so the type is read per row)
  sameScope: ['ad_type', 'level', 'attribution_days'], guardKey: 'campaign',
}];
