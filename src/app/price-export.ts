import { AsterismError } from '../domain/errors.ts';
import { say } from '../domain/messages.ts';
import { amazonPriceFile } from '../report/amazon-price-file.ts';
import { shopifyPriceCsv, walmartPriceFeed, type ShopifyPriceRow } from '../report/channel-price-files.ts';
import type { Database } from '../store/database.ts';
import { approvedForChannel, approvedToExport, markChannelExported, markExported, shopifyListings } from '../store/price-suggestions.ts';

/**
 * `asterism price export --channel amazon`: the approved prices not yet exported, as Amazon's Price &
 * Quantity file for one marketplace; they are marked exported (and logged) so the next export does
 * not send them again.
 */
export interface ExportRequest {
  channel: 'amazon' | 'walmart' | 'shopify';
  store?: string | undefined;
  marketplace?: string | undefined;
  user: string;
}

export async function exportApprovedPrices(db: Database, r: ExportRequest) {
  if (r.channel !== 'amazon') return exportToChannel(db, { ...r, channel: r.channel });
  const approved = await approvedToExport(db, { store: r.store, marketplace: r.marketplace });
  const marketplaces = [...new Set(approved.map((s) => s.marketplace))];
  if (marketplaces.length > 1) {
    throw new AsterismError('bad_request', say('price_export_marketplaces', { marketplaces: { en: marketplaces.join(', '), zh: marketplaces.join('、') } }));
  }
  const rows = approved.map((s) => ({ id: s.id, sku: s.sku, marketplace: s.marketplace, currency: s.currency, price: s.suggested_price ?? '' }));
  const file = amazonPriceFile(rows);
  if (rows.length > 0) await markExported(db, approved, r.user, `amazon price file (${rows.length} SKUs)`);
  return { channel: r.channel, marketplace: marketplaces[0] ?? r.marketplace ?? null, count: rows.length, rows, file };
}

/**
 * `asterism price export --channel walmart|shopify`: the same approved prices, in Walmart's bulk price feed or Shopify's
 * product CSV, each channel keeping its own record of what it was sent (one approval goes to every channel once). A SKU
 * Shopify does not list (no product export imported with it) is not written and is named in `unlisted`.
 */
async function exportToChannel(db: Database, r: ExportRequest & { channel: 'walmart' | 'shopify' }) {
  const approved = await approvedForChannel(db, r.channel, { store: r.store, marketplace: r.marketplace });
  const marketplaces = [...new Set(approved.map((s) => s.marketplace))];
  if (marketplaces.length > 1) {
    throw new AsterismError('bad_request', say('price_export_marketplaces', { marketplaces: { en: marketplaces.join(', '), zh: marketplaces.join('、') } }));
  }
  const priced = approved.filter((s) => s.suggested_price !== null);
  let sent = priced;
  let unlisted: string[] = [];
  let file: string;
  if (r.channel === 'walmart') {
    file = walmartPriceFeed(priced.map((s) => ({ sku: s.sku, price: s.suggested_price ?? '', currency: s.currency })));
  } else {
    const listings = await shopifyListings(db, r.store, priced.map((s) => s.sku));
    const rows: ShopifyPriceRow[] = [];
    for (const s of priced) {
      const l = listings.get(s.sku);
      if (l?.handle) rows.push({ sku: s.sku, price: s.suggested_price ?? '', currency: s.currency, handle: l.handle, options: l.options });
    }
    sent = priced.filter((s) => listings.get(s.sku)?.handle);
    unlisted = priced.filter((s) => !listings.get(s.sku)?.handle).map((s) => s.sku);
    file = shopifyPriceCsv(rows);
  }
  const rows = sent.map((s) => ({ id: s.id, sku: s.sku, marketplace: s.marketplace, currency: s.currency, price: s.suggested_price ?? '' }));
  if (sent.length > 0) await markChannelExported(db, r.channel, sent, r.user, `${r.channel} price file (${sent.length} SKUs)`);
  return { channel: r.channel, marketplace: marketplaces[0] ?? r.marketplace ?? null, count: rows.length, rows, file, unlisted };
}
