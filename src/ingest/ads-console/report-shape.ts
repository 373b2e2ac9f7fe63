import type { AdLevel, AdType } from '../ads-common/ad-levels.ts';
import { levelOf } from '../ads-common/ad-levels.ts';
import type { HeaderColumn } from '../header.ts';
import { adTypesByContent } from './ad-type.ts';
import type { AdsConsoleField as Field } from './aliases.ts';

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

/** Which console report a header is: its level and the ad products its columns allow (ad-type.ts), or undefined when it is none. */
export function reportShapeOf(columns: ReadonlyMap<string, HeaderColumn>): { adTypes: AdType[]; level: AdLevel } | undefined {
  const has = (f: Field) => columns.has(f);
  // every console report names its campaign; the Campaign Manager grid says `Campaigns`
  if (!has('campaign') || !measures.some(has)) return undefined;
  const level = levelOf(has, levelMarkers);
  if (!level) return undefined;
  return { adTypes: adTypesByContent(columns, level, windowOf(columns)).adTypes, level };
}

/** Sponsored Brands and Display console reports attribute over 14 days (FORMATS §0); SP has no default. */
const defaultWindow: Record<AdType, number | null> = { SP: null, SB: 14, SD: 14 };

/** The window written in the conversion headers (`14 Day Total Sales (₹)` → 14, `広告がクリックされてから7日間の総売上高` → 7). */
export function attributionDaysOf(columns: ReadonlyMap<string, HeaderColumn>, adType: AdType): number | null {
  return windowOf(columns) ?? defaultWindow[adType];
}

/** The window the conversion headers name, or null when they name none. */
function windowOf(columns: ReadonlyMap<string, HeaderColumn>): number | null {
  for (const field of ['sales', 'orders', 'units', 'sales_other_sku', 'units_other_sku'] satisfies Field[]) {
    const key = columns.get(field)?.key ?? '';
    const m = /^(\d+) day\b/.exec(key) ?? /^広告がクリックされてから(\d+)日間の/.exec(key);
    if (m) return Number(m[1]);
  }
  return null;
}
