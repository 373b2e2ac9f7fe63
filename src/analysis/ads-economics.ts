import { Decimal } from 'decimal.js';
import { currencyDigits } from '../domain/marketplaces.ts';
import { say, type Texts } from '../domain/messages.ts';
import { round4 } from './ratio.ts';

/**
 * Each advertised SKU's ad economics (issue 21): its break-even ACoS from the profit module (profit before ads ÷
 * revenue, the catalog's `break_even_acos`), its target ACoS (the SKU's, else its tier's, else the store's, else
 * break-even), and the break-even CPC = break-even ACoS × average order value × conversion rate: the most a click
 * may cost before the orders it brings stop paying for it. Unknown parts are null with a reason, never 0.
 */
export interface SkuAdFacts {
  sku: string;
  currency: string;
  /** profit before ads ÷ revenue over the period; null when the profit module cannot say */
  breakEvenAcos: number | string | null;
  /** the target set for the SKU, its tier or the store (fractions), with where it came from */
  target: { acos: string; source: 'sku' | 'tier' | 'store' } | null;
  /** the advertised product report's figures for the SKU (one ad type and attribution window) */
  adSales: string | null;
  adOrders: number | null;
  adClicks: number | null;
}

export interface SkuAdEconomics {
  sku: string;
  currency: string;
  break_even_acos: number | null;
  target_acos: number | null;
  target_source: 'sku' | 'tier' | 'store' | 'break_even' | null;
  /** ad sales ÷ ad orders */
  average_order_value: string | null;
  /** ad orders ÷ ad clicks */
  conversion_rate: number | null;
  break_even_cpc: string | null;
  reasons: Texts[];
}

const dec = (v: number | string | null | undefined): Decimal | null => (v === null || v === undefined || v === '' ? null : new Decimal(v));

export function skuAdEconomics(f: SkuAdFacts): SkuAdEconomics {
  const reasons: Texts[] = [];
  const breakEven = dec(f.breakEvenAcos);
  if (breakEven === null) reasons.push(say('ads_no_break_even', { sku: f.sku }));
  // a SKU that loses money before ads can afford no ACoS: no break-even CPC, and break-even is no target
  const affordable = breakEven !== null && breakEven.gt(0) ? breakEven : null;
  if (breakEven !== null && affordable === null) reasons.push(say('ads_loses_before_ads', { sku: f.sku, acos: `${breakEven.mul(100).toDecimalPlaces(1).toString()}%` }));
  const sales = dec(f.adSales);
  const aov = sales !== null && f.adOrders ? sales.div(f.adOrders) : null;
  if (aov === null) reasons.push(say('ads_no_orders', { sku: f.sku }));
  const cvr = f.adOrders !== null && f.adClicks ? new Decimal(f.adOrders).div(f.adClicks) : null;
  if (cvr === null) reasons.push(say('ads_no_clicks', { sku: f.sku }));
  const target = f.target ? { acos: new Decimal(f.target.acos), source: f.target.source } : affordable !== null ? { acos: affordable, source: 'break_even' as const } : null;
  if (target === null) reasons.push(say('ads_no_target', { sku: f.sku }));
  const digits = currencyDigits(f.currency);
  const cpc = affordable !== null && aov !== null && cvr !== null ? affordable.mul(aov).mul(cvr) : null;
  return {
    sku: f.sku, currency: f.currency,
    break_even_acos: breakEven === null ? null : round4(breakEven.toNumber()),
    target_acos: target === null ? null : round4(target.acos.toNumber()), target_source: target?.source ?? null,
    average_order_value: aov === null ? null : aov.toFixed(digits),
    conversion_rate: cvr === null ? null : round4(cvr.toNumber()),
    break_even_cpc: cpc === null ? null : cpc.toDecimalPlaces(digits, Decimal.ROUND_DOWN).toFixed(digits),
    reasons,
  };
}

/**
 * The clicks after which "no order yet" means something: with conversion rate p, n clicks bring no order with
 * probability (1 − p)^n; the smallest n with (1 − p)^n ≤ chance is ⌈ln(chance) ÷ ln(1 − p)⌉. Null without a rate.
 */
export function clicksToJudge(conversionRate: number | null, chance: number): number | null {
  if (conversionRate === null || conversionRate <= 0) return null;
  if (conversionRate >= 1) return 1;
  return Math.ceil(Math.log(chance) / Math.log(1 - conversionRate) - 1e-9);
}
