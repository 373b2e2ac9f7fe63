import { Decimal } from 'decimal.js';
import { note, type Note } from './messages.ts';
import { ratio, round4 } from './ratio.ts';

export interface AdSalesFacts {
  sales: number | string | null;
  /** ad sales of the advertised SKU itself (not halo sales of other SKUs) */
  adSalesSameSku: number | string | null;
}

export interface AdsVsOrganic {
  sales: number | null;
  ad_sales_same_sku: number | null;
  /** sales − advertised-SKU ad sales (SPEC §4) */
  organic: number | null;
  organic_share: number | null;
  problem: Note | null;
}

/** Sales split into advertised-SKU ad sales and organic; missing ad sales count 0 and say so, as the catalog's organic_sales does. */
export function adsVsOrganic(facts: AdSalesFacts, digits = 2): AdsVsOrganic {
  const ad = facts.adSalesSameSku === null ? null : new Decimal(facts.adSalesSameSku);
  const problem = ad === null ? note('ad_sales_missing') : null;
  if (facts.sales === null) return { sales: null, ad_sales_same_sku: ad?.toNumber() ?? null, organic: null, organic_share: null, problem };
  const sales = new Decimal(facts.sales);
  const organic = sales.minus(ad ?? 0);
  return {
    sales: sales.toDecimalPlaces(digits).toNumber(), ad_sales_same_sku: ad?.toDecimalPlaces(digits).toNumber() ?? null,
    organic: organic.toDecimalPlaces(digits).toNumber(), organic_share: round4(ratio(organic.toNumber(), sales.toNumber())), problem,
  };
}

export interface AdsOrganicChange {
  total: number | null;
  ads: number | null;
  organic: number | null;
  problem: Note | null;
}

/** The change in sales as the change in ad sales plus the change in organic sales (exact: decimal arithmetic). */
export function adsVsOrganicChange(before: AdSalesFacts, after: AdSalesFacts, digits = 2): AdsOrganicChange {
  const problem = before.adSalesSameSku === null || after.adSalesSameSku === null ? note('ad_sales_missing') : null;
  if (before.sales === null || after.sales === null) return { total: null, ads: null, organic: null, problem };
  const total = new Decimal(after.sales).minus(before.sales).toDecimalPlaces(digits);
  const ads = new Decimal(after.adSalesSameSku ?? 0).minus(before.adSalesSameSku ?? 0).toDecimalPlaces(digits);
  return { total: total.toNumber(), ads: ads.toNumber(), organic: total.minus(ads).toNumber(), problem };
}
