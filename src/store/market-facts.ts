import type { Database } from './database.ts';

/** Dated facts about the market around an ASIN (migration 016): written per day, a later pull of the day replaces it. */
export interface SalesRank {
  asin: string;
  kind: 'classification' | 'display_group';
  category_id: string;
  category: string | null;
  rank: number;
}

export interface OfferSnapshot {
  asin: string;
  offers: number | null;
  buy_box_price: string | null;
  currency: string | null;
  seller_has_buy_box: boolean | null;
  seller_offers: number | null;
}

interface Day {
  store: string;
  marketplace: string;
  date: string;
  source: string;
}

export async function writeSalesRanks(db: Database, day: Day, asin: string, ranks: readonly SalesRank[]): Promise<void> {
  await db.transaction(async () => {
    await db.run('DELETE FROM sales_ranks WHERE store = $1 AND marketplace = $2 AND asin = $3 AND date = $4::DATE AND source = $5', [day.store, day.marketplace, asin, day.date, day.source]);
    for (const r of ranks) {
      await db.run(`INSERT INTO sales_ranks (store, marketplace, asin, date, kind, category_id, category, rank, source) VALUES ($1, $2, $3, $4::DATE, $5, $6, $7, $8, $9)`,
        [day.store, day.marketplace, asin, day.date, r.kind, r.category_id, r.category, r.rank, day.source]);
    }
  });
}

export async function writeOfferSnapshot(db: Database, day: Day, o: OfferSnapshot): Promise<void> {
  await db.run(`INSERT OR REPLACE INTO offer_snapshots (store, marketplace, asin, date, offers, buy_box_price, currency, seller_has_buy_box, seller_offers, source, fetched_at)
    VALUES ($1, $2, $3, $4::DATE, $5, $6::DECIMAL(18,4), $7, $8, $9, $10, current_timestamp)`,
  [day.store, day.marketplace, o.asin, day.date, o.offers, o.buy_box_price, o.currency, o.seller_has_buy_box, o.seller_offers, day.source]);
}

/** The seller's own ASINs in a marketplace: what their listings and sales name. */
export async function ownAsins(db: Database, store: string, marketplace: string): Promise<string[]> {
  const rows = await db.all(`SELECT DISTINCT asin FROM (
      SELECT asin FROM listings WHERE store = $1 AND marketplace = $2
      UNION ALL SELECT asin FROM br_sales WHERE store = $1 AND marketplace = $2
    ) WHERE asin IS NOT NULL AND asin <> '' ORDER BY asin`, [store, marketplace]);
  return rows.map((r) => String(r.asin));
}
