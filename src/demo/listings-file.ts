/** The All Listings Report (GET_MERCHANT_LISTINGS_ALL_DATA) per store and marketplace, on the last day. */
import type { DemoFile } from './demo-file.ts';
import { plainMoney, tsvLine } from './format.ts';
import { markets, type MarketCode } from './markets.ts';
import { listingsOf, type World } from './world.ts';

/** The English layout as src/ingest/README.md documents it (29 columns). */
export const listingsReportHeader = ['item-name', 'item-description', 'listing-id', 'seller-sku', 'price', 'quantity', 'open-date',
  'image-url', 'item-is-marketplace', 'product-id-type', 'zshop-shipping-fee', 'item-note', 'item-condition', 'zshop-category1',
  'zshop-browse-path', 'zshop-storefront-feature', 'asin1', 'asin2', 'asin3', 'will-ship-internationally', 'expedited-shipping',
  'zshop-boldface', 'product-id', 'bid-for-featured-placement', 'add-delete', 'pending-quantity', 'fulfillment-channel',
  'merchant-shipping-group', 'status'];

const fbaChannel: Record<MarketCode, string> = { US: 'AMAZON_NA', DE: 'AMAZON_EU', JP: 'AMAZON_JP' };

/**
 * image-url stays empty, as in every real file seen, and because the demo must fetch nothing: a
 * made-up address would be an outside request from the dashboard. The dashboard draws its
 * placeholder tile instead. open-date is written in the US form (`2025-11-24 10:00:00 PST`);
 * DE and JP leave it empty, as no sample of their form was found.
 */
export function writeListingsReport(world: World, store: string, code: MarketCode): DemoFile[] {
  const date = world.days[world.days.length - 1] ?? '';
  const opened = code === 'US' ? `${world.days[0] ?? ''} 10:00:00 ${pacificZone(world.days[0] ?? '')}` : '';
  let n = 0;
  // listing ids look like Amazon's (`0315ZB1G5NR`: month and day listed, then 7 characters)
  const listingId = () => `${date.slice(5, 7)}${date.slice(8, 10)}Z${String(++n).padStart(6, '0')}`;
  const rows = listingsOf(world, store, code).flatMap((l) => {
    const price = plainMoney(world.traffic[l.index]?.at(-1)?.priceMinor ?? l.priceMinor, markets[code].currency);
    const row = (sku: string, fba: boolean) => {
      const cells = Object.fromEntries(listingsReportHeader.map((h) => [h, ''])) as Record<string, string>;
      Object.assign(cells, {
        'item-name': l.title, 'listing-id': listingId(), 'seller-sku': sku, price, 'open-date': opened, 'item-is-marketplace': 'y',
        'product-id-type': '1', 'item-condition': '11', asin1: l.asin, 'product-id': l.asin,
        // Amazon holds an FBA offer's stock: its quantity is empty
        quantity: fba ? '' : '5', 'pending-quantity': fba ? '' : '0', 'fulfillment-channel': fba ? fbaChannel[code] : 'DEFAULT',
        'merchant-shipping-group': 'Migrated Template', status: 'Active',
      });
      return tsvLine(listingsReportHeader.map((h) => cells[h] ?? ''));
    };
    return l.fbmSku ? [row(l.sku, true), row(l.fbmSku, false)] : [row(l.sku, true)];
  });
  const text = [tsvLine(listingsReportHeader), ...rows].join('\n') + '\n';
  return [{ path: `${store}/${code}/inventory/All-Listings-Report-${date}.txt`, type: 'listings_report', store, marketplace: code, date, content: Buffer.from(text, 'utf8') }];
}

function pacificZone(day: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Los_Angeles', timeZoneName: 'short' })
    .formatToParts(new Date(`${day}T18:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value;
  return name === 'PDT' ? 'PDT' : 'PST';
}
