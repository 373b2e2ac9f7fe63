import type { CanonicalRow, Period } from '../family.ts';
import type { AdLevel, AdType } from './ad-levels.ts';

/** One canonical `ads` row; every column is present so unknown measures load as NULL, never 0. */
export interface AdsRow extends CanonicalRow {
  date_from: string | null;
  date_to: string | null;
  ad_type: AdType;
  level: AdLevel;
  attribution_days: number | null;
  portfolio: string | null;
  campaign: string | null;
  ad_group: string | null;
  targeting: string | null;
  match_type: string | null;
  search_term: string | null;
  advertised_sku: string | null;
  advertised_asin: string | null;
  placement: string | null;
  purchased_asin: string | null;
  impressions: bigint | null;
  clicks: bigint | null;
  spend: string | null;
  sales: string | null;
  orders: bigint | null;
  units: bigint | null;
  sales_same_sku: string | null;
  units_same_sku: bigint | null;
  sales_other_sku: string | null;
  units_other_sku: bigint | null;
  currency: string | null;
}

export type AdsKeys = Pick<AdsRow, 'ad_type' | 'level' | 'attribution_days'>;

export function emptyAdsRow(keys: AdsKeys): AdsRow {
  return {
    date_from: null, date_to: null, ...keys,
    portfolio: null, campaign: null, ad_group: null, targeting: null, match_type: null, search_term: null,
    advertised_sku: null, advertised_asin: null, placement: null, purchased_asin: null,
    impressions: null, clicks: null, spend: null, sales: null, orders: null, units: null,
    sales_same_sku: null, units_same_sku: null, sales_other_sku: null, units_other_sku: null, currency: null,
  };
}

/** The days a file covers: from its earliest row to its latest. */
export function periodOfRows(rows: readonly AdsRow[]): Period | null {
  let from: string | undefined;
  let to: string | undefined;
  for (const r of rows) {
    if (r.date_from && (!from || r.date_from < from)) from = r.date_from;
    if (r.date_to && (!to || r.date_to > to)) to = r.date_to;
  }
  return from && to ? { from, to } : null;
}

/** The SP campaign CSV leaves a backslash before doubled quotes (`31\" x 19\"`, FORMATS §0). */
export function cleanText(text: string | null): string | null {
  return text === null ? null : text.replace(/\\"/g, '"');
}

export const upperOrNull = (text: string | null): string | null => (text === null ? null : text.toUpperCase());
