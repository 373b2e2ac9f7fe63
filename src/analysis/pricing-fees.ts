import { Decimal } from 'decimal.js';
import { fulfilmentFee, peakSurcharge, priceBand, priceBandEdges, referralBreakpoints, referralFee, tableOn } from './fee-estimate.ts';
import { fulfilmentTables, sizeTierOf, type Parcel, type ReferralCategory } from './fee-tables/index.ts';
import type { FeeModel } from './pricing.ts';

/**
 * Fee models for pricing: the fees of one unit as a function of its price. The referral part is a
 * table category or a plain rate with a minimum; the fulfilment part is a fixed amount (the FBA fee
 * preview, FBM) or the FBA table, whose fee depends on the price band.
 */
export type ReferralPart = { category: ReferralCategory } | { rate: Decimal.Value; minimum: Decimal.Value | null };
export type FulfilmentPart = { fixed: Decimal.Value } | { marketplace: string; date: string; parcel: Parcel };

export function feeModel(referral: ReferralPart, fulfilment: FulfilmentPart): FeeModel {
  const referralAt = 'category' in referral
    ? (p: Decimal) => referralFee(referral.category, p)
    : (p: Decimal) => Decimal.max(p.mul(referral.rate), referral.minimum ?? 0);
  const referralEdges = 'category' in referral ? referralBreakpoints(referral.category)
    : referral.minimum === null || new Decimal(referral.rate).isZero() ? [] : [new Decimal(referral.minimum).div(referral.rate)];
  if ('fixed' in fulfilment) {
    const fixed = new Decimal(fulfilment.fixed);
    return { at: (p) => ({ referral: referralAt(p), fulfilment: fixed }), breakpoints: referralEdges };
  }
  const table = tableOn(fulfilmentTables, fulfilment.marketplace, fulfilment.date);
  const tier = sizeTierOf(fulfilment.parcel);
  return {
    at: (p) => {
      const band = priceBand(p);
      const base = table ? fulfilmentFee(table, tier, band) : null;
      // an unknown peak surcharge counts as 0 here: the estimate's notes say so
      const peak = peakSurcharge(fulfilment.marketplace, fulfilment.date, tier, band).amount ?? new Decimal(0);
      return base === null ? null : { referral: referralAt(p), fulfilment: base.add(peak) };
    },
    breakpoints: [...referralEdges, ...priceBandEdges],
  };
}
