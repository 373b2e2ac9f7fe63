import type { AdLevel, AdType } from '../ads-common/ad-levels.ts';
import { levelOf } from '../ads-common/ad-levels.ts';
import type { HeaderColumn } from '../header.ts';
import type { AdsConsoleField as Field } from './aliases.ts';

/** Columns only one ad product's console reports have (FORMATS §4). SD is checked first: it has new-to-brand columns too. */
const onlyIn: Record<'SD' | 'SB', readonly Field[]> = {
  SD: ['cost_type', 'bid_optimization', 'sales_clicks', 'orders_clicks', 'units_clicks', 'vcpm'],
  SB: ['ntb_orders', 'ntb_sales', 'video_complete_views', 'five_second_views'],
};

const levelMarkers: Record<AdLevel, readonly Field[]> = {
  purchased_product: ['purchased_asin'],
  search_term: ['search_term'],
  placement: ['placement'],
  advertised_product: ['advertised_asin', 'advertised_sku'],
  targeting: ['targeting'],
  ad_group: ['ad_group'],
  campaign: ['campaign'],
};

const measures: readonly Field[] = ['impressions', 'clicks', 'spend', 'sales', 'sales_other_sku', 'units_other_sku'];

/** Which console report a header is: ad product and level, or undefined when it is none. */
export function reportShapeOf(columns: ReadonlyMap<string, HeaderColumn>): { adType: AdType; level: AdLevel } | undefined {
  const has = (f: Field) => columns.has(f);
  // every console report names its campaign; the Campaign Manager grid says `Campaigns`
  if (!has('campaign') || !measures.some(has)) return undefined;
  const level = levelOf(has, levelMarkers);
  if (!level) return undefined;
  const adType: AdType = onlyIn.SD.some(has) ? 'SD' : onlyIn.SB.some(has) ? 'SB' : 'SP';
  return { adType, level };
}

/** Sponsored Brands and Display console reports attribute over 14 days (FORMATS §0); SP has no default. */
const defaultWindow: Record<AdType, number | null> = { SP: null, SB: 14, SD: 14 };

/** The window written in the conversion headers (`14 Day Total Sales (₹)` → 14). */
export function attributionDaysOf(columns: ReadonlyMap<string, HeaderColumn>, adType: AdType): number | null {
  for (const field of ['sales', 'orders', 'units', 'sales_other_sku', 'units_other_sku'] satisfies Field[]) {
    const m = /^(\d+) day\b/.exec(columns.get(field)?.key ?? '');
    if (m) return Number(m[1]);
  }
  return defaultWindow[adType];
}
