/**
 * The shapes of the fee tables (SPEC §6 "fee tables kept as data with effective date ranges").
 * Money and weights are decimal strings so the tables never pass through a binary float.
 */

/** FBA price bands: Amazon US prices fulfilment from 2026 by the item's price as well as its size. */
export type PriceBand = 'under_10' | '10_to_50' | 'over_50';

/** US product size tiers (2024+ names: "large bulky" and "extra-large" replaced the oversize tiers). */
export type SizeTier =
  | 'small_standard' | 'large_standard' | 'small_bulky' | 'large_bulky'
  | 'extra_large_0_50' | 'extra_large_50_70' | 'extra_large_70_150' | 'extra_large_150_plus';

/** One weight band of a size tier: `overLb` < shipping weight ≤ `upToLb` (a gap between rows is an unknown fee). */
export interface FulfilmentRow {
  tier: SizeTier;
  overLb: string;
  upToLb: string | null;
  /** the fee per price band; a band left out is one the sources did not give */
  fee: Partial<Record<PriceBand, string>>;
  /** + `fee` for every started pound (or `stepLb`) above `aboveLb` */
  perStep?: { aboveLb: string; stepLb: string; fee: string };
}

export interface FulfilmentTable {
  version: string;
  marketplace: string;
  currency: string;
  effectiveFrom: string;
  /** last day the table holds, inclusive; null while it is current */
  effectiveTo: string | null;
  source: string;
  rows: readonly FulfilmentRow[];
}

/** A surcharge added to the fulfilment fee in a date window (holiday peak). */
export interface PeakTable {
  version: string;
  marketplace: string;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string;
  source: string;
  /** price bands the surcharge applies to */
  bands: readonly PriceBand[];
  rows: readonly { tier: SizeTier; overLb: string; upToLb: string | null; surcharge: string }[];
}

/** A referral tier: the rate holds for the whole price up to `upTo` (`whole`) or for the part of the price in the tier (`portion`). */
export interface ReferralTier {
  upTo: string | null;
  rate: string;
}

export interface ReferralCategory {
  id: string;
  en: string;
  zh: string;
  /** other spellings a seller's products file may use */
  also?: readonly string[];
  /** `whole`: one rate for the whole price, picked by the price; `portion`: each tier's rate on its part of the price */
  kind: 'whole' | 'portion';
  tiers: readonly ReferralTier[];
  /** per-item minimum referral fee; null where the category has none */
  minimum: string | null;
}

export interface ReferralTable {
  version: string;
  marketplace: string;
  currency: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  source: string;
  categories: readonly ReferralCategory[];
}
