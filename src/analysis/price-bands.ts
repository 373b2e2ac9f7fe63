import { marketplaceGroup } from './benchmarks.ts';
import type { MarketplaceGroup } from './benchmark-table.ts';

/**
 * Price bands (价格带) an ASIN falls in by its average selling price in the period (sales ÷ units, in
 * its marketplace's currency), so that a benchmark override can be set per band
 * (`asterism benchmarks set … --price-band mid`). Conversion differs by price band (seed 000:
 * "不同类目、价格带转化逻辑不同"); the seeds give no thresholds, so these are ours, kept as data:
 * each band is below its `under` bound (the last one open), in the group's currency (USD, EUR/GBP, JPY).
 */
export const priceBands: Readonly<Record<MarketplaceGroup, readonly { band: string; under: number | null }[]>> = {
  US: [{ band: 'budget', under: 10 }, { band: 'mid', under: 25 }, { band: 'upper', under: 50 }, { band: 'premium', under: null }],
  EU: [{ band: 'budget', under: 10 }, { band: 'mid', under: 25 }, { band: 'upper', under: 50 }, { band: 'premium', under: null }],
  JP: [{ band: 'budget', under: 1500 }, { band: 'mid', under: 3500 }, { band: 'upper', under: 7500 }, { band: 'premium', under: null }],
};

/** The band of an average selling price; null when the price is unknown (no units sold). */
export function priceBandOf(marketplace: string | null, averageSellingPrice: number | null): string | null {
  if (averageSellingPrice === null) return null;
  // (a loop, not find: asked for each of 10,000 ASINs of a funnel)
  for (const b of priceBands[marketplaceGroup(marketplace)]) if (b.under === null || averageSellingPrice < b.under) return b.band;
  return null;
}
