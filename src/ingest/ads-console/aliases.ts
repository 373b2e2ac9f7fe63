import type { AliasTable } from '../header.ts';

/** Attribution windows Amazon prefixes to conversion columns: `7 Day Total Sales`, `14 Day Total Orders (#)`. */
export const attributionWindows = [1, 7, 14, 30] as const;
const windowed = (...names: string[]): string[] => attributionWindows.flatMap((days) => names.map((name) => `${days} Day ${name}`));
/** ja: `広告がクリックされてから7日間の総売上高` ("total sales in the 7 days after the ad was clicked") */
const windowedJa = (name: string): string[] => attributionWindows.map((days) => `広告がクリックされてから${days}日間の${name}`);

/**
 * Sponsored Products / Brands / Display console report headers (FORMATS §3.1–3.5, §4), compared after
 * normalizeHeader: `ACoS`/`ACOS` casing, trailing spaces and `(₹)` currency suffixes are already folded.
 * Conversion columns carry their window in the header; attributionDaysOf reads it back.
 * ja, the SP search term report as the JP console writes it (`開始日`, `終了日`, `キャンペーン名`, `ターゲティング`, `マッチタイプ`,
 * `カスタマーの検索キーワード`, `インプレッション`, `クリック`, `費用`, `広告がクリックされてから7日間の総売上高`, `…の合計注文数`,
 * `…の合計販売数`): code that reads it, find_string ids 36552549624 (a column list), 43754011780 and 46384318390 (renames),
 * 66933626647 (an SP search term workbook reader). `日付` (date): 43754011780.
 * ja, the SP advertised product report (広告対象商品): `開始日, 終了日, ポートフォリオ名, キャンペーン名, 広告グループ名, 宣伝SKU,
 * 宣伝 ASIN, インプレッション, クリック数, …, 費用, 広告がクリックされてから7日間の総売上高, …の合計注文数, …の合計販売数`,
 * find_string 53117950552 (an upload route's column map for that report); `ポートフォリオ名` and `広告グループ名` in the
 * search term report too, 66933626647. No real file; no Japanese currency column was found, so a JP file needs
 * --marketplace JP unless its money is written `￥1,234`.
 */
export const adsConsoleAliases = {
  date: ['Date', '日付'],
  start_date: ['Start Date', '開始日'],
  end_date: ['End Date', '終了日'],
  portfolio: ['Portfolio name', 'ポートフォリオ名'],
  currency: ['Currency'],
  campaign: ['Campaign Name', 'キャンペーン名'],
  ad_group: ['Ad Group Name', '広告グループ名'],
  targeting: ['Targeting', 'ターゲティング'],
  match_type: ['Match Type', 'マッチタイプ'],
  search_term: ['Customer Search Term', 'カスタマーの検索キーワード'],
  advertised_sku: ['Advertised SKU', '宣伝SKU'],
  advertised_asin: ['Advertised ASIN', '宣伝 ASIN'],
  placement: ['Placement'],
  purchased_asin: ['Purchased ASIN'],
  impressions: ['Impressions', 'インプレッション'],
  viewable_impressions: ['Viewable Impressions'],
  clicks: ['Clicks', 'クリック', 'クリック数'],
  spend: ['Spend', '費用'],
  // SB exports newer than 2023 may drop the window prefix (FORMATS §4, unverified)
  sales: [...windowed('Total Sales'), 'Total Sales', ...windowedJa('総売上高')],
  orders: [...windowed('Total Orders (#)'), 'Total Orders (#)', ...windowedJa('合計注文数')],
  units: [...windowed('Total Units (#)'), 'Total Units (#)', ...windowedJa('合計販売数')],
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
