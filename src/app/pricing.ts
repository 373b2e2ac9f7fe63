import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { todayIn } from '../domain/local-date.ts';
import { currencyDigits, marketplaceByCode } from '../domain/marketplaces.ts';
import { suggestPrice } from '../analysis/pricing-rules.ts';
import { profitAt } from '../analysis/pricing.ts';
import type { FeeNote } from '../analysis/fee-notes.ts';
import type { Database } from '../store/database.ts';
import { rulesFor } from '../store/pricing-rules.ts';
import { insertSuggestion, type SuggestionRecord } from '../store/price-suggestions.ts';
import { landedCostOn, type LandedCostOn } from '../metrics/landed-cost.ts';
import { asinOfSku, currentPrice, latestCompetitorPrice, marketplaceOfSku, productAttributesOn, storeOfSku } from '../store/pricing-inputs.ts';
import { skuFeeModel, type FeeSource } from './pricing-fees.ts';
import { moneyNumber } from '../domain/currencies.ts';

/**
 * `asterism price suggest`: gathers one SKU's cost, FX, fees, competitor and current price and its
 * rules, asks the pure pricing analysis for a suggestion, and stores it as `pending`.
 */
export interface SuggestRequest {
  sku: string;
  marketplace?: string | undefined;
  store?: string | undefined;
  target_margin?: string | undefined;
  /** the day whose cost, FX rate and fee tables apply (default: today in the marketplace) */
  date?: string | undefined;
  user?: string | undefined;
}

const num = (d: Decimal.Value | null | undefined) => (d === null || d === undefined ? null : new Decimal(d).toNumber());

export async function suggest(db: Database, r: SuggestRequest): Promise<PriceSuggestionAnswer> {
  const store = r.store ?? (await storeOfSku(db, r.sku));
  const code = r.marketplace ?? (await marketplaceOfSku(db, store, r.sku));
  if (!code) throw new AsterismError('bad_request', say('price_needs_marketplace', { sku: r.sku }));
  const market = marketplaceByCode(code);
  if (!market) throw new AsterismError('bad_marketplace', say('price_bad_marketplace', { value: code }));
  const date = r.date ?? todayIn(market.timeZone);
  // the landed cost profit uses for the same SKU and day (metrics/landed-cost.ts): shipments' freight first
  const cost = await landedCostOn(db, { store, sku: r.sku, marketplace: market.code, currency: market.currency, date });
  if (!cost) {
    throw new AsterismError('not_found', say('price_no_cost', { sku: r.sku, store, marketplace: market.code, date }));
  }
  const landed = landedCostOfSuggestion(cost, market.currency);
  const fees = await skuFeeModel(db, { store, marketplace: market.code, sku: r.sku, date });
  const asin = await asinOfSku(db, store, r.sku);
  const rivals = (await productAttributesOn(db, store, r.sku, date)).competitorAsins;
  const competitor = await latestCompetitorPrice(db, { store, marketplace: market.code, asin, rivals, currency: market.currency, date });
  const current = await currentPrice(db, store, market.code, r.sku, fees.preview);
  const rules = await rulesFor(db, store, r.sku, market.code);
  const economics = { currency: market.currency, vatRate: market.vatRate, landedCost: landed.landed, fees: fees.model, digits: currencyDigits(market.currency) };
  const input = {
    economics, fxExposedCost: landed.fxExposed, currentPrice: current?.price ?? null, competitorPrice: competitor?.price ?? null,
    rules: {
      minMargin: rules.min_margin, targetMargin: r.target_margin ?? rules.target_margin, ceiling: rules.ceiling, map: rules.map,
      maxStep: rules.max_step, fxBuffer: rules.fx_buffer, competitorStep: rules.competitor_step,
    },
  };
  const s = suggestPrice(input);
  const at = s.suggestedPrice ? profitAt(economics, s.suggestedPrice) : null;
  const str = (d: Decimal | null) => (d === null ? null : d.toFixed(economics.digits));
  const details: SuggestionDetails = {
    date, basis: s.basis, floor_price: num(s.floorPrice), competitor_anchored_price: num(s.competitorAnchoredPrice),
    current_price_source: current?.source ?? null, competitor: competitor ? { date: competitor.date, name: competitor.competitor } : null,
    target_margin: num(input.rules.targetMargin), vat_rate: num(market.vatRate), cost: numbers(landed.breakdown),
    fees: {
      basis: fees.basis, sources: fees.sources, versions: fees.versions, notes: fees.notes,
      settled: fees.settled && {
        from: fees.settled.from, to: fees.settled.to, orders: fees.settled.orders, units: fees.settled.units, currency: fees.settled.currency,
        product_sales: num(fees.settled.productSales), selling_fees: num(fees.settled.sellingFees), fba_fees: num(fees.settled.fbaFees),
        referral_rate: num(fees.settled.referralRate), fba_per_unit: num(fees.settled.fbaPerUnit),
      },
      referral: at ? moneyNumber(at.referral, market.currency) : null, fulfilment: at ? moneyNumber(at.fulfilment, market.currency) : null,
    },
    at_suggested_price: at ? { revenue: moneyNumber(at.revenue, market.currency), profit: moneyNumber(at.profit, market.currency), margin: at.margin?.toDecimalPlaces(4).toNumber() ?? null } : null,
    rules: rules, warnings: s.warnings,
  };
  const record = await insertSuggestion(db, {
    store, marketplace: market.code, sku: r.sku, asin, currency: market.currency, current_price: current?.price ?? null,
    break_even_price: str(s.breakEvenPrice), target_margin_price: str(s.targetMarginPrice), competitor_price: competitor?.price ?? null,
    suggested_price: str(s.suggestedPrice), rules_applied: s.rulesApplied, created_by: r.user ?? null,
    details,
  });
  return present(record);
}

/**
 * The landed cost as pricing reads it: the amount, the part exposed to FX (all of it when the cost or the
 * shipment was paid in another currency than the marketplace's) and the breakdown a suggestion shows.
 */
function landedCostOfSuggestion(cost: LandedCostOn, currency: string) {
  const landed = new Decimal(cost.landed);
  const money = (v: string) => new Decimal(v).toDecimalPlaces(4).toString();
  const foreign = cost.cost.currency !== currency || (cost.shipment !== null && cost.shipment.currency !== currency);
  return {
    landed, fxExposed: foreign ? landed : new Decimal(0),
    breakdown: {
      cost_currency: cost.cost.currency, unit_cost: cost.cost.unitCost, freight_per_unit: cost.cost.freightPerUnit, duty_rate: cost.cost.dutyRate,
      cost_effective_from: cost.cost.effectiveFrom, fx_rate: cost.fx.rate.replace(/\.?0+$/, ''), fx_date: cost.fx.date,
      freight_source: cost.shipment ? 'shipment' : cost.cost.freightPerUnit === null ? null : 'costs',
      shipment_date: cost.shipment?.date ?? null,
      // per unit in the marketplace's currency
      freight: money(cost.freight), duty: money(cost.duty), landed_cost: money(cost.landed),
    },
  };
}

/** Amounts and rates of the cost breakdown as JSON numbers; codes and dates stay text. */
const numbers = (o: Record<string, string | null>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v !== null && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v]));

export type PriceSuggestionAnswer = ReturnType<typeof present>;

/** What `suggest` stores beside the contract's fields (JSON in price_suggestions.details). */
export type SuggestionDetails = {
  date: string;
  basis: string | null;
  floor_price: number | null;
  competitor_anchored_price: number | null;
  current_price_source: string | null;
  competitor: { date: string; name: string } | null;
  target_margin: number | null;
  vat_rate: number | null;
  cost: Record<string, string | number | null>;
  fees: {
    basis: string;
    /** which source decided each fee: the SKU's settled orders, the FBA fee preview, or the fee tables */
    sources?: { referral: FeeSource; fulfilment: FeeSource };
    /** the settled orders read (last 90 days), when they decided a fee or could have */
    settled?: {
      from: string; to: string; orders: number; units: number; currency: string | null; product_sales: number | null; selling_fees: number | null;
      fba_fees: number | null; referral_rate: number | null; fba_per_unit: number | null;
    } | null;
    versions: string[]; notes: FeeNote[]; referral: number | null; fulfilment: number | null;
  };
  at_suggested_price: { revenue: number | null; profit: number | null; margin: number | null } | null;
  rules: Record<string, unknown> & { from: Partial<Record<string, string>> };
  warnings: string[];
};


/** The CLI contract's shape (cli.md "profit and price"), then the extras. */
export function present(r: SuggestionRecord) {
  return {
    sku: r.sku, marketplace: r.marketplace, currency: r.currency,
    break_even_price: num(r.break_even_price), target_margin_price: num(r.target_margin_price), competitor_price: num(r.competitor_price),
    suggested_price: num(r.suggested_price), rules_applied: r.rules_applied, status: r.status,
    id: r.id, store: r.store, asin: r.asin, current_price: num(r.current_price), estimated: true,
    ...(r.details as unknown as SuggestionDetails),
    created_at: r.created_at, created_by: r.created_by, decided_at: r.decided_at, decided_by: r.decided_by, note: r.note, exported_at: r.exported_at,
  };
}
