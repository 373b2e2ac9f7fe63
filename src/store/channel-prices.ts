import type { Database } from './database.ts';

export interface ChannelPrice {
  store: string;
  sku: string;
  channel: string;
  /** Amazon: the marketplace of the listing */
  where: string | null;
  price: string;
  currency: string | null;
}

/** Each SKU's current price on each channel: Amazon's latest All Listings report, the other channels' own listings. */
export async function channelPrices(db: Database, store?: string): Promise<ChannelPrice[]> {
  const rows = await db.all(
    `SELECT store, sku, channel, place, price, currency FROM (
       SELECT store, sku, 'amazon' AS channel, marketplace AS place, CAST(price AS VARCHAR) AS price, currency,
              row_number() OVER (PARTITION BY store, marketplace, sku ORDER BY snapshot_date DESC, import_id DESC) AS latest
       FROM listings WHERE price IS NOT NULL AND (CAST($1 AS VARCHAR) IS NULL OR store = $1)
     ) AS amazon WHERE latest = 1
     UNION ALL
     SELECT store, sku, channel, NULL, CAST(price AS VARCHAR), currency FROM channel_listings
     WHERE price IS NOT NULL AND (CAST($1 AS VARCHAR) IS NULL OR store = $1)
     ORDER BY sku, channel`,
    [store ?? null],
  );
  return rows.map((r) => ({
    store: String(r.store), sku: String(r.sku), channel: String(r.channel), where: r.place === null ? null : String(r.place),
    price: String(r.price), currency: r.currency === null ? null : String(r.currency),
  }));
}
