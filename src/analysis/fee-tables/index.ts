/** Amazon fee tables as data, each with its version, effective dates and source. */
export * from './types.ts';
export { usReferral2026 } from './us-referral.ts';
export { fulfilmentTables, peakSeason, peakTables, usFulfilment2025, usFulfilment2026, usPeak2025 } from './us-fulfilment.ts';
export { dimDivisor, dimensionUnits, parcelOf, sizeTierOf, usSizeTiers, weightUnits, type DimensionUnit, type Parcel, type SizeTierRule, type TierAnswer, type WeightUnit } from './size-tiers.ts';
import { usReferral2026 } from './us-referral.ts';
import type { ReferralTable } from './types.ts';
export const referralTables: readonly ReferralTable[] = [usReferral2026];
