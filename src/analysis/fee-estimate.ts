import { Decimal } from 'decimal.js';
import { fulfilmentTables, peakSeason, peakTables, referralTables, sizeTierOf, type FulfilmentTable, type Parcel, type PriceBand, type ReferralCategory, type SizeTier, type TierAnswer } from './fee-tables/index.ts';
import { feeNote, type FeeNote } from './fee-notes.ts';
import { inMinorUnit, moneyText } from '../domain/currencies.ts';

/**
 * Fee estimates from the fee tables, for sales not yet settled and for pricing (SPEC §6): the
 * referral fee (category percentage by price tier, at least the per-item minimum) and the FBA
 * fulfilment fee (size tier, shipping weight, price band, holiday peak surcharge). Always an
 * estimate: `basis: 'table'` and the versions of the tables used. Pure: no I/O.
 */
export interface FeeEstimateInput {
  marketplace: string;
  /** the day of the sale (or of the price being set), YYYY-MM-DD: picks the tables in force */
  date: string;
  /** the item's sales price per unit, VAT included where the marketplace's prices include it */
  price: Decimal.Value;
  /** fee category: an id of the referral table (home_kitchen) or its name (Home and Kitchen, 家居厨房) */
  category?: string | null;
  parcel?: Parcel | null;
  /** FBM orders pay no FBA fee; default FBA */
  fulfillment?: 'FBA' | 'FBM';
}

export interface FeeEstimate {
  /** money per unit, 2 decimals, in `currency`; null where it could not be estimated (see notes) */
  referral: string | null;
  fulfilment: string | null;
  total: string | null;
  currency: string;
  basis: 'table';
  estimated: true;
  versions: string[];
  category: string | null;
  sizeTier: SizeTier | null;
  shippingWeightLb: string | null;
  notes: FeeNote[];
}

/** The table in force for a marketplace on a day. */
export function tableOn<T extends { marketplace: string; effectiveFrom: string; effectiveTo: string | null }>(tables: readonly T[], marketplace: string, date: string): T | undefined {
  return tables.find((t) => t.marketplace === marketplace && t.effectiveFrom <= date && (t.effectiveTo === null || date <= t.effectiveTo));
}

const fold = (s: string) => s.trim().toLowerCase().replace(/&/g, 'and').replace(/[\s,_-]+/g, ' ');

export function findCategory(marketplace: string, date: string, text: string): ReferralCategory | undefined {
  const table = tableOn(referralTables, marketplace, date);
  const key = fold(text);
  return table?.categories.find((c) => [c.id, c.en, c.zh, ...(c.also ?? [])].some((name) => fold(name) === key));
}

/** The referral fee before the per-item minimum and before rounding. */
function referralPercentage(category: ReferralCategory, price: Decimal): Decimal {
  if (category.kind === 'whole') {
    const tier = category.tiers.find((t) => t.upTo === null || price.lte(t.upTo)) ?? category.tiers[category.tiers.length - 1];
    return price.mul(tier?.rate ?? 0);
  }
  let fee = new Decimal(0);
  let below = new Decimal(0);
  for (const tier of category.tiers) {
    const top = tier.upTo === null ? price : Decimal.min(price, tier.upTo);
    if (top.gt(below)) fee = fee.add(top.sub(below).mul(tier.rate));
    if (tier.upTo !== null) below = new Decimal(tier.upTo);
  }
  return fee;
}

/** The referral fee: the greater of the percentage and the category's per-item minimum (not rounded). */
export function referralFee(category: ReferralCategory, price: Decimal.Value): Decimal {
  const fee = referralPercentage(category, new Decimal(price));
  return category.minimum === null ? fee : Decimal.max(fee, category.minimum);
}

/** Prices where the referral fee changes its formula: tier edges, and where each rate meets the minimum. */
export function referralBreakpoints(category: ReferralCategory): Decimal[] {
  const edges = category.tiers.flatMap((t) => (t.upTo === null ? [] : [new Decimal(t.upTo)]));
  const crossings = category.minimum === null ? [] : category.tiers.filter((t) => new Decimal(t.rate).gt(0)).map((t) => new Decimal(category.minimum ?? 0).div(t.rate));
  return [...edges, ...crossings];
}

/** FBA price bands: under $10 is Low-Price FBA; $10 to $50 inclusive; above $50. */
export function priceBand(price: Decimal.Value): PriceBand {
  const p = new Decimal(price);
  return p.lt(10) ? 'under_10' : p.lte(50) ? '10_to_50' : 'over_50';
}
export const priceBandEdges = [new Decimal(10), new Decimal(50)] as const;

const inBand = (lb: Decimal, row: { overLb: string; upToLb: string | null }) => lb.gt(row.overLb) && (row.upToLb === null || lb.lte(row.upToLb));

/** The fulfilment fee of a size tier and weight in one table; null when the table lacks that row or band. */
export function fulfilmentFee(table: FulfilmentTable, tier: TierAnswer, band: PriceBand): Decimal | null {
  const lb = Decimal.max(tier.shippingLb, '0.000001');
  const row = table.rows.find((r) => r.tier === tier.tier && inBand(lb, r));
  const base = row?.fee[band];
  if (!row || base === undefined) return null;
  const step = row.perStep;
  if (!step || lb.lte(step.aboveLb)) return new Decimal(base);
  return new Decimal(base).add(lb.sub(step.aboveLb).div(step.stepLb).ceil().mul(step.fee));
}

export function inPeakSeason(date: string): boolean {
  const monthDay = date.slice(5);
  return monthDay >= peakSeason.fromMonthDay || monthDay <= peakSeason.toMonthDay;
}

/** The holiday peak surcharge on a day: a value, 0 outside the season, or null when the season's table lacks it. */
export function peakSurcharge(marketplace: string, date: string, tier: TierAnswer, band: PriceBand): { amount: Decimal | null; version?: string } {
  const table = peakTables.find((t) => t.marketplace === marketplace && t.effectiveFrom <= date && date <= t.effectiveTo);
  if (!table) return { amount: inPeakSeason(date) ? null : new Decimal(0) };
  if (!table.bands.includes(band)) return { amount: new Decimal(0), version: table.version };
  const row = table.rows.find((r) => r.tier === tier.tier && inBand(tier.shippingLb, r));
  return { amount: row ? new Decimal(row.surcharge) : null, version: table.version };
}

/** a fee in its currency's minor unit (ISO 4217: a JP table's fees are whole yen) */
const moneyIn = (currency: string) => (d: Decimal | null) => moneyText(d, currency);

/**
 * Estimates the referral and FBA fees of one unit from the tables; null when the marketplace has
 * no table on that date at all. A part that cannot be estimated is null and says why in `notes`.
 */
export function estimateFees(input: FeeEstimateInput): FeeEstimate | null {
  const referralTable = tableOn(referralTables, input.marketplace, input.date);
  const fulfilmentTable = tableOn(fulfilmentTables, input.marketplace, input.date);
  if (!referralTable && !fulfilmentTable) return null;
  const price = new Decimal(input.price);
  const notes: FeeNote[] = [];
  const versions: string[] = [];
  const referral = referralPart(input, price, notes, versions);
  const fba = input.fulfillment === 'FBM' ? fbmPart(notes) : fulfilmentPart(input, fulfilmentTable, price, notes, versions);
  const currency = referralTable?.currency ?? fulfilmentTable?.currency ?? '';
  const money = moneyIn(currency);
  // each fee a charge of its own, rounded on its own; the total adds the rounded fees
  const total = referral.fee !== null && fba.fee !== null ? (inMinorUnit(referral.fee, currency) as Decimal).add(inMinorUnit(fba.fee, currency) as Decimal) : null;
  return {
    referral: money(referral.fee), fulfilment: money(fba.fee), total: money(total),
    currency, basis: 'table', estimated: true, versions,
    category: referral.category, sizeTier: fba.tier?.tier ?? null, shippingWeightLb: fba.tier ? fba.tier.shippingLb.toDecimalPlaces(4).toString() : null, notes,
  };
}

function referralPart(input: FeeEstimateInput, price: Decimal, notes: FeeNote[], versions: string[]): { fee: Decimal | null; category: string | null } {
  const table = tableOn(referralTables, input.marketplace, input.date);
  if (!table) return (notes.push(feeNote('no_referral_table')), { fee: null, category: null });
  if (!input.category) return (notes.push(feeNote('no_category')), { fee: null, category: null });
  const category = findCategory(input.marketplace, input.date, input.category);
  if (!category) return (notes.push(feeNote('unknown_category')), { fee: null, category: null });
  versions.push(table.version);
  return { fee: referralFee(category, price), category: category.id };
}

function fbmPart(notes: FeeNote[]): { fee: Decimal; tier: null } {
  notes.push(feeNote('fbm'));
  return { fee: new Decimal(0), tier: null };
}

function fulfilmentPart(input: FeeEstimateInput, table: FulfilmentTable | undefined, price: Decimal, notes: FeeNote[], versions: string[]): { fee: Decimal | null; tier: TierAnswer | null } {
  if (!table) return (notes.push(feeNote('no_fulfilment_table')), { fee: null, tier: null });
  if (!input.parcel) return (notes.push(feeNote('no_parcel')), { fee: null, tier: null });
  const tier = sizeTierOf(input.parcel);
  const band = priceBand(price);
  const base = fulfilmentFee(table, tier, band);
  if (base === null) return (notes.push(feeNote('fulfilment_row_missing')), { fee: null, tier });
  versions.push(table.version);
  const peak = peakSurcharge(input.marketplace, input.date, tier, band);
  if (peak.amount === null) {
    notes.push(feeNote('peak_unknown'));
    return { fee: base, tier };
  }
  if (peak.amount.gt(0)) {
    notes.push(feeNote('peak_surcharge'));
    if (peak.version) versions.push(peak.version);
  }
  return { fee: base.add(peak.amount), tier };
}
