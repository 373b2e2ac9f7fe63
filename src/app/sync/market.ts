import { AsterismError } from '../../domain/errors.ts';
import type { Marketplace } from '../../domain/marketplaces.ts';
import type { Database } from '../../store/database.ts';
import { ownAsins, writeOfferSnapshot, writeSalesRanks, type SalesRank } from '../../store/market-facts.ts';
import type { ApiClient } from './api-client.ts';
import type { Chunk } from './plan.ts';
import type { SyncReport } from './report-types.ts';

/**
 * Today's market facts for each of the seller's own ASINs in a marketplace: the Best Sellers Rank per category
 * (Catalog Items API 2022-04-01, includedData=salesRanks) or the offers (Product Pricing API v0 getItemOffers: total
 * offers, the Buy Box price, and whether the seller's own offer, `MyOffer`, wins it). An ASIN the API does not know
 * (404) is skipped; anything else fails the run. Answers how many ASINs were written.
 */
export async function pullMarket(db: Database, client: ApiClient, report: SyncReport, store: string, marketplace: Marketplace, chunk: Chunk): Promise<number> {
  const day = { store, marketplace: marketplace.code, date: chunk.to, source: 'sp_api' };
  let written = 0;
  for (const asin of await ownAsins(db, store, marketplace.code)) {
    try {
      if (report.reportType === 'CATALOG_SALES_RANKS') {
        const answer = await client.call('getCatalogItem', 'GET', `/catalog/2022-04-01/items/${encodeURIComponent(asin)}`, { query: { marketplaceIds: marketplace.amazonId, includedData: 'salesRanks' } });
        await writeSalesRanks(db, day, asin, salesRanksOf(answer.json, marketplace.amazonId));
      } else {
        const answer = await client.call('getItemOffers', 'GET', `/products/pricing/v0/items/${encodeURIComponent(asin)}/offers`, { query: { MarketplaceId: marketplace.amazonId, ItemCondition: 'New' } });
        await writeOfferSnapshot(db, day, { asin, ...offersOf(answer.json) });
      }
      written++;
    } catch (e) {
      if (e instanceof AsterismError && e.details?.status === 404) continue;
      throw e;
    }
  }
  return written;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v as Json : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);

/** `salesRanks[]` of the marketplace: classificationRanks (browse nodes) and displayGroupRanks (top-level categories) */
export function salesRanksOf(json: unknown, marketplaceId: string): SalesRank[] {
  const asin = String(obj(json).asin ?? '');
  const entry = list(obj(json).salesRanks).find((r) => r.marketplaceId === marketplaceId);
  if (!entry) return [];
  const ranks: SalesRank[] = [];
  for (const r of list(entry.classificationRanks)) {
    if (typeof r.rank === 'number') ranks.push({ asin, kind: 'classification', category_id: String(r.classificationId ?? ''), category: typeof r.title === 'string' ? r.title : null, rank: r.rank });
  }
  for (const r of list(entry.displayGroupRanks)) {
    if (typeof r.rank === 'number') ranks.push({ asin, kind: 'display_group', category_id: String(r.websiteDisplayGroup ?? ''), category: typeof r.title === 'string' ? r.title : null, rank: r.rank });
  }
  return ranks;
}

/** getItemOffers' payload: Summary.TotalOfferCount and BuyBoxPrices (New), Offers[].MyOffer and IsBuyBoxWinner */
export function offersOf(json: unknown): { offers: number | null; buy_box_price: string | null; currency: string | null; seller_has_buy_box: boolean | null; seller_offers: number | null } {
  const payload = obj(obj(json).payload);
  const summary = obj(payload.Summary);
  const buyBox = list(summary.BuyBoxPrices).find((b) => String(b.condition ?? '').toLowerCase() === 'new') ?? list(summary.BuyBoxPrices)[0];
  const price = obj(buyBox?.LandedPrice ?? buyBox?.ListingPrice);
  const offers = list(payload.Offers);
  const mine = offers.filter((o) => o.MyOffer === true);
  return {
    offers: typeof summary.TotalOfferCount === 'number' ? summary.TotalOfferCount : null,
    // the amount as Amazon wrote it, kept exact as text
    buy_box_price: typeof price.Amount === 'number' || typeof price.Amount === 'string' ? String(price.Amount) : null,
    currency: typeof price.CurrencyCode === 'string' ? price.CurrencyCode : null,
    seller_has_buy_box: offers.length ? mine.some((o) => o.IsBuyBoxWinner === true) : null,
    seller_offers: offers.length ? mine.length : null,
  };
}
