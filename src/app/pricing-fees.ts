import { Decimal } from 'decimal.js';
import { AsterismError } from '../domain/errors.ts';
import { estimateFees, findCategory, referralFee, tableOn, type FeeEstimate } from '../analysis/fee-estimate.ts';
import { feeNote, type FeeNote } from '../analysis/fee-notes.ts';
import { fulfilmentTables, referralTables } from '../analysis/fee-tables/index.ts';
import { feeModel, type FulfilmentPart, type ReferralPart } from '../analysis/pricing-fees.ts';
import type { FeeModel } from '../analysis/pricing.ts';
import type { Database } from '../store/database.ts';
import { latestFeePreview, productAttributesOn, type FeePreview } from './pricing-inputs.ts';

/**
 * The fees of a SKU as a function of its price: the FBA fee preview report first (its fulfilment
 * fee; its referral rate where the product has no fee category), else the fee tables with the
 * product's category, size and weight (SPEC §6 "the FBA fee preview report first").
 */
export interface SkuFees {
  model: FeeModel;
  basis: 'fee_preview' | 'table' | 'fee_preview+table';
  versions: string[];
  notes: FeeNote[];
  preview: FeePreview | null;
}

export async function skuFeeModel(db: Database, q: { store: string; marketplace: string; sku: string; date: string }): Promise<SkuFees> {
  const preview = await latestFeePreview(db, q.store, q.marketplace, q.sku);
  const attributes = await productAttributesOn(db, q.store, q.sku, q.date);
  const notes: FeeNote[] = [];
  const category = attributes.category ? findCategory(q.marketplace, q.date, attributes.category) : undefined;
  let referral: ReferralPart | null = category ? { category } : null;
  const previewPrice = preview?.price ? new Decimal(preview.price) : null;
  if (!referral && preview?.referral_fee && previewPrice?.gt(0)) {
    referral = { rate: new Decimal(preview.referral_fee).div(previewPrice).toDecimalPlaces(4), minimum: null };
    notes.push(feeNote('implied_referral'));
  }
  let fulfilment: FulfilmentPart | null = null;
  if (preview?.fulfillment_fee) {
    fulfilment = { fixed: preview.fulfillment_fee };
    notes.push(feeNote('fee_preview'));
  } else if (attributes.parcel && tableOn(fulfilmentTables, q.marketplace, q.date)) {
    fulfilment = { marketplace: q.marketplace, date: q.date, parcel: attributes.parcel };
  }
  if (!referral) {
    throw new AsterismError('not_found', `no referral fee for SKU ${q.sku} in ${q.marketplace}: give it a fee category (products file, column category) or import the FBA fee preview report / SKU ${q.sku} 无法确定佣金：请在产品表填写类目，或导入FBA费用预览报告`);
  }
  if (!fulfilment) {
    throw new AsterismError('not_found', `no FBA fee for SKU ${q.sku} in ${q.marketplace}: import the FBA fee preview report, or give its size and weight in the products file (US fee tables) / SKU ${q.sku} 无法确定FBA配送费：请导入FBA费用预览报告，或在产品表填写尺寸和重量`);
  }
  const referralFrom = category ? 'table' : 'fee_preview';
  const fulfilmentFrom = 'fixed' in fulfilment ? 'fee_preview' : 'table';
  const basis = referralFrom === fulfilmentFrom ? referralFrom : 'fee_preview+table';
  const versions = [
    ...(category ? [tableOn(referralTables, q.marketplace, q.date)?.version] : []),
    ...('fixed' in fulfilment ? [`fee-preview-${preview?.snapshot_date ?? ''}`] : [tableOn(fulfilmentTables, q.marketplace, q.date)?.version]),
  ].filter((v): v is string => typeof v === 'string');
  return { model: feeModel(referral, fulfilment), basis, versions, notes, preview };
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
  if (!preview?.fulfillment_fee) return estimateFees({ marketplace: q.marketplace, date: q.date, price: q.price, category: attributes.category, parcel: attributes.parcel });
  const notes = [feeNote('fee_preview')];
  const category = attributes.category ? findCategory(q.marketplace, q.date, attributes.category) : undefined;
  const previewPrice = preview.price ? new Decimal(preview.price) : null;
  let referral: Decimal | null = null;
  if (category) referral = referralFee(category, q.price);
  else if (preview.referral_fee && previewPrice?.gt(0)) {
    referral = new Decimal(preview.referral_fee).div(previewPrice).mul(q.price);
    notes.push(feeNote('implied_referral'));
  } else if (preview.referral_fee) referral = new Decimal(preview.referral_fee);
  const two = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const fulfilment = two(new Decimal(preview.fulfillment_fee));
  return {
    referral: referral ? two(referral).toFixed(2) : null, fulfilment: fulfilment.toFixed(2), total: referral ? two(referral).add(fulfilment).toFixed(2) : null,
    currency: preview.currency ?? '', basis: 'fee_preview', estimated: true,
    versions: [`fee-preview-${preview.snapshot_date}`, ...(category ? [tableOn(referralTables, q.marketplace, q.date)?.version ?? ''] : [])],
    category: category?.id ?? null, sizeTier: null, shippingWeightLb: null, notes,
  };
}
