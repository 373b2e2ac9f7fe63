import type { AliasTable } from '../header.ts';

/** Attribution windows Amazon prefixes to conversion columns: `7 Day Total Sales`, `14 Day Total Orders (#)`. */
export const attributionWindows = [1, 7, 14, 30] as const;
const windowed = (...names: string[]): string[] => attributionWindows.flatMap((days) => names.map((name) => `${days} Day ${name}`));

/**
 * Sponsored Products / Brands / Display console report headers (FORMATS §3.1–3.5, §4), compared after
 * normalizeHeader: `ACoS`/`ACOS` casing, trailing spaces and `(₹)` currency suffixes are already folded.
 * Conversion columns carry their window in the header; attributionDaysOf reads it back.
 */
export const adsConsoleAliases = {
  date: ['Date'],
  start_date: ['Start Date'],
  end_date: ['End Date'],
  portfolio: ['Portfolio name'],
  currency: ['Currency'],
  campaign: ['Campaign Name'],
  ad_group: ['Ad Group Name'],
  targeting: ['Targeting'],
  match_type: ['Match Type'],
  search_term: ['Customer Search Term'],
  advertised_sku: ['Advertised SKU'],
  advertised_asin: ['Advertised ASIN'],
  placement: ['Placement'],
  purchased_asin: ['Purchased ASIN'],
  impressions: ['Impressions'],
  viewable_impressions: ['Viewable Impressions'],
  clicks: ['Clicks'],
  spend: ['Spend'],
  // SB exports newer than 2023 may drop the window prefix (FORMATS §4, unverified)
  sales: [...windowed('Total Sales'), 'Total Sales'],
  orders: [...windowed('Total Orders (#)'), 'Total Orders (#)'],
  units: [...windowed('Total Units (#)'), 'Total Units (#)'],
  sales_same_sku: windowed('Advertised SKU Sales', 'Advertised ASIN Sales'),
  units_same_sku: windowed('Advertised SKU Units (#)', 'Advertised ASIN Units (#)'),
  sales_other_sku: windowed('Other SKU Sales', 'Brand Halo ASIN Sales'),
  units_other_sku: windowed('Other SKU Units (#)', 'Brand Halo ASIN Units (#)'),
  orders_other_sku: windowed('Other SKU Orders (#)'),
  // Sponsored Display only: click-attributed copies of the totals, and how the campaign is billed
  sales_clicks: windowed('Total Sales - (Click)'),
  orders_clicks: windowed('Total Orders (#) - (Click)'),
  units_clicks: windowed('Total Units (#) - (Click)'),
  // `Cost type` in Sponsored Brands campaign and search-term reports since vCPM came to SB (see ad-type.ts)
  cost_type: ['Cost Type'],
  bid_optimization: ['Bid Optimization'],
  vcpm: ['Cost per 1,000 viewable impressions (VCPM)'],
  // Sponsored Brands and Display: new-to-brand and detail page views; Sponsored Brands only: video
  ntb_orders: [...windowed('New-to-brand Orders (#)'), 'New-to-brand Orders (#)'],
  ntb_sales: [...windowed('New-to-brand Sales'), 'New-to-brand Sales'],
  detail_page_views: windowed('Detail Page Views (DPV)'),
  video_complete_views: ['Video Complete Views'],
  video_first_quartile_views: ['Video First Quartile Views'],
  video_midpoint_views: ['Video Midpoint Views'],
  five_second_views: ['5 Second Views'],
  // Sponsored Products only: the campaign report's settings columns (FORMATS §3.2, §3.5, real files)
  campaign_type: ['Campaign Type'],
  targeting_type: ['Targeting Type'],
  bidding_strategy: ['Bidding strategy'],
} as const satisfies AliasTable;

export type AdsConsoleField = keyof typeof adsConsoleAliases;
