import type { FulfilmentRow, FulfilmentTable, PeakTable, SizeTier } from './types.ts';

/**
 * Amazon US FBA fulfilment fees per unit (non-peak, not apparel, not dangerous goods).
 *
 * 2026 rate card, effective 2026-01-15: Amazon's page is "FBA fulfillment fees",
 * https://sellercentral.amazon.com/gp/help/external/200209150 (the rate card itself sits behind the
 * Seller Central login); the figures below are the 2026 card as reproduced in
 * https://github.com/progami/targonos/blob/b1b723f49c82a439c20ba8fa41a430b35f1865d4/apps/talos/src/lib/amazon/fees.ts
 * and agree with Amazon's announcement (small standard $10–$50 +$0.25 on average, large standard
 * +$0.05, the low-price discount raised to $0.86: https://www.sellerapp.com/blog/amazon-fba-fees,
 * https://sellersasksellers.com/t/2026-updates-to-us-referral-and-fulfillment-by-amazon-fees/6593).
 * Price bands: under $10 (Low-Price FBA), $10–$50, over $50.
 */
const bands = (under10: string, tenToFifty: string, over50: string) => ({ under_10: under10, '10_to_50': tenToFifty, over_50: over50 });
const oz = (n: number) => String(n / 16);
const band = (tier: SizeTier, overLb: string, upToLb: string | null, fee: FulfilmentRow['fee'], perStep?: FulfilmentRow['perStep']): FulfilmentRow =>
  ({ tier, overLb, upToLb, fee, ...(perStep ? { perStep } : {}) });

export const usFulfilment2026: FulfilmentTable = {
  version: 'US-FBA-2026-01-15',
  marketplace: 'US',
  currency: 'USD',
  effectiveFrom: '2026-01-15',
  effectiveTo: null,
  source: 'https://sellercentral.amazon.com/gp/help/external/200209150',
  rows: [
    band('small_standard', '0', oz(2), bands('2.43', '3.32', '3.58')),
    band('small_standard', oz(2), oz(4), bands('2.49', '3.42', '3.68')),
    band('small_standard', oz(4), oz(6), bands('2.56', '3.45', '3.71')),
    band('small_standard', oz(6), oz(8), bands('2.66', '3.54', '3.80')),
    band('small_standard', oz(8), oz(10), bands('2.77', '3.68', '3.94')),
    band('small_standard', oz(10), oz(12), bands('2.82', '3.78', '4.04')),
    band('small_standard', oz(12), oz(14), bands('2.92', '3.91', '4.17')),
    band('small_standard', oz(14), oz(16), bands('2.95', '3.96', '4.22')),
    band('large_standard', '0', oz(4), bands('2.91', '3.73', '3.99')),
    band('large_standard', oz(4), oz(8), bands('3.13', '3.95', '4.21')),
    band('large_standard', oz(8), oz(12), bands('3.38', '4.20', '4.46')),
    band('large_standard', oz(12), oz(16), bands('3.78', '4.60', '4.86')),
    band('large_standard', '1', '1.25', bands('4.22', '5.04', '5.30')),
    band('large_standard', '1.25', '1.5', bands('4.60', '5.42', '5.68')),
    band('large_standard', '1.5', '1.75', bands('4.75', '5.57', '5.83')),
    band('large_standard', '1.75', '2', bands('5.00', '5.82', '6.08')),
    band('large_standard', '2', '2.25', bands('5.10', '5.92', '6.18')),
    band('large_standard', '2.25', '2.5', bands('5.28', '6.10', '6.36')),
    band('large_standard', '2.5', '2.75', bands('5.44', '6.26', '6.52')),
    band('large_standard', '2.75', '3', bands('5.85', '6.67', '6.93')),
    // 3+ lb to 20 lb: + $0.08 per 4 oz above the first 3 lb
    band('large_standard', '3', '20', bands('6.15', '6.97', '7.23'), { aboveLb: '3', stepLb: '0.25', fee: '0.08' }),
    // bulky and extra-large: + per pound above the first pound (50 / 70 / 150 lb tiers above their base)
    band('small_bulky', '0', '50', bands('6.78', '7.55', '7.55'), { aboveLb: '1', stepLb: '1', fee: '0.38' }),
    band('large_bulky', '0', '50', bands('8.58', '9.35', '9.35'), { aboveLb: '1', stepLb: '1', fee: '0.38' }),
    band('extra_large_0_50', '0', '50', bands('25.56', '26.33', '26.33'), { aboveLb: '1', stepLb: '1', fee: '0.38' }),
    band('extra_large_50_70', '50', '70', bands('36.55', '37.32', '37.32'), { aboveLb: '51', stepLb: '1', fee: '0.75' }),
    band('extra_large_70_150', '70', '150', bands('50.55', '51.32', '51.32'), { aboveLb: '71', stepLb: '1', fee: '0.75' }),
    band('extra_large_150_plus', '150', null, bands('194.18', '194.95', '194.95'), { aboveLb: '151', stepLb: '1', fee: '0.19' }),
  ],
};

/**
 * The 2025 non-peak rates: only the rows found in a public source are kept (no price bands in 2025
 * apart from Low-Price FBA, whose 2025 rates were not found, so an item under $10 gets no estimate).
 * Source: Amazon's 2025–26 peak announcement as tabled at https://www.sellerlabs.com/blog/amazon-fba-peak-fees-2025.
 */
const same = (fee: string) => ({ '10_to_50': fee, over_50: fee });
export const usFulfilment2025: FulfilmentTable = {
  version: 'US-FBA-2025-01-15',
  marketplace: 'US',
  currency: 'USD',
  effectiveFrom: '2025-01-15',
  effectiveTo: '2026-01-14',
  source: 'https://www.sellerlabs.com/blog/amazon-fba-peak-fees-2025',
  rows: [
    band('small_standard', '0', oz(2), same('3.06')),
    band('small_standard', oz(4), oz(6), same('3.24')),
    band('small_standard', oz(12), oz(14), same('3.60')),
    band('large_standard', oz(12), oz(16), same('4.65')),
    band('large_standard', '1.75', '2', same('5.77')),
    band('large_standard', '2.75', '3', same('6.62')),
    band('large_bulky', '0', '50', same('9.61'), { aboveLb: '1', stepLb: '1', fee: '0.38' }),
  ],
};

/**
 * Holiday peak surcharge, 2025-10-15 to 2026-01-14 (US FBA; "in line with last year's rates").
 * Source: https://www.sellerlabs.com/blog/amazon-fba-peak-fees-2025 (peak minus non-peak fee per row);
 * dates also at https://www.supplychaindive.com/news/amazon-2025-fba-fulfillment-peak-season-charges/758169.
 * Only the rows found are kept. The 2026–27 peak rates were not found: no table, and an estimate
 * dated in that season says so in its notes.
 */
export const usPeak2025: PeakTable = {
  version: 'US-FBA-peak-2025-10-15',
  marketplace: 'US',
  currency: 'USD',
  effectiveFrom: '2025-10-15',
  effectiveTo: '2026-01-14',
  source: 'https://www.sellerlabs.com/blog/amazon-fba-peak-fees-2025',
  bands: ['10_to_50', 'over_50'],
  rows: [
    { tier: 'small_standard', overLb: '0', upToLb: oz(2), surcharge: '0.19' },
    { tier: 'small_standard', overLb: oz(4), upToLb: oz(6), surcharge: '0.20' },
    { tier: 'small_standard', overLb: oz(12), upToLb: oz(14), surcharge: '0.22' },
    { tier: 'large_standard', overLb: oz(12), upToLb: oz(16), surcharge: '0.20' },
    { tier: 'large_standard', overLb: '1.75', upToLb: '2', surcharge: '0.33' },
    { tier: 'large_standard', overLb: '2.75', upToLb: '3', surcharge: '0.41' },
    { tier: 'large_bulky', overLb: '0', upToLb: '50', surcharge: '1.04' },
  ],
};

/** Mid-October to mid-January: the window Amazon has used for its holiday peak fees since 2022. */
export const peakSeason = { fromMonthDay: '10-15', toMonthDay: '01-14' } as const;

export const fulfilmentTables: readonly FulfilmentTable[] = [usFulfilment2026, usFulfilment2025];
export const peakTables: readonly PeakTable[] = [usPeak2025];
