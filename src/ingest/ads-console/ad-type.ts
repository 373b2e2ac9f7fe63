import { reportLevels, type AdLevel, type AdType } from '../ads-common/ad-levels.ts';
import type { HeaderColumn } from '../header.ts';
import type { AdsConsoleField as Field } from './aliases.ts';

/**
 * Which ad products (SP, SB, SD) a console report's columns allow. Never a guess: a report is one ad
 * product only when its columns leave no other; otherwise the import asks the database (campaigns
 * already known per ad type) and then the seller (`--ad-type`). A Sponsored Brands search-term report
 * of 2022 (every column `14 Day …`, nothing only SB has) read as Sponsored Products once replaced a
 * month of SP rows (issue 14). The sources of each rule are in src/ingest/README.md ("Ad type").
 */
interface Clue {
  /** any of these columns present… */
  fields: readonly Field[];
  /** …leaves only these ad products */
  adTypes: readonly AdType[];
}

const clues: readonly Clue[] = [
  // Sponsored Display's bid optimisation (`Optimize for reach` …): no other ad product has the setting
  { fields: ['bid_optimization'], adTypes: ['SD'] },
  // video metrics: Sponsored Brands video (SD video is not in its console reports)
  { fields: ['video_complete_views', 'video_first_quartile_views', 'video_midpoint_views', 'five_second_views'], adTypes: ['SB'] },
  // new-to-brand, detail page views, vCPM and the `- (Click)` copies: both SB and SD report them, SP never
  {
    fields: ['ntb_orders', 'ntb_sales', 'detail_page_views', 'cost_type', 'vcpm', 'viewable_impressions', 'sales_clicks', 'orders_clicks', 'units_clicks'],
    adTypes: ['SB', 'SD'],
  },
  // the advertised product's own and halo sales (`Advertised SKU Sales`, `Other SKU Units`, vendors'
  // `Advertised ASIN Sales`, `Brand Halo ASIN Sales`) and the campaign settings columns: SP only
  {
    fields: ['sales_same_sku', 'units_same_sku', 'sales_other_sku', 'units_other_sku', 'orders_other_sku', 'campaign_type', 'targeting_type', 'bidding_strategy'],
    adTypes: ['SP'],
  },
];

/** Sponsored Brands and Display console reports count conversions over 14 days, always; SP sellers 7, SP vendors 14. */
const sbSdWindow = 14;

export interface AdTypeByContent {
  /** the ad products the content allows, in SP, SB, SD order; one when the content decides */
  adTypes: AdType[];
}

/** The ad products a console report of this level with these columns can be. Empty: the columns contradict each other. */
export function adTypesByContent(columns: ReadonlyMap<string, HeaderColumn>, level: AdLevel, window: number | null): AdTypeByContent {
  let open: AdType[] = (['SP', 'SB', 'SD'] as const).filter((t) => reportLevels[t].includes(level));
  for (const clue of clues) {
    if (clue.fields.some((f) => columns.has(f))) open = open.filter((t) => clue.adTypes.includes(t));
  }
  // a window other than 14 days (`7 Day Total Sales`) is a Sponsored Products seller's
  if (window !== null && window !== sbSdWindow) open = open.filter((t) => t === 'SP');
  return { adTypes: open };
}
