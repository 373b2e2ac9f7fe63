import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { estimateFees, findCategory, referralFee, tableOn, type FeeEstimate } from '../analysis/fee-estimate.ts';
import { feeNote, type FeeNote } from '../analysis/fee-notes.ts';
import { fulfilmentTables, parcelOf, referralTables } from '../analysis/fee-tables/index.ts';
import { feeModel, type FulfilmentPart, type ReferralPart } from '../analysis/pricing-fees.ts';
import type { FeeModel } from '../analysis/pricing.ts';
import type { Database } from '../store/database.ts';
import { latestFeePreview, productAttributesOn, type FeePreview } from '../store/pricing-inputs.ts';
import { settledFeeDays, settledFees, type SettledFees } from '../store/settled-fees.ts';
import { inMinorUnit, moneyText } from '../domain/currencies.ts';

/**
 * The fees of a SKU as a function of its price, each fee from the best source that has it:
 * - referral: the SKU's own settled orders of the last 90 days (the rate Amazon charged it), else the
 *   referral table of its fee category, else the rate the FBA fee preview implies;
 * - FBA fee: the FBA fee preview report (SPEC §6 "the FBA fee preview report first", today's rate
 *   card), else the SKU's own settled orders of the last 90 days per unit, else the FBA table with
 *   the product's size and weight.
 * `sources` says which source decided each fee.
 */
export type FeeSource = 'settled' | 'fee_preview' | 'table';

export interface SkuFees {
  model: FeeModel;
  /** the sources together: `fee_preview`, `table`, `fee_preview+table`, `settled`, `settled+fee_preview` … */
  basis: string;
  sources: { referral: FeeSource; fulfilment: FeeSource };
  /** the settled orders the `settled` fees were read from */
  settled: SettledFees | null;
  versions: string[];
  notes: FeeNote[];
  preview: FeePreview | null;
}

export async function skuFeeModel(db: Database, q: { store: string; marketplace: string; sku: string; date: string }): Promise<SkuFees> {
  const preview = await latestFeePreview(db, q.store, q.marketplace, q.sku);
  const attributes = await productAttributesOn(db, q.store, q.sku, q.date);
  const parcel = parcelOf(attributes.size);
  const settled = await settledFees(db, q);
  const notes: FeeNote[] = [];
  const category = attributes.category ? findCategory(q.marketplace, q.date, attributes.category) : undefined;
  let referral: ReferralPart | null = null;
  let referralFrom: FeeSource = 'table';
  const previewPrice = preview?.price ? new Decimal(preview.price) : null;
  if (settled?.referralRate) {
    referral = { rate: settled.referralRate, minimum: null };
    referralFrom = 'settled';
    notes.push(feeNote('settled_referral'));
  } else if (category) {
    referral = { category };
  } else if (preview?.referral_fee && previewPrice?.gt(0)) {
    referral = { rate: new Decimal(preview.referral_fee).div(previewPrice).toDecimalPlaces(4), minimum: null };
    referralFrom = 'fee_preview';
    notes.push(feeNote('implied_referral'));
  }
  let fulfilment: FulfilmentPart | null = null;
  let fulfilmentFrom: FeeSource = 'table';
  if (preview?.fulfillment_fee) {
    fulfilment = { fixed: preview.fulfillment_fee };
    fulfilmentFrom = 'fee_preview';
    notes.push(feeNote('fee_preview'));
  } else if (settled?.fbaPerUnit) {
    fulfilment = { fixed: settled.fbaPerUnit };
    fulfilmentFrom = 'settled';
    notes.push(feeNote('settled_fba'));
  } else if (parcel && tableOn(fulfilmentTables, q.marketplace, q.date)) {
    fulfilment = { marketplace: q.marketplace, date: q.date, parcel };
  }
  if (!referral) {
    throw new AsterismError('not_found', say('price_no_referral_fee', { sku: q.sku, marketplace: q.marketplace, days: settledFeeDays }));
  }
  if (!fulfilment) {
    throw new AsterismError('not_found', say('price_no_fba_fee', { sku: q.sku, marketplace: q.marketplace }));
  }
  const order: FeeSource[] = ['settled', 'fee_preview', 'table'];
  const basis = order.filter((s) => s === referralFrom || s === fulfilmentFrom).join('+');
  const settledVersion = settled ? `settled-${settled.from}-${settled.to}` : null;
  const versions = [
    ...(referralFrom === 'table' ? [tableOn(referralTables, q.marketplace, q.date)?.version] : referralFrom === 'settled' ? [settledVersion] : []),
    ...(fulfilmentFrom === 'fee_preview' ? [`fee-preview-${preview?.snapshot_date ?? ''}`] : fulfilmentFrom === 'settled' ? [settledVersion] : [tableOn(fulfilmentTables, q.marketplace, q.date)?.version]),
  ].filter((v, i, all): v is string => typeof v === 'string' && all.indexOf(v) === i);
  return { model: feeModel(referral, fulfilment), basis, sources: { referral: referralFrom, fulfilment: fulfilmentFrom }, settled, versions, notes, preview };
}

/**
 * The fee estimate for one unit of a SKU sold at `price` on `date`, for the profit engine's unsettled
 * orders. Where the FBA fee preview has the SKU (basis 'fee_preview'): its fulfilment fee, and the
 * referral fee at this price (the category table where the product has a category, else the
 * preview's rate, referral ÷ price). Else the tables (basis 'table'). Null when neither can say.
 */
export async function estimateSkuFees(db: Database, q: { store: string; marketplace: string; sku: string; date: string; price: Decimal.Value }): Promise<(Omit<FeeEstimate, 'basis'> & { basis: 'table' | 'fee_preview' }) | null> {
  const preview = await latestFeePreview(db, q.store, q.marketplace, q.sku);
  const attributes = await productAttributesOn(db, q.store, q.sku, q.date);
  if (!preview?.fulfillment_fee) return estimateFees({ marketplace: q.marketplace, date: q.date, price: q.price, category: attributes.category, parcel: parcelOf(attributes.size) });
  const notes = [feeNote('fee_preview')];
  const category = attributes.category ? findCategory(q.marketplace, q.date, attributes.category) : undefined;
  const previewPrice = preview.price ? new Decimal(preview.price) : null;
  let referral: Decimal | null = null;
  if (category) referral = referralFee(category, q.price);
  else if (preview.referral_fee && previewPrice?.gt(0)) {
    referral = new Decimal(preview.referral_fee).div(previewPrice).mul(q.price);
    notes.push(feeNote('implied_referral'));
  } else if (preview.referral_fee) referral = new Decimal(preview.referral_fee);
  // each fee a charge of its own, in the currency's minor unit (JPY whole yen); the total adds the rounded fees
  const currency = preview.currency ?? '';
  const fulfilment = inMinorUnit(preview.fulfillment_fee, currency) as Decimal;
  const rounded = referral ? (inMinorUnit(referral, currency) as Decimal) : null;
  return {
    referral: rounded ? moneyText(rounded, currency) : null, fulfilment: moneyText(fulfilment, currency), total: rounded ? moneyText(rounded.add(fulfilment), currency) : null,
    currency, basis: 'fee_preview', estimated: true,
    versions: [`fee-preview-${preview.snapshot_date}`, ...(category ? [tableOn(referralTables, q.marketplace, q.date)?.version ?? ''] : [])],
    category: category?.id ?? null, sizeTier: null, shippingWeightLb: null, notes,
  };
}
